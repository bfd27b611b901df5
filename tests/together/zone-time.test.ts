import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumberOfKey, keyOfDayNumber, wallToEpoch, weekdayOfKey, zoneDayKey, zoneOffset } from '../../together/zone-time';
import { inZone, wallIn, ZONES } from './arbitraries';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Days with a clock change in 2026, and a plain day for each zone. */
const DAYS: [string, string][] = [
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['Europe/Berlin', '2026-06-10'],
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['America/New_York', '2026-01-15'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
];

/**
 * The answers by brute force, minute by minute over the day and its neighbours: for each wall time,
 * the first instant showing it; when the clocks skip it, the first instant after it.
 */
function bruteForce(zone: string, day: string): (minutes: number) => number {
  const base = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  const seen: { t: number; wallAt: number }[] = [];
  for (let t = base - 40 * HOUR; t < base + 60 * HOUR; t += MINUTE) {
    const w = wallIn(t, zone);
    seen.push({ t, wallAt: Date.UTC(Number(w.day.slice(0, 4)), Number(w.day.slice(5, 7)) - 1, Number(w.day.slice(8, 10))) + w.minutes * MINUTE });
  }
  const first = new Map<number, number>();
  for (const s of [...seen].reverse()) first.set(s.wallAt, s.t);
  return (minutes) => {
    const target = base + minutes * MINUTE;
    return first.get(target) ?? (seen.find((s) => s.wallAt > target)?.t as number);
  };
}

describe('wall clocks in the pair’s zone', { timeout: 60_000 }, () => {
  it('find the instant of a wall time, across clock changes, as brute force does', async () => {
    const answers = DAYS.map(([pairZone, day]) => bruteForce(pairZone, day));
    for (const zone of ['Asia/Tokyo', 'America/Adak', 'Pacific/Kiritimati']) {
      await inZone(zone, async () => {
        DAYS.forEach(([pairZone, day], i) => {
          for (let m = 0; m <= 1440 + 180; m += 5) {
            expect(wallToEpoch(pairZone, day, m), `${pairZone} ${day} +${m} min (local ${zone})`).toBe(answers[i]?.(m));
          }
        });
      });
    }
  });

  it('a skipped time gives the moment the clocks jump; a doubled time its first occurrence', () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(wallToEpoch('Europe/Berlin', '2026-03-29', 150)).toBe(Date.UTC(2026, 2, 29, 1));
    // Berlin, 25 October 2026: 02:30 comes first in CEST (00:30 UTC), then in CET.
    expect(wallToEpoch('Europe/Berlin', '2026-10-25', 150)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(wallToEpoch('America/New_York', '2026-03-08', 130)).toBe(Date.UTC(2026, 2, 8, 7));
    expect(wallToEpoch('America/New_York', '2026-11-01', 90)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // A window end past midnight is on the next day.
    expect(wallToEpoch('Europe/Berlin', '2026-06-10', 1440 + 90)).toBe(Date.UTC(2026, 5, 10, 23, 30));
  });

  it('name the pair’s day the same in every local zone', async () => {
    const cases = fc.sample(fc.tuple(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...ZONES)), 300);
    const seen: string[][] = [];
    for (const local of ['Asia/Tokyo', 'America/Adak', 'Pacific/Kiritimati']) {
      seen.push(await inZone(local, async () => cases.map(([t, zone]) => zoneDayKey(t, zone))));
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toEqual(cases.map(([t, zone]) => wallIn(t, zone).day));
    for (const [t, zone] of cases) expect(Math.abs(zoneOffset(t, zone) % MINUTE)).toBe(0);
  });

  it('count days and weekdays by the calendar alone', () => {
    expect(keyOfDayNumber(dayNumberOfKey('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayOfKey('2024-01-01')).toBe(1);
    expect(weekdayOfKey('2026-12-06')).toBe(0);
    expect(dayNumberOfKey('not a day')).toBeNaN();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -800, max: 800 }), (n, d) => {
        expect(dayNumberOfKey(addDays(keyOfDayNumber(n), d))).toBe(n + d);
      }),
    );
  });
});
