import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ideasJson from '../../assets/library/ideas.json';
import { intensityRank } from '../../ideas/library';
import { parseIdeas, placeOf, type Idea } from '../../model/vocabulary';
import { anotherIdea, createPickerState, todaysIdea } from '../../ideas/picker';
import { type PickerState } from '../../model/records';
import { defaultPrefs } from '../../model/prefs';
import { createPair, decodePairCode, encodePairCode, withChoices } from '../../together/code/pair-code';
import { pairChoicesFrom, type PairChoices, type PairPayload } from '../../together/code/pair-payload';
import { createPairOrderCache, pairIdea, pairPool, PAIR_EPOCH, walkPlace } from '../../together/pair-pick';
import { libraryFingerprint } from '../../together/code/library-fingerprint';
import { addDays, wallToEpoch, zoneDayKey } from '../../together/zone-time';
import { seededRandom } from '../../lib/random';
import { makeLibrary } from '../helpers';
import { choicesArb, inZone } from './arbitraries';

const LIBRARY = parseIdeas(ideasJson);
const decoded = (code: string) => (decodePairCode(code) as { ok: PairPayload }).ok;

/** One simulated Tend: its own clock's zone, its own picker history and marks, the pair it took in. */
interface Tend {
  localZone: string;
  pair: PairPayload;
  picker: PickerState;
  localAside: Set<string>;
  cache: ReturnType<typeof createPairOrderCache>;
}

