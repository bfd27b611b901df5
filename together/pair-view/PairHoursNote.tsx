import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import { localZone, payloadOf } from '../pairing';
import { zoneName } from './pair-words';

/**
 * Under the together hours in Settings: while paired with a Tend in another zone, the hours are the
 * pair's, counted on the pair's clock (the inviting Tend's zone), not this machine's.
 */
export function PairHoursNote() {
  const { t, store } = useServices();
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    const read = () => void store.readPair().then((pair) => setZone(payloadOf(pair)?.zone ?? null), () => setZone(null));
    read();
    return store.onChange((change) => {
      if (change === 'pair' || change === 'all') read();
    });
  }, [store]);
  if (zone === null || zone === localZone()) return null;
  return <p class="notice small">{t('pairHoursZone', zoneName(zone))}</p>;
}
