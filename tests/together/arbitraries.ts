/** Shared fast-check arbitraries for the pairing tests: valid payloads Tend could write. */
import fc from 'fast-check';
import { CATEGORIES, INTENSITIES } from '../../model/vocabulary';
import type { TimeWindow, WeekWindows } from '../../model/prefs';
import { presetWindows } from '../../nudges/hours/presets';
import type { PairChoices, PairPayload } from '../../together/code/pair-payload';

export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'UTC',
  'Asia/Kolkata',
  'America/Argentina/Buenos_Aires',
  'Etc/GMT+5',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Port-au-Prince',
];

/** One day's windows inside the day (no overlap possible with its neighbours), on a grid of `unit` minutes. */
const dayWindows = (unit: number): fc.Arbitrary<TimeWindow[]> =>
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 / unit }), { minLength: 0, maxLength: 8 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: TimeWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: (sorted[i] as number) * unit, end: (sorted[i + 1] as number) * unit });
    return out;
  });

/** A week that runs past midnight: Saturday 22:00 to Sunday 01:30, Sunday's own from 9:00. */
const LATE_WEEK: WeekWindows = [[{ start: 540, end: 600 }], [], [], [], [], [{ start: 1200, end: 1500 }], [{ start: 1320, end: 1530 }]];

export const weekArb: fc.Arbitrary<WeekWindows> = fc.oneof(
  fc.constantFrom(presetWindows('evenings'), presetWindows('weekday-evenings'), presetWindows('weekends'), LATE_WEEK),
  fc.constantFrom(1, 5, 15, 30).chain((unit) => fc.array(dayWindows(unit), { minLength: 7, maxLength: 7 })),
);

const idArb = fc.oneof(
  fc.tuple(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 999 })).map(([c, n]) => `${c}-${String(n).padStart(3, '0')}`),
  fc.stringMatching(/^[\x21-\x7e]{1,24}$/),
);

export const choicesArb: fc.Arbitrary<PairChoices> = fc.record({
  windows: weekArb,
  nudgesPerDay: fc.integer({ min: 0, max: 6 }),
  spacingMinutes: fc.integer({ min: 30, max: 720 }),
  maxIntensity: fc.constantFrom(...INTENSITIES),
  maxMinutes: fc.integer({ min: 1, max: 60 }),
  hiddenCategories: fc.subarray([...CATEGORIES]),
  setAside: fc.uniqueArray(idArb, { maxLength: 12 }).map((ids) => [...ids].sort()),
  apart: fc.boolean(),
});

export const payloadArb: fc.Arbitrary<PairPayload> = fc.record({
  secret: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  zone: fc.constantFrom(...ZONES),
  choices: choicesArb,
  libraryFingerprint: fc.integer({ min: 0, max: 0xffffffff }),
  counter: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** Runs `fn` with the process in another local zone, awaiting it before putting the zone back. */
export async function inZone<T>(zone: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** The wall clock in a zone, computed independently of the code under test. */
const wallFormats = new Map<string, Intl.DateTimeFormat>();

export function wallIn(time: number, zone: string): { day: string; minutes: number } {
  const format = wallFormats.get(zone) ?? new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  wallFormats.set(zone, format);
  const parts = format.formatToParts(time);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}
