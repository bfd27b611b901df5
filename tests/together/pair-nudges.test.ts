import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import nudgesJson from '../../assets/library/nudges.json';
import { parseNudgeLines } from '../../model/vocabulary';
import type { WeekWindows } from '../../model/prefs';
import { presetWindows } from '../../nudges/hours/presets';
import { isInsidePairWindow, nextPairNudge, PAIR_SLACK_MINUTES, pairNudges, pairWindowMinutes, type NudgeChoices } from '../../together/pair-nudges';
import { addDays, weekdayOfKey } from '../../together/zone-time';
import { inZone, wallIn, weekArb } from './arbitraries';

const MINUTE = 60_000;
const LINES = parseNudgeLines(nudgesJson).map((line) => line.id);
const LOCAL_ZONES = ['Asia/Tokyo', 'America/Adak', 'Pacific/Kiritimati'];
const PAIR_ZONES = ['Europe/Berlin', 'America/New_York'];
/** Days around the 2026 clock changes in both pair zones, and a plain day. */
const DST_DAYS = ['2026-03-08', '2026-03-28', '2026-03-29', '2026-10-25', '2026-11-01', '2026-11-02', '2026-07-01'];
/** Hours that hold the night of a clock change, and ones running past midnight. */
const NIGHT: WeekWindows = Array.from({ length: 7 }, (_, d) => (d % 2 ? [{ start: 30, end: 270 }, { start: 1260, end: 1320 }] : [{ start: 60, end: 180 }, { start: 1320, end: 1530 }]));

/** Whether `time`, on the pair's wall clock (computed independently), lies in a window of pair day `day`. */
function insideDay(windows: WeekWindows, zone: string, day: string, time: number): boolean {
  const wall = wallIn(time, zone);
  const list = windows[weekdayOfKey(day)] ?? [];
  if (wall.day === day) return list.some((w) => wall.minutes >= w.start && wall.minutes < w.end);
  return wall.day === addDays(day, 1) && list.some((w) => wall.minutes + 1440 < w.end);
}

const choicesArb: fc.Arbitrary<NudgeChoices> = fc.record({
  windows: fc.oneof(weekArb, fc.constant(NIGHT)),
  nudgesPerDay: fc.integer({ min: 0, max: 6 }),
  spacingMinutes: fc.integer({ min: 30, max: 720 }),
});

