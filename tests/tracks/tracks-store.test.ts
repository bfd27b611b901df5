import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, parseBackup } from '../../backup/backup';
import { describeBackup, summarizeBackup } from '../../backup/backup-messages';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { createTendStore, type TendStore } from '../../store/db';
import { startTrack, takeStep } from '../../tracks/track-rules';
import { createV3Database, V3_CHECKINS, V3_HISTORY, V3_MARKS, V3_OWN, V3_PICKER, V3_TALKS } from '../fixtures/db-v3';
import { emptySnapshot, tEn } from '../helpers';

let counter = 0;
const stores: TendStore[] = [];
const fresh = (name = `tend-tracks-${++counter}-${Math.random()}`) => {
  const store = createTendStore(name, { channel: null });
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

describe('tracks in the store', () => {
  it('a version-3 database opens as version 4 with everything it had, and the tracks store works', async () => {
    const name = `tend-v3-${++counter}-${Math.random()}`;
    await createV3Database(name);
    const store = fresh(name);
    expect((await store.readPrefs()).palette).toBe('clay');
    expect(await store.readPickerState()).toEqual(V3_PICKER);
    expect(await store.readAllMarks()).toEqual(V3_MARKS);
    expect(await store.readCheckIns()).toEqual(V3_CHECKINS);
    expect(await store.readOwnIdeas()).toEqual(V3_OWN);
    expect(await store.readTalks()).toEqual(V3_TALKS);
    expect((await store.readHistorySince('2026-01-01')).map(({ day, ideaId, at }) => ({ day, ideaId, at }))).toEqual(V3_HISTORY);
    expect((await store.readState(SETUP_KEY, parseSetup)).finishedAt).toBe(1_796_000_000_000);
    expect(await store.readTracks()).toEqual([]);
    await store.updateTracks((all) => startTrack(all, 'track-touch', 1));
    expect(await store.readTracks()).toEqual([{ trackId: 'track-touch', step: 0, lastStepDay: null, state: 'running', startedAt: 1 }]);
  });

  it('writes only what changed, and nothing when the change returns what it was given', async () => {
    const store = fresh();
    await store.updateTracks((all) => startTrack(all, 'track-touch', 1));
    await store.updateTracks((all) => startTrack(all, 'track-talking', 2));
    const before = await store.readTracks();
    const same = await store.updateTracks((all) => takeStep(all, 'track-touch', 0, '2026-12-06', 10));
    expect(same).toEqual(before);
    await store.updateTracks((all) => takeStep(all, 'track-talking', 0, '2026-12-06', 10));
    expect((await store.readTracks()).find((p) => p.trackId === 'track-talking')?.step).toBe(1);
  });

  it('travel in an export, are counted in words, go with "Delete all data", and come back with an import', async () => {
    const store = fresh();
    await store.updateTracks((all) => takeStep(startTrack(all, 'track-touch', 1), 'track-touch', 0, '2026-12-06', 10));
    const text = createBackup(await store.readSnapshot(), 2);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.snapshot.tracks).toEqual(await store.readTracks());
    expect(describeBackup(summarizeBackup(parsed), tEn, 'en').holds).toContain('1 track started');
    await store.clearAll();
    expect(await store.readTracks()).toEqual([]);
    await store.replaceAll(parsed.snapshot);
    expect((await store.readTracks())[0]).toMatchObject({ trackId: 'track-touch', step: 1 });
    // A file of format 6 (before tracks) imports with none, and replaces the ones there are.
    const older = JSON.parse(createBackup(emptySnapshot(), 3));
    delete older.tracks;
    older.schema = 6;
    const six = parseBackup(JSON.stringify(older));
    if (!six.ok) throw new Error(JSON.stringify(six.error));
    expect(six.snapshot.tracks).toEqual([]);
    await store.replaceAll(six.snapshot);
    expect(await store.readTracks()).toEqual([]);
  });
});
