/**
 * When to nudge. Pure: preferences, stored state, the time and a random source come in
 * as arguments; nothing here reads the clock or calls the browser.
 */
import { DAY, HOUR, MINUTE, wallMinutes } from '../lib/day';
import type { Prefs, WeekWindows } from '../model/prefs';
import type { NudgeState } from '../model/nudge-state';
import { isPaused, isSnoozed } from './pause';
import { windowHolding } from './hours/window-holding';

export type SchedulePrefs = Pick<Prefs, 'nudgesEnabled' | 'nudgesPerDay' | 'windows' | 'spacingMinutes'>;

/** Alarms closer than this are not worth setting (Chrome's floor is 30 s). */
export const MIN_LEAD = MINUTE;

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Is `time` (by the local wall clock) inside one of the together-hours windows? */
export function isInsideWindow(windows: WeekWindows, time: number): boolean {
  return windowHolding(windows, time) !== null;
}

/**
 * Every minute (as the timestamp of its start) that lies in the windows of the local
 * day starting at `dayStart`, in time order. Built from the wall clock, so days with a
 * daylight-saving change have the minutes they really have.
 *
 * The wall clock is read once an hour where the zone's offset is the same at both ends of
 * the hour (no zone changes its offset twice within an hour), and minute by minute where
 * it changes: a week of all-day windows is 10,000 minutes, each a Date read twice otherwise.
 */
export function windowMinutes(windows: WeekWindows, day: Date): number[] {
  const out: number[] = [];
  const dayNumber = localDayNumber(day.getTime(), offsetAt(day.getTime()));
  const list = [...(windows[day.getDay()] ?? [])].sort((a, b) => a.start - b.start);
  for (const w of list) {
    const from = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, w.start).getTime();
    const to = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, w.end).getTime();
    for (let hour = from - (from % MINUTE); hour < to; hour += HOUR) {
      const end = Math.min(hour + HOUR, to);
      const offset = offsetAt(hour);
      const steady = Number.isInteger(offset) && offset === offsetAt(end);
      for (let t = hour; t < end; t += MINUTE) {
        const m = steady ? minuteOfDay(t, offset, dayNumber) : minuteOfDayByDate(t, day);
        if (m >= w.start && m < w.end && (out.length === 0 || t > (out[out.length - 1] as number))) out.push(t);
      }
    }
  }
  return out;
}

/** Minutes west of UTC at `time`, as Date#getTimezoneOffset says. */
const offsetAt = (time: number) => new Date(time).getTimezoneOffset();
/** The local calendar day holding `time`, counted in days since 1970-01-01 (local). */
const localDayNumber = (time: number, offset: number) => Math.floor((Math.floor(time / MINUTE) - offset) / 1440);

/** The wall-clock minute of `time` after the local midnight of `day`: past 1440 when `time` falls on a later day. */
function minuteOfDay(time: number, offset: number, dayNumber: number): number {
  const localDay = localDayNumber(time, offset);
  const wall = Math.floor(time / MINUTE) - offset - localDay * 1440;
  return localDay === dayNumber ? wall : 1440 + wall;
}

function minuteOfDayByDate(time: number, day: Date): number {
  return sameLocalDay(new Date(time), day) ? wallMinutes(time) : 1440 + wallMinutes(time);
}

/** The earliest moment the next nudge may come, from pause, spacing and lead time. */
function lowerBound(prefs: SchedulePrefs, state: NudgeState, now: number): number {
  let bound = now + MIN_LEAD;
  if (state.pausedUntil !== null) bound = Math.max(bound, state.pausedUntil);
  if (state.lastNudgeAt !== null) bound = Math.max(bound, state.lastNudgeAt + prefs.spacingMinutes * MINUTE);
  return bound;
}

const SEARCH_DAYS = 9;

/**
 * The time of the next nudge, or null when there is none (nudges off, paused until
 * resumed, zero a day, or no together hours at all).
 *
 * Each day's together hours are split into `nudgesPerDay` equal slots; a nudge lands at
 * a random minute of the first slot that is still open (not holding the last nudge, and
 * at or after the lower bound). A snooze instead brings the nudge back at the first
 * together-hours minute after the snooze ends.
 */
