import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { IdeaCard } from '../../components/IdeaCard';
import { useUiServices } from '../../components/services';
import { StatusUndoRow, useStatusUndo } from '../../components/StatusUndo';
import { useTheme } from '../../components/useTheme';
import { dayKey } from '../../utils/day';
import type { Idea } from '../../utils/library';
import { CheckInNowLink } from '../../components/CheckInNowLink';
import { LazyDbTrouble } from './Lazy';
import type { PopupApi } from './usePopup';

/** The check-in check, the nudge line and the idea lists, loaded after the first frame. */
type AfterPaint = typeof import('./AfterPaint');

interface AppProps {
  /**
   * The data layer (usePopup, in Popup.tsx); null in the first frame, which main.tsx paints from the
   * render cache before the store's code has loaded. Nothing in that frame reads or writes data.
   */
  popup: PopupApi | null;
  openOptions: () => void;
  cachedIdea?: Idea | null;
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

/** The popup's view: today's idea with its actions, and (once loaded) what AfterPaint adds around it. */
export function App({ popup, openOptions, cachedIdea = null }: AppProps) {
  const services = useUiServices();
  const { t, now } = services;
  const data = popup?.data ?? null;
  const error = popup?.error ?? null;
  const [later, setLater] = useState<AfterPaint | null>(null);
  const feedback = useStatusUndo();
  const { say } = feedback;
  useTheme(data?.prefs ?? null);
  const shown = data?.result.kind ?? (cachedIdea ? 'idea' : undefined);
  useLayoutEffect(() => {
    // A user-timing mark for `npm run bench`: when today's idea (or the empty notice) first shows.
    if (shown && performance.getEntriesByName('tend:idea-shown').length === 0) performance.mark('tend:idea-shown');
  }, [shown]);
  // Effects run after the first frame: the rest of the page loads while the idea is already shown.
  useEffect(() => {
    void import('./AfterPaint').then(setLater);
  }, []);

  if (error) return <LazyDbTrouble error={error} />;
  // Until the data is read, the idea cached by the last visit today can already show.
  if (!data && !cachedIdea) return <p class="muted" aria-busy="true">{t('loading')}</p>;

  const result = data?.result ?? { kind: 'idea' as const, idea: cachedIdea as Idea };
  const idea = result.kind === 'idea' ? result.idea : null;
  const current = idea ? data?.marks.get(idea.id) : undefined;
  const favourite = current?.favourite ?? false;
  const today = dayKey(now());
  const triedToday = current?.triedOn.includes(today) ?? false;

  const copy = async (text: string) => {
    try {
      await services.copyText(text);
      say(t('copied'));
    } catch {
      say(t('copyFailed'));
    }
  };

  const show = async (id: string) => {
    await popup?.showIdea(id);
    say(t('shownAgain'));
  };

  const mark = async (id: string, change: Parameters<PopupApi['mark']>[1]) => popup?.mark(id, change);
  const toggleFavourite = (id: string) => mark(id, (m) => ({ ...m, favourite: !m.favourite }));

  const bringIdeasBack = async () => {
    await popup?.bringIdeasBack();
    say(t('ideasBack'));
  };

  const emptyHidden = result.kind === 'empty' && result.reason === 'hidden';

  return (
    <main class="popup" aria-busy={data ? undefined : 'true'}>
      <header class="bar">
        <h1 class="brand">{t('extName')}</h1>
        <button type="button" class="ghost" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>

      {later && popup && <later.LazyCheckInArea />}

      <section class="today" aria-labelledby="today-heading">
        <h2 id="today-heading" class="eyebrow">
          {t('todaysIdea')}
        </h2>
        {idea ? (
          <IdeaCard idea={idea} headingId="idea-text" />
        ) : (
          <div class="notice empty" role="status">
            <p>{t(emptyHidden ? 'emptyHiddenNow' : 'emptyFiltersNow')}</p>
            {data && result.kind === 'empty' && result.reason !== 'library' && (
              <button type="button" class="primary" onClick={() => void bringIdeasBack()}>
                {t(emptyHidden ? 'showSetAside' : 'showAllKinds')}
              </button>
            )}
          </div>
        )}
        {idea && (
          <div class="actions" role="group" aria-label={t('ideaActions')}>
            <button
              type="button"
              class="primary"
              onClick={async () => {
                if (!popup?.data) return;
                await popup.another();
                say(t('anotherDone'));
              }}
            >
              {t('anotherIdea')}
            </button>
            <div class="toggles">
              <button type="button" class="toggle" aria-pressed={favourite} onClick={() => toggleFavourite(idea.id)}>
                <Heart filled={favourite} />
                {t(favourite ? 'inFavourites' : 'favourite')}
              </button>
              <button
                type="button"
                class="toggle"
                aria-pressed={triedToday}
                onClick={() =>
                  mark(idea.id, (m) => ({
                    ...m,
                    triedOn: triedToday ? m.triedOn.filter((d) => d !== today) : [...m.triedOn, today],
                  }))
                }
              >
                {triedToday && <Check />}
                {t(triedToday ? 'triedToday' : 'weTriedThis')}
              </button>
            </div>
            <div class="quiet-actions">
              <button type="button" class="link" onClick={() => void copy(idea.text)}>
                {t('copyToShare')}
              </button>
              <button
                type="button"
                class="link"
                onClick={async () => {
                  if (!popup?.data) return;
                  const undoHide = await popup.hide(idea.id);
                  feedback.offerUndo(undoHide);
                  say(t('hiddenForGood'));
                }}
              >
                {t('notForUs')}
              </button>
            </div>
          </div>
        )}
        <StatusUndoRow state={feedback} rowClass="status-row" statusClass="status" />
      </section>

      {later && popup && <later.NudgeLine say={say} />}

      <div class="more">
        {later && popup && (
          <later.IdeaLists
            data={data}
            idea={idea}
            onShow={show}
            onCopy={(i) => void copy(i.text)}
            onUnfavourite={async (id) => {
              await toggleFavourite(id);
              feedback.offerUndo(() => toggleFavourite(id));
              say(t('favouriteRemoved'));
            }}
          />
        )}
        <p class="quiet-links">
          <button type="button" class="link talk-link" onClick={() => services.openPage('/talk.html')}>
            {t('talkTogether')}
          </button>
          <CheckInNowLink />
        </p>
      </div>
    </main>
  );
}
