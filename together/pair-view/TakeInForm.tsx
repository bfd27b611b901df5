import { useId, useMemo, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import type { MessageKey } from '../../platform/i18n';
import { busyProps, useWrite } from '../../ui/useWrite';
import { decodePairCode, takeInPairCode } from '../code/pair-code';
import type { PairPayload } from '../code/pair-payload';
import { describePairCode } from '../code/describe-pair-code';
import type { TakeInRefusal } from '../pairing';
import { pairCodeWords } from './pair-words';

/** Why a code is not taken in, as the field says it. */
export type CodeProblem = TakeInRefusal | 'empty' | 'failed';

const PROBLEM_WORDS: Record<CodeProblem, MessageKey> = {
  empty: 'togetherCodeEmpty',
  typo: 'togetherError_typo',
  truncated: 'togetherError_truncated',
  newer: 'togetherError_newer',
  'not-a-code': 'togetherError_notACode',
  same: 'togetherError_same',
  older: 'togetherError_older',
  failed: 'togetherFailed',
};

/**
 * "I have a code": the partner's code pasted in, what pairing means and what the code carries in
 * words, then Pair (or Update, for a newer code of this pair). A code still being typed is judged
 * on "Check code" or when the field is left; once judged, the field is judged again as it changes.
 */
export function TakeInForm({
  current,
  fingerprint,
  localZone,
  onTakeIn,
  onCancel,
}: {
  /** The stored pair (null: unpaired, or unreadable). */
  current: PairPayload | null;
  /** This Tend's library fingerprint (null: not loaded, not compared). */
  fingerprint: number | null;
  localZone: string;
  /** Takes the code in; a refusal says why (nothing was written then). */
  onTakeIn: (text: string) => Promise<CodeProblem | null>;
  onCancel: () => void;
}) {
  const { t, locale, now } = useServices();
  const id = useId();
  const [text, setText] = useState('');
  const [judged, setJudged] = useState(false);
  const [failure, setFailure] = useState<CodeProblem | null>(null);
  const { busy, run } = useWrite();

  const decoded = useMemo(() => (text.trim() === '' ? null : decodePairCode(text)), [text]);
  const payload = decoded && 'ok' in decoded ? decoded.ok : null;
  const decision = payload ? takeInPairCode(current, payload) : null;
  const problem: CodeProblem | null =
    decoded === null ? 'empty' : 'error' in decoded ? decoded.error : decision === 'same' || decision === 'older' ? decision : null;
  // A whole, intact code that changes nothing says so at once; a code being typed waits to be judged.
  const shown = failure ?? (problem === 'same' || problem === 'older' || (judged && problem) ? problem : null);
  const takes = payload !== null && (decision === 'pair' || decision === 'other-pair' || decision === 'update');
  const summary = payload ? describePairCode(payload, fingerprint) : null;
  const words = summary ? pairCodeWords(summary, { t, locale, now: now(), localZone }) : null;

  return (
    <div class="pair-take-in">
      <div class="field">
        <label for={`${id}-code`}>{t('togetherCodeLabel')}</label>
        <textarea
          id={`${id}-code`}
          rows={3}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="characters"
          value={text}
          aria-invalid={shown !== null}
          aria-describedby={shown ? `${id}-error` : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setFailure(null);
          }}
          onChange={() => setJudged(true)}
        />
        {shown && (
          <p id={`${id}-error`} class="error" role="alert">
            {t(PROBLEM_WORDS[shown])}
          </p>
        )}
      </div>
      {takes && summary && words && (
        <div class="pair-summary">
          {decision === 'other-pair' && <p>{t('togetherOtherPair')}</p>}
          <p>{t(decision === 'update' ? 'togetherNewer' : 'togetherMeans')}</p>
          <p id={`${id}-says`}>{t('togetherSuggests')}</p>
          <ul class="pair-list" aria-labelledby={`${id}-says`}>
            {words.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {words.zoneNote && <p class="small">{words.zoneNote}</p>}
          {summary.sameLibrary === false && (
            <p class="notice" role="note">
              {t('togetherLibraryNote')}
            </p>
          )}
        </div>
      )}
      <div class="row">
        {takes ? (
          <button
            type="button"
            class="primary"
            {...busyProps(busy)}
            onClick={() =>
              void run(async () => {
                setFailure(await onTakeIn(text));
              })
            }
          >
            {t(decision === 'update' ? 'togetherUpdate' : 'togetherPair')}
          </button>
        ) : (
          <button type="button" onClick={() => setJudged(true)}>
            {t('togetherCheck')}
          </button>
        )}
        <button type="button" class="ghost" onClick={onCancel}>
          {t('togetherCancel')}
        </button>
      </div>
    </div>
  );
}
