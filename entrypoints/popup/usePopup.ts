/** The popup's data: today's idea, marks and recent ideas, all from the db (the nudge line reads its own). */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Services } from '../../components/services';
import { dayKey, dayKeyBefore, startOfNextDay } from '../../utils/day';
import type { Idea } from '../../utils/library';
import {
  anotherIdea,
  createPickerState,
  eligibleIdeas,
  todaysIdea,
  type PickerState,
  type PickOptions,
  type PickResult,
} from '../../utils/picker';
import { LIMITS, type Prefs } from '../../utils/prefs';
import type { CheckIn, HistoryEntry, Mark, OwnIdea } from '../../utils/records';
import { themeOf } from '../../utils/theme';

export const RECENT_DAYS = 14;

export interface PopupData {
  prefs: Prefs;
  /** The library with the person's own ideas (when shown) added. */
  library: Idea[];
  marks: Map<string, Mark>;
  result: PickResult;
  recent: HistoryEntry[];
  /** What today's pick leans toward after a recent check-in, if anything. */
  options: PickOptions;
}

type Stored = [Prefs, Idea[], Mark[], PickerState | null, OwnIdea[], CheckIn[]];

function readStored(services: Services): Promise<Stored> {
  const { store, loadIdeas } = services;
  return Promise.all([
    store.readPrefs(),
    loadIdeas(),
    store.readAllMarks(),
    store.readPickerState(),
    // A damaged record of these is skipped by the store; an unreadable store never blocks today's idea.
    store.readOwnIdeas().catch(() => []),
    store.readCheckIns().catch(() => []),
  ]);
}

let early: Promise<Stored> | null = null;

/** Starts reading before the first render, so the idea is not held up by it. */
export function preloadPopup(services: Services): void {
  early = readStored(services);
  // Seen by load() a moment later; until then a database that cannot be opened is not an unhandled rejection.
  early.catch(() => {});
}

/** The filters with only what empties them undone: kinds, company and length; closeness only if still needed. */
function widenedFilters(prefs: Prefs, library: Idea[], hidden: Set<string>): Partial<Prefs> {
  const patch: Partial<Prefs> = { hiddenCategories: [], modeFilter: 'both', maxMinutes: LIMITS.maxMinutes.max };
  return eligibleIdeas(library, { ...prefs, ...patch }, hidden).length > 0 ? patch : { ...patch, maxIntensity: 'close' };
}

const ideaOf = (result: PickResult): Idea | null => (result.kind === 'idea' ? result.idea : null);

function randomSalt(random: () => number): string {
  return Math.floor(random() * 2 ** 32).toString(36) + Math.floor(random() * 2 ** 32).toString(36);
}

export function usePopup(services: Services) {
  const { store, now, random } = services;
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The day this popup first showed; at midnight an open popup keeps the idea under the cursor. */
  const openedDay = useRef<string | null>(null);

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
      const [prefs, ideas, markList, stored, own, checkIns] = await pending;
      const time = now();
      // The own-ideas module loads only for someone who has ideas of their own to show.
      const ownIdeas = prefs.showOwnIdeas && own.length > 0 ? own.map((await import('../../utils/own-ideas')).ownIdeaToIdea) : [];
      const library = [...ideas, ...ownIdeas];
      const marks = new Map(markList.map((m) => [m.ideaId, m]));
      const picker = stored ?? createPickerState(randomSalt(random));
      const hidden = new Set(markList.filter((m) => m.hidden).map((m) => m.ideaId));
      const options: PickOptions = {
        hour: new Date(time).getHours(),
        // Without check-ins nothing leans: the leaning module loads only for those who have some.
        lean: checkIns.length > 0 ? (await import('../../utils/leaning')).activeLeaning(checkIns, time) : null,
        own: prefs.showOwnIdeas ? own.map(({ id, createdAt }) => ({ id, createdAt })) : [],
      };
      // An open popup keeps the day it opened on: the idea under the cursor does not swap at midnight.
      openedDay.current ??= dayKey(time);
      const day = openedDay.current;
      const result = todaysIdea(library, prefs, hidden, picker, day, options);
      // Show the idea first; storing the pick and reading the recent list can follow.
      setData((before) => ({ prefs, library, marks, result, recent: before?.recent ?? [], options }));
      const ahead = todaysIdea(library, prefs, hidden, result.state, dayKey(startOfNextDay(time)), { ...options, hour: undefined });
      services.saveView({ theme: themeOf(prefs), idea: ideaOf(result), tomorrow: ideaOf(ahead) });
      await commit(stored, result);
      const recent = await store.readHistorySince(dayKeyBefore(time, RECENT_DAYS - 1));
      setData({ prefs, library, marks, result, recent, options });
    } catch (e) {
      setError(e);
    }
  }, [services, store, random, now, commit]);

  useEffect(() => {
    void load();
    // Any write elsewhere (settings, another popup, an import, "Delete all data") shows here at once.
    return store.onChange((change) => {
      if (change !== 'state' && change !== 'history') void load();
    });
  }, [load]);

  const hiddenSet = (marks: Map<string, Mark>) =>
    new Set([...marks.values()].filter((m) => m.hidden).map((m) => m.ideaId));

  /** The empty state's way out: ideas set aside shown again, or the filters that leave none widened. */
  const bringIdeasBack = useCallback(async () => {
    if (!data || data.result.kind !== 'empty') return;
    if (data.result.reason === 'hidden') await store.unhideAll();
    else await store.patchPrefs(widenedFilters(data.prefs, data.library, hiddenSet(data.marks)));
    // The store tells this page, which picks again from what is stored now.
  }, [data, store]);

  const another = useCallback(async () => {
    if (!data) return;
    const day = openedDay.current ?? dayKey(now());
    const result = anotherIdea(data.library, data.prefs, hiddenSet(data.marks), data.result.state, day, data.options);
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

  /** Shows an idea from the favourites or recent list as today's idea. */
  const showIdea = useCallback(
    async (ideaId: string) => {
      if (!data) return;
      const before = data.result.state;
      const day = openedDay.current ?? dayKey(now());
      const next: PickerState = {
        ...before,
        shown: before.shown.includes(ideaId) ? before.shown : [...before.shown, ideaId],
        deferred: before.deferred.filter((id) => id !== ideaId),
        today: { day, ideaId },
      };
      await store.commitPick(before, next, { day, ideaId, at: now() });
      await load();
    },
    [data, store, now, load],
  );

  /** "Not for us": hide for good and move on; returns a function that undoes both. */
  const hide = useCallback(
    async (ideaId: string): Promise<() => Promise<void>> => {
      if (!data) return async () => {};
      const before = data.result.state;
      const marks = new Map(data.marks);
      const mark = await store.updateMark(ideaId, (m) => ({ ...m, hidden: true }));
      marks.set(ideaId, mark);
      const result = todaysIdea(data.library, data.prefs, hiddenSet(marks), before, openedDay.current ?? dayKey(now()), data.options);
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

  return { data, error, another, mark, hide, showIdea, bringIdeasBack };
}

/** What the popup's data layer hands to its view (App). */
export type PopupApi = ReturnType<typeof usePopup>;
