/** While paired, the popup's idea is the pair's: two simulated Tends (two stores, two local zones) over many days. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { answerPopup } from '../../ideas/popup-view';
import type { PopupAnswer, PopupView } from '../../ideas/popup-answer';
import type { PopupRequest } from '../../ideas/popup-request';
import { dayKey } from '../../lib/day';
import { defaultPrefs } from '../../model/prefs';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { pairIdea } from '../../together/pair-pick';
import { zoneDayKey } from '../../together/zone-time';
import { makeLibrary, tEn } from '../helpers';
import { inZone } from './arbitraries';

const library = makeLibrary(120);
const PAIR_ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 2, 20, 17, 0);
const choices = { ...pairChoicesFrom(defaultPrefs(), []), maxIntensity: 'close' as const, maxMinutes: 60 };
const pair = createPair(new Uint8Array(16).map((_, i) => i * 11), { zone: PAIR_ZONE, choices, libraryFingerprint: 1 });
const code = encodePairCode(pair);
let counter = 0;
const stores: TendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

/** One person's Tend: its own store, its own local zone, the moment it is asked at. */
async function tend(zone: string) {
  const store = createTendStore(`tend-pair-popup-${++counter}`);
  stores.push(store);
  let time = START;
  const ctx = { store, loadIdeas: async () => library, now: () => time, random: Math.random, t: tEn, locale: 'en', replan: async () => {} };
  return {
    store,
    at(t: number) {
      time = t;
    },
    /** Asks as the popup does, with the day it opened on (the local day in its zone). */
    ask: (request: (day: string) => PopupRequest) =>
      inZone(zone, async () => {
        const answer = (await answerPopup(request(dayKey(time)), ctx)) as PopupAnswer;
        if (!('view' in answer)) throw new Error(answer.trouble);
        return answer.view;
      }),
  };
}

const view = (day: string): PopupRequest => ({ kind: 'view', day });
const idOf = (v: PopupView) => v.idea?.id ?? null;

describe('the pair’s idea in the popup', () => {
  it('is the same on two Tends every day for 45 days, whatever each did with "Another idea", and never repeats within a cycle', async () => {
    const [a, b] = await Promise.all([tend('Asia/Tokyo'), tend('America/Adak')]);
    await a.store.updatePair(() => ({ code, pairedAt: START, invited: true }));
    await b.store.updatePair(() => ({ code, pairedAt: START, invited: false }));
    const seen: string[] = [];
    for (let d = 0; d < 45; d++) {
      // Each asks at its own hour of the pair's evening; B sometimes goes its own way first, A on other days.
      const time = START + d * DAY_MS + ((d * 37) % 180) * 60_000;
      a.at(time);
      b.at(time + 60_000);
      const expected = await pairIdea({ secret: pair.secret, library, choices, day: zoneDayKey(time, PAIR_ZONE) });
      if (expected.kind !== 'idea') throw new Error('the pool is not empty');
      const fromA = await a.ask(view);
      if (d % 3 === 0) {
        expect(idOf(await b.ask(view))).toBe(expected.idea.id);
        const own = await b.ask((day) => ({ kind: 'another', day, from: expected.idea.id }));
        await b.ask(view);
        expect(own.pair).toEqual({ ours: idOf(own) === expected.idea.id, passedOver: false });
        expect(idOf(own)).not.toBe(expected.idea.id);
        const back = await b.ask((day) => ({ kind: 'ours', day }));
        expect(idOf(back)).toBe(expected.idea.id);
      }
      if (d % 4 === 1) await a.ask((day) => ({ kind: 'another', day, from: expected.idea.id }));
      const fromB = await b.ask(view);
      expect(idOf(fromA)).toBe(expected.idea.id);
      expect(idOf(fromB)).toBe(expected.idea.id);
      expect(fromB.pair).toEqual({ ours: true, passedOver: false });
      seen.push(`${expected.cycle}:${expected.idea.id}`);
    }
    // No repeat within a cycle of the pair's walk (a new cycle may bring an idea again).
    expect(new Set(seen).size).toBe(seen.length);
  }, 60_000);

  it('an idea set aside on one Tend is passed over there (and said so) until the update code is taken in; the other keeps it', async () => {
    const [a, b] = await Promise.all([tend('Pacific/Kiritimati'), tend('Europe/Berlin')]);
    for (const t of [a, b]) {
      await t.store.updatePair(() => ({ code, pairedAt: START, invited: true }));
      t.at(START);
    }
    const ours = await a.ask(view);
    expect(idOf(await b.ask(view))).toBe(idOf(ours));
    const passed = await b.ask((day) => ({ kind: 'hide', day, from: idOf(ours) }));
    expect(passed.pair).toEqual({ ours: true, passedOver: true });
    expect(idOf(passed)).not.toBe(idOf(ours));
    expect(idOf(passed)).not.toBeNull();
    expect(idOf(await a.ask(view))).toBe(idOf(ours));
    // Shown from the list of recent ideas while paired: it shows, and "Our idea" is offered back.
    const shown = await b.ask((day) => ({ kind: 'show', day, ideaId: 'talk-001' }));
    expect(shown.cannotShow).toBeUndefined();
    expect(shown.pair?.ours).toBe(false);
  });

  it('an unpaired Tend picks on its own again, and one whose code cannot be read is not stuck', async () => {
    const a = await tend('Asia/Tokyo');
    await a.store.updatePair(() => ({ code: 'TEND-XXXXX', pairedAt: START, invited: true }));
    expect((await a.ask(view)).pair).toBeNull();
    await a.store.updatePair(() => ({ code, pairedAt: START, invited: true }));
    expect((await a.ask(view)).pair?.ours).toBe(true);
    await a.store.updatePair(() => null);
    const alone = await a.ask(view);
    expect(alone.pair).toBeNull();
    expect(alone.idea).not.toBeNull();
  });
});
