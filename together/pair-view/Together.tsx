import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import type { SectionProps } from '../../platform/settings-section';
import { busyProps, useWrite } from '../../ui/useWrite';
import { localZone, makeUpdateCode, startPair, takeInCode, unpair } from '../pairing';
import { usePairing } from './usePairing';
import { PairedView, type PairedMode } from './PairedView';
import { TakeInForm, type CodeProblem } from './TakeInForm';
import './pair-view.css';

/**
 * Pairing two Tends, as Settings › Together and the welcome's last step show it: not paired, an offer
 * (pair, or take in a code); paired, the pairing and what to do with it. Every change says so politely.
 */
export function Together({ prefs, save, compact = false, onNotNow }: SectionProps & { compact?: boolean; onNotNow?: () => void }) {
  const services = useServices();
  const { t, store, now } = services;
  const pairing = usePairing(prefs);
  const { pair, payload } = pairing;
  const [mode, setMode] = useState<PairedMode>('idle');
  const [showCode, setShowCode] = useState(false);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');
  const [focus, setFocus] = useState<'line' | 'code' | null>(null);
  const lineRef = useRef<HTMLParagraphElement>(null);
  const codeRef = useRef<HTMLHeadingElement>(null);
  const { busy, run } = useWrite();
  const zone = useMemo(localZone, []);

  useEffect(() => {
    if (focus === 'line') lineRef.current?.focus();
    if (focus === 'code') codeRef.current?.focus();
    if (focus) setFocus(null);
  }, [focus]);
  // Paired or unpaired elsewhere: a question asked of the pairing before no longer stands.
  useEffect(() => setMode((m) => (m === 'confirm-stop' ? 'idle' : m)), [pair === null]);

  /** A fresh text node each time, so a screen reader says the same word twice in a row. */
  const say = (text: string) => {
    setAlert('');
    setStatus('');
    requestAnimationFrame(() => setStatus(text));
  };
  const failed = () => {
    setStatus('');
    setAlert(t('togetherFailed'));
  };
  // The pair decides the pair's idea and nudge times: the worker plans again. A failed ask changes
  // nothing stored, and the worker plans again at the popup's next opening anyway.
  const replan = () => services.replanNudges().catch(() => {});

  const start = () =>
    run(async () => {
      try {
        const library = pairing.library ?? (await services.loadIdeas());
        const random = crypto.getRandomValues(new Uint8Array(16));
        const result = await startPair(store, { random, zone, now: now(), library });
        pairing.wrote(result.pair);
        setShowCode(true);
        await replan();
        say(t(result.started ? 'togetherPaired' : 'togetherChangedElsewhere'));
        setFocus('code');
      } catch {
        failed();
      }
    });

  const takeIn = async (text: string): Promise<CodeProblem | null> => {
    try {
      const result = await takeInCode(store, text, { now: now(), savePrefs: save });
      if ('refused' in result) return result.refused;
      pairing.wrote(result.pair);
      setMode('idle');
      setShowCode(false);
      await replan();
      say(t(result.done === 'paired' ? 'togetherPaired' : 'togetherUpdated'));
      setFocus('line');
      return null;
    } catch {
      return 'failed';
    }
  };

  const makeCode = () =>
    run(async () => {
      if (!pair) return;
      try {
        const result = await makeUpdateCode(store, pair.code);
        await pairing.read();
        if (!('code' in result)) return say(t('togetherChangedElsewhere'));
        setShowCode(true);
        if (result.changed) await replan();
        say(t('togetherNewCodeReady'));
        setFocus('code');
      } catch {
        failed();
      }
    });

  const stop = () =>
    run(async () => {
      try {
        await unpair(store);
      } catch {
        setMode('idle');
        return failed();
      }
      pairing.wrote(null);
      setMode('idle');
      setShowCode(false);
      await replan();
      say(t('togetherUnpaired'));
      setFocus('line');
    });

  if (pair === undefined) return <p class="muted" aria-busy="true">{t('loading')}</p>;

  const form = (
    <TakeInForm
      current={payload}
      fingerprint={pairing.fingerprint}
      localZone={zone}
      onTakeIn={takeIn}
      onCancel={() => setMode('idle')}
    />
  );
  return (
    <div class="together">
      {pair === null ? (
        <>
          <p ref={lineRef} tabIndex={-1}>
            {/* The welcome asks the question in its heading. */}
            {compact ? t('togetherIntro') : `${t('togetherAsk')} ${t('togetherIntro')}`}
          </p>
          {mode === 'take-in' ? (
            form
          ) : (
            <div class="row">
              {/* In the welcome, today's idea is the filled way on; pairing is an offer beside it. */}
              <button type="button" class={compact ? undefined : 'primary'} {...busyProps(busy)} onClick={() => void start()}>
                {t('togetherStart')}
              </button>
              <button type="button" onClick={() => setMode('take-in')}>
                {t('togetherHaveCode')}
              </button>
              {onNotNow && (
                <button type="button" class="ghost" onClick={onNotNow}>
                  {t('togetherNotNow')}
                </button>
              )}
            </div>
          )}
        </>
      ) : (
        <PairedView
          pair={pair}
          payload={payload}
          differs={pairing.differs}
          showCode={showCode}
          compact={compact}
          mode={mode}
          busy={busy}
          lineRef={lineRef}
          codeRef={codeRef}
          takeInForm={form}
          onMode={setMode}
          onShowCode={() => setShowCode(true)}
          onMakeCode={() => void makeCode()}
          onStop={() => void stop()}
        />
      )}
      <p class="small" role="status" aria-live="polite">
        {status}
      </p>
      {alert && (
        <p class="error" role="alert">
          {alert}
        </p>
      )}
    </div>
  );
}
