import { useEffect, useId, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useServices } from '../../platform/services';
import { busyProps } from '../../ui/useWrite';
import type { PairState } from '../../model/pair';
import type { PairPayload } from '../code/pair-payload';
import { CodeBox } from './CodeBox';

export type PairedMode = 'idle' | 'take-in' | 'confirm-stop';

/**
 * Paired: since when, what is shared, the code to send when a shared choice changed here, a newer code
 * from the partner, and stopping (asked first). `compact` (the welcome) shows the line and the code only.
 */
export function PairedView({
  pair,
  payload,
  differs,
  showCode,
  compact,
  mode,
  busy,
  lineRef,
  codeRef,
  takeInForm,
  onMode,
  onShowCode,
  onMakeCode,
  onStop,
}: {
  pair: PairState;
  payload: PairPayload | null;
  differs: boolean;
  showCode: boolean;
  compact: boolean;
  mode: PairedMode;
  busy: boolean;
  lineRef: { current: HTMLParagraphElement | null };
  codeRef: { current: HTMLHeadingElement | null };
  takeInForm: ComponentChildren;
  onMode: (mode: PairedMode) => void;
  onShowCode: () => void;
  onMakeCode: () => void;
  onStop: () => void;
}) {
  const { t, locale } = useServices();
  const id = useId();
  const since = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(pair.pairedAt);
  const notYet = differs && !compact;
  const keepRef = useRef<HTMLButtonElement>(null);
  // Asked whether to stop: the safe answer has the focus.
  useEffect(() => {
    if (mode === 'confirm-stop') keepRef.current?.focus();
  }, [mode]);
  return (
    <>
      <p ref={lineRef} tabIndex={-1}>
        {t('togetherSince', since)}
      </p>
      <p class="muted small">{t('togetherShared')}</p>
      {payload === null && <p class="notice">{t('togetherUnreadable')}</p>}
      {notYet && (
        <div class="notice" role="group" aria-labelledby={`${id}-not-yet`}>
          <p id={`${id}-not-yet`}>{t('togetherNotYet')}</p>
          <button type="button" class="primary" {...busyProps(busy)} onClick={onMakeCode}>
            {t('togetherMakeCode')}
          </button>
        </div>
      )}
      {showCode && <CodeBox code={pair.code} payload={payload} primary={!notYet} headingRef={codeRef} />}
      {!compact && mode === 'idle' && (
        <div class="row">
          {!showCode && (
            <button type="button" onClick={onShowCode}>
              {t('togetherShowCode')}
            </button>
          )}
          <button type="button" onClick={() => onMode('take-in')}>
            {t('togetherHaveNewer')}
          </button>
          <button type="button" class="ghost" onClick={() => onMode('confirm-stop')}>
            {t('togetherStop')}
          </button>
        </div>
      )}
      {mode === 'take-in' && takeInForm}
      {mode === 'confirm-stop' && (
        <div class="notice" role="group" aria-labelledby={`${id}-stop`}>
          <p id={`${id}-stop`}>{t('togetherStopConfirm')}</p>
          <div class="row">
            <button type="button" class="primary" ref={keepRef} onClick={() => onMode('idle')}>
              {t('togetherStopKeep')}
            </button>
            <button type="button" {...busyProps(busy)} onClick={onStop}>
              {t('togetherStopYes')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
