import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPrefs, themeOf, validatePrefs } from '../../model/prefs';
import { MOTIONS, PALETTE_IDS, readTheme, THEME_MODES } from '../../model/theme-prefs';
import { readViewCache, writeViewCache } from '../../platform/view-cache';
import { makeLibrary } from '../helpers';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

const noon = new Date(2026, 4, 4, 12).getTime();
const idea = makeLibrary(1)[0]!;
const theme = themeOf({ ...defaultPrefs(), palette: 'clay', themeMode: 'dark' });

describe('view cache', () => {
  it('gives back the theme and today\'s idea on the same day', () => {
    const storage = memoryStorage();
    writeViewCache(storage, noon, { theme, idea });
    expect(readViewCache(storage, noon + 3_600_000)).toEqual({ theme, idea });
  });

  it('keeps the theme but not yesterday\'s idea on a new day', () => {
    const storage = memoryStorage();
    writeViewCache(storage, noon, { theme, idea });
    expect(readViewCache(storage, noon + 24 * 3_600_000)).toEqual({ theme, idea: null });
  });

  it('on the next day gives the idea picked ahead for it, and two days later nothing', () => {
    const [today, tomorrow] = makeLibrary(2) as [typeof idea, typeof idea];
    const storage = memoryStorage();
    const lateEvening = new Date(2026, 4, 4, 23, 50).getTime();
    writeViewCache(storage, lateEvening, { theme, idea: today, tomorrow, tomorrowHours: [0, 1, 2] });
    expect(readViewCache(storage, lateEvening)).toEqual({ theme, idea: today });
    expect(readViewCache(storage, new Date(2026, 4, 5, 0, 5).getTime())).toEqual({ theme, idea: tomorrow });
    expect(readViewCache(storage, new Date(2026, 4, 6, 9).getTime())).toEqual({ theme, idea: null });
  });

  it('paints the idea picked ahead only at an hour it is the day\'s pick, and never from a cache without those hours', () => {
    const [today, tomorrow] = makeLibrary(2) as [typeof idea, typeof idea];
    const storage = memoryStorage();
    const lateEvening = new Date(2026, 4, 4, 23, 50).getTime();
    writeViewCache(storage, lateEvening, { theme, idea: today, tomorrow, tomorrowHours: [4, 5, 6, 7, 8, 9, 10, 11] });
    expect(readViewCache(storage, new Date(2026, 4, 5, 8, 5).getTime())).toEqual({ theme, idea: tomorrow });
    expect(readViewCache(storage, new Date(2026, 4, 5, 20, 5).getTime())).toEqual({ theme, idea: null });
    storage.setItem('tend:view', JSON.stringify({ day: '2026-05-04', theme, idea: today, tomorrow }));
    expect(readViewCache(storage, new Date(2026, 4, 5, 8, 5).getTime())).toEqual({ theme, idea: null });
  });

  it('reads nothing from garbage, and damaged fields fall back to defaults', () => {
    const storage = memoryStorage();
    storage.setItem('tend:view', '{not json');
    expect(readViewCache(storage, noon)).toBeNull();
    storage.setItem('tend:view', JSON.stringify({ day: 'x', theme: { palette: 'neon', themeMode: 'dark' }, idea: 5 }));
    expect(readViewCache(storage, noon)).toEqual({ theme: { ...themeOf(defaultPrefs()), themeMode: 'dark' }, idea: null });
  });

  it('reads the look from anything as the whole preferences reader does (the first frame loads only this one)', () => {
    const field = fc.oneof(fc.constantFrom<unknown>(...THEME_MODES, ...PALETTE_IDS, ...MOTIONS, 100.5, '100', null), fc.anything());
    const size = fc.oneof(fc.integer({ min: 85, max: 135 }), field);
    const themeLike = fc.record({ themeMode: field, palette: field, textScale: size, motion: field }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(themeLike, fc.anything()), (raw) => {
        expect(readTheme(raw)).toEqual(themeOf(validatePrefs(raw).prefs));
      }),
      { numRuns: 500 },
    );
  });
});
