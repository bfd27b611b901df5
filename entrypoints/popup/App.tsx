import { useLayoutEffect, useState } from 'preact/hooks';
import { IdeaCard } from '../../components/IdeaCard';
import { IdeaList } from '../../components/IdeaList';
import { NudgeControls } from '../../components/NudgeControls';
import { useServices } from '../../components/services';
import { useTheme } from '../../components/useTheme';
import { dayKey } from '../../utils/day';
import type { Idea } from '../../utils/library';
import { usePopup } from './usePopup';

export function App({ openOptions, cachedIdea = null }: { openOptions: () => void; cachedIdea?: Idea | null }) {
  const services = useServices();
  const { t, now } = services;
  const { data, error, another, mark, hide, changeNudges } = usePopup(services);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<(() => Promise<void>) | null>(null);
  useTheme(data?.prefs ?? null);
  const shown = data?.result.kind ?? (cachedIdea ? 'idea' : undefined);
  useLayoutEffect(() => {
    // A user-timing mark for `npm run bench`: when today's idea (or the empty notice) first shows.
    if (shown && performance.getEntriesByName('tend:idea-shown').length === 0) performance.mark('tend:idea-shown');
  }, [shown]);

  if (error) return <p role="alert" class="notice">{t('loadError')}</p>;
  // Until the data is read, the idea cached by the last visit today can already show.
  if (!data && !cachedIdea) return <p class="muted" aria-busy="true">{t('loading')}</p>;

  const result = data?.result ?? { kind: 'idea' as const, idea: cachedIdea as Idea };
  const idea = result.kind === 'idea' ? result.idea : null;
  const current = idea ? data?.marks.get(idea.id) : undefined;
  const today = dayKey(now());
  const triedToday = current?.triedOn.includes(today) ?? false;
  const byId = new Map((data?.library ?? []).map((i) => [i.id, i]));
  const recentIdeas = [...new Set((data?.recent ?? []).map((e) => e.ideaId))]
    .map((id) => byId.get(id))
    .filter((i): i is Idea => i !== undefined);
  const favourites = [...(data?.marks.values() ?? [])]
    .filter((m) => m.favourite)
    .map((m) => byId.get(m.ideaId))
    .filter((i): i is Idea => i !== undefined);

  const say = (message: string) => {
    setStatus('');
    // A fresh text node, so screen readers announce the same message twice in a row.
    requestAnimationFrame(() => setStatus(message));
  };

  return (
    <main class="popup" aria-busy={data ? undefined : 'true'}>
      <header class="bar">
        <h1 class="brand">{t('extName')}</h1>
        <button type="button" class="ghost" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>

      <section aria-labelledby="today-heading">
        <h2 id="today-heading" class="eyebrow">
          {t('todaysIdea')}
        </h2>
        {idea ? (
          <IdeaCard idea={idea} headingId="idea-text" />
        ) : (
          <p class="notice" role="status">
            {t(result.kind === 'empty' && result.reason === 'hidden' ? 'emptyHidden' : 'emptyFilters')}
          </p>
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
            <div class="secondary">
              <button
                type="button"
                aria-pressed={current?.favourite ?? false}
                onClick={() => mark(idea.id, (m) => ({ ...m, favourite: !m.favourite }))}
              >
                {t('favourite')}
              </button>
              <button
                type="button"
                aria-pressed={triedToday}
                onClick={() =>
                  mark(idea.id, (m) => ({
                    ...m,
                    triedOn: triedToday ? m.triedOn.filter((d) => d !== today) : [...m.triedOn, today],
                  }))
                }
              >
                {t('weTriedThis')}
              </button>
              <button
                type="button"
                onClick={async () => {
                  try {
                    await services.copyText(idea.text);
                    say(t('copied'));
                  } catch {
                    say(t('copyFailed'));
                  }
                }}
              >
                {t('copyToShare')}
              </button>
              <button
                type="button"
                onClick={async () => {
                  const undoHide = await hide(idea.id);
                  setUndo(() => undoHide);
                  say(t('hiddenForGood'));
                }}
              >
                {t('notForUs')}
              </button>
            </div>
          </div>
        )}
        <div class="status-row">
          <p class="status" role="status" aria-live="polite">
            {status}
          </p>
          {undo && (
            <button
              type="button"
              class="link"
              onClick={async () => {
                await undo();
                setUndo(null);
                say(t('undone'));
              }}
            >
              {t('undo')}
            </button>
          )}
        </div>
      </section>

      {data && <NudgeControls nudge={data.nudge} prefs={data.prefs} onChange={changeNudges} />}

      <details>
        <summary>{t('recentIdeas')}</summary>
        <IdeaList ideas={recentIdeas} empty={t('recentEmpty')} />
      </details>
      <details>
        <summary>{t('favourites')}</summary>
        <IdeaList ideas={favourites} empty={t('favouritesEmpty')} />
      </details>
    </main>
  );
}
