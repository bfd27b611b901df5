/** Your ideas as a list: each with Edit, Delete and its favourite mark; one at a time edited in place. */
import { useServices } from '../../platform/services';
import { type OwnIdeaFields } from './own-ideas';
import type { OwnIdea } from '../../model/records';
import { IdeaForm } from './OwnIdeaForm';

export function OwnList({
  shown,
  editingId,
  onEdit,
  onCancel,
  onSave,
  onDelete,
}: {
  shown: OwnIdea[];
  editingId: string | null;
  onEdit: (idea: OwnIdea) => void;
  onCancel: (idea: OwnIdea) => void;
  onSave: (idea: OwnIdea, fields: OwnIdeaFields) => Promise<string | null>;
  onDelete: (idea: OwnIdea) => void;
}) {
  const { t } = useServices();
  return (
    <ul class="own-list">
      {shown.map((idea) => (
        <li key={idea.id}>
          {editingId === idea.id ? (
            <IdeaForm
              idPrefix="own-edit"
              label={t('ownEditLabel')}
              initial={idea}
              submitLabel={t('ownSave')}
              onSubmit={(fields) => onSave(idea, fields)}
              onCancel={() => onCancel(idea)}
              autoFocus
            />
          ) : (
            <>
              <p class="own-text" id={`own-text-${idea.id}`}>
                {idea.text}
              </p>
              <p class="own-meta small muted">
                {[
                  t(`category_${idea.category}`),
                  t(`ownMode_${idea.mode}`),
                  idea.minutes === null ? null : t('aboutMinutes', String(idea.minutes)),
                  t(`ownIntensity_${idea.intensity}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div class="row">
                <button
                  type="button"
                  class="ghost"
                  data-edit={idea.id}
                  aria-describedby={`own-text-${idea.id}`}
                  onClick={() => onEdit(idea)}
                >
                  {t('ownEdit')}
                </button>
                <button
                  type="button"
                  class="ghost"
                  aria-describedby={`own-text-${idea.id}`}
                  onClick={() => onDelete(idea)}
                >
                  {t('ownDelete')}
                </button>
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

