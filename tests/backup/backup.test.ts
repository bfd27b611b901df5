import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_MAX_BYTES,
  BACKUP_SCHEMA,
  boundHistory,
  createBackup,
  jsonDepth,
  parseBackup,
} from '../../backup/backup';
import { dayKeyBefore } from '../../lib/day';
import { IDEA_TEXT_MAX } from '../../model/vocabulary';
import { CHECKIN_NOTE_MAX } from '../../model/records';
import { createTendStore } from '../../store/db';
import { KEEP_LIMITS, type Snapshot } from '../../store/schema';
import { checkWindows, defaultPrefs } from '../../model/prefs';
import { backupErrorMessage, describeBackup, summarizeBackup } from '../../backup/backup-messages';
import { tEn } from '../helpers';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';

const SNAPSHOT: Snapshot = {
  prefs: { ...defaultPrefs(), palette: 'clay', themeMode: 'dark', hiddenCategories: ['play'] },
  marks: [
    { ideaId: 'talk-001', favourite: true, hidden: false, triedOn: ['2026-05-01'] },
    { ideaId: 'touch-004', favourite: false, hidden: true, triedOn: [] },
  ],
  history: [
    { day: '2026-05-01', ideaId: 'talk-001', at: 1_777_600_000_000 },
    { day: '2026-05-02', ideaId: 'care-010', at: 1_777_700_000_000 },
  ],
  picker: { salt: 'q', cycle: 0, shown: ['talk-001', 'care-010'], deferred: [], today: { day: '2026-05-02', ideaId: 'care-010' } },
  // Weekly check-ins switched off: a choice the person made, carried by the file.
  checkinState: { notNowDay: '2026-05-02', counsellorShownAt: null, weekly: false },
  checkins: [{ id: 'c1', at: 1_777_650_000_000, answer: 'mixed', note: 'A long week. <b>not markup</b>' }],
  ownIdeas: [
    { id: 'own-a1', text: 'Breakfast on the balcony', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1_777_000_000_000 },
  ],
  talks: [{ talkId: 'talk-changed', days: ['2026-05-01'] }],
  pair: null,
  keptWishes: [],
  partnerWords: [],
  tracks: [],
};

