import type { Idea } from '../utils/library';
import { useServices } from './services';

/** A short list of ideas (recent ones, favourites) with a quiet note when there are none. */
export function IdeaList({ ideas, empty }: { ideas: Idea[]; empty: string }) {
  const { t } = useServices();
  if (ideas.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="idea-list">
      {ideas.map((idea) => (
        <li key={idea.id}>
          <span class="muted">{t(`category_${idea.category}`)}: </span>
          {idea.text}
        </li>
      ))}
    </ul>
  );
}
