import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../lib/day';
import { checkWindows, defaultPrefs, type Prefs, type TimeWindow, type WeekWindows } from '../../model/prefs';
import { checkAgainstNow, decideOnAlarm, decideOnReturn, isInsideWindow, nextNudgeAt, planAlarm, windowMinutes } from '../../nudges/schedule';
import { createNudgeState, type NudgeState } from '../../model/nudge-state';
import { isPaused, pause, resume, snooze } from '../../nudges/pause';
import { inTimeZone } from '../helpers';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
/** Daylight-saving changes in 2026 for the zones above (UTC instants, approximately). */
const DST_CHANGES = [
  Date.UTC(2026, 2, 8, 7), // New York, spring forward
  Date.UTC(2026, 10, 1, 6), // New York, fall back
  Date.UTC(2026, 2, 29, 1), // Berlin
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 3, 4, 15), // Lord Howe, back 30 min
  Date.UTC(2026, 9, 3, 15), // Lord Howe, forward 30 min
  Date.UTC(2026, 3, 4, 14), // Auckland
  Date.UTC(2026, 8, 26, 14),
];

/** Wall clock in a zone, computed independently of the code under test (through Intl). */
function wall(time: number, zone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(time);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function insideByWallClock(windows: WeekWindows, time: number, zone: string): boolean {
  const { day, minutes } = wall(time, zone);
  const today = windows[day] ?? [];
  const yesterday = windows[(day + 6) % 7] ?? [];
  return (
    today.some((w) => minutes >= w.start && minutes < w.end) ||
    yesterday.some((w) => w.end > 1440 && minutes + 1440 < w.end)
  );
}

/** Valid weeks of together hours: up to two windows a day, some running past midnight, some days empty. */
const weekArb: fc.Arbitrary<WeekWindows> = fc
  .array(
    fc.tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 0, maxLength: 4 }),
      fc.integer({ min: 0, max: 600 }),
    ),
    { minLength: 7, maxLength: 7 },
  )
  .map((days) =>
    days.map(([points, overnight]) => {
      const sorted = [...points].sort((a, b) => a - b);
      const windows: TimeWindow[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ start: sorted[i] as number, end: sorted[i + 1] as number });
      const last = windows[windows.length - 1];
      if (last && overnight > 0 && last.end > 1200) last.end = Math.min(last.start + 1440, 1440 + overnight);
      return windows;
    }),
  )
  .filter((week) => checkWindows(week).length === 0);

const nowArb = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
  fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 })).map(
    ([t, d]) => t + d,
  ),
);

const prefsArb = fc.record({
  nudgesEnabled: fc.constant(true),
  nudgesPerDay: fc.integer({ min: 1, max: 6 }),
  windows: weekArb,
  spacingMinutes: fc.integer({ min: 30, max: 720 }),
});

const randomArb = fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));

/** The together-hours minutes of a day read minute by minute from the wall clock: what `windowMinutes` must equal. */
function windowMinutesOneByOne(windows: WeekWindows, day: Date): number[] {
  const out: number[] = [];
  const sameDay = (a: Date) => a.getFullYear() === day.getFullYear() && a.getMonth() === day.getMonth() && a.getDate() === day.getDate();
  for (const w of [...(windows[day.getDay()] ?? [])].sort((a, b) => a.start - b.start)) {
    const from = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, w.start).getTime();
    const to = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, w.end).getTime();
    for (let t = from - (from % MINUTE); t < to; t += MINUTE) {
      const at = new Date(t);
      const wallMinute = at.getHours() * 60 + at.getMinutes();
      const m = sameDay(at) ? wallMinute : 1440 + wallMinute;
      if (m >= w.start && m < w.end && (out.length === 0 || t > (out[out.length - 1] as number))) out.push(t);
    }
  }
  return out;
}

