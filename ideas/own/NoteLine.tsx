import { useServices } from '../../platform/services';
import type { RemovedOwnIdea } from '../../store/db-undo';

/** A line under a part of Your ideas; after a delete, it carries what Undo puts back. */
export type Note = { text: string; error?: boolean; undo?: RemovedOwnIdea } | null;

/** A polite confirmation (always in the page, so screen readers hear it change), or an alert. */
export function NoteLine({
  note,
  undoRef,
  onUndo,
}: {
  note: Note;
  undoRef?: { current: HTMLButtonElement | null };
  onUndo?: (undo: NonNullable<NonNullable<Note>['undo']>) => void;
}) {
  const { t } = useServices();
  if (note?.error) {
    return (
      <p class="error" role="alert">
        {note.text}
      </p>
    );
  }
  return (
    <p class="small row" role="status">
      {note?.text}
      {note?.undo && onUndo && (
        <>
          <span aria-hidden="true">·</span>
          <button type="button" class="link" ref={undoRef} onClick={() => note.undo && onUndo(note.undo)}>
            {t('undo')}
          </button>
        </>
      )}
    </p>
  );
}