describe('export and import', () => {
  it('round-trips everything a person has', () => {
    const parsed = parseBackup(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3)));
    expect(parsed).toEqual({ ok: true, fromSchema: BACKUP_SCHEMA, snapshot: SNAPSHOT, exportedAt: Date.UTC(2026, 4, 3), hasPrefs: true });
  });

  it('a schema 2 file (before check-ins) imports, with check-ins weekly as by default', () => {
    const file = JSON.parse(createBackup(SNAPSHOT, 0));
    for (const key of ['checkin', 'checkins', 'ownIdeas', 'talks']) delete file[key];
    file.schema = 2;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.checkinState).toEqual({ notNowDay: null, counsellorShownAt: null, weekly: true });
    expect(parsed.snapshot.marks).toEqual(SNAPSHOT.marks);
  });

  it('migrates a schema 1 file (favourites and hidden as id lists, "theme")', () => {
    const v1 = {
      app: 'tend',
      schema: 1,
      prefs: { theme: 'light', palette: 'sage' },
      favourites: ['talk-001'],
      hidden: ['play-002', 'talk-001'],
      history: SNAPSHOT.history,
    };
    const parsed = parseBackup(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.fromSchema).toBe(1);
    expect(parsed.snapshot.prefs?.themeMode).toBe('light');
    expect(parsed.snapshot.prefs?.palette).toBe('sage');
    expect(parsed.snapshot.marks).toEqual([
      { ideaId: 'talk-001', favourite: true, hidden: true, triedOn: [] },
      { ideaId: 'play-002', favourite: false, hidden: true, triedOn: [] },
    ]);
    expect(parsed.snapshot.history).toEqual(SNAPSHOT.history);
  });

  it('names what is wrong', () => {
    expect(parseBackup('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseBackup('{"app":')).toEqual({ ok: false, error: { code: 'not-json' } });
    expect(parseBackup('{"app":"other"}')).toEqual({ ok: false, error: { code: 'not-tend' } });
    expect(parseBackup('{"app":"tend","schema":9}')).toEqual({ ok: false, error: { code: 'future-version', version: 9 } });
    const file = JSON.parse(createBackup(SNAPSHOT, 0));
    file.history[1].day = 'yesterday';
    expect(parseBackup(JSON.stringify(file))).toEqual({ ok: false, error: { code: 'unreadable-entries', part: 'history', count: 1 } });
    file.history[1].day = '2026-05-02';
    file.prefs.nudgesPerDay = 7;
    expect(parseBackup(JSON.stringify(file))).toEqual({ ok: false, error: { code: 'unreadable', part: 'settings' } });
    expect(parseBackup('{"app":"tend","schema":2}')).toEqual({ ok: false, error: { code: 'nothing' } });
    expect(parseBackup('{"app":"tend","schema":3,"colour":"blue","prefs":{"unknown":1}}')).toEqual({ ok: false, error: { code: 'nothing' } });
    expect(tEn('importNothing')).toMatch(/Nothing was changed\.$/);
    expect(parseBackup('x'.repeat(BACKUP_MAX_BYTES + 1))).toEqual({ ok: false, error: { code: 'too-large' } });
  });
});

/** Ways to break a valid backup file, each certain to make it invalid. */
const valid = () => JSON.parse(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3))) as Record<string, any>;
const breakage = fc.oneof(
  fc.integer({ min: BACKUP_SCHEMA + 1, max: 10_000 }).map((v) => (f: any) => void (f.schema = v)),
  fc.constantFrom('two', 0, -1, 1.5, null).map((v) => (f: any) => void (f.schema = v)),
  fc.string().filter((s) => s !== 'tend').map((v) => (f: any) => void (f.app = v)),
  fc.constantFrom(3, 'prefs', [1, 2], true).map((v) => (f: any) => void (f.prefs = v)),
  fc
    .constantFrom(
      ['themeMode', 'neon'],
      ['palette', 42],
      ['textScale', 300],
      ['nudgesPerDay', 7],
      ['nudgesPerDay', -1],
      ['spacingMinutes', 'often'],
      ['windows', [[{ start: 600, end: 500 }], [], [], [], [], [], []]],
      ['windows', 'evenings'],
      ['discreet', 'yes'],
      ['maxIntensity', 'wild'],
      ['hiddenCategories', 'play'],
    )
    .map(([k, v]) => (f: any) => void (f.prefs[k as string] = v)),
  fc.constantFrom('marks', { a: 1 }, 7).map((v) => (f: any) => void (f.marks = v)),
  fc.constantFrom(5, 'x', null, { favourite: true }).map((v) => (f: any) => void (f.marks[1] = v)),
  fc
    .constantFrom(['day', 'yesterday'], ['at', -5], ['at', 'noon'], ['ideaId', 12])
    .map(([k, v]) => (f: any) => void (f.history[0][k as string] = v)),
  fc.constantFrom({ salt: 5 }, 'picker', [1]).map((v) => (f: any) => void (f.picker = v)),
  fc
    .constantFrom({ id: 'c2', at: 1, answer: 'great', note: '' }, { id: 'c3', at: 1, answer: 'mixed', note: 'x'.repeat(281) }, 'checkin')
    .map((v) => (f: any) => void (f.checkins[0] = v)),
  fc
    .constantFrom({ id: 'bad id', text: 'x', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1 }, { id: 'own-x', text: '', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1 })
    .map((v) => (f: any) => void (f.ownIdeas[0] = v)),
  fc.constantFrom({ talkId: 5, days: [] }, 'talk').map((v) => (f: any) => void (f.talks[0] = v)),
);

