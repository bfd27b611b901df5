import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { defaultPrefs, type Prefs } from '../../model/prefs';
import { presetWindows } from '../../nudges/hours/presets';
import { decodePairCode, encodePairCode, withChoices, type PairCodeError } from '../../together/code/pair-code';
import { MAX_SET_ASIDE, pairChoicesFrom, type PairChoices, type PairPayload } from '../../together/code/pair-payload';
import { libraryFingerprint } from '../../together/code/library-fingerprint';
import {
  makeUpdateCode,
  payloadOf,
  prefsFromChoices,
  sameChoices,
  sharedChoices,
  startPair,
  takeInCode,
  unpair,
} from '../../together/pairing';
import { makeLibrary } from '../helpers';
import { choicesArb, ZONES } from './arbitraries';

const LIBRARY = makeLibrary(20);
const NOW = 1_780_000_000_000;
let counter = 0;
const stores: TendStore[] = [];
/** One simulated Tend: a database of its own. */
function tend(): TendStore {
  const store = createTendStore(`tend-pairing-${++counter}`, { channel: null });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.destroy();
});

const bytes = (n: number) => new Uint8Array(16).fill(n);
const start = (store: TendStore, n = 1, zone = 'Europe/Berlin', now = NOW) => startPair(store, { random: bytes(n), zone, now, library: LIBRARY });
const decoded = (code: string): PairPayload => {
  const result = decodePairCode(code);
  if (!('ok' in result)) throw new Error(`not a code: ${result.error}`);
  return result.ok;
};
const storedPayload = async (store: TendStore) => payloadOf(await store.readPair());
const hide = (store: TendStore, id: string) => store.updateMark(id, (m) => ({ ...m, hidden: true }));
/** The shared fields of a Tend's settings. */
const sharedPrefs = (prefs: Prefs) => prefsFromChoices(pairChoicesFrom(prefs, []));

describe('starting a pair', () => {
  it('writes a code of this Tend: its zone, its shared choices, the library ideas hidden here, counter 1', async () => {
    const store = tend();
    await store.patchPrefs({ windows: presetWindows('weekends'), nudgesPerDay: 2, hiddenCategories: ['play', 'touch'] });
    await hide(store, 'talk-001');
    await hide(store, 'own-abc');
    const { started, pair } = await start(store, 7);
    expect(started).toBe(true);
    expect(pair).toEqual({ code: pair.code, pairedAt: NOW, invited: true });
    expect(await store.readPair()).toEqual(pair);
    const payload = decoded(pair.code);
    expect(payload).toMatchObject({ zone: 'Europe/Berlin', counter: 1, libraryFingerprint: libraryFingerprint(LIBRARY) });
    expect([...payload.secret]).toEqual([...bytes(7)]);
    // Own ideas stay private; kinds in the library's order.
    expect(payload.choices).toEqual(pairChoicesFrom(await store.readPrefs(), ['talk-001']));
    expect(payload.choices.hiddenCategories).toEqual(['touch', 'play']);
  });

  it('a double click pairs once: both clicks end with the one code stored', async () => {
    const store = tend();
    const [a, b] = await Promise.all([start(store, 1), start(store, 2)]);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    expect(a.pair).toEqual(b.pair);
    expect(await store.readPair()).toEqual(a.pair);
  });

  it('a page that missed a pairing made in another tab does not replace it', async () => {
    const store = tend();
    const other = tend();
    const { pair: theirs } = await start(other, 9);
    await takeInCode(store, theirs.code, { now: NOW });
    const stale = await start(store, 3);
    expect(stale.started).toBe(false);
    expect((await store.readPair())?.code).toBe(theirs.code);
  });

  it('a zone a code cannot carry becomes UTC', async () => {
    const store = tend();
    const { pair } = await start(store, 1, 'Not/A_Zone');
    expect(decoded(pair.code).zone).toBe('UTC');
  });
});

