/**
 * What the popup shows around today's idea once it is on screen: the check-in area when one is due,
 * the quiet line about nudges with its pause menu, and the recent and favourite ideas, all drawn from
 * the worker's answer. App loads this file after its first frame, so that frame (and the files the
 * popup page names) carry only the idea and its actions. What sits in the closed disclosures (the
 * lists, the pause choices) loads only when one is opened (LazyDetails).
 */
import { useEffect, useState } from 'preact/hooks';
import { CHECKIN_HASH } from '../../checkin/CheckInNowLink';
import { LazyDetails } from '../../ui/LazyDetails';
import { NudgeControls } from '../../nudges/NudgeControls';
import { useUiServices } from '../../platform/services';
import type { Idea } from '../../model/vocabulary';
import type { PopupView } from '../../ideas/popup-answer';
import type { NudgeChoice } from '../../ideas/popup-request';
import { WithStore } from './Lazy';
import { useLoaded } from '../../ui/useLoaded';
import './after-paint.css';

/**
 * The check-in area, loaded (with the data layer it works on) when a card is due or "Check in now" asks for it;
 * a card that comes by itself first shows as a one-line invitation. `onOpen` hears when a card opens or closes.
 */
export function LazyCheckInArea({ due, onOpen }: { due: boolean; onOpen: (open: boolean) => void }) {
  const [asked, setAsked] = useState(() => location.hash === CHECKIN_HASH);
  useEffect(() => {
    const onHash = () => location.hash === CHECKIN_HASH && setAsked(true);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const Area = useLoaded(due || asked, () => import('../../checkin/CheckInArea').then((m) => m.CheckInArea));
  return Area ? <WithStore>{() => <Area invite onOpen={onOpen} />}</WithStore> : null;
}

/** The quiet line about nudges: what comes next or why nothing does, its one action, and the pause menu. */
export function NudgeLine({ view, onChoose, say }: { view: PopupView; onChoose: (choice: NudgeChoice) => Promise<unknown>; say: (message: string) => void }) {
  const { t, openPage } = useUiServices();
  const line = view.status;
  const act = async () => {
    const kind = line?.action?.kind;
    if (kind === 'finish-setup') return openPage('/welcome.html');
    if (kind) await onChoose(kind);
    say(t('nudgesOnAgain'));
  };

  return (
    <div class="nudge-line">
      {/* A live region: a pause chosen in the menu below is said here, once ("Nudges paused until …"). */}
      {line && (
        <p class="small muted" role="status">
          {line.text}
          {line.action && (
            <>
              <span aria-hidden="true"> · </span>
              <button type="button" class="link" onClick={() => void act()}>
                {line.action.label}
              </button>
            </>
          )}
        </p>
      )}
      {view.menu && <NudgeControls later={view.menu.later} onChoose={onChoose} onDone={say} />}
    </div>
  );
}

/**
 * While paired, one quiet line under the idea: that both Tends show it, or that this is this Tend's own
 * pick (with the way back to the shared one), or that the shared one was set aside here.
 */
export function PairLine({ pair, onOurs }: { pair: NonNullable<PopupView['pair']>; onOurs: () => Promise<unknown> }) {
  const { t, openPage } = useUiServices();
  if (!pair.ours) {
    return (
      <p class="small muted pair-line">
        {t('pairOwnPick')} <button type="button" class="link" onClick={() => void onOurs()}>{t('pairBackToOurs')}</button>
      </p>
    );
  }
  return (
    <p class="small muted pair-line">
      {t(pair.passedOver ? 'pairPassedOver' : 'pairSame')}
      {pair.passedOver && (
        <>
          {' '}
          <button type="button" class="link" onClick={() => openPage('/options.html', '#together')}>{t('pairSendUpdate')}</button>
        </>
      )}
    </p>
  );
}

/** "What we'd both like", in the quiet "More" row (a short name, so the row stays one line). */
function WishesLink() {
  const { t, openPage } = useUiServices();
  return (
    <button type="button" class="link talk-link" onClick={() => openPage('/wishes.html')}>
      {t('wishesLink')}
    </button>
  );
}

/**
 * "Copy to share": the idea's words as an invitation in the person's language; once copied, "Copy just the
 * words" stands beside it for the plain words. An idea for one is no invitation: its words go plain.
 */
export function ShareIdea({ text, solo, say }: { text: string; solo: boolean; say: (message: string) => void }) {
  const { t, copyText } = useUiServices();
  const [invited, setInvited] = useState<string | null>(null);
  const copy = (words: string, done: string) => copyText(words).then(() => say(done), () => say(t('copyFailed')));
  return (
    <>
      <button
        type="button"
        class="link"
        onClick={() => {
          if (solo) return void copy(text, t('copied'));
          setInvited(text);
          void copy(t('inviteToTry', text), t('copiedInvitation'));
        }}
      >
        {t('copyToShare')}
      </button>
      {invited === text && (
        <button type="button" class="link" onClick={() => void copy(text, t('copied'))}>
          {t('copyJustWords')}
        </button>
      )}
    </>
  );
}

/** Recent ideas (without today's) and favourites, each in a closed disclosure; then the way to "What we'd both like". */
export function IdeaLists({
  view,
  onShow,
  onCopy,
  onUnfavourite,
}: {
  view: PopupView;
  onShow: (id: string) => void;
  onCopy: (idea: Idea) => void;
  onUnfavourite: (id: string) => void;
}) {
  const { t } = useUiServices();
  // The lists sit in closed disclosures: IdeaList loads when one is first opened.
  const loadList = () => import('../../ideas/IdeaList');
  return (
    <>
      <LazyDetails summary={t('recentIdeas')} load={loadList}>
        {({ IdeaList }) => <IdeaList listId="recent" ideas={view.recent} empty={t('recentEmpty')} onShow={onShow} onCopy={onCopy} />}
      </LazyDetails>
      <LazyDetails summary={t('favourites')} load={loadList}>
        {({ IdeaList }) => (
          <IdeaList
            listId="favourites"
            ideas={view.favourites}
            todayId={view.idea?.id ?? null}
            empty={t('favouritesEmpty')}
            onShow={onShow}
            onCopy={onCopy}
            onUnfavourite={onUnfavourite}
          />
        )}
      </LazyDetails>
      <WishesLink />
    </>
  );
}
