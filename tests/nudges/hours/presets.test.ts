import { describe, expect, it } from 'vitest';
import { defaultWindows, checkWindows } from '../../../model/prefs';
import { PRESET_IDS, presetOf, presetWindows } from '../../../nudges/hours/presets';

describe('together-hours presets', () => {
  it('are valid weeks, each recognised as itself', () => {
    for (const id of PRESET_IDS) {
      if (id === 'custom') continue;
      expect(checkWindows(presetWindows(id))).toEqual([]);
      expect(presetOf(presetWindows(id))).toBe(id);
    }
  });

  it('"every evening" is the default week', () => {
    expect(presetOf(defaultWindows())).toBe('evenings');
  });

  it('weekday evenings and weekend afternoons differ by day (index 0 = Sunday)', () => {
    const week = presetWindows('weekday-evenings');
    expect(week[1]).toEqual([{ start: 18 * 60 + 30, end: 21 * 60 + 30 }]);
    expect(week[0]).toEqual([{ start: 14 * 60, end: 17 * 60 }]);
    expect(week[6]).toEqual(week[0]);
    const weekends = presetWindows('weekends');
    expect(weekends.slice(1, 6).every((day) => day.length === 0)).toBe(true);
  });

  it('recognises a preset by meaning: extra fields and window order do not matter', () => {
    const week = presetWindows('evenings').map((day) => day.map((w) => ({ end: w.end, start: w.start, note: 'x' })));
    expect(presetOf(week)).toBe('evenings');
    const two = presetWindows('evenings');
    two[2] = [{ start: 600, end: 660 }, { start: 60, end: 120 }];
    const same = presetWindows('evenings');
    same[2] = [{ start: 60, end: 120 }, { start: 600, end: 660 }];
    expect(presetOf(two)).toBe(presetOf(same));
  });

  it('anything else is custom, and presets are fresh copies', () => {
    const week = presetWindows('evenings');
    week[3] = [{ start: 18 * 60 + 30, end: 21 * 60 + 31 }];
    expect(presetOf(week)).toBe('custom');
    expect(presetOf(Array.from({ length: 7 }, () => []))).toBe('custom');
    const a = presetWindows('weekends');
    (a[0] as { start: number }[])[0]!.start = 0;
    expect(presetWindows('weekends')[0]?.[0]?.start).toBe(11 * 60);
  });
});