describe('windowMinutes', () => {
  // Whole days of together hours on the very days the clocks change, as well as any week on any day.
  const allDay = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);
  const windowsArb = fc.oneof(weekArb, fc.constant(allDay));
  for (const zone of [...ZONES, 'America/Adak', 'Pacific/Kiritimati', 'Asia/Tokyo', 'America/St_Johns']) {
    it(`${zone}: the same minutes as reading the wall clock minute by minute, on daylight-saving days too`, () => {
      inTimeZone(zone, () => {
        fc.assert(
          fc.property(windowsArb, fc.oneof(nowArb, fc.constantFrom(...DST_CHANGES)), fc.integer({ min: -1, max: 1 }), (windows, now, shift) => {
            const at = new Date(now);
            const day = new Date(at.getFullYear(), at.getMonth(), at.getDate() + shift);
            expect(windowMinutes(windows, day)).toEqual(windowMinutesOneByOne(windows, day));
          }),
          { numRuns: 60 },
        );
        // Every day of the year on which the clocks change here, with together hours from any minute of the night.
        const changeDays: Date[] = [];
        for (let d = new Date(2026, 0, 1); d.getFullYear() === 2026; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
          if (d.getTimezoneOffset() !== new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTimezoneOffset()) changeDays.push(d);
        }
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 179 }), (start) => {
            const windows = Array.from({ length: 7 }, () => [{ start, end: 1440 }]);
            for (const day of changeDays) expect(windowMinutes(windows, day)).toEqual(windowMinutesOneByOne(windows, day));
          }),
          { numRuns: 10 },
        );
      });
    });
  }
});

describe('nextNudgeAt, in several time zones with daylight-saving changes', () => {
  for (const zone of ZONES) {
    it(`${zone}: in the future, inside a window, respecting spacing and pauses`, () => {
      inTimeZone(zone, () => {
        fc.assert(
          fc.property(
            prefsArb,
            nowArb,
            fc.option(fc.integer({ min: -3 * 86_400_000, max: 0 })),
            fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 })),
            randomArb,
            (prefs, now, lastOffset, pausedOffset, stream) => {
              const state: NudgeState = {
                ...createNudgeState(),
                lastNudgeAt: lastOffset === null ? null : now + lastOffset,
                pausedUntil: pausedOffset === null ? null : now + pausedOffset,
              };
              const at = nextNudgeAt(prefs, state, now, () => stream.next().value as number);
              const anyWindow = prefs.windows.some((d) => d.length > 0);
              if (!anyWindow) {
                expect(at).toBeNull();
                return;
              }
              if (at === null) return; // every window in the search range was gapped away by DST or spacing
              expect(at).toBeGreaterThan(now);
              expect(insideByWallClock(prefs.windows, at, zone)).toBe(true);
              if (state.lastNudgeAt !== null) {
                expect(at - state.lastNudgeAt).toBeGreaterThanOrEqual(prefs.spacingMinutes * MINUTE);
              }
              if (state.pausedUntil !== null) expect(at).toBeGreaterThanOrEqual(state.pausedUntil);
            },
          ),
          { numRuns: 120 },
        );
      });
    });
  }

  it('finds a nudge for any week that has together hours (no state, no pause)', () => {
    inTimeZone('Europe/Berlin', () => {
      fc.assert(
        fc.property(prefsArb, nowArb, (prefs, now) => {
          const hasLongWindow = prefs.windows.some((d) => d.some((w) => w.end - w.start >= 120));
          fc.pre(hasLongWindow);
          expect(nextNudgeAt(prefs, createNudgeState(), now, Math.random)).not.toBeNull();
        }),
        { numRuns: 100 },
      );
    });
  });

  it('a day with no windows gets no nudge', () => {
    inTimeZone('America/New_York', () => {
      const windows: WeekWindows = [[], [{ start: 600, end: 660 }], [], [], [], [], []];
      const prefs = { ...defaultPrefs(), windows, nudgesPerDay: 6, spacingMinutes: 30 };
      let state = createNudgeState();
      let now = new Date(2026, 2, 1, 12).getTime();
      for (let i = 0; i < 20; i++) {
        const at = nextNudgeAt(prefs, state, now, Math.random) as number;
        expect(new Date(at).getDay()).toBe(1);
        state = { ...state, lastNudgeAt: at };
        now = at + 1;
      }
    });
  });

  it('gives none when nudges are off, zero a day, paused until resumed, or there are no windows', () => {
    const base = { ...defaultPrefs() };
    const now = Date.UTC(2026, 5, 1);
    expect(nextNudgeAt({ ...base, nudgesEnabled: false }, createNudgeState(), now, Math.random)).toBeNull();
    expect(nextNudgeAt({ ...base, nudgesPerDay: 0 }, createNudgeState(), now, Math.random)).toBeNull();
    expect(nextNudgeAt(base, pause(createNudgeState(), 'resume', now), now, Math.random)).toBeNull();
    expect(nextNudgeAt({ ...base, windows: [[], [], [], [], [], [], []] }, createNudgeState(), now, Math.random)).toBeNull();
  });

  it('spreads several nudges a day across the window, at most that many per day', () => {
    inTimeZone('Asia/Kolkata', () => {
      const prefs = { ...defaultPrefs(), nudgesPerDay: 3, spacingMinutes: 30, windows: Array.from({ length: 7 }, () => [{ start: 9 * 60, end: 18 * 60 }]) };
      let state = createNudgeState();
      let now = new Date(2026, 6, 6, 0, 0).getTime();
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const at = nextNudgeAt(prefs, state, now, Math.random) as number;
        times.push(at);
        state = { ...state, lastNudgeAt: at };
        now = at + 1000;
      }
      const perDay = new Map<string, number>();
      for (const t of times) perDay.set(new Date(t).toDateString(), (perDay.get(new Date(t).toDateString()) ?? 0) + 1);
      expect([...perDay.values()]).toEqual([3, 3, 3]);
    });
  });

  it('crosses midnight: a 22:00–01:00 window can nudge after midnight', () => {
    inTimeZone('Pacific/Auckland', () => {
      const windows = Array.from({ length: 7 }, () => [{ start: 22 * 60, end: 25 * 60 }]);
      const prefs = { ...defaultPrefs(), windows };
      const now = new Date(2026, 4, 5, 0, 10).getTime();
      const at = nextNudgeAt(prefs, createNudgeState(), now, () => 0) as number;
      expect(new Date(at).getHours()).toBe(0);
      expect(new Date(at).getDate()).toBe(5);
    });
  });
});

