/**
 * Sync between browsers through one shared fake `storage.sync`: each simulated browser has its own database
 * and its own syncer (the worker's code), and they meet only in the shared area, as in the browser.
 */
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { createSyncer, type SyncArea } from '../../sync/sync-worker';
import { parseSyncState, SYNC_KEY } from '../../model/sync-state';
import type { OwnIdea } from '../../model/records';
import { SYNC_QUOTA, entryBytes } from '../../sync/quota';

const DAY = 86_400_000;
let counter = 0;
const stores: TendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

/**
 * The browser's sync as one shared place: what one browser writes, the next read of any browser sees. Like
 * Chrome, a write that would pass the quotas (100 KB, 8 KB an item, 512 items) is refused whole.
 */
function fakeArea(): SyncArea & { data: Map<string, unknown>; writes: number; refused: number } {
  const data = new Map<string, unknown>();
  const bytes = (entries: Iterable<[string, unknown]>) => [...entries].reduce((sum, [k, v]) => sum + entryBytes(k, v as never), 0);
  const area = {
    data,
    writes: 0,
    refused: 0,
    get: async () => structuredClone(Object.fromEntries(data)),
    set: async (items: Record<string, unknown>) => {
      const next = new Map([...data, ...Object.entries(structuredClone(items))]);
      if (bytes(next) > 102_400 || next.size > 512 || Object.entries(items).some(([k, v]) => bytes([[k, v]]) > 8_192)) {
        area.refused++;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      area.writes++;
      for (const [k, v] of next) data.set(k, v);
    },
    remove: async (keys: string[]) => {
      area.writes++;
      for (const k of keys) data.delete(k);
    },
    clear: async () => {
      area.writes++;
      data.clear();
    },
  };
  return area;
}

function browser(area: SyncArea, clock: { now: number }, device: string) {
  const store = createTendStore(`tend-sync-${++counter}`, { now: () => clock.now, channel: null });
  stores.push(store);
  const syncer = createSyncer({ store, area, now: () => clock.now });
  const turn = (on: boolean) => store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, on, device }));
  return { store, syncer, turn, name: `tend-sync-${counter}` };
}

/** One shared sync, one clock, and a home browser and a laptop on it (sync on in both unless `on` is false). */
async function homeAndLaptop(on = true) {
  const area = fakeArea();
  const clock = { now: Date.UTC(2026, 11, 1, 12) };
  const home = browser(area, clock, 'a'.repeat(16));
  const laptop = browser(area, clock, 'b'.repeat(16));
  if (on) await Promise.all([home.turn(true), laptop.turn(true)]);
  return { area, clock, home, laptop };
}

const own = (id: string, text: string, createdAt: number): OwnIdea => ({ id, text, category: 'talk', mode: 'together', minutes: 5, intensity: 'gentle', createdAt });
/** `n` own ideas of about 150 characters, newest first, the first made at `now`. */
const manyOwnIdeas = (n: number, now: number): OwnIdea[] =>
  Array.from({ length: n }, (_, i) => own(`own-${String(i).padStart(4, '0')}`, `Idea ${i}: ${'a small thing to do together '.repeat(4)}`.slice(0, 150), now - i * 1000));