describe('the pair’s nudge moments', { timeout: 60_000 }, () => {
  it('are the same instants and lines on Tends in different local zones, inside the windows, across clock changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        choicesArb,
        fc.constantFrom(...PAIR_ZONES),
        fc.constantFrom(...DST_DAYS),
        async (secret, choices, zone, day) => {
          const seen = [];
          for (const local of LOCAL_ZONES) seen.push(await inZone(local, () => pairNudges(secret, choices, zone, day, LINES)));
          expect(seen[1]).toEqual(seen[0]);
          expect(seen[2]).toEqual(seen[0]);
          const nudges = seen[0] ?? [];
          const minutes = pairWindowMinutes(choices.windows, zone, day);
          expect(nudges.length).toBeLessThanOrEqual(Math.min(6, choices.nudgesPerDay));
          if (minutes.length > 0 && choices.nudgesPerDay > 0) expect(nudges.length).toBeGreaterThan(0);
          nudges.forEach((n, k) => {
            expect(insideDay(choices.windows, zone, day, n.at), `${new Date(n.at).toISOString()} in ${zone} on ${day}`).toBe(true);
            expect(isInsidePairWindow(choices.windows, zone, n.at)).toBe(true);
            expect(n.day).toBe(day);
            expect(LINES).toContain(n.lineId);
            const before = nudges[k - 1];
            if (before) {
              expect(n.at - before.at).toBeGreaterThanOrEqual((choices.spacingMinutes + PAIR_SLACK_MINUTES) * MINUTE);
              expect(n.lineId).not.toBe(before.lineId);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('leave out the repeated hour’s minutes before a window’s start when the clocks go back inside it', () => {
    // New York, 1 November 2026: 01:00–02:00 comes twice; the window 01:12–02:00 holds both passes' 01:12–01:59 only.
    const windows: WeekWindows = [[{ start: 72, end: 120 }], [], [], [], [], [], []];
    const minutes = pairWindowMinutes(windows, 'America/New_York', '2026-11-01');
    expect(minutes).toHaveLength(2 * 48);
    for (const t of minutes) expect(wallIn(t, 'America/New_York').minutes).toBeGreaterThanOrEqual(72);
    expect(isInsidePairWindow(windows, 'America/New_York', Date.UTC(2026, 10, 1, 6, 11))).toBe(false);
    expect(isInsidePairWindow(windows, 'America/New_York', Date.UTC(2026, 10, 1, 6, 12))).toBe(true);
  });

  it('come as often as asked when the hours hold them, spread over the day', async () => {
    const choices: NudgeChoices = { windows: presetWindows('evenings'), nudgesPerDay: 2, spacingMinutes: 60 };
    for (let i = 0; i < 30; i++) {
      const day = addDays('2026-03-20', i);
      const nudges = await pairNudges(new Uint8Array(16).fill(i), choices, 'Europe/Berlin', day, LINES);
      expect(nudges).toHaveLength(2);
      // Two slots of 90 minutes each: the first lies in 18:30–20:00, the second in 20:00–21:30 (or where spacing pushes it).
      expect(wallIn(nudges[0]?.at as number, 'Europe/Berlin').minutes).toBeLessThan(20 * 60);
    }
    // Six asked, but three hours at 90 minutes' spacing hold two.
    const crowded = await pairNudges(new Uint8Array(16), { ...choices, nudgesPerDay: 6, spacingMinutes: 90 }, 'Europe/Berlin', '2026-05-05', LINES);
    expect(crowded).toHaveLength(2);
    expect(await pairNudges(new Uint8Array(16), { ...choices, nudgesPerDay: 0 }, 'Europe/Berlin', '2026-05-05', LINES)).toEqual([]);
    expect(await pairNudges(new Uint8Array(16), { ...choices, windows: presetWindows('weekends') }, 'Europe/Berlin', '2026-05-05', LINES)).toEqual([]);
    // Without lines (discreet, or none loaded) the moments stay the same.
    const withLines = await pairNudges(new Uint8Array(16), choices, 'Europe/Berlin', '2026-05-05', LINES);
    const without = await pairNudges(new Uint8Array(16), choices, 'Europe/Berlin', '2026-05-05', []);
    expect(without.map((n) => n.at)).toEqual(withLines.map((n) => n.at));
    expect(without.every((n) => n.lineId === null)).toBe(true);
  });

  it('differ by pair and by day, from the secret, not from chance', async () => {
    const choices: NudgeChoices = { windows: presetWindows('evenings'), nudgesPerDay: 3, spacingMinutes: 30 };
    const at = async (fill: number, day: string) => (await pairNudges(new Uint8Array(16).fill(fill), choices, 'UTC', day, LINES)).map((n) => n.at - Date.parse(`${day}T00:00:00Z`));
    expect(await at(1, '2026-05-05')).toEqual(await at(1, '2026-05-05'));
    expect(await at(1, '2026-05-05')).not.toEqual(await at(2, '2026-05-05'));
    expect(await at(1, '2026-05-05')).not.toEqual(await at(1, '2026-05-06'));
  });

  it('the next one after a moment is the first of the pair’s moments from then, in any local zone', async () => {
    const secret = new Uint8Array(16).fill(9);
    const choices: NudgeChoices = { windows: NIGHT, nudgesPerDay: 2, spacingMinutes: 45 };
    const zone = 'America/New_York';
    const all = (await Promise.all(['2026-10-31', '2026-11-01', '2026-11-02'].map((d) => pairNudges(secret, choices, zone, d, LINES)))).flat();
    for (const [i, n] of all.entries()) {
      for (const local of LOCAL_ZONES) {
        expect(await inZone(local, () => nextPairNudge(secret, choices, zone, n.at, LINES))).toEqual(n);
        const after = all[i + 1];
        if (after) expect(await inZone(local, () => nextPairNudge(secret, choices, zone, n.at + 1, LINES))).toEqual(after);
      }
    }
    const none: NudgeChoices = { ...choices, windows: Array.from({ length: 7 }, () => []) };
    expect(await nextPairNudge(secret, none, zone, Date.UTC(2026, 10, 1), LINES)).toBeNull();
  });

  it('tell whether a moment lies in the pair’s hours, as the wall clock in the pair’s zone says', () => {
    fc.assert(
      fc.property(fc.oneof(weekArb, fc.constant(NIGHT)), fc.constantFrom(...PAIR_ZONES), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), (windows, zone, t) => {
        const time = t - (t % MINUTE);
        const day = wallIn(time, zone).day;
        const expected = insideDay(windows, zone, day, time) || insideDay(windows, zone, addDays(day, -1), time);
        expect(isInsidePairWindow(windows, zone, time)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
