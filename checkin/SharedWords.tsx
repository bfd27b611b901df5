import { useId, useState } from 'preact/hooks';
import { useServices } from '../platform/services';
import type { MessageKey } from '../platform/i18n';
import { Checkbox } from '../ui/RadioGroup';
import { busyProps, useWrite } from '../ui/useWrite';
import { CopyButton } from '../ui/CopyButton';
import type { CheckIn } from '../model/records';
import { shareCode, takeInWord, type TakeInWordRefusal } from '../together/shared-checkin/partner-word';
import { answerToShare, fittingTalk } from '../together/shared-checkin/shared-week';
import { NONCE_BYTES } from '../together/shared-checkin/sealed-word';
import type { OpenedWord, PartnerWords } from './usePartnerWords';
import { ANSWER_WORDS } from './checkin';

type Problem = TakeInWordRefusal | 'empty' | 'failed';

/** The link's words for each conversation `fittingTalk` offers. */
const TALK_LINKS: Record<ReturnType<typeof fittingTalk>, MessageKey> = {
  'talk-pressure': 'talkOfferPressure',
  'talk-this-month': 'talkOfferThisMonth',
  'talk-ordinary-days': 'talkOfferOrdinaryDays',
};

const PROBLEMS: Record<Problem, MessageKey> = {
  empty: 'sharedErrorEmpty',
  'not-a-code': 'sharedErrorNotACode',
  'pair-code': 'sharedErrorPairCode',
  'other-pair': 'sharedErrorOtherPair',
  'other-week': 'sharedErrorOtherWeek',
  altered: 'sharedErrorAltered',
  newer: 'sharedErrorNewer',
  unpaired: 'sharedErrorUnpaired',
  failed: 'togetherFailed',
};

/**
 * Settings › Check-ins, for paired Tends: this week's answer sealed for the partner's Tend (the note only
 * when ticked), the partner's word taken in and kept sealed until this Tend has answered too, then both
 * words side by side, and one conversation for the two.
 */
export function SharedWords({ checkIns, partner }: { checkIns: readonly CheckIn[]; partner: PartnerWords }) {
  const { t, store, now, openPage } = useServices();
  const id = useId();
  const [withNote, setWithNote] = useState(false);
  const [code, setCode] = useState<{ forId: string; withNote: boolean; text: string } | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const { busy, run } = useWrite();
  const { pair } = partner;
  if (!pair) return null;

  const share = answerToShare(checkIns, pair.zone, now());
  const newest = partner.sideBySide;
  const talk = newest ? fittingTalk(newest.mine.answer, newest.word.answer) : 'talk-ordinary-days';
  const shown = code && share && code.forId === share.checkIn.id && code.withNote === (withNote && share.checkIn.note !== '') ? code.text : null;

  const makeCode = () =>
    run(async () => {
      if (!share) return;
      const note = withNote && share.checkIn.note !== '';
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      setCode({ forId: share.checkIn.id, withNote: note, text: await shareCode(pair, share.week, share.checkIn, note, nonce) });
    });

  const takeIn = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      setStatus('');
      if (text.trim() === '') return setProblem('empty');
      try {
        const result = await takeInWord(store, text, { pair, now: now() });
        if ('refused' in result) return setProblem(result.refused);
        setProblem(null);
        setText('');
        await partner.reload();
        setStatus(t(result.done === 'same' ? 'sharedAlreadyHere' : 'sharedTaken'));
      } catch {
        setProblem('failed');
      }
    });
  };

  return (
    <div class="shared-words" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('sharedHeading')}</h3>
      <p class="muted small">{t('sharedHelp')}</p>

      {newest && (
        <div class="shared-both">
          <dl>
            <div>
              <dt>{t('sharedYours')}</dt>
              <dd>{t(ANSWER_WORDS[newest.mine.answer])}</dd>
            </div>
            <div>
              <dt>{t('sharedTheirs')}</dt>
              <dd>{t(ANSWER_WORDS[newest.word.answer])}</dd>
              {newest.word.note && <dd class="checkin-entry-note">{newest.word.note}</dd>}
            </div>
          </dl>
          <p class="muted small">{t('sharedNoJudging')}</p>
          <p>
            <a
              href={`/talk.html#${talk}`}
              onClick={(e) => {
                e.preventDefault();
                openPage('/talk.html', `#${talk}`);
              }}
            >
              {t(TALK_LINKS[talk])}
            </a>
          </p>
        </div>
      )}
      {partner.sealed && <p class="notice">{t('sharedSealed')}</p>}

      {share ? (
        <div class="field">
          {share.checkIn.note !== '' && <Checkbox label={t('sharedWithNote')} checked={withNote} onChange={setWithNote} />}
          {shown ? (
            <>
              <p>{t('sharedCodeHow')}</p>
              <p class="word-code" translate={false}>
                {shown}
              </p>
              <CopyButton key={shown} text={shown} />
            </>
          ) : (
            <button type="button" {...busyProps(busy)} onClick={() => void makeCode()}>
              {t('sharedShare')}
            </button>
          )}
        </div>
      ) : (
        <p class="muted">{t('sharedAnswerToShare')}</p>
      )}

      <form class="field" onSubmit={takeIn}>
        <label for={`${id}-in`}>{t('sharedPasteLabel')}</label>
        <textarea
          id={`${id}-in`}
          rows={3}
          spellcheck={false}
          autocomplete="off"
          value={text}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-help${problem ? ` ${id}-err` : ''}`}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <p id={`${id}-help`} class="muted small">
          {t('sharedPasteHelp')}
        </p>
        {problem && (
          <p id={`${id}-err`} class="error" role="alert">
            {t(PROBLEMS[problem])}
          </p>
        )}
        <div class="row">
          <button type="submit" {...busyProps(busy)}>
            {t('sharedTakeIn')}
          </button>
          <span class="small" role="status">
            {status}
          </span>
        </div>
      </form>
    </div>
  );
}

/** Under an answer in the list of check-ins: the partner's word it opened. */
export function PartnerWordLine({ opened }: { opened: OpenedWord | undefined }) {
  const { t } = useServices();
  return opened ? <p class="checkin-entry-partner">{t('sharedInList', t(ANSWER_WORDS[opened.word.answer]))}</p> : null;
}
