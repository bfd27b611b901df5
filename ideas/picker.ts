/**
 * Chooses today's idea. Pure and deterministic: the same library, filters, options and stored
 * state give the same idea, so the popup shows one idea all day and after a restart.
 *
 * Guarantees, whatever the options: one idea per day (a later opening gets the stored one while it
 * is still allowed); no repeat inside a cycle, and a cycle ends only when every eligible idea came
 * once; filters and "not for us" are respected; "Another idea" moves on and brings the skipped idea
 * back at the end of the cycle. The options only change which unshown idea of the cycle comes next.
 */
import { intensityRank } from './library';
import { fitsPlace, type Category, type Idea, type Intensity, type TimeOfDay } from '../model/vocabulary';
import type { Prefs } from '../model/prefs';
import type { PickerState } from '../model/records';
import { dayKey } from '../lib/day';
import { hashString, seededRandom, shuffled } from '../lib/random';

export type IdeaFilters = Pick<Prefs, 'hiddenCategories' | 'modeFilter' | 'maxIntensity' | 'maxMinutes' | 'livingApart'>;

/** A leaning (from a check-in): prefer these kinds; `maxIntensity` caps how close ideas may be. */
export interface Lean {
  categories: readonly Category[];
  maxIntensity?: Intensity;
}

export interface PickOptions {
  /**
   * Local hour (0–23) of this opening. A new pick is made among ideas whose `when` fits it
   * (see `fitsHour`); since today's pick is kept all day, the day's first opening decides.
   * Missing: every idea fits.
   */
  hour?: number;
  /** Prefer unshown ideas of these kinds; the intensity cap filters (stricter of it and the person's). */
  lean?: Lean | null;
  /** Ids to take first, in this order, when eligible, fitting the hour and not yet shown or skipped this cycle. */
  priority?: readonly string[];
  /**
   * The person's own ideas with when they were written (ms). One written on or after the local day of
   * the last new pick (or before any pick) comes next, newest first, while it is unshown this cycle;
   * once shown it is an ordinary idea of the cycle. Needs nothing more in the stored state.
   */
  own?: readonly { id: string; createdAt: number }[];
}

export type PickResult =
  | { kind: 'idea'; idea: Idea; state: PickerState }
  /** `filters`: the filters leave nothing; `hidden`: everything left was marked "not for us". */
  | { kind: 'empty'; reason: 'filters' | 'hidden' | 'library'; state: PickerState };

export function createPickerState(salt: string): PickerState {
  return { salt, cycle: 0, shown: [], deferred: [], today: null };
}

/**
 * The hours (local, inclusive, may wrap past midnight) in which an idea naming a time of day reads
 * right. Bands overlap so the edges of a day have choice:
 * morning 04–11, daytime 10–17, evening 16–23, night 20–03.
 * Morning is not stretched into the evening: "this morning" or "over breakfast" reads wrong at 20:30.
 * An idea about *tomorrow* morning that is meant for the evening should carry `when: 'evening'`.
 */
export const TIME_OF_DAY_HOURS: Readonly<Record<TimeOfDay, { from: number; to: number }>> = {
  morning: { from: 4, to: 11 },
  daytime: { from: 10, to: 17 },
  evening: { from: 16, to: 23 },
  night: { from: 20, to: 3 },
};

/** Whether an idea with this `when` reads right at this local hour. No `when`, or no valid hour: yes. */
export function fitsHour(when: TimeOfDay | undefined, hour: number | undefined): boolean {
  if (when === undefined || hour === undefined || !Number.isFinite(hour)) return true;
  const h = ((Math.floor(hour) % 24) + 24) % 24;
  const { from, to } = TIME_OF_DAY_HOURS[when];
  return from <= to ? h >= from && h <= to : h >= from || h <= to;
}

function passesFilters(idea: Idea, filters: IdeaFilters): boolean {
  return (
    !filters.hiddenCategories.includes(idea.category) &&
    (filters.modeFilter === 'both' || idea.mode === filters.modeFilter) &&
    intensityRank(idea.intensity) <= intensityRank(filters.maxIntensity) &&
    idea.minutes <= filters.maxMinutes &&
    fitsPlace(idea, filters.livingApart)
  );
}

export function eligibleIdeas(library: readonly Idea[], filters: IdeaFilters, hidden: ReadonlySet<string>): Idea[] {
  return library.filter((idea) => !hidden.has(idea.id) && passesFilters(idea, filters));
}

/** The filters with a leaning's intensity cap applied: the stricter of the person's choice and the cap. */
export function filtersWithLean<F extends IdeaFilters>(filters: F, lean: Lean | null | undefined): F {
  const cap = lean?.maxIntensity;
  if (!cap || intensityRank(cap) >= intensityRank(filters.maxIntensity)) return filters;
  return { ...filters, maxIntensity: cap };
}

/** The order of one cycle: a shuffle seeded by the install's salt and the cycle number. */
export function cycleOrder(ids: readonly string[], salt: string, cycle: number): string[] {
  const sorted = [...ids].sort();
  return shuffled(sorted, seededRandom(hashString(`${salt}:${cycle}`)));
}

function emptyReason(library: readonly Idea[], filters: IdeaFilters): 'filters' | 'hidden' | 'library' {
  if (library.length === 0) return 'library';
  return library.some((idea) => passesFilters(idea, filters)) ? 'hidden' : 'filters';
}

