/**
 * A small render cache, so the popup can paint its theme and today's idea in the first frame,
 * before IndexedDB has opened and the library has loaded. IndexedDB stays the only source of
 * truth: the popup re-renders from it a moment later and rewrites this cache. The idea for the
 * day after is picked ahead (the picker is deterministic), so the first opening of a new day
 * paints at once too. It is picked without an hour, while the day's real pick is made among the
 * ideas that fit the hour of its first opening; the picker takes the idea picked ahead at every hour
 * it fits (the hour only sets aside ideas that do not fit). So the worker sends those hours with it,
 * and the idea is painted only at one of them: at any other hour the first frame waits for the
 * worker rather than show an idea the hour will not get. Storage is passed in (localStorage in pages).
 */
import { dayKey, dayKeyBefore } from '../lib/day';
import { parseIdeas, type Idea } from '../model/vocabulary';
import { readTheme, type ThemePrefs } from '../model/theme-prefs';

export interface ViewCache {
  theme: ThemePrefs;
  /** Today's idea: cached today, or picked ahead yesterday. */
  idea: Idea | null;
  /** When writing: the idea the picker will give the day after, if nothing changes… */
  tomorrow?: Idea | null;
  /** …when the day's first opening is at one of these local hours (0–23). */
  tomorrowHours?: readonly number[];
}

const isHours = (v: unknown): v is number[] => Array.isArray(v) && v.every((h) => Number.isInteger(h) && h >= 0 && h < 24);

const KEY = 'tend:view';

export function readViewCache(storage: Pick<Storage, 'getItem'>, now: number): ViewCache | null {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? 'null') as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return null;
    const theme = readTheme(raw.theme);
    if (raw.day === dayKey(now)) return { theme, idea: parseIdeas([raw.idea])[0] ?? null };
    const fits = raw.day === dayKeyBefore(now, 1) && isHours(raw.tomorrowHours) && raw.tomorrowHours.includes(new Date(now).getHours());
    return { theme, idea: fits ? (parseIdeas([raw.tomorrow])[0] ?? null) : null };
  } catch {
    return null;
  }
}

export function writeViewCache(storage: Pick<Storage, 'setItem'>, now: number, cache: ViewCache): void {
  try {
    storage.setItem(KEY, JSON.stringify({ day: dayKey(now), theme: cache.theme, idea: cache.idea, tomorrow: cache.tomorrow ?? null, tomorrowHours: cache.tomorrowHours ?? [] }));
  } catch {
    // A full or disabled storage only costs the first frame.
  }
}
