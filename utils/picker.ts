/**
 * Chooses today's idea. Pure and deterministic: the same library, filters and stored
 * state give the same idea, so the popup shows one idea all day and after a restart.
 */
import { intensityRank, type Idea } from './library';
import type { Prefs } from './prefs';
import { hashString, seededRandom, shuffled } from './random';

export interface PickerState {
  /** Per-install salt so every install walks the library in its own order. */
  salt: string;
  /** Which pass through the library this is; each pass has a new order. */
  cycle: number;
  /** Ideas shown in this cycle, oldest first. */
  shown: string[];
  /** Ideas skipped with "Another idea" in this cycle: they come back at its end. */
  deferred: string[];
  today: { day: string; ideaId: string } | null;
}

export type IdeaFilters = Pick<Prefs, 'hiddenCategories' | 'modeFilter' | 'maxIntensity' | 'maxMinutes'>;

export type PickResult =
  | { kind: 'idea'; idea: Idea; state: PickerState }
  /** `filters`: the filters leave nothing; `hidden`: everything left was marked "not for us". */
  | { kind: 'empty'; reason: 'filters' | 'hidden' | 'library'; state: PickerState };

export function createPickerState(salt: string): PickerState {
  return { salt, cycle: 0, shown: [], deferred: [], today: null };
}

function passesFilters(idea: Idea, filters: IdeaFilters): boolean {
  return (
    !filters.hiddenCategories.includes(idea.category) &&
    (filters.modeFilter === 'both' || idea.mode === filters.modeFilter) &&
    intensityRank(idea.intensity) <= intensityRank(filters.maxIntensity) &&
    idea.minutes <= filters.maxMinutes
  );
}

export function eligibleIdeas(library: readonly Idea[], filters: IdeaFilters, hidden: ReadonlySet<string>): Idea[] {
  return library.filter((idea) => !hidden.has(idea.id) && passesFilters(idea, filters));
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

/** Next idea of the cycle after those shown, skipping `exclude`; starts a new cycle when this one is used up. */
function advance(eligible: readonly Idea[], state: PickerState, day: string, exclude: string | null): PickResult {
  const byId = new Map(eligible.map((idea) => [idea.id, idea]));
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
  const fresh = order.find((id) => id !== exclude && !state.shown.includes(id) && !state.deferred.includes(id));
  if (fresh) return take(fresh, state);
  const skipped = state.deferred.find((id) => id !== exclude && byId.has(id));
  if (skipped) return take(skipped, state);
  const next: PickerState = { ...state, cycle: state.cycle + 1, shown: [], deferred: [] };
  const nextOrder = cycleOrder([...byId.keys()], next.salt, next.cycle);
  const first = nextOrder.find((id) => id !== exclude) ?? nextOrder[0];
  return take(first as string, next);
}

type Chooser = (
  library: readonly Idea[],
  filters: IdeaFilters,
  hidden: ReadonlySet<string>,
  state: PickerState,
  day: string,
) => PickResult;

/** Wraps a choice among the eligible ideas with the one answer for when none is left. */
function fromEligible(choose: (eligible: Idea[], state: PickerState, day: string) => PickResult): Chooser {
  return (library, filters, hidden, state, day) => {
    const eligible = eligibleIdeas(library, filters, hidden);
    if (eligible.length === 0) return { kind: 'empty', reason: emptyReason(library, filters), state };
    return choose(eligible, state, day);
  };
}

/** Today's idea: the one already chosen today if it is still allowed, else the next in the cycle. */
export const todaysIdea: Chooser = fromEligible((eligible, state, day) => {
  const current = state.today?.day === day ? eligible.find((idea) => idea.id === state.today?.ideaId) : undefined;
  if (current) return { kind: 'idea', idea: current, state };
  return advance(eligible, state, day, null);
});

/** "Another idea": today's idea goes to the back of this cycle and the next one takes its place. */
export const anotherIdea: Chooser = fromEligible((eligible, state, day) => {
  const current = state.today?.day === day ? state.today.ideaId : null;
  if (!current) return advance(eligible, state, day, null);
  const skippedState: PickerState = {
    ...state,
    shown: state.shown.filter((id) => id !== current),
    deferred: [...state.deferred.filter((id) => id !== current), current],
  };
  if (eligible.length === 1) return advance(eligible, skippedState, day, null);
  return advance(eligible, skippedState, day, current);
});
