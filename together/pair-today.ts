/**
 * While paired, today's idea is the pair's: the worker reads the stored code and works out the pair's
 * idea for the pair's day (pair-today-of.ts, loaded only by a paired Tend); a press of "Another idea"
 * goes this Tend's own way for that day only, and "Our idea" comes back. Pure.
 */
import type { PickerState } from '../model/records';
import type { Idea } from '../model/vocabulary';
import type { PickResult } from '../ideas/picker';
import type { PairIdeaResult } from './pair-pick';

/** What a pick needs to know of the pairing at one moment. */
export interface PairToday {
  /** The pair's calendar day (in the pair's zone). */
  pairDay: string;
  /** The pair's idea of that day, as this Tend sees it (its own set-aside ideas passed over). */
  result: PairIdeaResult;
}

/**
 * Today's pick while paired: the idea this Tend chose with "Another idea" for this pair day, while it
 * still stands; otherwise the pair's idea, stored as today's (the state object is kept when nothing changes).
 * Null when the pair's choices leave no idea: the Tend then picks on its own.
 */
export function pairPick(pair: PairToday, picker: PickerState, day: string, library: readonly Idea[], hidden: ReadonlySet<string>): PickResult | null {
  if (pair.result.kind !== 'idea') return null;
  const ours = pair.result.idea;
  const today = picker.today;
  const own = today && today.day === day && today.pairDay === pair.pairDay && today.ideaId !== ours.id && !hidden.has(today.ideaId)
    ? library.find((idea) => idea.id === today.ideaId)
    : undefined;
  if (own) return { kind: 'idea', idea: own, state: picker };
  if (today?.day === day && today.ideaId === ours.id && today.pairDay === pair.pairDay) return { kind: 'idea', idea: ours, state: picker };
  const state: PickerState = {
    ...picker,
    shown: picker.shown.includes(ours.id) ? picker.shown : [...picker.shown, ours.id],
    deferred: picker.deferred.filter((id) => id !== ours.id),
    today: { day, ideaId: ours.id, pairDay: pair.pairDay },
  };
  return { kind: 'idea', idea: ours, state };
}

/** A state after "Another idea" while paired: the pick belongs to this pair day. */
export function onPairDay(state: PickerState, pair: PairToday | null): PickerState {
  if (!pair || !state.today || state.today.pairDay === pair.pairDay) return state;
  return { ...state, today: { ...state.today, pairDay: pair.pairDay } };
}
