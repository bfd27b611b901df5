/** The store's rules for writes that must not repeat, and for Undo after the data changed. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { createPickerState } from '../../ideas/picker';
import type { CheckIn, OwnIdea } from '../../model/records';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { emptySnapshot } from '../helpers';

let counter = 0;
const stores: TendStore[] = [];
function freshStore(): TendStore {
  const store = createTendStore(`tend-undo-${++counter}`, { channel: null });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

const checkIn = (id: string, at = 1_000): CheckIn => ({ id, at, answer: 'job', note: 'private words' });
const own = (id: string, text: string): OwnIdea => ({
  id,
  text,
  category: 'talk',
  mode: 'together',
  minutes: null,
  intensity: 'gentle',
  createdAt: 5,
});

describe('a write that a double click repeats', () => {
  it('a check-in with the same id is added once', async () => {
    const store = freshStore();
    expect(await store.addCheckIn(checkIn('ci-1'))).toBe(true);
    expect(await store.addCheckIn({ ...checkIn('ci-1'), note: 'again' })).toBe(false);
    expect((await store.readCheckIns()).map((c) => c.note)).toEqual(['private words']);
  });

  it('an own idea with the words of a stored one is not added again; an edit of the same idea is kept', async () => {
    const store = freshStore();
    expect(await store.putOwnIdeas([own('own-a', 'Walk together')])).toBe(true);
    expect(await store.putOwnIdeas([own('own-b', 'Walk together '), own('own-c', 'Cook')])).toBe(true);
    expect((await store.readOwnIdeas()).map((o) => o.id).sort()).toEqual(['own-a', 'own-c']);
    await store.putOwnIdeas([{ ...own('own-a', 'Walk together'), category: 'presence' }]);
    expect((await store.readOwnIdeas()).find((o) => o.id === 'own-a')?.category).toBe('presence');
  });

  it('a second delete of the same record hands back nothing to undo', async () => {
    const store = freshStore();
    await store.addCheckIn(checkIn('ci-1'));
    expect(await store.removeCheckIn('ci-1')).not.toBeNull();
    expect(await store.removeCheckIn('ci-1')).toBeNull();
    await store.putOwnIdeas([own('own-a', 'Walk')]);
    await store.updateMark('own-a', (m) => ({ ...m, favourite: true }));
    const first = await store.removeOwnIdea('own-a');
    expect(first?.mark?.favourite).toBe(true);
    expect(await store.removeOwnIdea('own-a')).toBeNull();
  });
});

describe('an Undo against what is stored', () => {
  it('puts a deleted own idea back with its mark, once', async () => {
    const store = freshStore();
    await store.putOwnIdeas([own('own-a', 'Walk')]);
    await store.updateMark('own-a', (m) => ({ ...m, favourite: true }));
    const removed = await store.removeOwnIdea('own-a');
    expect(await store.readOwnIdeas()).toEqual([]);
    expect(await store.restoreOwnIdea(removed!)).toBe(true);
    expect((await store.readOwnIdeas()).map((o) => o.id)).toEqual(['own-a']);
    expect((await store.readAllMarks())[0]?.favourite).toBe(true);
    expect(await store.restoreOwnIdea(removed!)).toBe(false);
  });

  it('brings nothing back after "Delete all data", an import or "Delete all check-ins"', async () => {
    const store = freshStore();
    await store.putOwnIdeas([own('own-a', 'Walk')]);
    await store.addCheckIn(checkIn('ci-1'));
    const idea = await store.removeOwnIdea('own-a');
    const answer = await store.removeCheckIn('ci-1');
    await store.clearAll();
    expect(await store.restoreOwnIdea(idea!)).toBe(false);
    expect(await store.restoreCheckIn(answer!)).toBe(false);
    expect(await store.readOwnIdeas()).toEqual([]);
    expect(await store.readCheckIns()).toEqual([]);

    await store.putOwnIdeas([own('own-b', 'Cook')]);
    const cooked = await store.removeOwnIdea('own-b');
    await store.replaceAll(emptySnapshot());
    expect(await store.restoreOwnIdea(cooked!)).toBe(false);

    await store.addCheckIn(checkIn('ci-2'));
    await store.addCheckIn(checkIn('ci-3', 2_000));
    const second = await store.removeCheckIn('ci-2');
    await store.clearCheckIns();
    expect(await store.restoreCheckIn(second!)).toBe(false);
    expect(await store.readCheckIns()).toEqual([]);
  });

  it('"Not for us" is undone only while the pick and the mark are the ones it made', async () => {
    const store = freshStore();
    const before = { ...createPickerState('salt'), today: { day: '2026-05-04', ideaId: 'talk-001' } };
    const after = { ...before, today: { day: '2026-05-04', ideaId: 'talk-002' } };
    await store.updateMark('talk-001', (m) => ({ ...m, hidden: true }));
    await store.commitPick(null, after, null);
    // Another page moved on: refused, the idea stays set aside.
    const moved = { ...after, today: { day: '2026-05-04', ideaId: 'talk-003' } };
    await store.commitPick(after, moved, null);
    expect(await store.undoHide('talk-001', before, after)).toBe(false);
    expect((await store.readAllMarks())[0]?.hidden).toBe(true);
    // As it was left: undone, and only once.
    await store.commitPick(moved, after, null);
    expect(await store.undoHide('talk-001', before, after)).toBe(true);
    expect(await store.readAllMarks()).toEqual([]);
    expect(await store.readPickerState()).toEqual(before);
    expect(await store.undoHide('talk-001', before, after)).toBe(false);
    // After "Delete all data" the pick is gone: refused.
    await store.updateMark('talk-001', (m) => ({ ...m, hidden: true }));
    await store.commitPick(before, after, null);
    await store.clearAll();
    expect(await store.undoHide('talk-001', before, after)).toBe(false);
  });

  it('every wipe gives the data a new generation', async () => {
    const store = freshStore();
    await store.addCheckIn(checkIn('ci-1'));
    const first = (await store.removeCheckIn('ci-1'))!.generation;
    expect(await store.readGeneration()).toBe(first);
    await store.clearAll();
    const second = await store.readGeneration();
    expect(second).not.toBe(first);
    await store.replaceAll(emptySnapshot());
    expect(await store.readGeneration()).not.toBe(second);
  });
});

describe('"Start Tend"', () => {
  it('writes the choices only if the welcome was not finished elsewhere', async () => {
    const store = freshStore();
    expect(await store.finishSetup({ maxIntensity: 'gentle', nudgesPerDay: 2 }, 100)).toMatchObject({ maxIntensity: 'gentle' });
    expect(await store.readState(SETUP_KEY, parseSetup)).toEqual({ finishedAt: 100 });
    // A second, stale welcome tab: nothing of it is written.
    expect(await store.finishSetup({ maxIntensity: 'close', nudgesPerDay: 3 }, 200)).toBeNull();
    expect(await store.readPrefs()).toMatchObject({ maxIntensity: 'gentle', nudgesPerDay: 2 });
    expect(await store.readState(SETUP_KEY, parseSetup)).toEqual({ finishedAt: 100 });
  });
});

describe('an edit against what is stored', () => {
  it('saves an edit of a stored idea, and brings nothing back for an idea deleted meanwhile (a stale tab)', async () => {
    const name = `tend-edit-${++counter}`;
    const store = createTendStore(name, { channel: null });
    stores.push(store);
    const stale = createTendStore(name, { channel: null });
    await store.putOwnIdeas([own('own-a', 'Walk'), own('own-b', 'Cook')]);
    expect(await stale.editOwnIdea({ ...own('own-a', 'Walk slowly'), category: 'presence' })).toBe('saved');
    expect((await store.readOwnIdeas()).find((o) => o.id === 'own-a')).toMatchObject({ text: 'Walk slowly', category: 'presence' });
    await store.deleteOwnIdea('own-b');
    expect(await stale.editOwnIdea(own('own-b', 'Cook together'))).toBe('gone');
    expect((await store.readOwnIdeas()).map((o) => o.id)).toEqual(['own-a']);
    await stale.close();
  });
});
