import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import { Together } from '../../together/pair-view/Together';
import type { Prefs } from '../../model/prefs';
import type { PrefsPatch } from '../../store/schema';

/** The welcome's last step, after "Start Tend": pairing with the partner's Tend, or "Not now". */
export function PairStep({ prefs, save }: { prefs: Prefs; save: (patch: PrefsPatch) => Promise<void> }) {
  const { t } = useServices();
  const [skipped, setSkipped] = useState(false);
  const laterRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (skipped) laterRef.current?.focus();
  }, [skipped]);
  if (skipped) {
    return (
      <p class="small" ref={laterRef} tabIndex={-1}>
        {t('togetherLater')}
      </p>
    );
  }
  return (
    <section aria-labelledby="pair-step">
      <h2 id="pair-step">{t('togetherAsk')}</h2>
      <Together prefs={prefs} save={save} compact onNotNow={() => setSkipped(true)} />
    </section>
  );
}
