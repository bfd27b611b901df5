import { useId } from 'preact/hooks';
import { CopyButton } from '../../ui/CopyButton';
import { useServices } from '../../platform/services';
import { REVEAL_WORDS, zoneName } from './pair-words';
import { describePairCode } from '../code/describe-pair-code';
import type { PairPayload } from '../code/pair-payload';

/**
 * The code to send, large and readable, what it tells whoever reads it (before the Copy button), and
 * how to send it.
 */
export function CodeBox({
  code,
  payload,
  primary,
  headingRef,
}: {
  code: string;
  payload: PairPayload | null;
  /** Copy is the page's one primary action while nothing else asks for one. */
  primary: boolean;
  headingRef?: { current: HTMLHeadingElement | null };
}) {
  const { t } = useServices();
  const id = useId();
  const reveals = payload ? describePairCode(payload).reveals : [];
  return (
    <div class="pair-code-box" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} tabIndex={-1} ref={headingRef}>
        {t('togetherCodeHeading')}
      </h3>
      <p class="pair-code" translate={false}>
        {code}
      </p>
      {reveals.length > 0 && (
        <>
          <p id={`${id}-r`}>{t('togetherRevealsIntro')}</p>
          <ul class="pair-list" aria-labelledby={`${id}-r`}>
            {reveals.map((what) => (
              <li key={what}>{what === 'zone' && payload ? t('togetherReveal_zone', zoneName(payload.zone)) : t(REVEAL_WORDS[what])}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t('togetherSendNote')}</p>
      <CopyButton key={code} text={code} primary={primary} />
    </div>
  );
}
