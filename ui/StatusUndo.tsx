import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoreChange } from '../model/store-channel';
import { useUiServices } from '../platform/services';
import { busyProps, useWrite } from './useWrite';

/** Takes a change back; false when the store refused (what it referred to changed since). */
export type TakeBack = () => Promise<boolean | void>;
/** Hears the store's announcements of writes made elsewhere (a store's `onChange`). */
export type HearChanges = (listener: (change: StoreChange) => void) => () => void;

interface Offer {
  takeBack: TakeBack;
  /** The stored records it refers to: a write to them elsewhere ends the Undo ('all' always does). */
  refersTo: readonly StoreChange[];
}

/**
 * A polite status message and, after a change that can be taken back, its Undo. The Undo takes the
 * focus when offered, and ends when what it refers to changes elsewhere (heard through `hear`).
 */
export function useStatusUndo(hear?: HearChanges) {
  const [status, setStatus] = useState('');
  const [offer, setOffer] = useState<Offer | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (offer) undoRef.current?.focus();
  }, [offer]);
  useEffect(() => {
    if (!offer || !hear) return;
    return hear((change) => {
      if (change === 'all' || offer.refersTo.includes(change)) setOffer((current) => (current === offer ? null : current));
    });
  }, [offer, hear]);
  return {
    status,
    undo: offer?.takeBack ?? null,
    undoRef,
    /** Says `message`; a fresh text node, so screen readers announce the same message twice in a row. */
    say(message: string) {
      setStatus('');
      requestAnimationFrame(() => setStatus(message));
    },
    offerUndo: (takeBack: TakeBack | null, refersTo: readonly StoreChange[] = []) =>
      setOffer(takeBack ? { takeBack, refersTo } : null),
  };
}

export type StatusUndo = ReturnType<typeof useStatusUndo>;

/** The status line with its Undo button; Undo takes the change back (once) and says so. */
export function StatusUndoRow({ state, rowClass, statusClass }: { state: StatusUndo; rowClass: string; statusClass: string }) {
  const { t } = useUiServices();
  const { status, undo } = state;
  const { busy, run } = useWrite();
  return (
    <div class={rowClass}>
      <p class={statusClass} role="status" aria-live="polite">
        {status}
      </p>
      {undo && (
        <button
          type="button"
          class="link"
          ref={state.undoRef}
          {...busyProps(busy)}
          onClick={() =>
            void run(async () => {
              const done = await undo();
              state.offerUndo(null);
              state.say(t(done === false ? 'undoGone' : 'undone'));
            })
          }
        >
          {t('undo')}
        </button>
      )}
    </div>
  );
}