describe('snooze and pause', () => {
  const prefs = { ...defaultPrefs(), windows: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]) };

  it('property: every snooze and timed pause ends by itself, and the next nudge comes after it', () => {
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe']) {
      inTimeZone(zone, () => {
        fc.assert(
          fc.property(nowArb, fc.constantFrom('15m', '1h', 'tomorrow' as const), fc.constantFrom('1h', '1d', '1w' as const), (now, s, p) => {
            const snoozed = snooze(createNudgeState(), s, now);
            const paused = pause(createNudgeState(), p, now);
            const snoozeEnd = snoozed.snoozedUntil ?? (snoozed.pausedUntil as number);
            expect(snoozeEnd).toBeGreaterThan(now);
            expect(snoozeEnd - now).toBeLessThanOrEqual(26 * 3_600_000);
            expect(isPaused(paused, now)).toBe(true);
            expect(isPaused(paused, (paused.pausedUntil as number) + 1)).toBe(false);
            const afterSnooze = nextNudgeAt(prefs, snoozed, now, Math.random) as number;
            expect(afterSnooze).toBeGreaterThanOrEqual(snoozeEnd);
            const afterPause = nextNudgeAt(prefs, paused, now, Math.random) as number;
            expect(afterPause).toBeGreaterThanOrEqual(paused.pausedUntil as number);
          }),
          { numRuns: 150 },
        );
      });
    }
  });

  it('a snooze of 15 minutes brings the nudge back 15 minutes later, inside the window', () => {
    const now = Date.UTC(2026, 1, 2, 10, 0, 30);
    const at = nextNudgeAt(prefs, snooze(createNudgeState(), '15m', now), now, Math.random) as number;
    expect(at - now).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(at - now).toBeLessThanOrEqual(16 * MINUTE);
  });

  it('resume clears pause and snooze', () => {
    const now = Date.UTC(2026, 1, 2);
    const state = resume(pause(snooze(createNudgeState(), '1h', now), 'resume', now));
    expect(isPaused(state, now)).toBe(false);
    expect(state.snoozedUntil).toBeNull();
  });
});

