/** Together-hours presets offered by the welcome and Settings, and which one a week of windows is. Pure. */
import type { TimeWindow, WeekWindows } from '../../model/prefs';

export const PRESET_IDS = ['evenings', 'weekday-evenings', 'weekends', 'custom'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const EVENING: TimeWindow = { start: 18 * 60 + 30, end: 21 * 60 + 30 };
const AFTERNOON: TimeWindow = { start: 14 * 60, end: 17 * 60 };
const WEEKEND_DAY: TimeWindow = { start: 11 * 60, end: 19 * 60 };
const isWeekend = (day: number) => day === 0 || day === 6;

/** The windows of each preset, index 0 = Sunday; 'custom' has none of its own. */
export function presetWindows(id: Exclude<PresetId, 'custom'>): WeekWindows {
  return Array.from({ length: 7 }, (_, day) => {
    if (id === 'evenings') return [{ ...EVENING }];
    if (id === 'weekday-evenings') return [{ ...(isWeekend(day) ? AFTERNOON : EVENING) }];
    return isWeekend(day) ? [{ ...WEEKEND_DAY }] : [];
  });
}

/** A day's windows by meaning: start and end only, in time order. */
function canonical(windows: WeekWindows): string {
  return JSON.stringify(
    windows.map((day) => [...day].map(({ start, end }) => [start, end]).sort((a, b) => (a[0] as number) - (b[0] as number))),
  );
}

/** Which preset these windows are (order and extra fields do not matter), or 'custom' when none. */
export function presetOf(windows: WeekWindows): PresetId {
  const mine = canonical(windows);
  return PRESET_IDS.find((id) => id !== 'custom' && canonical(presetWindows(id)) === mine) ?? 'custom';
}
