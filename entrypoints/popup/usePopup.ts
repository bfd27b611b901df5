/**
 * The popup's data: it asks the background worker (popup-view.ts) for what to show and to carry out
 * what its buttons do, and asks again whenever anything stored changes, here or elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiServices } from '../../components/services';
import { dayKey } from '../../utils/day';
import type { NudgeChoice, PopupAnswer, PopupRequest, PopupView } from '../../utils/popup-view';

/** An Undo the popup offers, and what must hold in every later view for it to stay. */
export interface PendingUndo {
  takeBack: () => Promise<boolean | undefined>;
  holds: (view: PopupView) => boolean;
}

type Request = PopupRequest extends infer R ? (R extends PopupRequest ? Omit<R, 'day'> : never) : never;

export function usePopup(services: UiServices) {
  const { askWorker, onStoreChange, now, saveView } = services;
  const [view, setView] = useState<PopupView | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The day this popup first showed; at midnight an open popup keeps the idea under the cursor. */
  const openedDay = useRef<string | null>(null);

  const ask = useCallback(
    async (request: Request): Promise<PopupView | null> => {
      const day = (openedDay.current ??= dayKey(now()));
      const send = () => askWorker({ popup: { ...request, day } }) as Promise<PopupAnswer | null>;
      try {
        // A worker that was just woken may miss the very first message: ask once more before giving up.
        const answer = await send().catch(() => new Promise((r) => setTimeout(r, 250)).then(send));
        if (!answer) throw new Error('The worker gave no answer');
        if ('trouble' in answer) {
          setError({ reason: answer.trouble });
          return null;
        }
        const next = answer.view;
        setError(null);
        setView(next);
        saveView({ theme: next.theme, idea: next.idea, tomorrow: next.tomorrow });
        return next;
      } catch (e) {
        setError(e);
        return null;
      }
    },
    [askWorker, now, saveView],
  );

  useEffect(() => {
    void ask({ kind: 'view' });
    // Any write elsewhere (settings, another popup, the worker's plan, an import, "Delete all data") shows here at once.
    return onStoreChange(() => void ask({ kind: 'view' }));
  }, [ask, onStoreChange]);

  const from = view?.idea?.id ?? null;
  return {
    view,
    error,
    another: () => ask({ kind: 'another', from }),
    /**
     * "Not for us": hidden for good, the next idea shown; resolves with its Undo and what must hold for
     * the Undo to stand (null when nothing was hidden: another page moved on first).
     */
    hide: async (): Promise<PendingUndo | null> => {
      const after = await ask({ kind: 'hide', from });
      const undo = after?.undo;
      if (!after || !undo || undo.kind !== 'undo-hide') return null;
      return {
        // The store refuses when the pick changed since; then the idea set aside does not come back.
        takeBack: async () => (await ask(undo))?.idea?.id === undo.ideaId,
        holds: (v) => v.generation === after.generation && v.idea?.id === after.idea?.id,
      };
    },
    /** A favourite taken off from the lists, with its Undo (refused after "Delete all data" or an import). */
    unfavourite: async (ideaId: string): Promise<PendingUndo | null> => {
      const after = await ask({ kind: 'mark', ideaId, favourite: false });
      if (!after) return null;
      const { generation } = after;
      return {
        takeBack: async () => (await ask({ kind: 'mark', ideaId, favourite: true, generation }))?.favourites.some((i) => i.id === ideaId),
        holds: (v) => v.generation === generation,
      };
    },
    favourite: (ideaId: string, favourite: boolean) => ask({ kind: 'mark', ideaId, favourite }),
    tried: (ideaId: string, tried: boolean) => ask({ kind: 'mark', ideaId, tried }),
    /** Shows an idea from the favourites or recent list as today's idea. */
    showIdea: (ideaId: string) => ask({ kind: 'show', ideaId }),
    /** The empty state's way out: ideas set aside shown again, or the filters that leave none widened. */
    bringIdeasBack: () => ask({ kind: 'bring-back' }),
    nudges: (choice: NudgeChoice) => ask({ kind: 'nudges', choice }),
  };
}
