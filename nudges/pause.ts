/**
 * The person's own say over nudges: pause, "later" and resume, and whether a pause or a "later"
 * holds now. Pure, and apart from the scheduler, so the popup's pause menu needs none of it.
 */
import { DAY, HOUR, MINUTE, startOfNextDay } from '../lib/day';
import type { NudgeState } from '../model/nudge-state';

export function isPaused(state: NudgeState, now: number): boolean {
  return state.pausedIndefinitely || (state.pausedUntil !== null && state.pausedUntil > now);
}

export function isSnoozed(state: NudgeState, now: number): boolean {
  return state.snoozedUntil !== null && state.snoozedUntil > now;
}

export const SNOOZES = ['15m', '1h', 'tomorrow'] as const;
export type Snooze = (typeof SNOOZES)[number];
export const PAUSES = ['1h', '1d', '1w', 'resume'] as const;
export type Pause = (typeof PAUSES)[number];

/** "Remind me in 15 min / 1 h" brings a nudge back then; "tomorrow" quiets today. */
export function snooze(state: NudgeState, kind: Snooze, now: number): NudgeState {
  if (kind === 'tomorrow') return { ...state, snoozedUntil: null, waitingSince: null, pausedUntil: startOfNextDay(now) };
  return { ...state, waitingSince: null, snoozedUntil: now + (kind === '15m' ? 15 : 60) * MINUTE };
}

/** Pauses end by themselves, except "until I resume". */
export function pause(state: NudgeState, kind: Pause, now: number): NudgeState {
  const base = { ...state, snoozedUntil: null, waitingSince: null };
  if (kind === 'resume') return { ...base, pausedUntil: null, pausedIndefinitely: true };
  const length = kind === '1h' ? HOUR : kind === '1d' ? DAY : 7 * DAY;
  return { ...base, pausedIndefinitely: false, pausedUntil: now + length };
}

export function resume(state: NudgeState): NudgeState {
  return { ...state, pausedUntil: null, pausedIndefinitely: false, snoozedUntil: null };
}
