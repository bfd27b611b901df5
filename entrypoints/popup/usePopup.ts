/** The popup's data: today's idea, marks, recent ideas and the nudge state, all from the db. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Services } from '../../components/services';
import { dayKey, dayKeyBefore, startOfNextDay } from '../../utils/day';
import type { Idea } from '../../utils/library';
import { anotherIdea, createPickerState, todaysIdea, type PickerState, type PickResult } from '../../utils/picker';
import type { Prefs } from '../../utils/prefs';
import type { HistoryEntry, Mark } from '../../utils/records';
import type { NudgeState } from '../../utils/schedule';
import { themeOf } from '../../utils/theme';

export const RECENT_DAYS = 14;

export interface PopupData {
  prefs: Prefs;
  library: Idea[];
  marks: Map<string, Mark>;
  result: PickResult;
  recent: HistoryEntry[];
  nudge: NudgeState;
}

type Stored = [Prefs, Idea[], Mark[], PickerState | null, NudgeState];

function readStored(services: Services): Promise<Stored> {
  const { store, loadIdeas } = services;
  return Promise.all([store.readPrefs(), loadIdeas(), store.readAllMarks(), store.readPickerState(), store.readNudgeState()]);
}

let early: Promise<Stored> | null = null;

/** Starts reading before the first render, so the idea is not held up by it. */
export function preloadPopup(services: Services): void {
  early = readStored(services);
}

const ideaOf = (result: PickResult): Idea | null => (result.kind === 'idea' ? result.idea : null);

function randomSalt(random: () => number): string {
  return Math.floor(random() * 2 ** 32).toString(36) + Math.floor(random() * 2 ** 32).toString(36);
}

export function usePopup(services: Services) {
  const { store, now, random } = services;
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<unknown>(null);

  /**
   * Stores a new pick (state and history) when it differs from what was stored, and only if the
   * stored state is still the one it was computed from: a stale popup never writes an old pick back.
   */
  const commit = useCallback(
    async (before: PickerState | null, result: PickResult) => {
      if (result.state === before) return;
      const shown = result.kind === 'idea' ? { day: result.state.today?.day ?? dayKey(now()), ideaId: result.idea.id, at: now() } : null;
      await store.commitPick(before, result.state, shown);
    },
    [store, now],
  );

  const load = useCallback(async () => {
    try {
      const pending = early ?? readStored(services);
      early = null;
      const [prefs, library, markList, stored, nudge] = await pending;
      const marks = new Map(markList.map((m) => [m.ideaId, m]));
      const picker = stored ?? createPickerState(randomSalt(random));
      const hidden = new Set(markList.filter((m) => m.hidden).map((m) => m.ideaId));
      const result = todaysIdea(library, prefs, hidden, picker, dayKey(now()));
      // Show the idea first; storing the pick and reading the recent list can follow.
      setData((before) => ({ prefs, library, marks, result, recent: before?.recent ?? [], nudge }));
      const ahead = todaysIdea(library, prefs, hidden, result.state, dayKey(startOfNextDay(now())));
      services.saveView({ theme: themeOf(prefs), idea: ideaOf(result), tomorrow: ideaOf(ahead) });
      await commit(stored, result);
      const recent = await store.readHistorySince(dayKeyBefore(now(), RECENT_DAYS - 1));
      setData({ prefs, library, marks, result, recent, nudge });
    } catch (e) {
      setError(e);
    }
  }, [services, store, random, now, commit]);

  useEffect(() => {
    void load();
    return services.onPrefsAnnounced(() => void load());
  }, [load]);

  const hiddenSet = (marks: Map<string, Mark>) =>
    new Set([...marks.values()].filter((m) => m.hidden).map((m) => m.ideaId));

  const another = useCallback(async () => {
    if (!data) return;
    const result = anotherIdea(data.library, data.prefs, hiddenSet(data.marks), data.result.state, dayKey(now()));
    await commit(data.result.state, result);
    await load();
  }, [data, now, commit, load]);

  const mark = useCallback(
    async (ideaId: string, change: (m: Mark) => Mark) => {
      await store.updateMark(ideaId, change);
      await load();
    },
    [store, load],
  );

  /** "Not for us": hide for good and move on; returns a function that undoes both. */
  const hide = useCallback(
    async (ideaId: string): Promise<() => Promise<void>> => {
      if (!data) return async () => {};
      const before = data.result.state;
      const marks = new Map(data.marks);
      const mark = await store.updateMark(ideaId, (m) => ({ ...m, hidden: true }));
      marks.set(ideaId, mark);
      const result = todaysIdea(data.library, data.prefs, hiddenSet(marks), before, dayKey(now()));
      await commit(before, result);
      await load();
      return async () => {
        await store.updateMark(ideaId, (m) => ({ ...m, hidden: false }));
        await store.commitPick(result.state, before, null);
        await load();
      };
    },
    [data, store, now, commit, load],
  );

  const changeNudges = useCallback(
    async (change: (state: NudgeState) => NudgeState) => {
      await services.changeNudgeState(change);
      await load();
    },
    [services, load],
  );

  return { data, error, another, mark, hide, changeNudges };
}
