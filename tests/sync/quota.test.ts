/**
 * What travels through the browser's sync (sync/quota.ts): never over the quotas, settings and the pairing
 * first, then marks and conversations, then own ideas newest first, and the same choice on every browser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entries, Entry } from '../../sync/merge';
import { entryBytes, fitQuota, keyKind, SYNC_QUOTA } from '../../sync/quota';

const T = Date.UTC(2026, 11, 7, 12);
const text = (length: number) => 'x'.repeat(length);
const idea = (createdAt: number, length = 10): Entry => ({ t: T, d: 'a', v: { createdAt, text: text(length) } });

/** A key of each kind, from a small pool so kinds crowd each other out. */
const keyArb = fc.oneof(
  fc.constant('pair'),
  fc.constantFrom('p:', 'f:', 't:', 'o:').chain((prefix) => fc.integer({ min: 0, max: 9 }).map((n) => `${prefix}${n}`)),
);
/**
 * An entry of any size; an own idea has a `createdAt` (few values, so ties happen), other kinds may have one
 * too (it must not lift them over their rank); some are deletions.
 */
const entryFor = (key: string): fc.Arbitrary<Entry> => {
  const own = keyKind(key) === 'own';
  const v = fc.record({ createdAt: fc.integer({ min: 0, max: 5 }), text: fc.string({ maxLength: 300 }) }, { requiredKeys: own ? ['createdAt', 'text'] : ['text'] });
  return fc.record({ t: fc.integer({ min: T - 5, max: T }), d: fc.constantFrom('a', 'b'), v }, { requiredKeys: ['t', 'd'] });
};
const entriesArb: fc.Arbitrary<Entries> = fc
  .uniqueArray(keyArb, { maxLength: 25 })
  .chain((keys) => fc.tuple(...keys.map((key) => entryFor(key).map((entry) => [key, entry] as const))))
  .map((pairs) => Object.fromEntries(pairs));
/** Small quotas, so every one of them binds now and then. */
const quotaArb = fc.record({ totalBytes: fc.integer({ min: 0, max: 2_500 }), itemBytes: fc.integer({ min: 20, max: 400 }), items: fc.integer({ min: 0, max: 12 }) });

const bytesOf = (entries: Entries, keys: Iterable<string>): number => [...keys].reduce((sum, key) => sum + entryBytes(key, entries[key] as Entry), 0);
const only = (entries: Entries, keep: (key: string) => boolean): Entries => Object.fromEntries(Object.entries(entries).filter(([key]) => keep(key)));
const sorted = (keys: Iterable<string>): string[] => [...keys].sort();
const createdAt = (entry: Entry): number | undefined => (entry.v as { createdAt?: number } | undefined)?.createdAt;

describe('entryBytes', () => {
  it('counts the key and the entry as JSON, in UTF-8 bytes', () => {
    const entry: Entry = { t: 1, d: 'a', v: 'é' };
    expect(entryBytes('p:a', entry)).toBe(3 + JSON.stringify(entry).length + 1);
  });
});

describe('SYNC_QUOTA', () => {
  it('keeps under what Chrome allows (100 KB in all, 8 KB an item, 512 items)', () => {
    expect(SYNC_QUOTA.totalBytes).toBeLessThan(102_400);
    expect(SYNC_QUOTA.itemBytes).toBeLessThan(8_192);
    expect(SYNC_QUOTA.items).toBeLessThan(512);
  });
});

