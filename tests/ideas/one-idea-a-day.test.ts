/**
 * One idea a day, whatever pages are open, and bounds that count from the present: the worker's
 * answers (popup-view.ts) and the store (db.ts) over fake-indexeddb, with a clock that is an input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { type StoreChange } from '../../model/store-channel';
import { KEEP_LIMITS } from '../../store/schema';
import { dayKey, dayKeyBefore } from '../../lib/day';
import type { Idea } from '../../model/vocabulary';
import { answerPopup } from '../../ideas/popup-view';
import type { PopupAnswer, PopupView } from '../../ideas/popup-answer';
import { type PopupRequest } from '../../ideas/popup-request';
import { emptySnapshot, makeLibrary, tEn } from '../helpers';

const library = makeLibrary(30);
const DAY_MS = 86_400_000;
/** Evening of 1 December (local), one day after, and a clock five years ahead. */
const EVENING = new Date(2026, 11, 1, 19, 0).getTime();
const D = dayKey(EVENING);
const NEXT_MORNING = new Date(2026, 11, 2, 8, 0).getTime();
const D1 = dayKey(NEXT_MORNING);
let counter = 0;
const stores: TendStore[] = [];

function setUp(ideas: Idea[] = library) {
  const name = `tend-one-a-day-${++counter}`;
  const clock = { now: EVENING };
  const store = createTendStore(name, { now: () => clock.now });
  // A second connection, as another page has: it hears what the first one announces.
  const other = createTendStore(name, { now: () => clock.now });
  stores.push(store, other);
  const heard: StoreChange[] = [];
  other.onChange((change) => heard.push(change));
  const ctx = { store, loadIdeas: async () => ideas, now: () => clock.now, random: () => 0.5, t: tEn, locale: 'en', replan: async () => {} };
  const ask = async (request: PopupRequest): Promise<PopupView> => {
    const answer = (await answerPopup(request, ctx)) as PopupAnswer;
    if (!('view' in answer)) throw new Error(`trouble: ${answer.trouble}`);
    return answer.view;
  };
  /** Lets announcements (BroadcastChannel) arrive. */
  const settle = () => new Promise((r) => setTimeout(r, 30));
  return { store, clock, ask, heard, settle };
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

const allHistory = (store: TendStore) => store.readHistorySince('0000-00-00');

describe('pages on different days', () => {
  it('a popup left open since yesterday and one opened today never pick in turn: history and picker stop changing', async () => {
    const { store, clock, ask } = setUp();
    const yesterday = await ask({ kind: 'view', day: D });
    clock.now = NEXT_MORNING;
    const today = await ask({ kind: 'view', day: D1 });
    const picker = await store.readPickerState();
    const history = await allHistory(store);
    expect(picker?.today).toEqual({ day: D1, ideaId: today.idea?.id });
    // Each page asks again on every announcement: here, ten rounds of both.
    for (let round = 0; round < 10; round++) {
      const stale = await ask({ kind: 'view', day: D });
      const fresh = await ask({ kind: 'view', day: D1 });
      // The stale page is answered with what is stored: today's idea, not a pick of its own.
      expect(stale.idea?.id).toBe(today.idea?.id);
      expect(fresh.idea?.id).toBe(today.idea?.id);
    }
    expect(await store.readPickerState()).toEqual(picker);
    expect(await allHistory(store)).toEqual(history);
    expect(history.map((e) => e.day).sort()).toEqual([D, D1]);
    expect(yesterday.idea).not.toBeNull();
  });

  it('a popup left open past midnight keeps showing its idea, and writes nothing, until a page of the new day picks', async () => {
    const { store, clock, ask, heard, settle } = setUp();
    const shown = (await ask({ kind: 'view', day: D })).idea?.id;
    const picker = await store.readPickerState();
    await settle();
    heard.length = 0;
    clock.now = NEXT_MORNING;
    expect((await ask({ kind: 'view', day: D })).idea?.id).toBe(shown);
    expect((await ask({ kind: 'another', day: D, from: shown ?? null })).idea?.id).toBe(shown);
    expect((await ask({ kind: 'hide', day: D, from: shown ?? null })).idea?.id).toBe(shown);
    expect((await ask({ kind: 'show', day: D, ideaId: library[0]?.id ?? '' })).idea?.id).toBe(shown);
    expect(await store.readPickerState()).toEqual(picker);
    expect(await store.readAllMarks()).toEqual([]);
    await settle();
    expect(heard).toEqual([]);
  });

  it('a page whose clock is far ahead (or far behind) of the worker writes no pick', async () => {
    const { store, ask } = setUp();
    await ask({ kind: 'view', day: D });
    const picker = await store.readPickerState();
    const history = await allHistory(store);
    for (const day of [dayKeyBefore(EVENING, -2000), dayKeyBefore(EVENING, 400), dayKeyBefore(EVENING, -1)]) {
      await ask({ kind: 'view', day });
      await ask({ kind: 'another', day, from: picker?.today?.ideaId ?? null });
    }
    expect(await store.readPickerState()).toEqual(picker);
    expect(await allHistory(store)).toEqual(history);
  });

  it('"Another idea" twice from the same page moves on once', async () => {
    const { store, ask } = setUp();
    const from = (await ask({ kind: 'view', day: D })).idea?.id ?? null;
    const [a, b] = await Promise.all([ask({ kind: 'another', day: D, from }), ask({ kind: 'another', day: D, from })]);
    expect(a.idea?.id).toBe(b.idea?.id);
    expect(await allHistory(store)).toHaveLength(2);
  });
});

describe('a write that changes nothing announces nothing', () => {
  it('opening the popup again, the same mark, the same settings and a pick already stored are silent', async () => {
    const { store, ask, heard, settle } = setUp();
    const id = (await ask({ kind: 'view', day: D })).idea?.id ?? '';
    await store.updateMark(id, (m) => ({ ...m, favourite: true }));
    await store.patchPrefs({ palette: 'sage' });
    await settle();
    expect(heard).toEqual(['picker', 'marks', 'prefs']);
    heard.length = 0;
    const picker = await store.readPickerState();
    await ask({ kind: 'view', day: D });
    await ask({ kind: 'show', day: D, ideaId: id });
    await store.updateMark(id, (m) => ({ ...m, favourite: true }));
    await store.updateMark('never-marked', (m) => ({ ...m, favourite: false }));
    await store.patchPrefs({ palette: 'sage' });
    expect(await store.commitPick(picker, picker ?? (null as never), null)).toBe(false);
    await settle();
    expect(heard).toEqual([]);
  });
});

describe('"Show" on a favourite or recent idea', () => {
  it('shows that very idea, or says why it cannot and keeps today\'s idea: never a third one', async () => {
    const { store, ask } = setUp();
    const today = (await ask({ kind: 'view', day: D })).idea as Idea;
    const others = library.filter((i) => i.id !== today.id);
    const sameMode = others.filter((i) => i.mode === today.mode);
    const [setAside, otherMode, fine] = [sameMode[0] as Idea, others.find((i) => i.mode !== today.mode) as Idea, sameMode[1] as Idea];
    await store.updateMark(setAside.id, (m) => ({ ...m, favourite: true, hidden: true }));
    await store.patchPrefs({ modeFilter: today.mode });
    const hidden = await ask({ kind: 'show', day: D, ideaId: setAside.id });
    expect(hidden).toMatchObject({ cannotShow: 'hidden', idea: { id: today.id } });
    const filtered = await ask({ kind: 'show', day: D, ideaId: otherMode.id });
    expect(filtered).toMatchObject({ cannotShow: 'filters', idea: { id: today.id } });
    const gone = await ask({ kind: 'show', day: D, ideaId: 'no-such-idea' });
    expect(gone).toMatchObject({ cannotShow: 'gone', idea: { id: today.id } });
    expect((await store.readPickerState())?.today).toEqual({ day: D, ideaId: today.id });
    const shown = await ask({ kind: 'show', day: D, ideaId: fine.id });
    expect(shown.cannotShow).toBeUndefined();
    expect(shown.idea?.id).toBe(fine.id);
  });
});

describe('bounds count from the present', () => {
  it('after the clock is right again, a new day is kept next to an entry dated years ahead', async () => {
    const { store, clock } = setUp();
    await store.addHistory({ day: dayKeyBefore(EVENING, -5 * 365), ideaId: 'ahead', at: EVENING + 5 * 365 * DAY_MS });
    for (const n of [300, 100, 1]) {
      clock.now = EVENING - n * DAY_MS;
      await store.addHistory({ day: dayKey(clock.now), ideaId: `back-${n}`, at: clock.now });
    }
    clock.now = EVENING;
    await store.addHistory({ day: D, ideaId: 'today', at: EVENING });
    const ids = (await allHistory(store)).map((e) => e.ideaId).sort();
    expect(ids).toEqual(['ahead', 'back-1', 'back-100', 'back-300', 'today']);
  });

  it('an imported file dated ahead keeps the past year of its history; what is older than a year before today goes', async () => {
    const { store } = setUp();
    const history = [-3000, -1, 0, 1, 200, 365, 367, 800].map((n, i) => ({ day: dayKeyBefore(EVENING, n), ideaId: `idea-${i}`, at: EVENING - n * DAY_MS }));
    await store.replaceAll({ ...emptySnapshot(), history });
    const kept = (await allHistory(store)).map((e) => e.ideaId).sort();
    expect(kept).toEqual(['idea-0', 'idea-1', 'idea-2', 'idea-3', 'idea-4', 'idea-5']);
    expect(KEEP_LIMITS.historyDays).toBe(366);
  });
});
