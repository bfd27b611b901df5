/**
 * The sync's pure core (sync/merge.ts). What must hold: the merge is a pure function; any delivery order among
 * three browsers converges to one state; merging (and a round) twice changes nothing; an edit newer than a
 * deletion is never dropped; an older deleted item never comes back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonical,
  compareEntries,
  type Entries,
  type Entry,
  localEntries,
  mergeEntries,
  type RoundResult,
  type Shadow,
  syncRound,
  TOMBSTONE_DAYS,
  TOMBSTONE_REMOVE_DAYS,
} from '../../sync/merge';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);
const KEYS = ['p:look', 'pair', 'f:i1', 't:c1', 'o:x'] as const;
const DEVICES = ['a', 'b', 'c'] as const;

/** A few values; the last two mean the same with their keys in another order. */
const VALUES: unknown[] = [0, 1, 'x', null, true, [1, 2], { a: 1, b: [2] }, { b: [2], a: 1 }];
const valueArb = fc.oneof(fc.constantFrom(...VALUES), fc.jsonValue({ maxDepth: 2 }));
const keyArb = fc.constantFrom(...KEYS);
const deviceArb = fc.constantFrom(...DEVICES);
/** Times a few milliseconds apart, so equal times (and equal time and device) happen often. */
const nearTime = fc.integer({ min: NOW - 3, max: NOW + 1 });
/** Near times, or one long enough ago that a tombstone of then is gone. */
const anyTime = fc.oneof(nearTime, fc.constant(NOW - (TOMBSTONE_DAYS + 10) * DAY));
/** An entry: a value, or (no `v`) a deletion. */
const entryArb = (time = nearTime): fc.Arbitrary<Entry> => fc.record({ t: time, d: deviceArb, v: valueArb }, { requiredKeys: ['t', 'd'] });
const entriesArb = (time = nearTime): fc.Arbitrary<Entries> => fc.dictionary(keyArb, entryArb(time), { maxKeys: KEYS.length });

const has = (record: object, key: string): boolean => Object.hasOwn(record, key);
const isValue = (entry: Entry): boolean => entry.v !== undefined;
/** A quota check under which every key fits except those in `unfit`. */
const fitAllBut = (unfit: ReadonlySet<string>) => (entries: Entries) => new Set(Object.keys(entries).filter((k) => !unfit.has(k)));

/** Items after a round's `toLocal` is applied. */
function applyLocal(local: Readonly<Record<string, unknown>>, change: RoundResult['toLocal']): Record<string, unknown> {
  const out = { ...local, ...change.put };
  for (const key of change.remove) delete out[key];
  return out;
}

/** A copy of storage.sync after a `set` and `remove` of its own: what `storage.sync` does, overwriting. */
function writeInto(copy: Entries, change: RoundResult['toRemote']): Entries {
  const out = { ...copy, ...change.set };
  for (const key of change.remove) delete out[key];
  return out;
}

const writesNothing = (r: RoundResult): boolean =>
  Object.keys(r.toLocal.put).length === 0 && r.toLocal.remove.length === 0 && Object.keys(r.toRemote.set).length === 0 && r.toRemote.remove.length === 0;