/**
 * Own ideas still new: written on or after the day of the last new pick (any, before the first pick),
 * newest first. Whether one is still unshown in this cycle is checked where it is taken.
 */
function newOwnIds(state: PickerState, own: PickOptions['own']): string[] {
  if (!own || own.length === 0) return [];
  const lastPickDay = state.today?.day ?? '';
  return own
    .filter((o) => dayKey(o.createdAt) >= lastPickDay)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
    .map((o) => o.id);
}

/**
 * Which candidate comes next. The hour's fit matters most (an idea that does not fit waits, but is
 * taken before the cycle would end without it); then unshown before skipped; then ids asked for
 * first; then the leaning kinds; then the cycle's own order.
 */
function chooseNext(
  fresh: readonly string[],
  skipped: readonly string[],
  first: readonly string[],
  byId: ReadonlyMap<string, Idea>,
  options: PickOptions,
): string | undefined {
  const idea = (id: string) => byId.get(id) as Idea;
  const fits = (id: string) => fitsHour(idea(id).when, options.hour);
  const leanKinds = options.lean?.categories ?? [];
  const leaning = (id: string) => leanKinds.includes(idea(id).category);
  const preferred = (ids: readonly string[]) => ids.find(leaning) ?? ids[0];
  const freshSet = new Set(fresh);
  const fittingFresh = fresh.filter(fits);
  return (
    first.find((id) => freshSet.has(id) && fits(id)) ??
    preferred(fittingFresh) ??
    preferred(skipped.filter(fits)) ??
    first.find((id) => freshSet.has(id)) ??
    preferred(fresh) ??
    preferred(skipped)
  );
}

/** Next idea of the cycle after those shown, skipping `exclude`; starts a new cycle when this one is used up. */
function advance(
  eligible: readonly Idea[],
  state: PickerState,
  day: string,
  exclude: string | null,
  options: PickOptions,
): PickResult {
  const byId = new Map(eligible.map((idea) => [idea.id, idea]));
  const first = [...(options.priority ?? []), ...newOwnIds(state, options.own)].filter((id) => byId.has(id));
  const take = (id: string, base: PickerState): PickResult => ({
    kind: 'idea',
    idea: byId.get(id) as Idea,
    state: {
      ...base,
      shown: [...base.shown.filter((s) => s !== id), id],
      deferred: base.deferred.filter((s) => s !== id),
      today: { day, ideaId: id },
    },
  });
  const order = cycleOrder([...byId.keys()], state.salt, state.cycle);
  const used = new Set([...state.shown, ...state.deferred]);
  const fresh = order.filter((id) => id !== exclude && !used.has(id));
  const skipped = state.deferred.filter((id) => id !== exclude && byId.has(id));
  const next = chooseNext(fresh, skipped, first, byId, options);
  if (next) return take(next, state);
  const nextState: PickerState = { ...state, cycle: state.cycle + 1, shown: [], deferred: [] };
  const nextOrder = cycleOrder([...byId.keys()], nextState.salt, nextState.cycle);
  const candidates = nextOrder.filter((id) => id !== exclude);
  const firstOfCycle = chooseNext(candidates, [], first, byId, options) ?? nextOrder[0];
  return take(firstOfCycle as string, nextState);
}

type Chooser = (
  library: readonly Idea[],
  filters: IdeaFilters,
  hidden: ReadonlySet<string>,
  state: PickerState,
  day: string,
  options?: PickOptions,
) => PickResult;

/**
 * Wraps a choice among the eligible ideas with the one answer for when none is left. A leaning's
 * intensity cap narrows the eligible ideas, unless it would leave none: a check-in never empties the popup.
 */
function fromEligible(
  choose: (eligible: Idea[], state: PickerState, day: string, options: PickOptions) => PickResult,
): Chooser {
  return (library, filters, hidden, state, day, options = {}) => {
    const capped = filtersWithLean(filters, options.lean);
    let eligible = eligibleIdeas(library, capped, hidden);
    if (eligible.length === 0 && capped !== filters) eligible = eligibleIdeas(library, filters, hidden);
    if (eligible.length === 0) return { kind: 'empty', reason: emptyReason(library, filters), state };
    return choose(eligible, state, day, options);
  };
}

/** Today's idea: the one already chosen today if it is still allowed, else the next in the cycle. */
export const todaysIdea: Chooser = fromEligible((eligible, state, day, options) => {
  const current = state.today?.day === day ? eligible.find((idea) => idea.id === state.today?.ideaId) : undefined;
  if (current) return { kind: 'idea', idea: current, state };
  return advance(eligible, state, day, null, options);
});

/** "Another idea": today's idea goes to the back of this cycle and the next one takes its place. */
export const anotherIdea: Chooser = fromEligible((eligible, state, day, options) => {
  const current = state.today?.day === day ? state.today.ideaId : null;
  if (!current) return advance(eligible, state, day, null, options);
  const skippedState: PickerState = {
    ...state,
    shown: state.shown.filter((id) => id !== current),
    deferred: [...state.deferred.filter((id) => id !== current), current],
  };
  if (eligible.length === 1) return advance(eligible, skippedState, day, null, options);
  return advance(eligible, skippedState, day, current, options);
});