describe('taking in a code', () => {
  const withoutOwn = fc.uniqueArray(
    fc.stringMatching(/^[\x21-\x7e]{1,24}$/).filter((id) => !id.startsWith('own-')),
    { maxLength: 6 },
  );

  it('a code from another Tend gives both Tends the same pair, and this Tend its shared choices', async () => {
    await fc.assert(
      fc.asyncProperty(choicesArb, withoutOwn, fc.constantFrom(...ZONES), fc.uint8Array({ minLength: 16, maxLength: 16 }), async (choices, hidden, zone, random) => {
        const inviter = tend();
        const partner = tend();
        await inviter.patchPrefs(prefsFromChoices(choices));
        for (const id of hidden) await hide(inviter, id);
        await partner.patchPrefs({ nudgesPerDay: 5, maxIntensity: 'close', hiddenCategories: ['myths'] });
        const { pair } = await startPair(inviter, { random, zone, now: NOW, library: LIBRARY });
        // Pasted as a messenger may pass it on: lower case, with a line break.
        const pasted = `${pair.code.slice(0, 12).toLowerCase()}\n${pair.code.slice(12)} `;
        const result = await takeInCode(partner, pasted, { now: NOW + 5 });
        expect(result).toMatchObject({ done: 'paired' });
        const [mine, theirs] = await Promise.all([inviter.readPair(), partner.readPair()]);
        expect(theirs).toEqual({ code: mine?.code, pairedAt: NOW + 5, invited: false });
        expect(await storedPayload(partner)).toEqual(await storedPayload(inviter));
        const partnerPrefs = await partner.readPrefs();
        expect(sharedPrefs(partnerPrefs)).toEqual(sharedPrefs(await inviter.readPrefs()));
        // Nothing to send back: the partner's shared choices are the code's.
        const payload = decoded(pair.code);
        expect(sameChoices(payload, sharedChoices(partnerPrefs, [], payload))).toBe(true);
        await Promise.all([inviter.destroy(), partner.destroy()]);
      }),
      { numRuns: 12 },
    );
  });

  it('refuses damaged, cut and foreign text, and writes nothing', async () => {
    const inviter = tend();
    const store = tend();
    const { pair } = await start(inviter);
    const at = pair.code.length - 3;
    const typo = pair.code.slice(0, at) + (pair.code[at] === 'A' ? 'B' : 'A') + pair.code.slice(at + 1);
    const cases: [string, PairCodeError][] = [
      [typo, 'typo'],
      [pair.code.slice(0, 20), 'truncated'],
      ['Tender loving care', 'not-a-code'],
    ];
    for (const [text, error] of cases) {
      expect(await takeInCode(store, text, { now: NOW })).toEqual({ refused: error });
    }
    expect(await store.readPair()).toBeNull();
    expect(await store.readPrefs()).toEqual(defaultPrefs());
  });

  it('a code already had, or an older one, writes nothing; a newer one updates and keeps when this Tend joined', async () => {
    const inviter = tend();
    const partner = tend();
    const { pair: first } = await start(inviter);
    await takeInCode(partner, first.code, { now: NOW + 1 });
    expect(await takeInCode(partner, first.code, { now: NOW + 2 })).toEqual({ refused: 'same' });

    await inviter.patchPrefs({ nudgesPerDay: 3, spacingMinutes: 120, maxMinutes: 20 });
    const update = await makeUpdateCode(inviter, first.code);
    if (!('code' in update)) throw new Error('no update code');
    expect(decoded(update.code).counter).toBe(2);
    expect(await takeInCode(partner, update.code, { now: NOW + 3 })).toMatchObject({ done: 'updated' });
    expect(await partner.readPair()).toEqual({ code: update.code, pairedAt: NOW + 1, invited: false });
    expect(await partner.readPrefs()).toMatchObject({ nudgesPerDay: 3, spacingMinutes: 120, maxMinutes: 20 });

    await partner.patchPrefs({ nudgesPerDay: 1 });
    expect(await takeInCode(partner, first.code, { now: NOW + 4 })).toEqual({ refused: 'older' });
    expect((await partner.readPair())?.code).toBe(update.code);
    expect((await partner.readPrefs()).nudgesPerDay).toBe(1);
  });

  it('a code of another pair pairs anew: a new start, taken in', async () => {
    const store = tend();
    await start(store, 1, 'UTC', NOW);
    const { pair: other } = await start(tend(), 2);
    expect(await takeInCode(store, other.code, { now: NOW + 9 })).toMatchObject({ done: 'paired' });
    expect(await store.readPair()).toEqual({ code: other.code, pairedAt: NOW + 9, invited: false });
  });

  it('applies the choices through the page\'s own save when one is given', async () => {
    const inviter = tend();
    const partner = tend();
    await inviter.patchPrefs({ maxIntensity: 'gentle' });
    const { pair } = await start(inviter);
    const patches: unknown[] = [];
    await takeInCode(partner, pair.code, { now: NOW, savePrefs: async (patch) => void patches.push(patch) });
    expect(patches).toEqual([sharedPrefs(await inviter.readPrefs())]);
  });
});

