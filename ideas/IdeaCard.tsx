import type { Idea } from '../model/vocabulary';
import { useUiServices } from '../platform/services';

export function IdeaCard({ idea, headingId }: { idea: Idea; headingId: string }) {
  const { t } = useUiServices();
  return (
    <article class="idea-card" aria-labelledby={headingId}>
      <p class="idea-meta">
        <span class="idea-category">{t(`category_${idea.category}`)}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('aboutMinutes', String(idea.minutes))}</span>
        <span aria-hidden="true"> · </span>
        <span>{t(idea.mode === 'solo' ? 'modeSoloShort' : 'modeTogetherShort')}</span>
        {idea.own === true && <span class="own-mark">{t('ownIdeaMark')}</span>}
      </p>
      <p id={headingId} class="idea-text">
        {idea.text}
      </p>
    </article>
  );
}
