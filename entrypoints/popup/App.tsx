import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { IdeaCard } from '../../components/IdeaCard';
import { useServices } from '../../components/services';
import { StatusUndoRow, useStatusUndo } from '../../components/StatusUndo';
import { useTheme } from '../../components/useTheme';
import { dayKey } from '../../utils/day';
import type { Idea } from '../../utils/library';
import { eligibleIdeas } from '../../utils/picker';
import { LIMITS, type Prefs } from '../../utils/prefs';
import { CheckInNowLink } from '../../components/CheckInNowLink';
import { LazyDbTrouble } from './Lazy';
import { usePopup } from './usePopup';

/** The check-in check, the nudge line and the idea lists, loaded after the first frame. */
type AfterPaint = typeof import('./AfterPaint');

interface AppProps {
  openOptions: () => void;
  cachedIdea?: Idea | null;
}

/** The filters with only what empties them undone: kinds, company and length; closeness only if still needed. */
function widenedFilters(prefs: Prefs, library: Idea[], hidden: Set<string>): Partial<Prefs> {
  const patch: Partial<Prefs> = { hiddenCategories: [], modeFilter: 'both', maxMinutes: LIMITS.maxMinutes.max };
  return eligibleIdeas(library, { ...prefs, ...patch }, hidden).length > 0 ? patch : { ...patch, maxIntensity: 'close' };
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

export function App({ openOptions, cachedIdea = null }: AppProps) {
  const services = useServices();
  const { t, now, store } = services;
  const { data, error, another, mark, hide, changeNudges, showIdea } = usePopup(services);
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
    await showIdea(id);
    say(t('shownAgain'));
  };

  const toggleFavourite = (id: string) => mark(id, (m) => ({ ...m, favourite: !m.favourite }));

  const bringIdeasBack = async () => {
    if (!data) return;
    if (result.kind === 'empty' && result.reason === 'hidden') {
      await store.unhideAll();
    } else {
      const hidden = new Set([...data.marks.values()].filter((m) => m.hidden).map((m) => m.ideaId));
      await store.patchPrefs(widenedFilters(data.prefs, data.library, hidden));
    }
    // The store tells usePopup, which picks again from what is stored now.
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

      {later && <later.LazyCheckInArea />}

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
                await another();
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
                  const undoHide = await hide(idea.id);
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

      {later && <later.NudgeLine changeNudges={changeNudges} say={say} />}

      <div class="more">
        {later && (
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
