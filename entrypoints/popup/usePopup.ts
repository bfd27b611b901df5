/**
 * The popup's data: it asks the background worker (popup-view.ts) for what to show and to carry out
 * what its buttons do, and asks again whenever anything stored changes, here or elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiServices } from '../../platform/services';
import { dayKey } from '../../lib/day';
import type { PopupAnswer, PopupView } from '../../ideas/popup-answer';
import type { NudgeChoice, PopupRequest } from '../../ideas/popup-request';
import { askPatiently } from '../../platform/worker-request';

/** An Undo the popup offers, and what must hold in every later view for it to stay. */
export interface PendingUndo {
  takeBack: () => Promise<boolean | undefined>;
  holds: (view: PopupView) => boolean;
}

type Request = PopupRequest extends infer R ? (R extends PopupRequest ? Omit<R, 'day'> : never) : never;

/** The first look at today, asked of the worker before the popup first draws (main.tsx), so nothing holds it up. */
export interface EarlyView {
  day: string;
  answer: Promise<unknown>;
}

export function askEarly(askWorker: UiServices['askWorker'], now: number): EarlyView {
  const day = dayKey(now);
  return { day, answer: askWorker({ popup: { kind: 'view', day } }).catch(() => null) };
}

export function usePopup(services: UiServices, early?: EarlyView) {
  const { askWorker, onStoreChange, now, saveView } = services;
  const [view, setView] = useState<PopupView | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The worker gave no answer even after asking again: what is shown stays, with a way to ask once more. */
  const [away, setAway] = useState(false);
  /** The day this popup first showed; at midnight an open popup keeps the idea under the cursor. */
  const openedDay = useRef<string | null>(null);

  const ask = useCallback(
    async (request: Request, asked?: Promise<unknown>): Promise<PopupView | null> => {
      // Looking again keeps the day the popup opened on; a button pressed acts on the current day.
      const day = request.kind === 'view' ? (openedDay.current ??= dayKey(now())) : (openedDay.current = dayKey(now()));
      const send = () => askWorker({ popup: { ...request, day } }) as Promise<PopupAnswer | null>;
      // A worker starting up or stopped mid-answer is asked again (also when the early ask got nothing);
      // meanwhile the idea on screen stays.
      const answer = ((await asked) as PopupAnswer | null | undefined) || (await askPatiently(send, (ms) => new Promise((r) => setTimeout(r, ms))));
      if (!answer) {
        setAway(true);
        return null;
      }
      setAway(false);
      // Only the database's own answer ("newer", "damaged") brings the data notice.
      if ('trouble' in answer) {
        setError({ reason: answer.trouble });
        return null;
      }
      const next = answer.view;
      setError(null);
      setView(next);
      // While a track runs, its step may take the idea's place: the next opening paints no idea it would replace.
      const running = next.track !== null && next.track.kind !== 'finished';
      const idea = next.track?.kind === 'step' ? null : next.idea;
      saveView({ theme: next.theme, idea, tomorrow: running ? null : next.tomorrow, tomorrowHours: running ? [] : next.tomorrowHours });
      return next;
    },
    [askWorker, now, saveView],
  );

  // The early answer is taken as soon as it comes, not after the first frame (when effects run).
  const tookEarly = useRef(false);
  if (early && !tookEarly.current) {
    tookEarly.current = true;
    openedDay.current = early.day;
    void ask({ kind: 'view' }, early.answer);
  }
  useEffect(() => {
    if (!early) void ask({ kind: 'view' });
    // Any write elsewhere (settings, another popup, the worker's plan, an import, "Delete all data") shows here at once.
    return onStoreChange(() => void ask({ kind: 'view' }));
  }, [ask, onStoreChange]);

  const from = view?.idea?.id ?? null;
  return {
    view,
    error,
    away,
    /** Asks for the view once more (the "did not answer" notice's button). */
    retry: () => ask({ kind: 'view' }),
    another: () => ask({ kind: 'another', from }),
    /** While paired, after "Another idea": back to the idea both Tends show. */
    ours: () => ask({ kind: 'ours' }),
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
    /** "We did this" or "Skip" on the track step shown. */
    trackStep: (trackId: string, step: number, outcome: 'done' | 'skip') => ask({ kind: 'track', trackId, step, outcome }),
  };
}