describe('fitQuota, by example', () => {
  it('fits everything there is room for', () => {
    const entries: Entries = { 'p:look': { t: T, d: 'a', v: { theme: 'dark' } }, 'f:1': { t: T, d: 'a', v: ['done'] }, 'o:1': idea(1) };
    expect(sorted(fitQuota(entries))).toEqual(['f:1', 'o:1', 'p:look']);
  });

  it('leaves out an item over the per-item size, and still fits smaller ones after it', () => {
    const entries: Entries = { 'p:big': { t: T, d: 'a', v: text(SYNC_QUOTA.itemBytes) }, 'f:1': { t: T, d: 'a', v: 1 } };
    expect(sorted(fitQuota(entries))).toEqual(['f:1']);
  });

  it('fills the room with settings and the pairing before marks and conversations', () => {
    const entries: Entries = { 'f:1': { t: T, d: 'a', v: 1 }, 't:1': { t: T, d: 'a', v: 1 }, pair: { t: T, d: 'a', v: 1 }, 'p:a': { t: T, d: 'a', v: 1 } };
    expect(sorted(fitQuota(entries, { ...SYNC_QUOTA, items: 2 }))).toEqual(['p:a', 'pair']);
  });

  it('fits own ideas newest first, a deleted one before them all', () => {
    const entries: Entries = { 'o:old': idea(1), 'o:new': idea(3), 'o:mid': idea(2), 'o:gone': { t: T, d: 'a' }, 'f:1': { t: T, d: 'a', v: 1 } };
    expect(sorted(fitQuota(entries, { ...SYNC_QUOTA, items: 4 }))).toEqual(['f:1', 'o:gone', 'o:mid', 'o:new']);
  });
});

describe('fitQuota, for any entries', () => {
  // Never over any of the three quotas.
  it('keeps within the total bytes, the item count and the per-item bytes', () => {
    fc.assert(
      fc.property(entriesArb, quotaArb, (entries, quota) => {
        const fits = fitQuota(entries, quota);
        for (const key of fits) {
          expect(entries).toHaveProperty([key]);
          expect(entryBytes(key, entries[key] as Entry)).toBeLessThanOrEqual(quota.itemBytes);
        }
        expect(fits.size).toBeLessThanOrEqual(quota.items);
        expect(bytesOf(entries, fits)).toBeLessThanOrEqual(quota.totalBytes);
      }),
      { numRuns: 200 },
    );
  });

  // Greedy, not stingy: what is left out would not have fit beside what was taken (over the item size, over the
  // total, or no item left).
  it('leaves nothing out that would have fit beside the rest', () => {
    fc.assert(
      fc.property(entriesArb, quotaArb, (entries, quota) => {
        const fits = fitQuota(entries, quota);
        const used = bytesOf(entries, fits);
        for (const key of Object.keys(entries)) {
          if (fits.has(key)) continue;
          const size = entryBytes(key, entries[key] as Entry);
          expect(size > quota.itemBytes || used + size > quota.totalBytes || fits.size >= quota.items).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Lower kinds never take room from higher ones: what fits of the first kinds is the same with or without the
  // later ones. Settings and the pairing come first; then marks and conversations; then own ideas, a deleted one
  // first and the rest newest first (every idea created at or after a time fits as if the older ones were not there).
  it('puts settings and the pairing first, then marks and conversations, then own ideas newest first', () => {
    fc.assert(
      fc.property(entriesArb, quotaArb, (entries, quota) => {
        const fits = fitQuota(entries, quota);
        const prefixes: ((key: string) => boolean)[] = [
          (key) => ['prefs', 'pair'].includes(keyKind(key)),
          (key) => keyKind(key) !== 'own',
          (key) => keyKind(key) !== 'own' || createdAt(entries[key] as Entry) === undefined,
        ];
        for (const entry of Object.values(entries)) {
          const since = createdAt(entry);
          if (since !== undefined) prefixes.push((key) => keyKind(key) !== 'own' || (createdAt(entries[key] as Entry) ?? Infinity) >= since);
        }
        for (const inPrefix of prefixes) {
          const head = only(entries, inPrefix);
          expect(sorted(fitQuota(head, quota))).toEqual(sorted([...fits].filter(inPrefix)));
        }
      }),
      { numRuns: 150 },
    );
  });

  // Every browser decides the same way: the choice depends on the entries only, not on the order of their keys.
  it('is deterministic, whatever the order of the keys', () => {
    fc.assert(
      fc.property(
        entriesArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(Object.entries(entries), { minLength: Object.keys(entries).length }))),
        quotaArb,
        ([entries, shuffled], quota) => {
          const fits = sorted(fitQuota(entries, quota));
          expect(sorted(fitQuota(Object.fromEntries(shuffled), quota))).toEqual(fits);
          expect(sorted(fitQuota(structuredClone(entries), quota))).toEqual(fits);
        },
      ),
      { numRuns: 200 },
    );
  });
});
