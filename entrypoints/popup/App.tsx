import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { IdeaCard } from '../../ideas/IdeaCard';
import { useUiServices } from '../../platform/services';
import { StatusUndoRow, useStatusUndo } from '../../ui/StatusUndo';
import { useTheme } from '../../look/useTheme';
import { busyProps, useWrite } from '../../ui/useWrite';
import type { Idea } from '../../model/vocabulary';
import { CheckInNowLink } from '../../checkin/CheckInNowLink';
import { LazyDbTrouble } from './Lazy';
import { usePopup, type EarlyView, type PendingUndo } from './usePopup';

/** The check-in check, the nudge line and the idea lists, loaded after the first frame. */
type AfterPaint = typeof import('./AfterPaint');
/** A track's step and line, loaded only while a track has something to show. */
type TrackUi = typeof import('../../tracks/TrackStep');

interface AppProps {
  openOptions: () => void;
  /** The idea the render cache holds (main.tsx), shown in the first frame until the worker answers. */
  cachedIdea?: Idea | null;
  /** The worker asked before the first frame (main.tsx); without it, the popup asks once it has drawn. */
  early?: EarlyView;
}

const Heart = ({ filled }: { filled: boolean }) => (
  <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d="M8 14s-5.5-3.4-5.5-7.4A3 3 0 0 1 8 4.3a3 3 0 0 1 5.5 2.3C13.5 10.6 8 14 8 14z"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linejoin="round"
    />
  </svg>
);

const Check = () => (
  <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
);