const badFile: fc.Arbitrary<string> = fc.oneof(
  breakage.map((mutate) => {
    const file = valid();
    mutate(file);
    return JSON.stringify(file);
  }),
  fc.nat().map((n) => {
    const text = createBackup(SNAPSHOT, 0);
    return text.slice(0, 1 + (n % (text.length - 3)));
  }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant(' '.repeat(10)),
);

describe('importing bad files (fuzz)', () => {
  const store = createTendStore('tend-fuzz');
  let before: Snapshot;
  beforeAll(async () => {
    await store.replaceAll(SNAPSHOT);
    before = await store.readSnapshot();
  });
  afterAll(() => store.destroy());

  it('every one of 300 bad files gets a clear message and the data stays exactly as it was', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(badFile, async (text) => {
        const parsed = parseBackup(text);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) {
          await store.replaceAll(parsed.snapshot);
          return;
        }
        const message = backupErrorMessage(parsed.error, tEn, 'en');
        expect(message).toMatch(/Nothing was changed\.$/);
        // Words, not the format's field names or "damaged".
        expect(message).not.toMatch(/\[|\]|\bprefs\b|ownIdeas|checkins|\bpicker\b|damaged/);
        expect(await store.readSnapshot()).toEqual(before);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });
});

describe('files by meaning, not by text', () => {
  const file = () => JSON.parse(createBackup(SNAPSHOT, 0)) as Record<string, any>;

  it('accepts windows with keys in another order and extra fields (extra fields dropped)', () => {
    const f = file();
    f.prefs.windows = f.prefs.windows.map((day: { start: number; end: number }[]) =>
      day.map(({ start, end }) => ({ end, note: 'evening', start })),
    );
    const parsed = parseBackup(JSON.stringify(f));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.prefs?.windows).toEqual(SNAPSHOT.prefs.windows);
  });

  it('accepts set-like lists in any order', () => {
    const f = file();
    f.prefs.hiddenCategories = ['solo', 'play', 'touch'];
    const parsed = parseBackup(JSON.stringify(f));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.prefs?.hiddenCategories).toEqual(['touch', 'play', 'solo']);
  });

  it('property: any key order of any record gives the same snapshot', () => {
    const shuffleKeys = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value);
      entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7));
      return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed * 3 + 1)]));
    };
    fc.assert(
      fc.property(fc.nat(1000), (seed) => {
        const parsed = parseBackup(JSON.stringify(shuffleKeys(file(), seed)));
        return parsed.ok && JSON.stringify(parsed.snapshot) === JSON.stringify(SNAPSHOT);
      }),
      { numRuns: 50 },
    );
  });
});

describe('depth and size before recursion', () => {
  it('counts depth in one pass, ignoring brackets in strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"')).toBe(0);
  });

  it('a settings field nested 10,000 deep is refused as not laid out like a backup, without recursing', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = `{"app":"tend","schema":3,"prefs":{"windows":${deep}}}`;
    expect(parseBackup(text)).toEqual({ ok: false, error: { code: 'malformed' } });
  });

  it('a day with 100,000 windows is refused at once, without a look at any of them', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ start: i % 1440, end: (i % 1440) + 1 }));
    const f = JSON.parse(createBackup(SNAPSHOT, 0));
    f.prefs.windows[0] = many;
    expect(parseBackup(JSON.stringify(f))).toEqual({ ok: false, error: { code: 'unreadable', part: 'settings' } });
    // "At once" without a stopwatch: the check reads the list's length, never a window (comparing every pair of
    // 100,000 windows for overlaps would take hours).
    let windowsRead = 0;
    const counted = new Proxy(many, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) windowsRead += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const week = defaultPrefs().windows.map((day, d) => (d === 0 ? counted : day));
    expect(checkWindows(week)).toEqual([{ kind: 'too-many', day: 0 }]);
    expect(windowsRead).toBe(0);
  });
});

