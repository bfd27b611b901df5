/** The worker's answers to the popup (popup-view.ts), over a real store on fake-indexeddb. */
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { DB_VERSION } from '../../store/schema';
import { answerPopup } from '../../ideas/popup-view';
import type { PopupAnswer, PopupView } from '../../ideas/popup-answer';
import { parsePopupRequest, type PopupRequest } from '../../ideas/popup-request';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { makeLibrary, tEn } from '../helpers';

const library = makeLibrary(30);
const DAY = '2026-12-01';
const at = new Date(2026, 11, 1, 19, 0).getTime();
let counter = 0;
const stores: TendStore[] = [];

function setUp(name = `tend-popup-view-${++counter}`) {
  const store = createTendStore(name);
  stores.push(store);
  const replans: number[] = [];
  const ctx = {
    store,
    loadIdeas: async () => library,
    now: () => at,
    random: () => 0.5,
    t: tEn,
    locale: 'en',
    // The worker plans the next nudge; here always an hour on, so the status line has a plan to name.
    replan: async () => {
      replans.push(1);
      await store.updateNudgeState((n) => ({ ...n, plannedAt: at + 3_600_000 }));
    },
  };
  const ask = async (request: PopupRequest): Promise<PopupView> => {
    const answer = (await answerPopup(request, ctx)) as PopupAnswer;
    if (!('view' in answer)) throw new Error(`trouble: ${answer.trouble}`);
    return answer.view;
  };
  return { store, ask, ctx, replans };
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

describe('the requests the worker takes', () => {
  it('takes every well-formed request as it was sent', () => {
    const state = { salt: 's', cycle: 0, shown: ['a'], deferred: [], today: { day: DAY, ideaId: 'a' } };
    const requests: PopupRequest[] = [
      { kind: 'view', day: DAY },
      { kind: 'another', day: DAY, from: 'a' },
      { kind: 'hide', day: DAY, from: null },
      { kind: 'mark', day: DAY, ideaId: 'a', favourite: true, tried: undefined },
      { kind: 'show', day: DAY, ideaId: 'b' },
      { kind: 'undo-hide', day: DAY, ideaId: 'a', before: state, after: { ...state, today: null } },
      { kind: 'bring-back', day: DAY },
      { kind: 'nudges', day: DAY, choice: { pause: '1d' } },
      { kind: 'nudges', day: DAY, choice: { snooze: '15m' } },
      { kind: 'nudges', day: DAY, choice: 'resume' },
      { kind: 'nudges', day: DAY, choice: 'turn-on' },
    ];
    for (const request of requests) expect(parsePopupRequest(JSON.parse(JSON.stringify(request)))).toEqual(JSON.parse(JSON.stringify(request)));
  });

  it('refuses what is not a request, and never throws', () => {
    for (const bad of [null, 'view', { kind: 'view' }, { kind: 'view', day: '1.12.2026' }, { kind: 'drop', day: DAY },
      { kind: 'another', day: DAY }, { kind: 'mark', day: DAY, ideaId: '' }, { kind: 'mark', day: DAY, ideaId: 'a', favourite: 'yes' },
      { kind: 'nudges', day: DAY, choice: { pause: '1y' } }, { kind: 'undo-hide', day: DAY, ideaId: 'a', before: {}, after: {} }]) {
      expect(parsePopupRequest(bad)).toBeNull();
    }
    fc.assert(fc.property(fc.anything(), (raw) => {
      parsePopupRequest(raw);
    }));
  });

  it('answers null to a message that is not a popup request, and writes nothing', async () => {
    const { store, ctx } = setUp();
    expect(await answerPopup({ kind: 'view' }, ctx)).toBeNull();
    expect(await store.readPickerState()).toBeNull();
  });
});

describe('what the worker answers', () => {
  it('picks today\'s idea once and stores it; asking again gives the same idea and writes nothing', async () => {
    const { store, ask } = setUp();
    const first = await ask({ kind: 'view', day: DAY });
    expect(first.idea).not.toBeNull();
    const stored = await store.readPickerState();
    expect(stored?.today).toEqual({ day: DAY, ideaId: first.idea?.id });
    const again = await ask({ kind: 'view', day: DAY });
    expect(again.idea?.id).toBe(first.idea?.id);
    expect(await store.readPickerState()).toEqual(stored);
    expect((await store.readHistorySince(DAY)).length).toBe(1);
  });

  it('"Another idea" from a popup that shows an older idea changes nothing: a stale popup never writes an old pick back', async () => {
    const { store, ask } = setUp();
    const a = (await ask({ kind: 'view', day: DAY })).idea?.id ?? null;
    // One popup moves on from A to B.
    const b = (await ask({ kind: 'another', day: DAY, from: a })).idea?.id ?? null;
    expect(b).not.toBe(a);
    const afterB = await store.readPickerState();
    // A second popup, still showing A, asks for another: nothing is written, and it is shown B.
    const stale = await ask({ kind: 'another', day: DAY, from: a });
    expect(stale.idea?.id).toBe(b);
    expect(await store.readPickerState()).toEqual(afterB);
  });

  it('"Not for us" hides the idea and moves on; its undo brings both back', async () => {
    const { store, ask } = setUp();
    const before = await ask({ kind: 'view', day: DAY });
    const id = before.idea?.id ?? '';
    const hidden = await ask({ kind: 'hide', day: DAY, from: id });
    expect(hidden.idea?.id).not.toBe(id);
    expect((await store.readAllMarks()).find((m) => m.ideaId === id)?.hidden).toBe(true);
    expect(hidden.undo?.kind).toBe('undo-hide');
    const undone = await ask(hidden.undo as PopupRequest);
    expect(undone.idea?.id).toBe(id);
    expect((await store.readAllMarks()).find((m) => m.ideaId === id)).toBeUndefined();
  });

  it('marks change only the field asked for: a favourite keeps "tried today", and the lists follow', async () => {
    const { ask } = setUp();
    const id = (await ask({ kind: 'view', day: DAY })).idea?.id ?? '';
    await ask({ kind: 'mark', day: DAY, ideaId: id, tried: true });
    const view = await ask({ kind: 'mark', day: DAY, ideaId: id, favourite: true });
    expect(view).toMatchObject({ favourite: true, triedToday: true });
    expect(view.favourites.map((i) => i.id)).toEqual([id]);
    // Recent ideas leave today's out.
    expect(view.recent.map((i) => i.id)).not.toContain(id);
  });

  it('a pause from the menu is stored, planned anew, and shown in the status line with Resume', async () => {
    const { store, ask, replans } = setUp();
    await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: at - 1000 }));
    expect((await ask({ kind: 'view', day: DAY })).menu).toEqual({ later: false });
    const paused = await ask({ kind: 'nudges', day: DAY, choice: { pause: '1d' } });
    expect(replans).toHaveLength(1);
    expect((await store.readNudgeState()).pausedUntil).toBe(at + 24 * 3_600_000);
    expect(paused.menu).toBeNull();
    expect(paused.status?.action?.kind).toBe('resume');
    const resumed = await ask({ kind: 'nudges', day: DAY, choice: 'resume' });
    expect(resumed.status).toEqual({ text: expect.stringMatching(/^Next nudge: tonight/), action: null });
    expect(resumed.menu).toEqual({ later: false });
  });

  it('a database a newer Tend made is answered with "newer", not a view', async () => {
    const name = `tend-popup-future-${++counter}`;
    const future = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('somethingNew') });
    future.close();
    const { ctx } = setUp(name);
    expect(await answerPopup({ kind: 'view', day: DAY }, ctx)).toEqual({ trouble: 'newer' });
  });
});