describe('sync between two browsers through the browser’s sync', () => {
  it('brings favourites and own ideas across, keeps each browser’s own, and never carries check-ins or their notes', async () => {
    const { area, clock, home, laptop } = await homeAndLaptop();

    await home.store.updateMark('talk-002', (m) => ({ ...m, favourite: true }));
    await home.store.putOwnIdeas([own('own-home', 'Tea on the balcony', clock.now)]);
    await home.store.addCheckIn({ id: 'ci-1', at: clock.now, answer: 'job', note: 'a private note about us' });
    await home.store.patchPrefs({ palette: 'sage', maxIntensity: 'close' });
    await laptop.store.putOwnIdeas([own('own-laptop', 'Dance in the kitchen', clock.now)]);

    await home.syncer.round();
    expect(JSON.stringify(Object.fromEntries(area.data))).not.toContain('private note');
    expect([...area.data.keys()].some((k) => k.includes('ci-1') || k.startsWith('c'))).toBe(false);
    clock.now += 60_000;
    await laptop.syncer.round();
    await home.syncer.round();

    for (const side of [home, laptop]) {
      expect((await side.store.readOwnIdeas()).map((i) => i.id).sort()).toEqual(['own-home', 'own-laptop']);
      expect((await side.store.readAllMarks()).find((m) => m.ideaId === 'talk-002')?.favourite).toBe(true);
      expect(await side.store.readPrefs()).toMatchObject({ palette: 'sage', maxIntensity: 'close' });
    }
    expect(await laptop.store.readCheckIns()).toEqual([]);
    expect((await home.store.readState(SYNC_KEY, parseSyncState)).lastAt).toBe(clock.now);
  });

  it('a deletion travels, and the deleted idea does not come back from the other browser', async () => {
    const { area, clock, home, laptop } = await homeAndLaptop();
    await home.store.putOwnIdeas([own('own-1', 'Write a note', clock.now), own('own-2', 'Call at lunch', clock.now)]);
    await home.syncer.round();
    await laptop.syncer.round();
    expect((await laptop.store.readOwnIdeas()).length).toBe(2);

    clock.now += 60_000;
    await laptop.store.deleteOwnIdea('own-1');
    await laptop.syncer.round();
    // The other browser had not heard yet, and runs a round of its own first: the deletion still wins.
    await home.syncer.round();
    await laptop.syncer.round();
    await home.syncer.round();
    for (const side of [home, laptop]) expect((await side.store.readOwnIdeas()).map((i) => i.id)).toEqual(['own-2']);
    expect(area.data.get('o:own-1')).toMatchObject({ d: 'b'.repeat(16) });
    expect(area.data.get('o:own-1')).not.toHaveProperty('v');

    // An edit made after the deletion wins over it (here: the idea written anew on the home browser).
    clock.now += 60_000;
    await home.store.putOwnIdeas([own('own-1', 'Write a note, again', clock.now)]);
    await home.syncer.round();
    await laptop.syncer.round();
    expect((await laptop.store.readOwnIdeas()).map((i) => i.text).sort()).toEqual(['Call at lunch', 'Write a note, again']);
  });

  it('with sync off nothing is written there, and nothing comes in', async () => {
    const { area, clock, home } = await homeAndLaptop(false);
    await home.store.updateMark('talk-002', (m) => ({ ...m, favourite: true }));
    await home.syncer.round();
    expect(area.data.size).toBe(0);
    expect(area.writes).toBe(0);
    area.data.set('o:own-x', { t: clock.now, d: 'c'.repeat(16), v: own('own-x', 'From elsewhere', clock.now) });
    await home.syncer.round();
    expect(await home.store.readOwnIdeas()).toEqual([]);
  });

  it('an item it cannot read is left alone and named; nothing here is lost', async () => {
    const { area, clock, home } = await homeAndLaptop(false);
    await home.turn(true);
    await home.store.putOwnIdeas([own('own-1', 'Write a note', clock.now)]);
    const strange = { t: clock.now + DAY, d: 'f'.repeat(16), v: { id: 'own-1', text: 42 } };
    area.data.set('o:own-1', strange);
    area.data.set('x:future', { t: 1, d: 'f'.repeat(16), v: { anything: true } });
    await home.syncer.round();
    expect((await home.store.readOwnIdeas()).map((i) => i.text)).toEqual(['Write a note']);
    expect(area.data.get('o:own-1')).toEqual(strange);
    expect(area.data.get('x:future')).toEqual({ t: 1, d: 'f'.repeat(16), v: { anything: true } });
    expect((await home.store.readState(SYNC_KEY, parseSyncState)).unreadable).toBe(2);
  });

  it('two settings changed on two browsers both stay (each setting travels on its own)', async () => {
    const { clock, home, laptop } = await homeAndLaptop();
    await home.syncer.round();
    await laptop.syncer.round();
    clock.now += 60_000;
    await home.store.patchPrefs({ palette: 'clay' });
    await laptop.store.patchPrefs({ textScale: 120 });
    await home.syncer.round();
    await laptop.syncer.round();
    await home.syncer.round();
    for (const side of [home, laptop]) expect(await side.store.readPrefs()).toMatchObject({ palette: 'clay', textScale: 120 });
  });

  it('one idea favourited on one browser and tried on the other keeps both; taking the favourite back travels too', async () => {
    const { clock, home, laptop } = await homeAndLaptop();
    await home.syncer.round();
    await laptop.syncer.round();
    clock.now += 60_000;
    await home.store.updateMark('talk-007', (m) => ({ ...m, favourite: true }));
    await laptop.store.updateMark('talk-007', (m) => ({ ...m, triedOn: ['2026-12-01'] }));
    await home.syncer.round();
    await laptop.syncer.round();
    await home.syncer.round();
    const mark = async (side: typeof home) => (await side.store.readAllMarks()).find((m) => m.ideaId === 'talk-007');
    for (const side of [home, laptop]) expect(await mark(side)).toEqual({ ideaId: 'talk-007', favourite: true, hidden: false, triedOn: ['2026-12-01'] });
    clock.now += 60_000;
    await laptop.store.updateMark('talk-007', (m) => ({ ...m, favourite: false }));
    await laptop.syncer.round();
    await home.syncer.round();
    expect(await mark(home)).toEqual({ ideaId: 'talk-007', favourite: false, hidden: false, triedOn: ['2026-12-01'] });
  });

  it('a record damaged here is held back: it never deletes the healthy copy elsewhere, and that copy repairs it', async () => {
    const { area, clock, home, laptop } = await homeAndLaptop();
    await home.store.putOwnIdeas([own('own-1', 'Write a note', clock.now)]);
    await home.syncer.round();
    await laptop.syncer.round();
    // The record goes bad on the home browser (text no longer text).
    const db = await openDB(home.name);
    await db.put('ownIdeas', { id: 'own-1', text: 42 });
    db.close();
    clock.now += 60_000;
    await home.syncer.round();
    await laptop.syncer.round();
    expect((await laptop.store.readOwnIdeas()).map((i) => i.text)).toEqual(['Write a note']);
    expect(area.data.get('o:own-1')).toHaveProperty('v');
    expect((await home.store.readOwnIdeas()).map((i) => i.text)).toEqual(['Write a note']);
  });

  it('with the quota full of own ideas, newer marks still travel: what no longer fits leaves the sync, nothing is refused', async () => {
    const { area, clock, home } = await homeAndLaptop(false);
    await home.turn(true);
    await home.store.putOwnIdeas(manyOwnIdeas(600, clock.now));
    await home.syncer.round();
    clock.now += 60_000;
    for (let i = 1; i <= 120; i++) await home.store.updateMark(`talk-${String(i).padStart(3, '0')}`, (m) => ({ ...m, favourite: true }));
    await home.store.patchPrefs({ palette: 'tide' });
    await home.syncer.round();
    expect(area.refused).toBe(0);
    expect([...area.data.keys()].filter((k) => k.startsWith('f:')).length).toBe(120);
    expect(area.data.get('p:palette')).toMatchObject({ v: 'tide' });
    expect((await home.store.readOwnIdeas()).length).toBe(600);
  });

  it('"Remove" waits for a round under way, and nothing is written there after it', async () => {
    const { area, clock, home } = await homeAndLaptop(false);
    await home.turn(true);
    await home.store.putOwnIdeas([own('own-1', 'Write a note', clock.now)]);
    const round = home.syncer.round();
    await home.turn(false);
    await Promise.all([round, home.syncer.clear()]);
    expect(area.data.size).toBe(0);
  });

  it('stays within the quotas, and says how many own ideas travel when not all fit', async () => {
    const { area, clock, home } = await homeAndLaptop(false);
    await home.turn(true);
    const many = manyOwnIdeas(800, clock.now);
    await home.store.putOwnIdeas(many);
    await home.syncer.round();
    const bytes = [...area.data].reduce((sum, [k, v]) => sum + entryBytes(k, v as never), 0);
    expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    expect(area.data.size).toBeLessThanOrEqual(SYNC_QUOTA.items);
    const state = await home.store.readState(SYNC_KEY, parseSyncState);
    expect(state.ownTravel?.total).toBe(800);
    const travelling = [...area.data.keys()].filter((k) => k.startsWith('o:'));
    expect(state.ownTravel?.travel).toBe(travelling.length);
    // The newest travel: own-0000 is the newest.
    expect(travelling).toContain('o:own-0000');
    expect(travelling).not.toContain('o:own-0799');
    // Nothing that stayed here was lost or marked deleted.
    expect((await home.store.readOwnIdeas()).length).toBe(800);
    await home.syncer.round();
    expect((await home.store.readOwnIdeas()).length).toBe(800);
    // An edit of one of them arriving from another browser is still one idea of the 800, not an 801st.
    area.data.set('o:own-0000', { t: clock.now + 60_000, d: 'c'.repeat(16), v: { ...many[0], text: 'Edited elsewhere' } });
    await home.syncer.round();
    expect((await home.store.readState(SYNC_KEY, parseSyncState)).ownTravel?.total).toBe(800);
  });
});
