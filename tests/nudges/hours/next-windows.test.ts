import { describe, expect, it } from 'vitest';
import { describeWindow as describe_, nextWindows } from '../../../nudges/hours/next-windows';
import { nudgesThatFit } from '../../../nudges/hours/nudges-that-fit';
import { defaultWindows, type WeekWindows } from '../../../model/prefs';
import { presetWindows } from '../../../nudges/hours/presets';
import { inTimeZone } from '../../helpers';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const wall = (time: number) => {
  const d = new Date(time);
  return `${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('nextWindows', () => {
  it('gives the next three evenings, counting one in progress', () => {
    inTimeZone('Europe/Berlin', () => {
      const now = local(2026, 5, 5, 19); // Tuesday, inside 18:30–21:30
      expect(nextWindows(defaultWindows(), now).map((w) => [wall(w.start), wall(w.end)])).toEqual([
        ['5 18:30', '5 21:30'],
        ['6 18:30', '6 21:30'],
        ['7 18:30', '7 21:30'],
      ]);
      // After tonight's window: from tomorrow.
      expect(wall(nextWindows(defaultWindows(), local(2026, 5, 5, 22))[0]!.start)).toBe('6 18:30');
    });
  });

  it('keeps wall-clock hours across daylight-saving changes', () => {
    for (const [zone, day, firstNight] of [
      ['Europe/Berlin', [2026, 3, 28], 4],
      ['Europe/Berlin', [2026, 10, 24], 6],
      ['America/New_York', [2026, 3, 7], 4],
      ['America/New_York', [2026, 10, 31], 6],
    ] as const) {
      inTimeZone(zone, () => {
        const now = local(day[0], day[1], day[2], 12);
        const spans = nextWindows(defaultWindows(), now);
        expect(spans.map((w) => wall(w.start).slice(-5))).toEqual(['18:30', '18:30', '18:30']);
        expect(spans.map((w) => (w.end - w.start) / 60_000)).toEqual([180, 180, 180]);
        // 23:00 to 04:00 across the change lasts the real time that night has; the next night, five hours.
        const night: WeekWindows = Array.from({ length: 7 }, () => [{ start: 23 * 60, end: 24 * 60 + 4 * 60 }]);
        const spans2 = nextWindows(night, now, 2);
        expect(spans2.map((w) => (w.end - w.start) / 3_600_000)).toEqual([firstNight, 5]);
        expect(spans2.map((w) => wall(w.end).slice(-5))).toEqual(['04:00', '04:00']);
      });
    }
  });

  it('includes a window that began yesterday and runs past midnight', () => {
    inTimeZone('UTC', () => {
      const late: WeekWindows = Array.from({ length: 7 }, () => []);
      late[5] = [{ start: 22 * 60, end: 26 * 60 }]; // Friday 22:00 to Saturday 02:00
      const saturday1am = local(2026, 5, 9, 1);
      const [first] = nextWindows(late, saturday1am, 1);
      expect(wall(first!.start)).toBe('8 22:00');
      expect(wall(first!.end)).toBe('9 02:00');
    });
  });

  it('looks far enough ahead for a week with one window day, and gives nothing without windows', () => {
    inTimeZone('UTC', () => {
      const sundayNight = local(2026, 5, 10, 23);
      expect(nextWindows(presetWindows('weekends'), sundayNight)).toHaveLength(3);
      expect(nextWindows(Array.from({ length: 7 }, () => []), sundayNight)).toEqual([]);
    });
  });
});

describe('describeWindow', () => {
  // Intl puts a narrow no-break space before "PM"; compared here as a plain space.
  const describeWindow = (...args: Parameters<typeof describe_>) => describe_(...args).replace(/\u2060/g, '').replace(/[\u202f\u00a0]/g, ' ');
  const words = { today: 'today', tonight: 'tonight', tomorrow: 'tomorrow' };
  it('says tonight, tomorrow, a weekday, or a date a week away', () => {
    inTimeZone('UTC', () => {
      const now = local(2026, 5, 5, 12); // Tuesday noon
      const span = (d: number, h: number, m: number, hours: number) => ({
        start: local(2026, 5, d, h, m),
        end: local(2026, 5, d, h, m) + hours * 3_600_000,
      });
      expect(describeWindow(span(5, 18, 30, 3), now, 'en-US', words)).toBe('tonight, 6:30–9:30 PM');
      expect(describeWindow(span(5, 14, 0, 3), now, 'en-US', words)).toBe('today, 2:00–5:00 PM');
      expect(describeWindow(span(6, 18, 30, 3), now, 'en-US', words)).toBe('tomorrow, 6:30–9:30 PM');
      expect(describeWindow(span(8, 18, 30, 3), now, 'en-US', words)).toBe('Fri 6:30–9:30 PM');
      expect(describeWindow(span(12, 18, 30, 3), now, 'en-US', words)).toMatch(/^Tue, May 12 6:30–9:30 PM$/);
      expect(describeWindow(span(8, 22, 0, 3), now, 'en-US', words)).toBe('Fri 10:00 PM–1:00 AM');
      expect(describeWindow(span(8, 18, 30, 3), now, 'de', { today: 'heute', tonight: 'heute Abend', tomorrow: 'morgen' })).toBe(
        'Fr 18:30–21:30 Uhr',
      );
      expect(describeWindow(span(5, 18, 30, 3), now, 'de', { today: 'heute', tonight: 'heute Abend', tomorrow: 'morgen' })).toBe(
        'heute Abend, 18:30–21:30 Uhr',
      );
    });
  });

  it('falls back to the locale\'s own words for today and tomorrow', () => {
    inTimeZone('UTC', () => {
      const now = local(2026, 5, 5, 12);
      const start = local(2026, 5, 6, 9);
      expect(describeWindow({ start, end: start + 3_600_000 }, now, 'de')).toBe('morgen, 09:00–10:00 Uhr');
    });
  });
});

describe('nudgesThatFit', () => {
  it('says how many fit on the shortest day with windows', () => {
    expect(nudgesThatFit(defaultWindows(), 90)).toBe(2);
    expect(nudgesThatFit(defaultWindows(), 60)).toBe(3);
    expect(nudgesThatFit(defaultWindows(), 240)).toBe(1);
    const week = defaultWindows();
    week[3] = [{ start: 600, end: 660 }, { start: 1200, end: 1260 }];
    expect(nudgesThatFit(week, 60)).toBe(2);
    expect(nudgesThatFit(presetWindows('weekends'), 120)).toBe(4);
    expect(nudgesThatFit(Array.from({ length: 7 }, () => []), 90)).toBeNull();
  });
});