export function nextNudgeAt(prefs: SchedulePrefs, state: NudgeState, now: number, random: () => number): number | null {
  if (!prefs.nudgesEnabled || prefs.nudgesPerDay < 1 || state.pausedIndefinitely) return null;
  // The search starts on the day the earliest possible nudge falls on (after a week's pause, that is a week on).
  const daysFrom = (time: number) => {
    const start = new Date(time);
    return Array.from(
      { length: SEARCH_DAYS + 1 },
      (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i - 1),
    );
  };

  if (isSnoozed(state, now)) {
    const bound = Math.max(now + MIN_LEAD, state.snoozedUntil as number, state.pausedUntil ?? 0);
    for (const day of daysFrom(bound)) {
      const first = windowMinutes(prefs.windows, day).find((t) => t >= bound);
      if (first !== undefined) return first;
    }
    return null;
  }

  const bound = lowerBound(prefs, state, now);
  const last = state.lastNudgeAt;
  for (const day of daysFrom(bound)) {
    const minutes = windowMinutes(prefs.windows, day);
    const n = prefs.nudgesPerDay;
    for (let k = 0; k < n; k++) {
      const slot = minutes.slice(Math.floor((k * minutes.length) / n), Math.floor(((k + 1) * minutes.length) / n));
      if (slot.length === 0) continue;
      const used = last !== null && last >= (slot[0] as number) && last < (slot[slot.length - 1] as number) + MINUTE;
      if (used) continue;
      const open = slot.filter((t) => t >= bound);
      if (open.length === 0) continue;
      const minute = open[Math.min(open.length - 1, Math.floor(random() * open.length))] as number;
      return minute + Math.min(59, Math.floor(random() * 60)) * 1000;
    }
  }
  return null;
}

export type AlarmPlan = { action: 'keep' } | { action: 'clear' } | { action: 'set'; at: number };

/**
 * Reconciles the one nudge alarm: keep an existing alarm that still fits the rules,
 * otherwise set a new one, or clear it when no nudge is due. Never re-setting a valid
 * alarm matters: re-creating it at every worker start would push it away forever.
 */
export function planAlarm(
  prefs: SchedulePrefs,
  state: NudgeState,
  now: number,
  random: () => number,
  existing: number | null,
  replan = false,
): AlarmPlan {
  // An overdue alarm is about to fire (Chrome fires missed alarms once at start): replacing it would lose that nudge.
  // With nudges off (or paused until resumed) there is nothing for it to bring: it goes.
  const active = prefs.nudgesEnabled && prefs.nudgesPerDay >= 1 && !state.pausedIndefinitely;
  if (!replan && active && existing !== null && (existing <= now || alarmStillFits(prefs, state, now, existing))) {
    return { action: 'keep' };
  }
  const at = nextNudgeAt(prefs, state, now, random);
  if (at === null) return existing === null ? { action: 'keep' } : { action: 'clear' };
  return { action: 'set', at };
}

/** An existing alarm fits when it lies where a fresh plan could put it: the same slot, not later. */
function alarmStillFits(prefs: SchedulePrefs, state: NudgeState, now: number, at: number): boolean {
  if (at <= now || !isInsideWindow(prefs.windows, at)) return false;
  const earliest = nextNudgeAt(prefs, state, now, () => 0);
  const latest = nextNudgeAt(prefs, state, now, () => 1 - Number.EPSILON);
  if (earliest === null || latest === null) return false;
  if (isSnoozed(state, now)) return at === earliest;
  return at >= earliest - MIN_LEAD && at <= latest;
}

/** The longest a pause can last (the "1 week" choice), and the longest snooze. */
const LONGEST_PAUSE = 7 * DAY;
const LONGEST_SNOOZE = HOUR;

/**
 * Stored times are checked against the present: a time in the future that no choice of Tend's
 * could have set (a clock that was once ahead) is clamped, so it cannot hold nudges back.
 * Returns the same object when nothing needed changing.
 */
