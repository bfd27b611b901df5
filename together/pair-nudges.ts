/**
 * The pair's nudge moments: for a day of the pair's calendar, the instants (epoch ms) both Tends
 * nudge at, and the nudge line each shows. Pure (WebCrypto's HMAC aside): derived from the secret
 * and the day, never Math.random, and computed in the pair's zone, so two Tends in different local
 * zones get the same instants. What stays personal (pause, snooze, idle, a closed browser) is the
 * scheduler's: it takes the first of these moments it may use (`nextPairNudge`).
 */
import { PREF_RANGES, type WeekWindows } from '../model/prefs';
import { hmac, hmacKey, unitFrom } from './hmac';
import type { PairChoices } from './code/pair-payload';
import { addDays, dayNumberOfKey, wallMs, wallToEpoch, weekdayOfKey, zoneDayKey } from './zone-time';

const MINUTE = 60_000;
/** Pair nudges lie at least the spacing plus this apart, so a late alarm never makes the next one too close. */
export const PAIR_SLACK_MINUTES = 1;

export type NudgeChoices = Pick<PairChoices, 'windows' | 'nudgesPerDay' | 'spacingMinutes'>;

export interface PairNudge {
  at: number;
  /** The nudge line both show: one of `lineIds`, null when there are none. */
  lineId: string | null;
  /** The pair's day it belongs to. */
  day: string;
}

/**
 * Every minute (its first instant) inside the windows of the pair's day, in time order. Window ends
 * come from the pair's wall clock, so a day with a clock change has the minutes it really has.
 */
export function pairWindowMinutes(windows: WeekWindows, zone: string, day: string): number[] {
  const out: number[] = [];
  const list = [...(windows[weekdayOfKey(day)] ?? [])].sort((a, b) => a.start - b.start);
  for (const w of list) {
    const from = wallToEpoch(zone, day, w.start);
    const to = wallToEpoch(zone, day, w.end);
    for (let t = from; t < to; t += MINUTE) {
      // When the clocks go back inside a window, [from, to) also holds the repeated hour's minutes before its start.
      if (insideWall(w, wallMinuteOf(t, zone, day)) && (out.length === 0 || t > (out[out.length - 1] as number))) out.push(t);
    }
  }
  return out;
}

/** Minutes after midnight of pair day `day` that `time` shows on the pair's wall clock (past 1440 on the next day). */
function wallMinuteOf(time: number, zone: string, day: string): number {
  return Math.floor((wallMs(time, zone) - dayNumberOfKey(day) * 1440 * MINUTE) / MINUTE);
}

const insideWall = (w: { start: number; end: number }, minute: number) => w.start <= minute && minute < w.end;

/** Whether `time` lies in the pair's together hours (a window of its pair day, or one of the day before running past midnight). */
export function isInsidePairWindow(windows: WeekWindows, zone: string, time: number): boolean {
  const today = zoneDayKey(time, zone);
  return [addDays(today, -1), today].some((day) => {
    const minute = wallMinuteOf(time, zone, day);
    return (windows[weekdayOfKey(day)] ?? []).some((w) => insideWall(w, minute));
  });
}

/** Index of the first minute at or after `time` (minutes.length when none). */
function firstAtOrAfter(minutes: readonly number[], time: number): number {
  let lo = 0;
  let hi = minutes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((minutes[mid] as number) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The most nudges that fit the minutes with `gap` between them (greedy from the first minute). */
function mostThatFit(minutes: readonly number[], gap: number): number {
  let count = 0;
  let i = 0;
  while (i < minutes.length) {
    count++;
    i = firstAtOrAfter(minutes, (minutes[i] as number) + gap);
  }
  return count;
}

/**
 * Places `n` nudges in the minutes, one in each of `n` equal slots where the spacing allows, else as
 * close to its slot as it allows; `units` (in [0, 1)) choose the minute inside the range.
 */
function placeNudges(minutes: readonly number[], n: number, gap: number, units: readonly number[]): number[] {
  // latest[k]: the last minute nudge k may take and still leave room for those after it.
  const latest: number[] = Array.from({ length: n }, () => minutes.length - 1);
  for (let k = n - 2; k >= 0; k--) latest[k] = firstAtOrAfter(minutes, (minutes[latest[k + 1] as number] as number) - gap + 1) - 1;
  const picks: number[] = [];
  for (let k = 0; k < n; k++) {
    const earliest = k === 0 ? 0 : firstAtOrAfter(minutes, (picks[k - 1] as number) + gap);
    const last = latest[k] as number;
    const slotFrom = Math.max(earliest, Math.floor((k * minutes.length) / n));
    const slotTo = Math.min(last, Math.floor(((k + 1) * minutes.length) / n) - 1);
    const [from, to] = slotFrom <= slotTo ? [slotFrom, slotTo] : [earliest, last];
    picks.push(minutes[from + Math.floor((units[k] as number) * (to - from + 1))] as number);
  }
  return picks;
}

/**
 * The pair's nudges on its day `day` (in `zone`): as many as the shared choices ask (at most six)
 * and the together hours hold at the spacing, spread over the day's windows, with one shared second.
 */
export async function pairNudges(
  secret: Uint8Array,
  choices: NudgeChoices,
  zone: string,
  day: string,
  lineIds: readonly string[],
): Promise<PairNudge[]> {
  const minutes = pairWindowMinutes(choices.windows, zone, day);
  const wanted = Math.min(Math.max(0, choices.nudgesPerDay), PREF_RANGES.nudgesPerDay.max);
  if (wanted === 0 || minutes.length === 0) return [];
  const gap = (choices.spacingMinutes + PAIR_SLACK_MINUTES) * MINUTE;
  const n = Math.min(wanted, mostThatFit(minutes, gap));
  const key = await hmacKey(secret);
  const [times, lines] = await Promise.all([hmac(key, `nudge-times:${day}`), hmac(key, `nudge-lines:${day}`)]);
  const units = Array.from({ length: n }, (_, k) => unitFrom(times, 4 * k));
  const second = Math.floor(unitFrom(times, 28) * 60) * 1000;
  const sortedLines = [...new Set(lineIds)].sort();
  let previous = -1;
  return placeNudges(minutes, n, gap, units).map((at, k) => {
    let line = Math.floor(unitFrom(lines, 4 * k) * sortedLines.length);
    if (line === previous && sortedLines.length > 1) line = (line + 1) % sortedLines.length;
    previous = line;
    return { at: at + second, lineId: sortedLines[line] ?? null, day };
  });
}

/** How many pair days ahead to look: a week with together hours on one day only still has one. */
export const PAIR_SEARCH_DAYS = 9;

/**
 * The first pair nudge at or after `after` (from the pair's day before, whose windows may run past
 * midnight), or null when the shared choices have none in the days ahead.
 */
export async function nextPairNudge(
  secret: Uint8Array,
  choices: NudgeChoices,
  zone: string,
  after: number,
  lineIds: readonly string[],
): Promise<PairNudge | null> {
  const today = zoneDayKey(after, zone);
  for (let i = -1; i <= PAIR_SEARCH_DAYS; i++) {
    const found = (await pairNudges(secret, choices, zone, addDays(today, i), lineIds)).find((n) => n.at >= after);
    if (found) return found;
  }
  return null;
}
