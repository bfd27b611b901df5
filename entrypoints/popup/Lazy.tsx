/**
 * Parts of the popup that most openings never show — the check-in cards, the "cannot open its data"
 * notice — load only when they are needed, so the usual opening stays small and quick.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../components/services';
import { counsellorDue, isCheckInDue, parseCheckInState, CHECKIN_STATE_KEY } from '../../utils/checkin';
import { parseSetup, SETUP_KEY } from '../../utils/setup';

const CHECKIN_HASH = '#checkin';

function useLoaded<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (needed && !component) void load().then((c) => setComponent(() => c));
  }, [needed]);
  return component;
}

/** The check-in area, loaded when a card is due or "Check in now" asks for it. */
export function LazyCheckInArea() {
  const { store, now } = useServices();
  const [needed, setNeeded] = useState(() => location.hash === CHECKIN_HASH);
  useEffect(() => {
    const onHash = () => location.hash === CHECKIN_HASH && setNeeded(true);
    window.addEventListener('hashchange', onHash);
    void Promise.all([store.readState(SETUP_KEY, parseSetup), store.readCheckIns(), store.readState(CHECKIN_STATE_KEY, parseCheckInState)])
      .then(([setup, checkIns, state]) => {
        const at = now();
        if (isCheckInDue(setup.finishedAt, checkIns, state, at) || counsellorDue(checkIns, state, at)) setNeeded(true);
      })
      .catch(() => {});
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const Area = useLoaded(needed, () => import('../../components/CheckInArea').then((m) => m.CheckInArea));
  return Area ? <Area /> : null;
}

/** "Check in now": a quiet link; the page hears the address change and opens the card. */
export function CheckInNowLink() {
  const { t } = useServices();
  return (
    <a class="checkin-now" href={CHECKIN_HASH}>
      {t('checkInNow')}
    </a>
  );
}

/** Why the data cannot be opened, with the ways out. */
export function LazyDbTrouble({ error }: { error: unknown }) {
  const Trouble = useLoaded(true, () => import('../../components/DbTrouble').then((m) => m.DbTrouble));
  return Trouble ? <Trouble error={error} /> : <p class="muted" aria-busy="true" />;
}