describe('planAlarm', () => {
  const prefs = defaultPrefs();
  const now = new Date(2026, 4, 4, 12).getTime();

  it('keeps a valid existing alarm instead of pushing it forward', () => {
    const at = nextNudgeAt(prefs, createNudgeState(), now, Math.random) as number;
    expect(planAlarm(prefs, createNudgeState(), now + 5 * MINUTE, Math.random, at)).toEqual({ action: 'keep' });
  });

  it('sets one when none exists, clears it when nudges are off', () => {
    expect(planAlarm(prefs, createNudgeState(), now, Math.random, null).action).toBe('set');
    expect(planAlarm({ ...prefs, nudgesEnabled: false }, createNudgeState(), now, Math.random, now + 60_000)).toEqual({
      action: 'clear',
    });
  });

  it('replaces an alarm that falls outside the new windows', () => {
    const outside = new Date(2026, 4, 4, 15).getTime();
    expect(planAlarm(prefs, createNudgeState(), now, Math.random, outside).action).toBe('set');
  });
});

describe('decideOnAlarm and decideOnReturn', () => {
  const prefs = defaultPrefs();
  const inWindow = new Date(2026, 4, 4, 19).getTime();
  const afterWindow = new Date(2026, 4, 4, 23).getTime();

  it('shows when active and inside the window; waits when idle or locked', () => {
    expect(decideOnAlarm(prefs, createNudgeState(), inWindow, 'active')).toBe('show');
    expect(decideOnAlarm(prefs, createNudgeState(), inWindow, 'idle')).toBe('wait');
    expect(decideOnAlarm(prefs, createNudgeState(), inWindow, 'locked')).toBe('wait');
    expect(decideOnAlarm({ ...prefs, deferWhenIdle: false }, createNudgeState(), inWindow, 'idle')).toBe('show');
  });

  it('drops a late alarm (after sleep) outside the window, and a second firing right after a nudge', () => {
    expect(decideOnAlarm(prefs, createNudgeState(), afterWindow, 'active')).toBe('skip');
    const justShown = { ...createNudgeState(), lastNudgeAt: inWindow - 60_000 };
    expect(decideOnAlarm(prefs, justShown, inWindow, 'active')).toBe('skip');
  });

  it('shows a waiting nudge on return inside the window, drops it after the window ended', () => {
    const waiting = { ...createNudgeState(), waitingSince: inWindow - 60_000 };
    expect(decideOnReturn(prefs, waiting, inWindow)).toBe('show');
    expect(decideOnReturn(prefs, waiting, afterWindow)).toBe('drop');
    expect(decideOnReturn(prefs, createNudgeState(), inWindow)).toBe('none');
  });
});

describe('checkWindows', () => {
  it('accepts the defaults and windows past midnight', () => {
    expect(checkWindows(defaultPrefs().windows)).toEqual([]);
    const week = Array.from({ length: 7 }, () => [{ start: 22 * 60, end: 25 * 60 }]);
    expect(checkWindows(week)).toEqual([]);
  });

  it('names end-before-start, overlaps (also Saturday night into Sunday) and too many windows', () => {
    const week: Prefs['windows'] = [[{ start: 60, end: 120 }], [{ start: 600, end: 500 }], [], [], [], [], []];
    expect(checkWindows(week)).toEqual([{ kind: 'end-before-start', day: 1, index: 0 }]);
    const overlap: Prefs['windows'] = [[{ start: 60, end: 120 }, { start: 100, end: 200 }], [], [], [], [], [], []];
    expect(checkWindows(overlap)).toEqual([{ kind: 'overlap', day: 0, index: 1 }]);
    const wrap: Prefs['windows'] = [[{ start: 30, end: 90 }], [], [], [], [], [], [{ start: 1380, end: 1500 }]];
    expect(checkWindows(wrap).map((p) => p.kind)).toEqual(['overlap']);
    const many = [Array.from({ length: 5 }, (_, i) => ({ start: i * 100, end: i * 100 + 50 })), [], [], [], [], [], []];
    expect(checkWindows(many).map((p) => p.kind)).toEqual(['too-many']);
  });
});

