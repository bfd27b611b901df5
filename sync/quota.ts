/**
 * What fits into the browser's sync: Chrome allows 100 KB in all, 8 KB an item and 512 items (Firefox the
 * same or more); Tend keeps under them with room to spare. Which entries travel is decided the same way on
 * every browser: settings and the pairing first, then marks, conversations and deletions, then own ideas,
 * newest first. Pure.
 */
import type { Entries, Entry } from './merge';

export const SYNC_QUOTA = { totalBytes: 90_000, itemBytes: 8_000, items: 500 } as const;
/** Limits to fit within: SYNC_QUOTA, or (in tests) others. */
export type SyncQuota = Readonly<Record<keyof typeof SYNC_QUOTA, number>>;

const encoder = new TextEncoder();

/** Bytes an item takes in `storage.sync`: its key and its value as JSON, in UTF-8 (as Chrome counts). */
export function entryBytes(key: string, entry: Entry): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(entry)).length;
}

/** The kind of an item by its key: 'p:' a setting, 'pair', 'f:' 'h:' 'y:' an idea's marks, 't:' a conversation, 'o:' an own idea. */
export const keyKind = (key: string): 'prefs' | 'pair' | 'marks' | 'talks' | 'own' | 'other' =>
  key === 'pair' ? 'pair' : key.startsWith('p:') ? 'prefs' : /^[fhy]:/.test(key) ? 'marks' : key.startsWith('t:') ? 'talks' : key.startsWith('o:') ? 'own' : 'other';

const RANK = { prefs: 0, pair: 0, marks: 1, talks: 1, other: 1, own: 2 } as const;

const createdAt = (entry: Entry): number => {
  const v = entry.v as { createdAt?: unknown } | undefined;
  return typeof v?.createdAt === 'number' ? v.createdAt : Number.MAX_SAFE_INTEGER;
};

/** The keys that travel: by rank, own ideas newest first (a deleted one first of all: it is small), within the quotas. */
export function fitQuota(entries: Entries, quota: SyncQuota = SYNC_QUOTA): Set<string> {
  const order = Object.keys(entries).sort((a, b) => {
    const ra = RANK[keyKind(a)];
    const rb = RANK[keyKind(b)];
    if (ra !== rb) return ra - rb;
    const ca = createdAt(entries[a] as Entry);
    const cb = createdAt(entries[b] as Entry);
    if (ca !== cb) return cb - ca;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const fits = new Set<string>();
  let bytes = 0;
  for (const key of order) {
    const size = entryBytes(key, entries[key] as Entry);
    if (size > quota.itemBytes || bytes + size > quota.totalBytes || fits.size >= quota.items) continue;
    fits.add(key);
    bytes += size;
  }
  return fits;
}