describe('the largest state Tend can reach still imports', () => {
  it('a year of the most history, marks on every idea, 1,000 check-ins and 1,000 own ideas round-trip under the limit', () => {
    const day = (n: number) => dayKeyBefore(Date.UTC(2026, 11, 1, 12), n);
    const ideaIds = Array.from({ length: 1420 }, (_, i) => `idea-${String(i).padStart(4, '0')}`);
    const history = Array.from({ length: KEEP_LIMITS.historyDays + 1 }, (_, d) =>
      Array.from({ length: KEEP_LIMITS.historyPerDay }, (_, k) => ({ day: day(d), ideaId: ideaIds[(d * 20 + k) % 1420] as string, at: Date.UTC(2026, 11, 1) - d * 86_400_000 + k })),
    ).flat();
    const snapshot: Snapshot = {
      prefs: { ...defaultPrefs(), windows: defaultPrefs().windows.map(() => [0, 1, 2, 3].map((k) => ({ start: k * 300, end: k * 300 + 240 }))) },
      marks: ideaIds.map((ideaId) => ({ ideaId, favourite: true, hidden: false, triedOn: Array.from({ length: KEEP_LIMITS.triedDays }, (_, d) => day(d)).sort() })),
      history: boundHistory(history),
      picker: { salt: 'x'.repeat(20), cycle: 99, shown: ideaIds, deferred: [], today: { day: day(0), ideaId: 'idea-0001' } },
      checkinState: { notNowDay: day(0), counsellorShownAt: Date.UTC(2026, 10, 1), weekly: false },
      checkins: Array.from({ length: KEEP_LIMITS.checkIns }, (_, i) => ({ id: `c-${i}`, at: 1_700_000_000_000 + i * 86_400_000, answer: 'job' as const, note: 'ü'.repeat(CHECKIN_NOTE_MAX) })),
      ownIdeas: Array.from({ length: KEEP_LIMITS.ownIdeas }, (_, i) => ({ id: `own-${i}`, text: '"'.repeat(IDEA_TEXT_MAX), category: 'talk' as const, mode: 'together' as const, minutes: 60, intensity: 'close' as const, createdAt: i })),
      talks: Array.from({ length: 20 }, (_, i) => ({ talkId: `talk-${i}`, days: Array.from({ length: KEEP_LIMITS.talkDays }, (_, d) => day(d)).sort() })),
      pair: null,
      keptWishes: [],
      partnerWords: [],
      tracks: [],
    };
    const text = createBackup(snapshot, Date.UTC(2026, 11, 1));
    expect(new Blob([text]).size).toBeLessThan(BACKUP_MAX_BYTES);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot).toEqual(snapshot);
  });

  it('an older file with 100,000 history entries is folded to what Tend keeps', () => {
    const f = JSON.parse(createBackup(SNAPSHOT, 0));
    f.history = Array.from({ length: 100_000 }, (_, i) => ({ day: dayKeyBefore(Date.UTC(2026, 11, 1, 12), i % 800), ideaId: `talk-${i % 50}`, at: i }));
    const parsed = parseBackup(JSON.stringify(f));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.history.length).toBeLessThanOrEqual((KEEP_LIMITS.historyDays + 1) * KEEP_LIMITS.historyPerDay);
    expect(new Set(parsed.snapshot.history.map((e) => `${e.day} ${e.ideaId}`)).size).toBe(parsed.snapshot.history.length);
  });
});

describe('what a file holds', () => {
  it('counts favourites, days, own ideas, check-ins and conversations', () => {
    const parsed = parseBackup(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3)));
    if (!parsed.ok) throw new Error('should parse');
    expect(summarizeBackup(parsed)).toEqual({ exportedAt: Date.UTC(2026, 4, 3), hasPrefs: true, favourites: 1, historyDays: 2, checkins: 1, ownIdeas: 1, talks: 1, wishLists: 0, partnerWords: 0, tracks: 0, paired: false });
  });
});

