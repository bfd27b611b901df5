/** How many nudges a day the together hours leave room for, at the chosen spacing. Pure. */
import type { WeekWindows } from '../../model/prefs';

/**
 * The number of nudges that fit on the shortest day that has together hours, each `spacingMinutes`
 * apart: a day with 3 hours fits 2 at 90 minutes. At least one fits in any window. Null when
 * no day has together hours.
 */
export function nudgesThatFit(windows: WeekWindows, spacingMinutes: number): number | null {
  const lengths = windows
    .map((day) => day.reduce((sum, w) => sum + (w.end - w.start), 0))
    .filter((minutes) => minutes > 0);
  if (lengths.length === 0) return null;
  return Math.max(1, Math.floor(Math.min(...lengths) / Math.max(1, spacingMinutes)));
}
