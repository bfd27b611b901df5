import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_MAX_BYTES, BACKUP_SCHEMA, backupErrorMessage, createBackup, parseBackup } from '../utils/backup';
import { createTendStore, type Snapshot } from '../utils/db';
import { defaultPrefs } from '../utils/prefs';
import { tEn } from './helpers';

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
};

describe('export and import', () => {
  it('round-trips everything a person has', () => {
    const parsed = parseBackup(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3)));
    expect(parsed).toEqual({ ok: true, fromSchema: BACKUP_SCHEMA, snapshot: SNAPSHOT });
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
    expect(parsed.snapshot.prefs.themeMode).toBe('light');
    expect(parsed.snapshot.prefs.palette).toBe('sage');
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
    expect(parseBackup(JSON.stringify(file))).toEqual({ ok: false, error: { code: 'damaged', where: 'history[1]' } });
    file.history[1].day = '2026-05-02';
    file.prefs.nudgesPerDay = 7;
    expect(parseBackup(JSON.stringify(file))).toEqual({ ok: false, error: { code: 'damaged', where: 'prefs.nudgesPerDay' } });
    expect(parseBackup('x'.repeat(BACKUP_MAX_BYTES + 1))).toEqual({ ok: false, error: { code: 'too-large' } });
    expect(tEn('importDamaged', 'history[1]')).toBe('That backup is damaged at “history[1]”. Nothing was changed.');
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
        const message = backupErrorMessage(parsed.error, tEn);
        expect(message).toMatch(/Nothing was changed\.$/);
        expect(await store.readSnapshot()).toEqual(before);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });
});