/** The popup: today's idea with its actions, and (once loaded) what AfterPaint adds around it. */
export function App({ openOptions, cachedIdea = null, early }: AppProps) {
  const services = useUiServices();
  const { t } = services;
  const popup = usePopup(services, early);
  const { view, error } = popup;
  const [later, setLater] = useState<AfterPaint | null>(null);
  const [trackUi, setTrackUi] = useState<TrackUi | null>(null);
  const [checkInOpen, setCheckInOpen] = useState(false);
  const feedback = useStatusUndo();
  const { say } = feedback;
  // Each button's write runs once at a time: a double click or a double Enter is one action.
  const anotherWrite = useWrite();
  const favouriteWrite = useWrite();
  const triedWrite = useWrite();
  const hideWrite = useWrite();
  const listWrite = useWrite();
  // The Undo on show ends when what it refers to changed (another page, "Delete all data", an import).
  const pending = useRef<PendingUndo | null>(null);
  useEffect(() => {
    if (view && pending.current && !pending.current.holds(view)) {
      pending.current = null;
      feedback.offerUndo(null);
    }
  }, [view]);
  const offer = (undo: PendingUndo | null | undefined) => {
    pending.current = undo ?? null;
    feedback.offerUndo(undo ? undo.takeBack : null);
  };
  useTheme(view?.theme ?? null);
  const shown = view ? (view.idea ? 'idea' : 'empty') : cachedIdea ? 'idea' : undefined;
  useLayoutEffect(() => {
    // A user-timing mark for `npm run bench`: when today's idea (or the empty notice) first shows.
    if (shown && performance.getEntriesByName('tend:idea-shown').length === 0) performance.mark('tend:idea-shown');
  }, [shown]);
  // Effects run after the first frame: the rest of the page loads while the idea is already shown.
  useEffect(() => {
    void import('./AfterPaint').then(setLater);
  }, []);
  useEffect(() => {
    if (view?.track && !trackUi) void import('../../tracks/TrackStep').then(setTrackUi);
  }, [view?.track]);

  if (error) return <LazyDbTrouble error={error} />;
  // Until the worker answers, the idea cached by the last visit today can already show.
  const awayNotice = popup.away && (
    <p class="notice away" role="status">
      {t('workerAway')}{' '}
      <button type="button" class="link" onClick={() => void popup.retry()}>
        {t('askAgain')}
      </button>
    </p>
  );
  if (!view && !cachedIdea) return awayNotice || <p class="muted" aria-busy="true">{t('loading')}</p>;

  const idea = view ? view.idea : cachedIdea;
  const favourite = view?.favourite ?? false;
  const triedToday = view?.triedToday ?? false;

  const copy = async (text: string) => {
    try {
      await services.copyText(text);
      say(t('copied'));
    } catch {
      say(t('copyFailed'));
    }
  };

  const show = async (id: string) => {
    const reason = (await popup.showIdea(id))?.cannotShow;
    say(t(reason === 'hidden' ? 'cannotShowHidden' : reason === 'filters' ? 'cannotShowFilters' : reason === 'gone' ? 'cannotShowGone' : 'shownAgain'));
  };

  const bringIdeasBack = async () => {
    await popup.bringIdeasBack();
    say(t('ideasBack'));
  };

  const emptyHidden = view?.empty === 'hidden';
  // A running track's step takes today's idea's place until it is done or skipped.
  const track = view?.track ?? null;

  return (
    <main class="popup" aria-busy={view ? undefined : 'true'}>
      <header class="bar">
        <h1 class="brand">{t('extName')}</h1>
        <button type="button" class="ghost" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>

      <section class="today" aria-labelledby="today-heading">
        {track?.kind === 'step' ? (
          trackUi ? (
            <trackUi.TrackStep step={track} onTake={(outcome) => popup.trackStep(track.trackId, track.index, outcome)} />
          ) : (
            <h2 id="today-heading" class="eyebrow" aria-busy="true">
              {t('loading')}
            </h2>
          )
        ) : (
          <h2 id="today-heading" class="eyebrow">
            {t('todaysIdea')}
          </h2>
        )}
        {track?.kind === 'step' ? null : idea ? (
          <IdeaCard idea={idea} headingId="idea-text" />
        ) : (
          <div class="notice empty" role="status">
            <p>{t(emptyHidden ? 'emptyHiddenNow' : 'emptyFiltersNow')}</p>
            {view && view.empty !== 'library' && (
              <button type="button" class="primary" onClick={() => void bringIdeasBack()}>
                {t(emptyHidden ? 'showSetAside' : 'showAllKinds')}
              </button>
            )}
          </div>
        )}
        {trackUi && track && track.kind !== 'step' && <trackUi.TrackLine track={track} />}
        {idea && track?.kind !== 'step' && (
          <div class="actions" role="group" aria-label={t('ideaActions')}>
            {/* The first invitation is to do today's idea; once done it turns into a quiet toggle that says so. */}
            <button
              type="button"
              class={triedToday ? 'toggle' : 'primary'}
              aria-pressed={triedToday}
              {...busyProps(triedWrite.busy)}
              onClick={() => view && void triedWrite.run(() => popup.tried(idea.id, !triedToday))}
            >
              {triedToday && <Check />}
              {t(idea.mode === 'solo' ? (triedToday ? 'didThisToday' : 'iDidThis') : triedToday ? 'triedToday' : 'weTriedThis')}
            </button>
            <button
              type="button"
              class="toggle"
              aria-pressed={favourite}
              {...busyProps(favouriteWrite.busy)}
              onClick={() => view && void favouriteWrite.run(() => popup.favourite(idea.id, !favourite))}
            >
              <Heart filled={favourite} />
              {t(favourite ? 'inFavourites' : 'favourite')}
            </button>
            {!checkInOpen && (
              <div class="quiet-actions">
                <button
                  type="button"
                  class="link"
                  {...busyProps(anotherWrite.busy)}
                  onClick={() =>
                    void anotherWrite.run(async () => {
                      if (!view) return;
                      if (await popup.another()) say(t('anotherDone'));
                    })
                  }
                >
                  {t('anotherIdea')}
                </button>
                {/* Until the rest has loaded, the plain words; then an invitation, with the plain words beside it. */}
                {later ? (
                  <later.ShareIdea text={idea.text} solo={idea.mode === 'solo'} say={say} />
                ) : (
                  <button type="button" class="link" onClick={() => void copy(idea.text)}>
                    {t('copyToShare')}
                  </button>
                )}
                <button
                  type="button"
                  class="link"
                  {...busyProps(hideWrite.busy)}
                  onClick={() =>
                    void hideWrite.run(async () => {
                      if (!view) return;
                      const undo = await popup.hide();
                      if (!undo) return;
                      offer(undo);
                      say(t('hiddenForGood'));
                    })
                  }
                >
                  {t('notForUs')}
                </button>
              </div>
            )}
          </div>
        )}
        {/* The check-in comes as one line under the idea; opened, its card takes the quiet actions' place. */}
        {later && view && <later.LazyCheckInArea due={view.checkIn} onOpen={setCheckInOpen} />}
        <div class={later && view?.pair ? 'status-slot paired' : 'status-slot'}>
          {later && view?.pair && <later.PairLine pair={view.pair} onOurs={popup.ours} />}
          <StatusUndoRow state={feedback} rowClass="status-row" statusClass="status" />
        </div>
        {awayNotice}
      </section>

      {later && view && <later.NudgeLine view={view} onChoose={popup.nudges} say={say} />}

      {/* One quiet row: the lists open below it, the conversations and the check-in are one click away. */}
      <nav class="more" aria-label={t('more')}>
        {later && view && (
          <later.IdeaLists
            view={view}
            onShow={show}
            onCopy={(i) => void copy(i.text)}
            onUnfavourite={(id) =>
              void listWrite.run(async () => {
                offer(await popup.unfavourite(id));
                say(t('favouriteRemoved'));
              })
            }
          />
        )}
        <button type="button" class="link talk-link" onClick={() => services.openPage('/talk.html')}>
          {t('talkTogether')}
        </button>
        {view?.checkInNow && <CheckInNowLink />}
      </nav>
    </main>
  );
}
