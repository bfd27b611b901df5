import { describe, expect, it } from 'vitest';
import type { WeekWindows } from '../../../model/prefs';
import { windowHolding } from '../../../nudges/hours/window-holding';
import { inTimeZone } from '../../helpers';

// Monday 4 May 2026 in Berlin; Monday is weekday 1.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();
const week: WeekWindows = Array.from({ length: 7 }, () => [
  { start: 9 * 60, end: 10 * 60 },
  { start: 22 * 60, end: 25 * 60 },
]);

describe('windowHolding', () => {
  it("finds a window of the moment's own day, with its weekday, place and midnight", () => {
    inTimeZone('Europe/Berlin', () => {
      expect(windowHolding(week, at(4, 9, 30))).toEqual({ day: 1, index: 0, window: { start: 540, end: 600 }, dayStart: at(4, 0) });
      expect(windowHolding(week, at(4, 22))).toMatchObject({ day: 1, index: 1, dayStart: at(4, 0) });
    });
  });

  it('gives the part after midnight to the window of the day before', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(windowHolding(week, at(5, 0, 30))).toEqual({ day: 1, index: 1, window: { start: 1320, end: 1500 }, dayStart: at(4, 0) });
      // Its end is not in it.
      expect(windowHolding(week, at(5, 1))).toBeNull();
    });
  });

  it('is null outside every window, and for a week without windows', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(windowHolding(week, at(4, 12))).toBeNull();
      expect(windowHolding(Array.from({ length: 7 }, () => []), at(4, 9, 30))).toBeNull();
    });
  });
});