describe('compareEntries', () => {
  it('orders by time, then the browser, then (one browser, one millisecond) a deletion before a value', () => {
    expect(compareEntries({ t: 2, d: 'a' }, { t: 1, d: 'z', v: 1 })).toBeGreaterThan(0);
    expect(compareEntries({ t: 1, d: 'b' }, { t: 1, d: 'a', v: 1 })).toBeGreaterThan(0);
    expect(compareEntries({ t: 1, d: 'a', v: 0 }, { t: 1, d: 'a' })).toBeGreaterThan(0);
    expect(compareEntries({ t: 1, d: 'a', v: { a: 1, b: 2 } }, { t: 1, d: 'a', v: { b: 2, a: 1 } })).toBe(0);
  });

  // A total order: antisymmetric, transitive, and equal only for the same version of the same meaning.
  it('is a total order on versions', () => {
    fc.assert(
      fc.property(entryArb(), entryArb(), entryArb(), (x, y, z) => {
        expect(Math.sign(compareEntries(x, y))).toBe(-Math.sign(compareEntries(y, x)) || 0);
        const same = x.t === y.t && x.d === y.d && canonical(x.v) === canonical(y.v) && isValue(x) === isValue(y);
        expect(compareEntries(x, y) === 0).toBe(same);
        if (compareEntries(x, y) <= 0 && compareEntries(y, z) <= 0) expect(compareEntries(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeEntries', () => {
  const merge = (x: Entries, y: Entries): Entries => mergeEntries(x, y, NOW);
  const same = (x: Entries, y: Entries) => expect(canonical(x)).toBe(canonical(y));

  // Delivery order does not matter: a ⊔ b = b ⊔ a, (a ⊔ b) ⊔ c = a ⊔ (b ⊔ c).
  it('is commutative and associative', () => {
    fc.assert(
      fc.property(entriesArb(), entriesArb(), entriesArb(), (a, b, c) => {
        same(merge(a, b), merge(b, a));
        same(merge(merge(a, b), c), merge(a, merge(b, c)));
      }),
      { numRuns: 200 },
    );
  });

  // Delivering something twice changes nothing: a ⊔ a = a, (a ⊔ b) ⊔ b = a ⊔ b.
  it('is idempotent', () => {
    fc.assert(
      fc.property(entriesArb(), entriesArb(), (a, b) => {
        same(merge(a, a), a);
        same(merge(merge(a, b), b), merge(a, b));
      }),
      { numRuns: 200 },
    );
  });

  // Per key the newer of the two, which is one of them: nothing invented, nothing newer lost.
  it('keeps per key the newer entry of the two', () => {
    fc.assert(
      fc.property(entriesArb(), entriesArb(), (a, b) => {
        const m = merge(a, b);
        expect(Object.keys(m).sort()).toEqual([...new Set([...Object.keys(a), ...Object.keys(b)])].sort());
        for (const [key, entry] of Object.entries(m)) {
          expect([a[key], b[key]]).toContain(entry);
          for (const other of [a[key], b[key]]) if (other) expect(compareEntries(entry, other)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Purging old tombstones depends only on the winner, so the order of delivery still does not matter.
  it('stays commutative with tombstones old enough to drop', () => {
    fc.assert(
      fc.property(entriesArb(anyTime), entriesArb(anyTime), (a, b) => {
        same(merge(a, b), merge(b, a));
      }),
      { numRuns: 200 },
    );
  });

  it(`drops a tombstone older than ${TOMBSTONE_DAYS} days and keeps a fresher one, and any value however old`, () => {
    const old = NOW - TOMBSTONE_DAYS * DAY - 1;
    const fresh = NOW - TOMBSTONE_DAYS * DAY + 1;
    const merged = merge({ 'o:gone': { t: old, d: 'a' }, 'o:kept': { t: fresh, d: 'a' }, 'o:value': { t: old, d: 'a', v: 1 } }, {});
    expect(merged).toEqual({ 'o:kept': { t: fresh, d: 'a' }, 'o:value': { t: old, d: 'a', v: 1 } });
  });

  it('lets an old tombstone win over an older value, then drops both', () => {
    const old = NOW - (TOMBSTONE_DAYS + 1) * DAY;
    expect(merge({ 'o:x': { t: old, d: 'a' } }, { 'o:x': { t: old - 1, d: 'b', v: 1 } })).toEqual({});
  });
});

describe('localEntries', () => {
  it('keeps the version of what is unchanged, and gives edits and deletions a new one after what was seen', () => {
    const shadow: Shadow = { same: { t: 5, d: 'b', h: canonical({ a: 1, b: 2 }) }, edited: { t: 5, d: 'b', h: '1' }, gone: { t: 5, d: 'b', h: '1' }, dead: { t: 5, d: 'b', h: '' } };
    const local = { same: { b: 2, a: 1 }, edited: 2, fresh: 3 };
    expect(localEntries(local, shadow, 3, 'a')).toEqual({
      same: { t: 5, d: 'b', v: { b: 2, a: 1 } },
      edited: { t: 6, d: 'a', v: 2 }, // the clock is behind what was seen: still newer
      gone: { t: 6, d: 'a' },
      dead: { t: 5, d: 'b' },
      fresh: { t: 3, d: 'a', v: 3 },
    });
  });
});

describe('syncRound, by example', () => {
  const round = (local: Record<string, unknown>, shadow: Shadow, remote: Entries, now: number, device = 'a') =>
    syncRound({ local, shadow, remote, now, device });

  it('keeps an edit made here that is newer than a deletion there', () => {
    const r = round({ k: 2 }, { k: { t: 1, d: 'a', h: '1' } }, { k: { t: 5, d: 'b' } }, 10);
    expect(r.toRemote.set).toEqual({ k: { t: 10, d: 'a', v: 2 } });
    expect(r.toLocal).toEqual({ put: {}, remove: [] });
  });

  it('takes a deletion there that is newer than an edit here', () => {
    const r = round({ k: 2 }, { k: { t: 1, d: 'a', h: '1' } }, { k: { t: 15, d: 'b' } }, 10);
    expect(r.toLocal).toEqual({ put: {}, remove: ['k'] });
    expect(r.toRemote).toEqual({ set: {}, remove: [] });
    expect(r.shadow).toEqual({ k: { t: 15, d: 'b', h: '' } });
  });

  it('does not bring back an item deleted elsewhere that was unchanged here', () => {
    const r = round({ k: 1 }, { k: { t: 1, d: 'a', h: '1' } }, { k: { t: 2, d: 'b' } }, 100);
    expect(r.toLocal.remove).toEqual(['k']);
    expect(r.toRemote.set).toEqual({});
  });

  it('writes again what this browser was in step with when storage.sync holds an older version', () => {
    const r = round({ k: 2 }, { k: { t: 9, d: 'b', h: '2' } }, { k: { t: 4, d: 'c', v: 1 } }, 10);
    expect(r.toRemote.set).toEqual({ k: { t: 9, d: 'b', v: 2 } });
  });

  it('takes a deletion there that is old enough to drop: the item goes here too, and does not come back', () => {
    const old = NOW - (TOMBSTONE_DAYS + 1) * DAY;
    const r = round({ k: 1 }, { k: { t: old - 5, d: 'a', h: '1' } }, { k: { t: old, d: 'b' } }, NOW);
    expect(r.toLocal).toEqual({ put: {}, remove: ['k'] });
    // Forgotten here, but left there for another month: a browser whose clock is behind does not write it back.
    expect(r.toRemote).toEqual({ set: {}, remove: [] });
    expect(r.shadow).toEqual({});
    expect(round({}, r.shadow, {}, NOW + 1)).toEqual(round({}, {}, {}, NOW + 1));
  });

  it(`forgets a tombstone older than ${TOMBSTONE_DAYS} days, and takes it out of storage.sync after ${TOMBSTONE_REMOVE_DAYS}`, () => {
    const now = NOW;
    const remote: Entries = {
      gone: { t: now - TOMBSTONE_REMOVE_DAYS * DAY - 1, d: 'b' },
      old: { t: now - TOMBSTONE_DAYS * DAY - 1, d: 'b' },
      fresh: { t: now - TOMBSTONE_DAYS * DAY + 1, d: 'b' },
    };
    // This browser was in step with all three deletions.
    const shadow = Object.fromEntries(Object.entries(remote).map(([k, e]) => [k, { ...e, h: '' }]));
    const r = round({}, shadow, remote, now);
    expect(r.toRemote).toEqual({ set: {}, remove: ['gone'] });
    expect(r.shadow).toEqual({ fresh: { t: now - TOMBSTONE_DAYS * DAY + 1, d: 'b', h: '' } });
  });

  // Two browsers an hour apart, at the end of a deletion marker's life: neither writes it back after the other
  // forgot it, so they do not take turns writing it (each write wakes the other's round).
  it('two browsers with clocks an hour apart settle on a forgotten tombstone without writing', () => {
    const HOUR = 3_600_000;
    const marker: Entry = { t: NOW - TOMBSTONE_DAYS * DAY - HOUR / 2, d: 'b' };
    let remote: Entries = { k: marker };
    const ahead = round({}, { k: { ...marker, h: '' } }, remote, NOW);
    expect(ahead.toRemote).toEqual({ set: {}, remove: [] });
    remote = writeInto(remote, ahead.toRemote);
    const behind = round({}, { k: { ...marker, h: '' } }, remote, NOW - HOUR);
    expect(behind.toRemote).toEqual({ set: {}, remove: [] });
  });
});

/** One round's input, anything at all: items, a shadow, what storage.sync holds, unreadable keys, keys that do not fit. */
const roundArb = fc
  .record({
    local: fc.dictionary(keyArb, valueArb, { maxKeys: KEYS.length }),
    shadow: fc.dictionary(
      keyArb,
      fc.record({ t: anyTime, d: deviceArb, h: fc.oneof(fc.constant(''), fc.constantFrom(...VALUES).map(canonical)) }),
      { maxKeys: KEYS.length },
    ),
    remote: entriesArb(anyTime),
    unreadable: fc.subarray<string>([...KEYS]),
    unfit: fc.subarray<string>([...KEYS]),
    now: nearTime,
    device: deviceArb,
  })
  .map(({ remote, unreadable, unfit, ...rest }) => ({
    ...rest,
    // An unreadable entry is left out of what was read (RoundInput.remote).
    remote: Object.fromEntries(Object.entries(remote).filter(([key]) => !unreadable.includes(key))) as Entries,
    unreadable: new Set<string>(unreadable),
    unfit: new Set<string>(unfit),
  }));

describe('syncRound, for any input', () => {
  // A round is in step with its own result: applied, and run again at once, it writes nothing and sees the same.
  it('writes nothing when run again right after its own result is applied', () => {
    fc.assert(
      fc.property(roundArb, fc.boolean(), ({ local, shadow, remote, unreadable, unfit, now, device }, withFit) => {
        const fit = withFit ? fitAllBut(unfit) : undefined;
        const first = syncRound({ local, shadow, remote, unreadable, fit, now, device });
        const again = syncRound({
          local: applyLocal(local, first.toLocal),
          shadow: first.shadow,
          remote: writeInto(remote, first.toRemote),
          unreadable,
          fit,
          now,
          device,
        });
        expect(again.toLocal).toEqual({ put: {}, remove: [] });
        expect(again.toRemote).toEqual({ set: {}, remove: [] });
        expect(canonical(again.shadow)).toBe(canonical(first.shadow));
        expect(again.leftHere).toEqual(first.leftHere);
      }),
      { numRuns: 200 },
    );
  });

  // An entry another Tend wrote (or that is damaged) is never overwritten nor removed.
  it('never writes nor removes an unreadable key', () => {
    fc.assert(
      fc.property(roundArb, ({ local, shadow, remote, unreadable, now, device }) => {
        const r = syncRound({ local, shadow, remote, unreadable, now, device });
        for (const key of unreadable) {
          expect(r.toRemote.set).not.toHaveProperty(key);
          expect(r.toRemote.remove).not.toContain(key);
        }
      }),
      { numRuns: 200 },
    );
  });

  // What does not fit stays here: named in leftHere, not written there, not taken away here, and not counted as
  // in step (so it travels once there is room).
  it('keeps what does not fit on this browser, and only here', () => {
    fc.assert(
      fc.property(roundArb, ({ local, shadow, remote, unfit, now, device }) => {
        const r = syncRound({ local, shadow, remote, fit: fitAllBut(unfit), now, device });
        const mine = localEntries(local, shadow, now, device);
        // A tombstone old enough to drop is gone before quotas count, and removed from storage.sync whether it fits or not.
        const kept = mergeEntries(mine, remote, now);
        for (const key of unfit) {
          if (!has(kept, key)) continue;
          expect(r.toRemote.set).not.toHaveProperty(key);
          // Taken out of there (every browser leaves out the same ones), so the rest fits.
          expect(r.toRemote.remove.includes(key)).toBe(has(remote, key));
          expect(r.leftHere).toContain(key);
          // Its version is kept as merged: not stamped anew at every round.
          expect(r.shadow[key]).toMatchObject({ t: kept[key]!.t, d: kept[key]!.d });
          const there = remote[key];
          const ours = mine[key];
          if (ours && (!there || compareEntries(ours, there) >= 0)) {
            // This browser's version is the newest: the item stays as it is here.
            expect(r.toLocal.put).not.toHaveProperty(key);
            expect(r.toLocal.remove).not.toContain(key);
          }
        }
        for (const key of r.leftHere) expect(unfit.has(key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // A version taken from storage.sync while there was no room for it is the one this browser is in step with:
  // once there is room, the next round (nothing edited) writes nothing, and a newer edit elsewhere still wins.
  it('does not turn a version it was handed while out of room into an edit of its own', () => {
    fc.assert(
      fc.property(roundArb, ({ local, shadow, remote, unfit, now, device }) => {
        const first = syncRound({ local, shadow, remote, fit: fitAllBut(unfit), now, device });
        const mine = localEntries(local, shadow, now, device);
        const next = syncRound({ local: applyLocal(local, first.toLocal), shadow: first.shadow, remote: writeInto(remote, first.toRemote), now: now + 1, device });
        for (const key of unfit) {
          const there = remote[key];
          const ours = mine[key];
          const taken = there && (!ours || compareEntries(there, ours) > 0);
          // With room again it may be written there again, but as the version it was handed, not as an edit here.
          const written = next.toRemote.set[key];
          if (taken && written) expect({ t: written.t, d: written.d }).toEqual({ t: there.t, d: there.d });
        }
      }),
      { numRuns: 200 },
    );
  });

});

describe('syncRound, out of room', () => {
  it('lets a newer edit elsewhere win over an item it was handed while out of room', () => {
    const handed: Entry = { t: NOW - 10, d: 'b', v: { createdAt: 1, text: 'hi' } };
    const first = syncRound({ local: {}, shadow: {}, remote: { 'o:1': handed }, fit: () => new Set(), now: NOW, device: 'a' });
    expect(first.toLocal.put).toEqual({ 'o:1': handed.v });
    expect(first.leftHere).toEqual(['o:1']);
    // B edits it; A, with room now and nothing edited, runs again later.
    const edited: Entry = { t: NOW + 5, d: 'b', v: { createdAt: 1, text: 'hello' } };
    const next = syncRound({ local: applyLocal({}, first.toLocal), shadow: first.shadow, remote: { 'o:1': edited }, now: NOW + 10, device: 'a' });
    expect(next.toLocal.put).toEqual({ 'o:1': edited.v });
    expect(next.toRemote.set).toEqual({});
  });

  it('lets a newer edit elsewhere win over a deletion it was handed while out of room', () => {
    const first = syncRound({
      local: { 'o:1': 1 },
      shadow: { 'o:1': { t: NOW - 20, d: 'a', h: '1' } },
      remote: { 'o:1': { t: NOW - 10, d: 'b' } },
      fit: () => new Set(),
      now: NOW,
      device: 'a',
    });
    expect(first.toLocal.remove).toEqual(['o:1']);
    const edited: Entry = { t: NOW + 5, d: 'c', v: 2 };
    const next = syncRound({ local: applyLocal({ 'o:1': 1 }, first.toLocal), shadow: first.shadow, remote: { 'o:1': edited }, now: NOW + 10, device: 'a' });
    expect(next.toLocal.put).toEqual({ 'o:1': 2 });
    expect(next.toRemote.set).toEqual({});
  });
});

// ——— Three browsers ———

const SIM_KEYS = ['f:i1', 'o:x'] as const;
type Change = RoundResult['toRemote'];

interface Browser {
  device: string;
  clock: number;
  local: Record<string, unknown>;
  /** The items as they were right after this browser's last round: what differs now was edited or deleted here. */
  after: Record<string, unknown>;
  shadow: Shadow;
  /** This browser's copy of storage.sync. */
  copy: Entries;
}

/** How writes travel between the browsers' copies of storage.sync. */
interface Network {
  /** A round on browser `from` wrote `change` into its own copy. */
  send(from: number, change: Change): void;
  /** One pending delivery, chosen by `pick`, happens; `again`: it stays pending and may happen once more. */
  step(pick: number, again: boolean): void;
  busy(): boolean;
  /** What a server holds, where there is one: then the same as every copy, in the end. */
  server?(): Entries;
}

/**
 * Each copy receives the others' writes in any order, any number of times, and keeps per key the newer version.
 * The merge's own promise: delivery order and repetition do not matter.
 */
function anyOrderNetwork(browsers: Browser[]): Network {
  const pending: { to: number; change: Change }[] = [];
  return {
    send(from, change) {
      for (const to of [0, 1, 2]) if (to !== from) pending.push({ to, change });
    },
    step(pick, again) {
      if (pending.length === 0) return;
      const i = pick % pending.length;
      const { to, change } = pending[i] as { to: number; change: Change };
      if (!again) pending.splice(i, 1);
      const browser = browsers[to] as Browser;
      const copy = { ...browser.copy };
      for (const [key, entry] of Object.entries(change.set)) {
        const held = copy[key];
        if (!held || compareEntries(entry, held) > 0) copy[key] = entry;
      }
      for (const key of change.remove) delete copy[key];
      browser.copy = copy;
    },
    busy: () => pending.length > 0,
  };
}

/**
 * Like storage.sync itself: each browser's writes reach a server in the order made (interleaved with the
 * others' in any order, a write possibly twice), and the server's writes reach every other browser in the
 * server's order, late. Every arrival overwrites, whatever its version: an older write can land over a newer one.
 */
function serverNetwork(browsers: Browser[]): Network {
  const up: Change[][] = [[], [], []];
  const down: Change[][] = [[], [], []];
  let server: Entries = {};
  return {
    send(from, change) {
      (up[from] as Change[]).push(change);
    },
    step(pick, again) {
      const queues = [...up.map((queue, b) => ({ queue, b, isUp: true })), ...down.map((queue, b) => ({ queue, b, isUp: false }))].filter(
        ({ queue }) => queue.length > 0,
      );
      if (queues.length === 0) return;
      const { queue, b, isUp } = queues[pick % queues.length] as (typeof queues)[number];
      const change = (again ? queue[0] : queue.shift()) as Change;
      if (isUp) {
        server = writeInto(server, change);
        for (const to of [0, 1, 2]) if (to !== b) (down[to] as Change[]).push(change);
      } else (browsers[b] as Browser).copy = writeInto((browsers[b] as Browser).copy, change);
    },
    busy: () => [...up, ...down].some((queue) => queue.length > 0),
    server: () => server,
  };
}

type Command =
  | { kind: 'edit'; b: number; key: string; value: unknown }
  | { kind: 'delete'; b: number; key: string }
  | { kind: 'round'; b: number; dt: number }
  | { kind: 'deliver'; pick: number; again: boolean };

const browserArb = fc.integer({ min: 0, max: 2 });
const simKeyArb = fc.constantFrom(...SIM_KEYS);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), b: browserArb, key: simKeyArb, value: fc.constantFrom(...VALUES) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), b: browserArb, key: simKeyArb }), weight: 2 },
  // A round, after the browser's clock moved (possibly not at all, possibly back a little).
  { arbitrary: fc.record({ kind: fc.constant('round' as const), b: browserArb, dt: fc.integer({ min: -1, max: 3 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(30), again: fc.boolean() }), weight: 5 },
);
/** Each browser's clock: skewed against the others by a few ms, often equal. */
const skewsArb = fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }));

/**
 * Plays the commands on browsers A, B and C, then delivers everything and runs rounds until all is quiet.
 * Returns the browsers and, per key, the newest version anyone made: an edit or a deletion is made when a round
 * finds the item changed since the browser's last round, with the version that round gives it (`localEntries`).
 */
function simulate(commands: Command[], skews: [number, number, number], makeNetwork: (browsers: Browser[]) => Network) {
  const browsers: Browser[] = ['A', 'B', 'C'].map((device, i) => ({ device, clock: NOW + skews[i]!, local: {}, after: {}, shadow: {}, copy: {} }));
  const at = (b: number): Browser => browsers[b] as Browser;
  const network = makeNetwork(browsers);
  const newest = new Map<string, Entry>();

  const round = (b: number): boolean => {
    const browser = at(b);
    const { local, after, shadow, copy, clock, device } = browser;
    const mine = localEntries(local, shadow, clock, device);
    for (const key of new Set([...Object.keys(local), ...Object.keys(after)])) {
      if (has(local, key) === has(after, key) && canonical(local[key]) === canonical(after[key])) continue;
      // Changed here: a version of this browser's, newer than any it had seen of the key.
      const entry = mine[key] as Entry;
      const seen = shadow[key];
      expect(entry.d).toBe(device);
      expect(canonical(entry.v)).toBe(canonical(local[key]));
      if (seen) expect(entry.t > seen.t || (entry.t === seen.t && entry.d > seen.d)).toBe(true);
      const best = newest.get(key);
      if (!best || compareEntries(entry, best) > 0) newest.set(key, entry);
    }
    const r = syncRound({ local, shadow, remote: copy, now: clock, device });
    expect(r.leftHere).toEqual([]);
    browser.local = applyLocal(local, r.toLocal);
    browser.after = browser.local;
    browser.copy = writeInto(copy, r.toRemote);
    browser.shadow = r.shadow;
    if (Object.keys(r.toRemote.set).length > 0 || r.toRemote.remove.length > 0) network.send(b, r.toRemote);
    return writesNothing(r);
  };

  for (const command of commands) {
    if (command.kind === 'edit') at(command.b).local = { ...at(command.b).local, [command.key]: command.value };
    else if (command.kind === 'delete') {
      const { [command.key]: _, ...rest } = at(command.b).local;
      at(command.b).local = rest;
    } else if (command.kind === 'round') {
      at(command.b).clock += command.dt;
      round(command.b);
    } else network.step(command.pick, command.again);
  }

  // Everything arrives; every browser runs rounds until none of them has anything to write.
  for (let pass = 0; ; pass++) {
    while (network.busy()) network.step(0, false);
    const quiet = [0, 1, 2].map(round).every(Boolean);
    if (quiet && !network.busy()) break;
    if (pass === 10) throw new Error('not quiet after 10 passes');
  }
  return { browsers, newest, server: network.server?.() };
}

/** All browsers hold the same items and the same storage.sync, and per key what the newest version says. */
function expectConverged({ browsers, newest, server }: ReturnType<typeof simulate>): void {
  const [first] = browsers as [Browser];
  for (const browser of browsers) {
    expect(canonical(browser.local)).toBe(canonical(first.local));
    expect(canonical(browser.copy)).toBe(canonical(first.copy));
  }
  if (server) expect(canonical(server)).toBe(canonical(first.copy));
  for (const key of SIM_KEYS) {
    const entry = newest.get(key);
    if (!entry) {
      expect(has(first.local, key)).toBe(false);
      expect(has(first.copy, key)).toBe(false);
      continue;
    }
    expect(compareEntries(first.copy[key] as Entry, entry)).toBe(0);
    if (isValue(entry)) expect(canonical(first.local[key])).toBe(canonical(entry.v)); // an edit newer than a deletion stays
    else expect(has(first.local, key)).toBe(false); // a deletion newer than an edit is not undone
  }
}

describe('three browsers', () => {
  it('converge on the newest version of every key, whatever the order and repetition of delivery', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 20, maxLength: 50, size: 'max' }), skewsArb, (commands, skews) => {
        expectConverged(simulate(commands, skews, anyOrderNetwork));
      }),
      { numRuns: 150 },
    );
  });

  it('converge on the newest version of every key when storage.sync overwrites newer with older', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 20, maxLength: 50, size: 'max' }), skewsArb, (commands, skews) => {
        expectConverged(simulate(commands, skews, serverNetwork));
      }),
      { numRuns: 150 },
    );
  });

  it('converge in a hand-made case: a deletion on one, an older edit and a newer edit on the others', () => {
    const commands: Command[] = [
      { kind: 'edit', b: 0, key: 'o:x', value: 1 },
      { kind: 'round', b: 0, dt: 0 },
      { kind: 'deliver', pick: 0, again: false },
      { kind: 'deliver', pick: 0, again: false },
      { kind: 'round', b: 1, dt: 0 },
      { kind: 'round', b: 2, dt: 0 },
      { kind: 'delete', b: 0, key: 'o:x' },
      { kind: 'edit', b: 1, key: 'o:x', value: 'older' },
      { kind: 'edit', b: 2, key: 'o:x', value: 'newer' },
      { kind: 'round', b: 1, dt: 1 },
      { kind: 'round', b: 0, dt: 2 },
      { kind: 'round', b: 2, dt: 3 },
    ];
    const result = simulate(commands, [0, 0, 0], serverNetwork);
    expectConverged(result);
    expect(result.browsers.map((b) => b.local['o:x'])).toEqual(['newer', 'newer', 'newer']);
  });
});

describe('syncRound, a browser that joins', () => {
  it('gives way to what the others agreed on and deleted, and adds what only it has', () => {
    const remote: Entries = {
      'p:look': { t: 100, d: 'aa', v: { palette: 'sage' } },
      'o:shared': { t: 100, d: 'aa', v: 'from the others' },
      'o:gone': { t: 100, d: 'aa' },
    };
    const local = { 'p:look': { palette: 'dusk' }, 'o:shared': 'mine', 'o:mine': 'only here', 'o:gone': 'still here' };
    const joined = syncRound({ local, shadow: {}, remote, joining: true, now: 5_000, device: 'bb' });
    expect(joined.toLocal.put).toEqual({ 'p:look': { palette: 'sage' }, 'o:shared': 'from the others' });
    // Deleted on the others (an own idea's id is its own: this is the very idea): gone here too.
    expect(joined.toLocal.remove).toEqual(['o:gone']);
    expect(Object.keys(joined.toRemote.set).sort()).toEqual(['o:mine']);
    // Not joining (it was in step before), the same values here are edits made here, newer than the others'.
    const edited = syncRound({ local, shadow: { 'o:other': { t: 1, d: 'bb', h: '"x"' } }, remote, now: 5_000, device: 'bb' });
    expect(edited.toLocal.put).toEqual({});
    expect(edited.toRemote.set['p:look']).toEqual({ t: 5_000, d: 'bb', v: { palette: 'dusk' } });
  });
});