describe('the code that tells the partner of a change', () => {
  it('is made once per change: counter one up, with the change and the ideas set aside here; the same again writes nothing', async () => {
    const store = tend();
    const { pair } = await start(store);
    expect(await makeUpdateCode(store, pair.code)).toEqual({ code: pair.code, changed: false });
    await store.patchPrefs({ maxIntensity: 'close' });
    await hide(store, 'care-002');
    await hide(store, 'own-xyz');
    const made = await makeUpdateCode(store, pair.code);
    expect(made).toMatchObject({ changed: true });
    const code = (made as { code: string }).code;
    expect(decoded(code)).toMatchObject({ counter: 2, choices: { maxIntensity: 'close', setAside: ['care-002'] } });
    expect((await store.readPair())?.code).toBe(code);
    // A second click, or a render after it: the same code, no new counter.
    expect(await makeUpdateCode(store, pair.code)).toEqual({ code, changed: false });
    expect(await makeUpdateCode(store, code)).toEqual({ code, changed: false });
  });

  it('a page that missed a newer code taken in elsewhere writes nothing', async () => {
    const store = tend();
    const { pair } = await start(store);
    const newer = encodePairCode(withChoices(decoded(pair.code), { ...decoded(pair.code).choices, nudgesPerDay: 4 }));
    // Another tab stored the newer code; this Tend's settings still say 1 a day.
    await store.updatePair((p) => (p ? { ...p, code: newer } : p));
    expect(await makeUpdateCode(store, pair.code)).toEqual({ stale: true });
    expect((await store.readPair())?.code).toBe(newer);
  });

  it('says when there is no pairing', async () => {
    expect(await makeUpdateCode(tend(), 'TEND-AAAAA')).toEqual({ gone: true });
  });
});

describe('the shared choices', () => {
  it("keep the code's ideas set aside, add this Tend's, and stop at the limit", () => {
    const many = Array.from({ length: MAX_SET_ASIDE }, (_, i) => `talk-${String(i).padStart(3, '0')}`);
    const choices: PairChoices = { ...pairChoicesFrom(defaultPrefs(), many) };
    const payload: PairPayload = { secret: bytes(1), zone: 'UTC', choices, libraryFingerprint: 1, counter: 1 };
    const marks = [{ ideaId: 'care-001', favourite: false, hidden: true, triedOn: [] }];
    expect(sharedChoices(defaultPrefs(), marks, payload).setAside).toEqual([...many].sort());
    const fewer = { ...payload, choices: { ...choices, setAside: ['touch-001'] } };
    expect(sharedChoices(defaultPrefs(), marks, fewer).setAside).toEqual(['care-001', 'touch-001']);
  });

  it('mean the same whatever order windows and kinds come in', () => {
    const prefs: Prefs = { ...defaultPrefs(), windows: [[{ start: 600, end: 660 }, { start: 60, end: 120 }], [], [], [], [], [], []], hiddenCategories: ['play', 'care'] };
    const payload: PairPayload = { secret: bytes(1), zone: 'UTC', choices: pairChoicesFrom(prefs, []), libraryFingerprint: 1, counter: 1 };
    const read = decoded(encodePairCode(payload));
    expect(sameChoices(read, sharedChoices(prefs, [], read))).toBe(true);
    expect(sameChoices(read, sharedChoices({ ...prefs, maxMinutes: 30 }, [], read))).toBe(false);
  });
});

describe('stopping', () => {
  it('removes only the pairing', async () => {
    const store = tend();
    await store.patchPrefs({ nudgesPerDay: 2 });
    await hide(store, 'talk-003');
    await start(store);
    expect(await unpair(store)).toBe(true);
    expect(await store.readPair()).toBeNull();
    expect((await store.readPrefs()).nudgesPerDay).toBe(2);
    expect((await store.readAllMarks()).map((m) => m.ideaId)).toEqual(['talk-003']);
    expect(await unpair(store)).toBe(false);
  });
});