describe('the pair’s idea', { timeout: 60_000 }, () => {
  it('is the same on two Tends with different histories, marks and zones, every day for 800 days', async () => {
    const next = seededRandom(20261206);
    const invite = createPair(Uint8Array.from({ length: 16 }, () => Math.floor(next() * 256)), {
      zone: 'Europe/Berlin',
      choices: pairChoicesFrom(defaultPrefs(), []),
      libraryFingerprint: libraryFingerprint(LIBRARY),
    });
    const a: Tend = { localZone: 'Asia/Tokyo', pair: invite, picker: createPickerState('a'), localAside: new Set(), cache: createPairOrderCache() };
    const b: Tend = { localZone: 'America/Adak', pair: decoded(encodePairCode(invite)), picker: createPickerState('b'), localAside: new Set(), cache: createPairOrderCache() };
    let pending: { code: string; takenOn: number } | null = null;
    let compared = 0;
    for (let d = 0; d < 800; d++) {
      const pairDay = addDays('2026-01-01', d);
      const shown: { id: string; passedOver: boolean }[] = [];
      for (const tend of [a, b]) {
        // Each Tend opens at its own moment of the pair's day (in Berlin), whatever its local clock says.
        const dayStart = wallToEpoch(tend.pair.zone, pairDay, 0);
        const now = dayStart + Math.floor(next() * (wallToEpoch(tend.pair.zone, pairDay, 1440) - dayStart));
        const result = await inZone(tend.localZone, async () => {
          const day = zoneDayKey(now, tend.pair.zone);
          expect(day).toBe(pairDay);
          // Local history: the Tend's own picker moves on, with "Another idea" presses, as it would unpaired.
          const local = todaysIdea(LIBRARY, defaultPrefs(), new Set(), tend.picker, day);
          if (local.kind === 'idea') tend.picker = local.state;
          if (next() < 0.3) {
            const again = anotherIdea(LIBRARY, defaultPrefs(), new Set(), tend.picker, day);
            if (again.kind === 'idea') tend.picker = again.state;
          }
          return pairIdea({ secret: tend.pair.secret, library: LIBRARY, choices: tend.pair.choices, day, localAside: tend.localAside, cache: tend.cache });
        });
        if (result.kind !== 'idea') throw new Error('no idea');
        expect(tend.localAside.has(result.idea.id)).toBe(false);
        shown.push({ id: result.idea.id, passedOver: result.passedOver });
      }
      const [ia, ib] = shown as [{ id: string; passedOver: boolean }, { id: string; passedOver: boolean }];
      // With the same shared choices taken in, both show the pair's idea (unless one passes over its own set-aside one).
      if (a.pair.counter === b.pair.counter && !ia.passedOver && !ib.passedOver) {
        expect(ia.id, `day ${d}`).toBe(ib.id);
        compared++;
      }
      // Now and then one of them sets today's idea aside: its Tend stores the new shared choices at once;
      // the partner takes in the update code a day or two later.
      if (pending === null && next() < 0.05) {
        const from = next() < 0.5 ? a : b;
        from.localAside.add(ia.id);
        from.pair = withChoices(from.pair, { ...from.pair.choices, setAside: [...new Set([...from.pair.choices.setAside, ia.id])].sort() });
        pending = { code: encodePairCode(from.pair), takenOn: d + Math.floor(next() * 3) };
      }
      if (pending && pending.takenOn <= d) {
        for (const tend of [a, b]) tend.pair = decoded(pending.code);
        pending = null;
      }
    }
    expect(a.pair.choices.setAside.length).toBeGreaterThan(5);
    expect(compared).toBeGreaterThan(700);
  }, 60_000);

  it('never repeats within a cycle, and comes to every idea of the pool in each cycle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 16, maxLength: 16 }), choicesArb, fc.integer({ min: -3, max: 6 }), async (secret, choices, cycle) => {
        const library = makeLibrary(120);
        const pool = pairPool(library, choices);
        fc.pre(pool.length > 0);
        const cache = createPairOrderCache();
        const first = cycle * pool.length;
        const ids: string[] = [];
        for (let i = first; i < first + pool.length; i++) {
          const result = await pairIdea({ secret, library, choices, day: addDays(PAIR_EPOCH, i), cache });
          if (result.kind !== 'idea') throw new Error('no idea');
          expect(result.cycle).toBe(cycle);
          ids.push(result.idea.id);
        }
        expect([...ids].sort()).toEqual(pool.map((idea) => idea.id));
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('respects the shared choices: together ideas only, kinds, closeness, minutes, and ideas set aside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 16, maxLength: 16 }), choicesArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 60 }), async (secret, choices0, dayIndex, asideCount) => {
        const library = makeLibrary(150);
        const choices: PairChoices = { ...choices0, setAside: library.slice(0, asideCount).map((idea) => idea.id).sort() };
        const result = await pairIdea({ secret, library, choices, day: addDays(PAIR_EPOCH, dayIndex) });
        if (result.kind === 'empty') {
          expect(pairPool(library, choices)).toEqual([]);
          return;
        }
        const idea: Idea = result.idea;
        expect(idea.mode).toBe('together');
        expect(choices.hiddenCategories).not.toContain(idea.category);
        expect(intensityRank(idea.intensity)).toBeLessThanOrEqual(intensityRank(choices.maxIntensity));
        expect(idea.minutes).toBeLessThanOrEqual(choices.maxMinutes);
        expect(choices.setAside).not.toContain(idea.id);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('changes at the pair’s midnight, not at each Tend’s', async () => {
    const pair = createPair(new Uint8Array(16).fill(7), { zone: 'America/New_York', choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 0 });
    const midnight = wallToEpoch('America/New_York', '2026-03-08', 0);
    const at = async (time: number, local: string) =>
      inZone(local, async () => {
        const r = await pairIdea({ secret: pair.secret, library: LIBRARY, choices: pair.choices, day: zoneDayKey(time, pair.zone) });
        return r.kind === 'idea' ? r.idea.id : null;
      });
    const before = await at(midnight - 1, 'Asia/Tokyo');
    expect(await at(midnight - 1, 'Pacific/Kiritimati')).toBe(before);
    const after = await at(midnight, 'America/Adak');
    expect(await at(midnight, 'Asia/Tokyo')).toBe(after);
    expect(after).not.toBe(before);
  });

  it('passes over an idea set aside here only, and says so; with nothing else left it is empty', async () => {
    const secret = new Uint8Array(16).fill(3);
    const library = makeLibrary(60);
    const choices = pairChoicesFrom(defaultPrefs(), []);
    const day = '2026-05-01';
    const shared = await pairIdea({ secret, library, choices, day });
    const tomorrow = await pairIdea({ secret, library, choices, day: addDays(day, 1) });
    if (shared.kind !== 'idea' || tomorrow.kind !== 'idea') throw new Error('no idea');
    expect(shared.passedOver).toBe(false);
    const here = await pairIdea({ secret, library, choices, day, localAside: new Set([shared.idea.id]) });
    expect(here).toMatchObject({ kind: 'idea', passedOver: true, idea: tomorrow.idea });
    const all = new Set(pairPool(library, choices).map((idea) => idea.id));
    expect(await pairIdea({ secret, library, choices, day, localAside: all })).toEqual({ kind: 'empty', reason: 'aside' });
    expect(await pairIdea({ secret, library: library.filter((i) => i.mode === 'solo'), choices, day })).toEqual({ kind: 'empty', reason: 'choices' });
  });

  it('living apart, the pair’s pool holds only ideas that work apart; living together, none made for apart', () => {
    const together = pairChoicesFrom({ ...defaultPrefs(), maxIntensity: 'close' }, []);
    const apart = { ...together, apart: true };
    const places = (choices: PairChoices) => new Set(pairPool(LIBRARY, choices).map(placeOf));
    expect(places(apart)).toEqual(new Set(['apart', 'either']));
    expect(places(together)).toEqual(new Set(['together', 'either']));
    expect(pairPool(LIBRARY, apart).length).toBeGreaterThanOrEqual(40);
  });

  it('has its own order for each pair and each cycle, and ignores own ideas', async () => {
    const library = makeLibrary(100);
    const choices = pairChoicesFrom({ ...defaultPrefs(), maxIntensity: 'close' }, []);
    const walk = async (fill: number, from: number) => {
      const ids: string[] = [];
      for (let i = from; i < from + 10; i++) {
        const r = await pairIdea({ secret: new Uint8Array(16).fill(fill), library, choices, day: addDays(PAIR_EPOCH, i) });
        ids.push(r.kind === 'idea' ? r.idea.id : '');
      }
      return ids;
    };
    const size = pairPool(library, choices).length;
    expect(await walk(1, 0)).not.toEqual(await walk(2, 0));
    expect(await walk(1, 0)).not.toEqual(await walk(1, size));
    const own: Idea = { id: 'own-1', category: 'touch', text: 'Mine', minutes: 1, mode: 'together', intensity: 'gentle', own: true };
    expect(pairPool([...library, own], choices)).toEqual(pairPool(library, choices));
    expect(walkPlace(-1, 10)).toEqual({ cycle: -1, position: 9 });
    expect(libraryFingerprint([...library, own])).toBe(libraryFingerprint([...library].reverse()));
    expect(libraryFingerprint(library.slice(1))).not.toBe(libraryFingerprint(library));
  });
});
