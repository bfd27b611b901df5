/**
 * A small render cache, so the popup can paint its theme and today's idea in the first frame,
 * before IndexedDB has opened. IndexedDB stays the only source of truth: the popup re-renders
 * from it a moment later and rewrites this cache. Storage is passed in (localStorage in pages).
 */
import { dayKey } from './day';
import { parseIdeas, type Idea } from './library';
import { validatePrefs } from './prefs';
import { themeOf, type ThemePrefs } from './theme';

export interface ViewCache {
  theme: ThemePrefs;
  /** Today's idea, only when it was cached today. */
  idea: Idea | null;
}

const KEY = 'tend:view';

export function readViewCache(storage: Pick<Storage, 'getItem'>, now: number): ViewCache | null {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? 'null') as { day?: unknown; theme?: unknown; idea?: unknown } | null;
    if (!raw || typeof raw !== 'object') return null;
    const theme = themeOf(validatePrefs(raw.theme).prefs);
    const idea = raw.day === dayKey(now) ? (parseIdeas([raw.idea])[0] ?? null) : null;
    return { theme, idea };
  } catch {
    return null;
  }
}

export function writeViewCache(storage: Pick<Storage, 'setItem'>, now: number, cache: ViewCache): void {
  try {
    storage.setItem(KEY, JSON.stringify({ day: dayKey(now), theme: cache.theme, idea: cache.idea }));
  } catch {
    // A full or disabled storage only costs the first frame.
  }
}
