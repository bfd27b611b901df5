import type { Idea } from '../model/vocabulary';
import { useUiServices } from '../platform/services';
import './idea-list.css';

/**
 * A short list of ideas (recent ones, favourites) with a quiet note when there are none. Each idea
 * can be shown again as today's idea, copied, or (in favourites) removed; its buttons name it.
 */
export function IdeaList({
  ideas,
  empty,
  listId,
  todayId,
  onShow,
  onCopy,
  onUnfavourite,
}: {
  ideas: Idea[];
  empty: string;
  listId: string;
  todayId?: string | null;
  onShow?: (id: string) => void;
  onCopy?: (idea: Idea) => void;
  onUnfavourite?: (id: string) => void;
}) {
  const { t } = useUiServices();
  if (ideas.length === 0) return <p class="muted small">{empty}</p>;
  return (
    <ul class="idea-list">
      {ideas.map((idea) => {
        const textId = `${listId}-${idea.id}`;
        return (
          <li key={idea.id}>
            <p id={textId} class="idea-list-text">
              <span class="muted">{t(`category_${idea.category}`)}: </span>
              {idea.text}
            </p>
            <div class="idea-list-actions">
              {onShow && idea.id !== todayId && (
                <button type="button" class="link" aria-describedby={textId} onClick={() => onShow(idea.id)}>
                  {t('showIdeaAgain')}
                </button>
              )}
              {onCopy && (
                <button type="button" class="link" aria-describedby={textId} onClick={() => onCopy(idea)}>
                  {t('copyIdea')}
                </button>
              )}
              {onUnfavourite && (
                <button type="button" class="link" aria-describedby={textId} onClick={() => onUnfavourite(idea.id)}>
                  {t('removeFavourite')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