describe('stored times are checked against the present', () => {
  /** Any stored state, times anywhere from ten years back to ten years ahead of now. */
  const stateArb = (now: number) => {
    const time = fc.option(fc.integer({ min: now - 10 * 365 * DAY, max: now + 10 * 365 * DAY }), { nil: null });
    return fc.record({
      lastNudgeAt: time,
      snoozedUntil: time,
      pausedUntil: time,
      pausedIndefinitely: fc.boolean(),
      waitingSince: time,
      lastLineId: fc.constant(null),
      blockedAt: time,
      plannedAt: time,
      handlingSince: time,
    });
  };

  it('property: for any stored state and any now, the alarm lands inside a window of the coming week (past any pause), or there is none only when no nudge can come', () => {
    inTimeZone('Europe/Berlin', () => {
      fc.assert(
        fc.property(
          prefsArb,
          nowArb.chain((now) => fc.tuple(fc.constant(now), stateArb(now), fc.option(fc.integer({ min: now - DAY, max: now + 2 * 365 * DAY }), { nil: null }))),
          randomArb,
          (prefs, [now, stored, existing], random) => {
            const state = checkAgainstNow(stored, now);
            const plan = planAlarm(prefs, state, now, () => random.next().value, existing, existing !== null && state !== stored);
            const at = plan.action === 'set' ? plan.at : plan.action === 'keep' ? existing : null;
            const hasWindow = prefs.windows.some((day) => day.length > 0);
            if (state.pausedIndefinitely || !hasWindow) {
              expect(at === null || at <= now).toBe(true);
              return;
            }
            expect(at).not.toBeNull();
            if (at === null) return;
            if (at <= now) return; // an overdue alarm that is about to fire is kept
            expect(isInsideWindow(prefs.windows, at)).toBe(true);
            // The latest any legitimate choice can hold a nudge back: a week's pause, an hour's snooze, spacing from now.
            const from = Math.max(
              now,
              Math.min(stored.pausedUntil ?? 0, now + 7 * DAY),
              Math.min(stored.snoozedUntil ?? 0, now + 60 * MINUTE),
              Math.min(stored.lastNudgeAt ?? 0, now) + prefs.spacingMinutes * MINUTE,
            );
            expect(at).toBeLessThanOrEqual(from + 8 * DAY);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  it('a last nudge a year ahead, a pause beyond a week, a claim from the future: clamped', () => {
    const now = Date.UTC(2026, 11, 1, 12);
    const stored = { ...createNudgeState(), lastNudgeAt: now + 365 * DAY, pausedUntil: now + 30 * DAY, handlingSince: now + DAY, snoozedUntil: now + 5 * DAY };
    const checked = checkAgainstNow(stored, now);
    expect(checked.lastNudgeAt).toBe(now);
    expect(checked.pausedUntil).toBe(now + 7 * DAY);
    expect(checked.handlingSince).toBeNull();
    expect(checked.snoozedUntil).toBe(now + 60 * MINUTE);
    const fine = { ...createNudgeState(), lastNudgeAt: now - DAY, pausedUntil: now + DAY };
    expect(checkAgainstNow(fine, now)).toBe(fine);
  });

  it('two days ahead no longer makes the next nudge two days late', () => {
    inTimeZone('UTC', () => {
      const prefs = { nudgesEnabled: true, nudgesPerDay: 1, spacingMinutes: 90, windows: defaultPrefs().windows };
      const now = Date.UTC(2026, 11, 1, 12);
      const state = checkAgainstNow({ ...createNudgeState(), lastNudgeAt: now + 2 * DAY }, now);
      const at = nextNudgeAt(prefs, state, now, () => 0.5) as number;
      expect(at).toBeLessThan(Date.UTC(2026, 11, 1, 22));
    });
  });
});
