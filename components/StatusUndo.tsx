import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { useUiServices } from './services';

/** A polite status message and, after a change that can be taken back, its Undo. */
export function useStatusUndo() {
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<(() => Promise<void>) | null>(null);
  return {
    status,
    undo,
    /** Says `message`; a fresh text node, so screen readers announce the same message twice in a row. */
    say(message: string) {
      setStatus('');
      requestAnimationFrame(() => setStatus(message));
    },
    offerUndo: (takeBack: (() => Promise<void>) | null) => setUndo(() => takeBack),
  };
}

export type StatusUndo = ReturnType<typeof useStatusUndo>;

/** The status line with its Undo button; Undo takes the change back and says so. */
export function StatusUndoRow({
  state,
  rowClass,
  statusClass,
  undoRef,
}: {
  state: StatusUndo;
  rowClass: string;
  statusClass: string;
  undoRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useUiServices();
  const { status, undo } = state;
  return (
    <div class={rowClass}>
      <p class={statusClass} role="status" aria-live="polite">
        {status}
      </p>
      {undo && (
        <button
          type="button"
          class="link"
          ref={undoRef}
          onClick={async () => {
            await undo();
            state.offerUndo(null);
            state.say(t('undone'));
          }}
        >
          {t('undo')}
        </button>
      )}
    </div>
  );
}