export function checkAgainstNow(state: NudgeState, now: number): NudgeState {
  const notAfter = (time: number | null, limit: number) => (time !== null && time > limit ? limit : time);
  const next: NudgeState = {
    ...state,
    lastNudgeAt: notAfter(state.lastNudgeAt, now),
    waitingSince: notAfter(state.waitingSince, now),
    blockedAt: notAfter(state.blockedAt, now),
    snoozedUntil: notAfter(state.snoozedUntil, now + LONGEST_SNOOZE),
    pausedUntil: notAfter(state.pausedUntil, now + LONGEST_PAUSE),
    handlingSince: state.handlingSince !== null && state.handlingSince > now ? null : state.handlingSince,
    plannedAt: state.plannedAt !== null && state.plannedAt > now + (SEARCH_DAYS + 7) * DAY ? null : state.plannedAt,
  };
  const changed = (Object.keys(next) as (keyof NudgeState)[]).some((key) => next[key] !== state[key]);
  return changed ? next : state;
}

/** How long a claim on a due nudge holds before another context may handle it. */
export const CLAIM_MS = MINUTE;

/** Claims the due nudge for one handler; returns null when another handler already has it. */
export function claimDue(state: NudgeState, now: number): NudgeState | null {
  if (state.handlingSince !== null && state.handlingSince <= now && now - state.handlingSince < CLAIM_MS) return null;
  return { ...state, handlingSince: now, plannedAt: null };
}

/** A nudge came due while no alarm could fire (browser closed, alarms dropped on restart). */
export function missedWhileClosed(state: NudgeState, existingAlarm: number | null, now: number): boolean {
  return existingAlarm === null && state.plannedAt !== null && state.plannedAt <= now;
}

export type AlarmDecision = 'show' | 'wait' | 'skip';

/** What to do when the nudge alarm fires. */
export function decideOnAlarm(
  prefs: SchedulePrefs & Pick<Prefs, 'deferWhenIdle'>,
  state: NudgeState,
  now: number,
  idle: 'active' | 'idle' | 'locked',
  inside: (time: number) => boolean = (time) => isInsideWindow(prefs.windows, time),
): AlarmDecision {
  if (!prefs.nudgesEnabled || prefs.nudgesPerDay < 1 || isPaused(state, now)) return 'skip';
  // A late alarm (after sleep, or a closed browser) whose window has ended is dropped, not shown out of hours.
  if (!inside(now)) return 'skip';
  const snoozeDue = state.snoozedUntil !== null && state.snoozedUntil <= now + MIN_LEAD;
  // A second firing of the same alarm (Chrome can do that after sleep) must not nudge twice.
  if (!snoozeDue && state.lastNudgeAt !== null && now - state.lastNudgeAt < prefs.spacingMinutes * MINUTE) return 'skip';
  if (prefs.deferWhenIdle && idle !== 'active') return 'wait';
  return 'show';
}

/**
 * When the person comes back: show the waiting nudge if its window is still open, else drop it.
 * `inside` tells the together hours (while paired: the pair's, in the pair's zone).
 */
export function decideOnReturn(
  prefs: SchedulePrefs,
  state: NudgeState,
  now: number,
  inside: (time: number) => boolean = (time) => isInsideWindow(prefs.windows, time),
): 'show' | 'drop' | 'none' {
  if (state.waitingSince === null) return 'none';
  if (!prefs.nudgesEnabled || isPaused(state, now) || !inside(now)) return 'drop';
  return 'show';
}

export function afterShown(state: NudgeState, now: number, lineId: string | null): NudgeState {
  return { ...state, lastNudgeAt: now, snoozedUntil: null, waitingSince: null, blockedAt: null, lastLineId: lineId ?? state.lastLineId };
}

export function afterWaiting(state: NudgeState, now: number): NudgeState {
  return { ...state, lastNudgeAt: now, snoozedUntil: null, waitingSince: now };
}

export function afterDropped(state: NudgeState): NudgeState {
  return { ...state, waitingSince: null };
}
