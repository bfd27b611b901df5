import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { DbOpenError } from '../../store/open-db';
import { DB_VERSION } from '../../store/schema';
import { readAnyVersion } from '../../store/read-any-version';
import { defaultPrefs } from '../../model/prefs';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { emptySnapshot } from '../helpers';
import { createV1Database, V1_HISTORY, V1_NUDGE, V1_PICKER } from '../fixtures/db-v1';
import { createV2Database, V2_HISTORY, V2_MARKS, V2_NUDGE, V2_PICKER, V2_PREFS, V2_PREFS_PARTIAL } from '../fixtures/db-v2';

let counter = 0;
const stores: TendStore[] = [];
function freshStore(): { store: TendStore; name: string } {
  const name = `tend-test-${++counter}`;
  const store = createTendStore(name);
  stores.push(store);
  return { store, name };
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

describe('a fresh database', () => {
  it('starts with defaults and no data', async () => {
    const { store } = freshStore();
    expect(await store.readPrefs()).toEqual(defaultPrefs());
    expect(await store.readPickerState()).toBeNull();
    expect(await store.readAllMarks()).toEqual([]);
    expect((await store.readNudgeState()).lastNudgeAt).toBeNull();
  });

  it('keeps what is written', async () => {
    const { store } = freshStore();
    await store.patchPrefs({ ...defaultPrefs(), palette: 'clay', nudgesPerDay: 3 });
    await store.updateMark('talk-001', (m) => ({ ...m, favourite: true }));
    await store.addHistory({ day: '2026-05-02', ideaId: 'talk-001', at: 1 });
    await store.addHistory({ day: '2026-04-01', ideaId: 'talk-002', at: 0 });
    expect((await store.readPrefs()).palette).toBe('clay');
    expect(await store.readAllMarks()).toEqual([{ ideaId: 'talk-001', favourite: true, hidden: false, triedOn: [] }]);
    expect((await store.readHistorySince('2026-05-01')).map((e) => e.ideaId)).toEqual(['talk-001']);
  });
});

describe('other pages hear of changes', () => {
  it('a state record left as it was is not announced; one that changed is', async () => {
    const { store, name } = freshStore();
    const other = createTendStore(name);
    stores.push(other);
    const heard: string[] = [];
    const stop = other.onChange((change) => heard.push(change));
    const settle = () => new Promise((r) => setTimeout(r, 50));
    await store.updateNudgeState((s) => s);
    await store.updateState(SETUP_KEY, parseSetup, (s) => s);
    await settle();
    expect(heard).toEqual([]);
    await store.updateNudgeState((s) => ({ ...s, plannedAt: 1 }));
    await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
    await settle();
    expect(heard).toEqual(['state', 'setup']);
    stop();
  });
});

describe('damaged records', () => {
  it('a corrupt preferences record gives defaults for the bad fields and keeps the good ones', async () => {
    const { store, name } = freshStore();
    await store.readPrefs();
    const raw = await openDB(name);
    await raw.put('prefs', { themeMode: 'purple', palette: 'sage', nudgesPerDay: 99, windows: 'evening', discreet: 'yes' }, 'prefs');
    raw.close();
    const prefs = await store.readPrefs();
    expect(prefs.palette).toBe('sage');
    expect(prefs.themeMode).toBe('system');
    expect(prefs.nudgesPerDay).toBe(1);
    expect(prefs.windows).toEqual(defaultPrefs().windows);
    expect(prefs.discreet).toBe(true);
  });

  it('garbage in the state store reads as a fresh state, never a crash', async () => {
    const { store, name } = freshStore();
    await store.readPrefs();
    const raw = await openDB(name);
    await raw.put('state', 'not an object', 'picker');
    await raw.put('state', [1, 2, 3], 'nudge');
    await raw.put('marks', { ideaId: 'x', favourite: 'very' });
    raw.close();
    expect(await store.readPickerState()).toBeNull();
    expect((await store.readNudgeState()).pausedIndefinitely).toBe(false);
    expect(await store.readAllMarks()).toEqual([{ ideaId: 'x', favourite: false, hidden: false, triedOn: [] }]);
  });
});

describe('upgrades', () => {
  it(`opens a version 1 database and reaches version ${DB_VERSION} with nothing lost`, async () => {
    const name = `tend-v1-${++counter}`;
    await createV1Database(name);
    const store = createTendStore(name);
    stores.push(store);
    const prefs = await store.readPrefs();
    expect(prefs.themeMode).toBe('dark'); // v1 called it "theme"
    expect(prefs.nudgesEnabled).toBe(false);
    expect(prefs.nudgesPerDay).toBe(2);
    expect(await store.readPickerState()).toEqual(V1_PICKER);
    const nudge = await store.readNudgeState();
    expect(nudge.lastNudgeAt).toBe(V1_NUDGE.lastNudgeAt);
    expect(nudge.lastLineId).toBe('n-004');
    const history = await store.readHistorySince('2026-01-01');
    expect(history.map(({ day, ideaId, at }) => ({ day, ideaId, at }))).toEqual([...V1_HISTORY].reverse());
    // v2's new store works on the upgraded database.
    await store.updateMark('talk-001', (m) => ({ ...m, hidden: true }));
    expect((await store.readAllMarks())[0]?.hidden).toBe(true);
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['checkins', 'history', 'marks', 'ownIdeas', 'prefs', 'state', 'talks', 'tracks']);
    raw.close();
  });

  it('opens a version 2 database and reaches version 3: data kept, counted as set up, "up to close" kept', async () => {
    const name = `tend-v2-${++counter}`;
    await createV2Database(name);
    const store = createTendStore(name, { now: () => 1_796_000_000_000 });
    stores.push(store);
    expect(await store.readPrefs()).toEqual({ ...V2_PREFS, showOwnIdeas: true, livingApart: false });
    expect(await store.readPickerState()).toEqual(V2_PICKER);
    expect(await store.readAllMarks()).toEqual(V2_MARKS);
    expect((await store.readHistorySince('2026-01-01')).map(({ day, ideaId, at }) => ({ day, ideaId, at }))).toEqual(V2_HISTORY);
    expect((await store.readNudgeState()).plannedAt).toBe(V2_NUDGE.plannedAt);
    expect(await store.readState(SETUP_KEY, parseSetup)).toEqual({ finishedAt: 1_796_000_000_000 });
    // v3's stores work.
    await store.putCheckIn({ id: 'c1', at: 1, answer: 'mixed', note: '' });
    await store.recordTalk('talk-changed', '2026-12-01');
    expect(await store.readCheckIns()).toHaveLength(1);
    expect(await store.readTalks()).toEqual([{ talkId: 'talk-changed', days: ['2026-12-01'] }]);
  });

  it('an install that never opened settings keeps "up to close"; a new install starts at "up to warm"', async () => {
    const name = `tend-v2p-${++counter}`;
    await createV2Database(name, V2_PREFS_PARTIAL);
    const store = createTendStore(name);
    stores.push(store);
    expect((await store.readPrefs()).maxIntensity).toBe('close');
    expect((await store.readPrefs()).palette).toBe('tide');
    const { store: fresh } = freshStore();
    expect((await fresh.readPrefs()).maxIntensity).toBe('warm');
    expect((await fresh.readState(SETUP_KEY, parseSetup)).finishedAt).toBeNull();
  });

  it('a version 2 history store without its index is mended by the upgrade', async () => {
    const name = `tend-v2i-${++counter}`;
    await createV2Database(name, V2_PREFS, false);
    const store = createTendStore(name);
    stores.push(store);
    expect((await store.readHistorySince('2026-01-01')).map((e) => e.ideaId)).toEqual(['talk-001']);
  });

  it('a database from a newer Tend says so (no hang, no unhandled rejection), and its data can still be read', async () => {
    const name = `tend-future-${++counter}`;
    await createV2Database(name);
    const future = await openDB(name, DB_VERSION + 5, { upgrade: (db) => void db.createObjectStore('somethingNew') });
    future.close();
    const store = createTendStore(name);
    stores.push(store);
    await expect(store.readPrefs()).rejects.toMatchObject({ reason: 'newer' });
    await expect(store.readPrefs()).rejects.toBeInstanceOf(DbOpenError);
    const readable = await readAnyVersion(name);
    expect(readable.marks).toEqual(V2_MARKS);
    expect(readable.prefs.palette).toBe('sage');
    // "Start fresh" deletes it; then Tend opens with defaults.
    await store.destroy();
    expect((await store.readPrefs()).palette).toBe('dusk');
  });

  it('reading a database that does not exist creates nothing', async () => {
    const name = `tend-none-${++counter}`;
    await expect(readAnyVersion(name)).rejects.toBeTruthy();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('an open older connection steps aside, so the upgrade never hangs', async () => {
    const name = `tend-block-${++counter}`;
    await createV1Database(name);
    const old = await openDB(name, 1, {});
    let closedOld = false;
    old.addEventListener('versionchange', () => {
      old.close();
      closedOld = true;
    });
    const store = createTendStore(name);
    stores.push(store);
    expect((await store.readPrefs()).themeMode).toBe('dark');
    expect(closedOld).toBe(true);
  });
});

describe('replaceAll and clearAll', () => {
  it('replaces everything, or nothing when a write fails', async () => {
    const { store } = freshStore();
    await store.patchPrefs({ ...defaultPrefs(), palette: 'tide' });
    await store.updateMark('a-001', (m) => ({ ...m, favourite: true }));
    const bad = {
      ...emptySnapshot(),
      prefs: { ...defaultPrefs(), palette: 'clay' as const },
      marks: [{ ideaId: 'b-001', favourite: true, hidden: false, triedOn: [] }, { favourite: true } as never],
      checkinState: { notNowDay: null, counsellorShownAt: null, weekly: false },
    };
    await expect(store.replaceAll(bad)).rejects.toBeTruthy();
    expect((await store.readPrefs()).palette).toBe('tide');
    expect((await store.readAllMarks()).map((m) => m.ideaId)).toEqual(['a-001']);

    await store.replaceAll({ ...bad, marks: [bad.marks[0] as never] });
    expect((await store.readPrefs()).palette).toBe('clay');
    expect((await store.readAllMarks()).map((m) => m.ideaId)).toEqual(['b-001']);
  });

  it('clearAll leaves a fresh start', async () => {
    const { store } = freshStore();
    await store.patchPrefs({ ...defaultPrefs(), palette: 'tide' });
    await store.addHistory({ day: '2026-05-02', ideaId: 'talk-001', at: 1 });
    await store.clearAll();
    expect(await store.readPrefs()).toEqual(defaultPrefs());
    expect(await store.readHistorySince('2000-01-01')).toEqual([]);
  });
});

describe('the pairing', () => {
  const pair = (code: string) => ({ code, pairedAt: 1_796_000_000_000, invited: false });

  it('is kept, changed only when the change gives something new, and removed by unpairing or "Delete all data"', async () => {
    const { store } = freshStore();
    expect(await store.readPair()).toBeNull();
    await store.updatePair(() => pair('TEND-AAAAA'));
    expect(await store.readPair()).toEqual(pair('TEND-AAAAA'));
    const same = await store.updatePair((p) => p);
    expect(same).toEqual(pair('TEND-AAAAA'));
    await store.updatePair(() => null);
    expect(await store.readPair()).toBeNull();
    await store.updatePair(() => pair('TEND-BBBBB'));
    await store.clearAll();
    expect(await store.readPair()).toBeNull();
  });

  it('an import brings the file’s pairing; a file without one leaves the current pairing as it is', async () => {
    const { store } = freshStore();
    await store.updatePair(() => pair('TEND-AAAAA'));
    const snapshot = await store.readSnapshot();
    expect(snapshot.pair).toEqual(pair('TEND-AAAAA'));
    await store.replaceAll({ ...snapshot, pair: null });
    expect(await store.readPair()).toEqual(pair('TEND-AAAAA'));
    await store.replaceAll({ ...snapshot, pair: pair('TEND-CCCCC') });
    expect(await store.readPair()).toEqual(pair('TEND-CCCCC'));
  });

  it('a database of version 2 (made before pairing) pairs once opened', async () => {
    const name = `tend-v2-pair-${++counter}`;
    await createV2Database(name);
    const store = createTendStore(name);
    stores.push(store);
    expect(await store.readPair()).toBeNull();
    await store.updatePair(() => pair('TEND-AAAAA'));
    expect((await store.readSnapshot()).pair).toEqual(pair('TEND-AAAAA'));
  });
});
