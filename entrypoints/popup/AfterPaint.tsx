/**
 * What the popup shows around today's idea once it is on screen: the check for a due check-in, the
 * quiet line about nudges with its pause menu, and the recent and favourite ideas. App loads this
 * file after its first frame, so that frame (and the files the popup page names) carry only the
 * idea and its actions; the scheduler and the check-in rules come with this file. What sits in the
 * closed disclosures (the lists, the pause choices) loads only when one is opened (LazyDetails).
 */
import { useEffect, useState } from 'preact/hooks';
import { CHECKIN_HASH } from '../../components/CheckInNowLink';
import { LazyDetails } from '../../components/LazyDetails';
import { NudgeControls } from '../../components/NudgeControls';
import { useServices } from '../../components/services';
import { counsellorDue, isCheckInDue, parseCheckInState, CHECKIN_STATE_KEY } from '../../utils/checkin';
import type { Idea } from '../../utils/library';
import type { Mark } from '../../utils/records';
import { resume } from '../../utils/pause';
import { parseSetup, SETUP_KEY } from '../../utils/setup';
import { statusLine, type StatusAction } from '../../utils/status-line';
import { useLoaded } from './Lazy';
import type { PopupData } from './usePopup';
import { useStatus } from './useStatus';
import './after-paint.css';

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

/** The quiet line about nudges: what comes next or why nothing does, its one action, and the pause menu. */
export function NudgeLine({ say }: { say: (message: string) => void }) {
  const services = useServices();
  const { t, now, locale, store } = services;
  const { status, refresh } = useStatus(services);
  if (!status) return null;
  const line = statusLine({ ...status, now: now(), locale, t });

  const act = async (kind: StatusAction) => {
    if (kind === 'finish-setup') return services.openPage('/welcome.html');
    if (kind === 'resume') {
      await services.changeNudgeState(resume);
    } else {
      await store.patchPrefs((stored) => ({ nudgesEnabled: true, nudgesPerDay: Math.max(1, stored.nudgesPerDay) }));
      await services.replanNudges();
    }
    say(t('nudgesOnAgain'));
    await refresh();
  };

  return (
    <div class="nudge-line">
      {line && (
        <p class="small muted">
          {line.text}
          {line.action && (
            <>
              <span aria-hidden="true"> · </span>
              <button type="button" class="link" onClick={() => void act((line.action as { kind: StatusAction }).kind)}>
                {line.action.label}
              </button>
            </>
          )}
        </p>
      )}
      {status.setup.finishedAt !== null && (
        <NudgeControls
          nudge={status.nudge}
          prefs={status.prefs}
          onChange={async (change) => {
            await services.changeNudgeState(change);
            await refresh();
          }}
          onDone={say}
        />
      )}
    </div>
  );
}

/** Recent ideas (without today's) and favourites, each in a closed disclosure. */
export function IdeaLists({
  data,
  idea,
  onShow,
  onCopy,
  onUnfavourite,
}: {
  data: PopupData | null;
  idea: Idea | null;
  onShow: (id: string) => void;
  onCopy: (idea: Idea) => void;
  onUnfavourite: (id: string) => void;
}) {
  const { t } = useServices();
  const byId = new Map((data?.library ?? []).map((i) => [i.id, i]));
  const known = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)).filter((i): i is Idea => i !== undefined);
  const recentIdeas = known(new Set((data?.recent ?? []).map((e) => e.ideaId).filter((id) => id !== idea?.id)));
  const favourites = known([...(data?.marks.values() ?? [])].filter((m: Mark) => m.favourite).map((m) => m.ideaId));
  // The lists sit in closed disclosures: IdeaList loads when one is first opened.
  const loadList = () => import('../../components/IdeaList');
  return (
    <>
      <LazyDetails summary={t('recentIdeas')} load={loadList}>
        {({ IdeaList }) => <IdeaList listId="recent" ideas={recentIdeas} empty={t('recentEmpty')} onShow={onShow} onCopy={onCopy} />}
      </LazyDetails>
      <LazyDetails summary={t('favourites')} load={loadList}>
        {({ IdeaList }) => (
          <IdeaList
            listId="favourites"
            ideas={favourites}
            todayId={idea?.id ?? null}
            empty={t('favouritesEmpty')}
            onShow={onShow}
            onCopy={onCopy}
            onUnfavourite={onUnfavourite}
          />
        )}
      </LazyDetails>
    </>
  );
}