describe('the pairing in a file', () => {
  const pairCode = () => encodePairCode(createPair(new Uint8Array(16).fill(7), { zone: 'Europe/Berlin', choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 42 }));

  it('travels as its code and comes back whole; the summary names it', () => {
    const pair = { code: pairCode(), pairedAt: Date.UTC(2026, 4, 1), invited: true };
    const parsed = parseBackup(createBackup({ ...SNAPSHOT, pair }, Date.UTC(2026, 4, 3)));
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.snapshot.pair).toEqual(pair);
    expect(summarizeBackup(parsed).paired).toBe(true);
    expect(parsed.fromSchema).toBe(BACKUP_SCHEMA);
  });

  it('a damaged code in a file is refused by name; a file of format 3 (before pairing) imports with none', () => {
    const code = pairCode();
    const damaged = { ...JSON.parse(createBackup(SNAPSHOT, 0)), pair: { code: code.slice(0, -3) + (code.endsWith('A') ? 'B' : 'A') + code.slice(-2), pairedAt: 1 } };
    const result = parseBackup(JSON.stringify(damaged));
    expect(result.ok ? null : result.error).toEqual({ code: 'unreadable', part: 'pair' });
    expect(backupErrorMessage(result.ok ? (null as never) : result.error, tEn, 'en')).toContain('pairing');
    const older = { ...JSON.parse(createBackup(SNAPSHOT, 0)), schema: 3 };
    delete older.pair;
    const parsed = parseBackup(JSON.stringify(older));
    expect(parsed.ok && parsed.snapshot.pair).toBe(null);
  });
});


describe('the kept lists of wishes in a file', () => {
  const kept = [
    { id: 'kept-2', at: Date.UTC(2026, 4, 2), wishIds: ['wish-003', 'wish-017'] },
    { id: 'kept-1', at: Date.UTC(2026, 3, 20), wishIds: ['wish-001'] },
  ];

  it('travel whole and come back newest first; the summary counts them and says so in words', () => {
    const parsed = parseBackup(createBackup({ ...SNAPSHOT, keptWishes: kept }, Date.UTC(2026, 4, 3)));
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.snapshot.keptWishes).toEqual(kept);
    expect(parsed.fromSchema).toBe(BACKUP_SCHEMA);
    const summary = summarizeBackup(parsed);
    expect(summary.wishLists).toBe(2);
    expect(describeBackup(summary, tEn, 'en').holds).toContain('2 kept lists of wishes');
  });

  it('a file of format 4 (before kept lists) imports with none; the store then holds none', async () => {
    const file = JSON.parse(createBackup(SNAPSHOT, 0));
    delete file.wishes;
    file.schema = 4;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.keptWishes).toEqual([]);
    expect(parsed.snapshot.talks).toEqual(SNAPSHOT.talks);

    const store = createTendStore(`kept-wishes-${Math.random()}`, { channel: null });
    await store.replaceAll({ ...SNAPSHOT, keptWishes: kept });
    expect((await store.readSnapshot()).keptWishes).toEqual(kept);
    await store.replaceAll(parsed.snapshot);
    expect((await store.readSnapshot()).keptWishes).toEqual([]);
    await store.destroy();
  });

  it('a damaged list is named, and nothing is imported', () => {
    const file = JSON.parse(createBackup({ ...SNAPSHOT, keptWishes: kept }, 0));
    file.wishes[1].wishIds = ['not a wish'];
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed).toEqual({ ok: false, error: { code: 'unreadable-entries', part: 'wishes', count: 1 } });
    if (!parsed.ok) expect(backupErrorMessage(parsed.error, tEn, 'en')).toContain('One kept list of wishes');
  });

  it('round-trips through the store: export, "Delete all data", import', async () => {
    const store = createTendStore(`kept-wishes-${Math.random()}`, { channel: null });
    await store.replaceAll({ ...SNAPSHOT, keptWishes: kept });
    const text = createBackup(await store.readSnapshot(), Date.UTC(2026, 4, 3));
    await store.clearAll();
    expect((await store.readSnapshot()).keptWishes).toEqual([]);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error('should parse');
    await store.replaceAll(parsed.snapshot);
    expect((await store.readSnapshot()).keptWishes).toEqual(kept);
    await store.destroy();
  });
});
