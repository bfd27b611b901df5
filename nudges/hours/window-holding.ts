/** Which together-hours window holds a moment, by the local wall clock. Pure. */
import { startOfDay, wallMinutes } from '../../lib/day';
import type { TimeWindow, WeekWindows } from '../../model/prefs';

export interface HeldBy {
  /** The weekday whose list has the window: the day before, for the part of a window past midnight. */
  day: number;
  /** Its place in that weekday's list. */
  index: number;
  window: TimeWindow;
  /** Local midnight at the start of that day. */
  dayStart: number;
}

/**
 * The window that holds `time`: one of its own day's, or the part after midnight of a window of
 * the day before (a window may end as late as the next morning); null outside every window.
 */
export function windowHolding(windows: WeekWindows, time: number): HeldBy | null {
  const dayStart = startOfDay(time);
  const minute = wallMinutes(time);
  const today = new Date(dayStart).getDay();
  const own = (windows[today] ?? []).findIndex((w) => minute >= w.start && minute < w.end);
  if (own >= 0) return { day: today, index: own, window: windows[today]?.[own] as TimeWindow, dayStart };
  const start = new Date(dayStart);
  const yesterdayStart = new Date(start.getFullYear(), start.getMonth(), start.getDate() - 1).getTime();
  const yesterday = new Date(yesterdayStart).getDay();
  const late = (windows[yesterday] ?? []).findIndex((w) => w.end > 1440 && minute + 1440 < w.end);
  return late >= 0 ? { day: yesterday, index: late, window: windows[yesterday]?.[late] as TimeWindow, dayStart: yesterdayStart } : null;
}
