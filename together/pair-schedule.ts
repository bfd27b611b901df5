/**
 * The nudge alarm while paired: the moments come from the pair (pair-nudges.ts), so both Tends nudge
 * within the same minute with the same line; what stays personal (nudges off, a pause, a snooze, a
 * nudge not long ago, idle, a closed browser) is this Tend's own. Pure apart from WebCrypto's HMAC.
 */
import { MINUTE } from '../lib/day';
import type { Prefs } from '../model/prefs';
import type { NudgeState } from '../model/nudge-state';
import { isSnoozed } from '../nudges/pause';
import { MIN_LEAD, type AlarmPlan } from '../nudges/schedule';
import { decodePairCode } from './code/pair-code';
import { isInsidePairWindow, nextPairNudge, PAIR_SEARCH_DAYS, pairWindowMinutes, type NudgeChoices } from './pair-nudges';
import { addDays, zoneDayKey } from './zone-time';

/** What the pair decides about nudges: its secret, zone and shared hours, how often and how far apart. */
export interface PairRhythm {
  secret: Uint8Array;
  zone: string;
  choices: NudgeChoices;
}

/** The rhythm a stored pairing code gives, or null when the code cannot be read. */
export function pairRhythmOf(code: string): PairRhythm | null {
  const decoded = decodePairCode(code);
  if (!('ok' in decoded)) return null;
  const { secret, zone, choices } = decoded.ok;
  return { secret, zone, choices: { windows: choices.windows, nudgesPerDay: choices.nudgesPerDay, spacingMinutes: choices.spacingMinutes } };
}

/** The schedule's preferences while paired: the pair's hours, count and spacing; the rest is this Tend's. */
export function pairedPrefs<P extends Prefs>(prefs: P, rhythm: PairRhythm): P {
  return { ...prefs, ...rhythm.choices };
}

/** Whether `time` is inside the pair's together hours (in the pair's zone). */
export const insidePairHours = (rhythm: PairRhythm) => (time: number) => isInsidePairWindow(rhythm.choices.windows, rhythm.zone, time);

/** The first minute of the pair's hours at or after `bound` (a snooze ends there: personal, not the pair's moment). */
function firstPairMinute(rhythm: PairRhythm, bound: number): number | null {
  const today = zoneDayKey(bound, rhythm.zone);
  for (let i = -1; i <= PAIR_SEARCH_DAYS; i++) {
    const found = pairWindowMinutes(rhythm.choices.windows, rhythm.zone, addDays(today, i)).find((t) => t >= bound);
    if (found !== undefined) return found;
  }
  return null;
}

/** The next moment to nudge while paired, with the pair's line for it (null: a personal moment, any line). */
export async function nextPairMoment(
  rhythm: PairRhythm,
  prefs: Pick<Prefs, 'nudgesEnabled'>,
  state: NudgeState,
  now: number,
  lineIds: readonly string[],
): Promise<{ at: number; lineId: string | null } | null> {
  if (!prefs.nudgesEnabled || rhythm.choices.nudgesPerDay < 1 || state.pausedIndefinitely) return null;
  if (isSnoozed(state, now)) {
    const at = firstPairMinute(rhythm, Math.max(now + MIN_LEAD, state.snoozedUntil as number, state.pausedUntil ?? 0));
    return at === null ? null : { at, lineId: null };
  }
  let bound = now + MIN_LEAD;
  if (state.pausedUntil !== null) bound = Math.max(bound, state.pausedUntil);
  if (state.lastNudgeAt !== null) bound = Math.max(bound, state.lastNudgeAt + rhythm.choices.spacingMinutes * MINUTE);
  const next = await nextPairNudge(rhythm.secret, rhythm.choices, rhythm.zone, bound, lineIds);
  return next && { at: next.at, lineId: next.lineId };
}

/** Reconciles the one alarm while paired: an existing alarm stays only at the moment a fresh plan gives. */
export async function planPairAlarm(
  rhythm: PairRhythm,
  prefs: Pick<Prefs, 'nudgesEnabled'>,
  state: NudgeState,
  now: number,
  existing: number | null,
  replan: boolean,
  lineIds: readonly string[],
): Promise<AlarmPlan> {
  const next = await nextPairMoment(rhythm, prefs, state, now, lineIds);
  // An overdue alarm is about to fire (Chrome fires missed alarms once at start): replacing it would lose that nudge.
  if (!replan && next !== null && existing !== null && (existing <= now || existing === next.at)) return { action: 'keep' };
  if (next === null) return existing === null ? { action: 'keep' } : { action: 'clear' };
  return { action: 'set', at: next.at };
}

/** The pair's line for a nudge planned at `planned` (null when that was a personal moment, e.g. after a snooze). */
export async function pairLineAt(rhythm: PairRhythm, planned: number | null, lineIds: readonly string[]): Promise<string | null> {
  if (planned === null) return null;
  const nudge = await nextPairNudge(rhythm.secret, rhythm.choices, rhythm.zone, planned, lineIds);
  return nudge?.at === planned ? nudge.lineId : null;
}
