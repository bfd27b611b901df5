/**
 * Sync through the browser's own `storage.sync`, as a merge that loses nothing. Pure.
 *
 * Every item that travels (a setting, a mark of an idea, an own idea, a conversation had, the pairing: see
 * sync-items.ts) is one key, its value an entry with a version: the time of the change and the browser that made it. The
 * newer version wins per key; a deletion is an entry without a value (a tombstone), kept for 90 days so it
 * reaches every browser and the deleted thing does not come back. Merging is a maximum per key over a total
 * order, so any delivery order converges, and merging twice changes nothing.
 *
 * Each browser keeps a shadow: the version and the value it was in step with at its last round. A value that
 * differs from the shadow is an edit made here; a key in the shadow that is gone here was deleted here.
 */

import type { Shadow } from '../model/sync-state';

export const TOMBSTONE_DAYS = 90;
/**
 * A deletion marker is taken out of the browser's sync only this much later than it is forgotten, so browsers
 * whose clocks differ by less than the gap never put it back and take it out in turn.
 */
export const TOMBSTONE_REMOVE_DAYS = 120;
const DAY_MS = 86_400_000;

/** A version of one item: `t` the time of the change (ms), `d` the browser that made it; `v` missing: deleted. */
export interface Entry {
  t: number;
  d: string;
  v?: unknown;
}
export type Entries = Record<string, Entry>;

export type { Seen, Shadow } from '../model/sync-state';

/** JSON with object keys sorted: equal meaning, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isTombstone = (entry: Entry): boolean => entry.v === undefined;
/** The value's canonical JSON, '' for a deletion (canonical text is never ''). */
const textOf = (entry: Entry): string => (isTombstone(entry) ? '' : canonical(entry.v));

/**
 * The total order of versions: later time, then the browser's id, then (one browser writing two values at one
 * millisecond) a deletion before a value and the greater canonical text. > 0: `a` is newer.
 */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.t !== b.t) return a.t - b.t;
  if (a.d !== b.d) return a.d < b.d ? -1 : 1;
  const ta = textOf(a);
  const tb = textOf(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/** Per key the newer entry; tombstones older than TOMBSTONE_DAYS before `now` are dropped. */
export function mergeEntries(a: Entries, b: Entries, now: number): Entries {
  const out: Entries = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    const newer = x && y ? (compareEntries(x, y) >= 0 ? x : y) : (x ?? y);
    if (!newer) continue;
    if (isTombstone(newer) && newer.t < now - TOMBSTONE_DAYS * DAY_MS) continue;
    out[key] = newer;
  }
  return out;
}

/** This browser's items as entries: unchanged ones keep the version they were in step with, edits and deletions get a new one. */
export function localEntries(local: Readonly<Record<string, unknown>>, shadow: Shadow, now: number, device: string): Entries {
  const out: Entries = {};
  for (const key of new Set([...Object.keys(local), ...Object.keys(shadow)])) {
    const seen = shadow[key];
    const next = (seen?.t ?? 0) + 1;
    if (Object.hasOwn(local, key)) {
      const value = local[key];
      if (seen && seen.h === canonical(value)) out[key] = { t: seen.t, d: seen.d, v: value };
      else out[key] = { t: Math.max(now, next), d: device, v: value };
    } else if (seen && seen.h !== '') out[key] = { t: Math.max(now, next), d: device };
    else if (seen) out[key] = { t: seen.t, d: seen.d };
  }
  return out;
}

export interface RoundInput {
  /** The items this browser has now that may travel, by key. */
  local: Readonly<Record<string, unknown>>;
  shadow: Shadow;
  /** What `storage.sync` holds, read and checked (unreadable entries left out and named in `unreadable`). */
  remote: Entries;
  /** Keys whose entry in `storage.sync` could not be read (another Tend's format, damaged): never overwritten. */
  unreadable?: ReadonlySet<string>;
  /**
   * Keys of records this browser has but cannot read (damaged here): neither a value nor a deletion goes out for
   * them, so a damaged record never deletes the healthy copies elsewhere; a value from there repairs it.
   */
  held?: ReadonlySet<string>;
  /**
   * This browser joins (it was never in step: sync just turned on). What it has and the browser's sync has too
   * gives way to what is there (the settings, marks and ideas the other browsers agreed on, and what they
   * deleted); what only it has stays and travels.
   */
  joining?: boolean;
  /** Which of the merged entries fit the browser's quotas (see `quota.ts`); missing: all. */
  fit?: (entries: Entries) => ReadonlySet<string>;
  now: number;
  device: string;
}

export interface RoundResult {
  /** What to write into this browser's database. */
  toLocal: { put: Record<string, unknown>; remove: string[] };
  /** What to write into `storage.sync`. */
  toRemote: { set: Entries; remove: string[] };
  /** The shadow after the round: what this browser is then in step with. */
  shadow: Shadow;
  /** Keys that did not fit the quotas and stay on this browser only. */
  leftHere: string[];
}

/** One round: this browser's changes and the synced ones merged, and what each side needs to be in step. */
export function syncRound(input: RoundInput): RoundResult {
  const { remote, now, device } = input;
  const unreadable = input.unreadable ?? new Set<string>();
  const held = input.held ?? new Set<string>();
  const local = held.size === 0 ? input.local : Object.fromEntries(Object.entries(input.local).filter(([key]) => !held.has(key)));
  const shadowHere: Shadow = {};
  for (const [key, seen] of Object.entries(input.shadow)) if (!held.has(key)) shadowHere[key] = seen;
  const mine = localEntries(local, shadowHere, now, device);
  if (input.joining) {
    for (const [key, entry] of Object.entries(mine)) if (remote[key] && !input.shadow[key]) mine[key] = { ...entry, t: 0 };
  }
  const merged = mergeEntries(mine, remote, now);
  const fits = input.fit ? input.fit(merged) : new Set(Object.keys(merged));

  const toLocal: RoundResult['toLocal'] = { put: {}, remove: [] };
  const toRemote: RoundResult['toRemote'] = { set: {}, remove: [] };
  const shadow: Shadow = {};
  const leftHere: string[] = [];
  for (const [key, entry] of Object.entries(merged)) {
    const text = textOf(entry);
    const here = Object.hasOwn(local, key);
    if (text !== '' && (!here || canonical(local[key]) !== text)) toLocal.put[key] = entry.v;
    if (text === '' && here) toLocal.remove.push(key);
    const there = remote[key];
    const inStep = there !== undefined && compareEntries(there, entry) === 0;
    // The version stays what it is (so it is not stamped anew each round); whether it still has to be written
    // there is told by comparing with what is there.
    shadow[key] = { t: entry.t, d: entry.d, h: text };
    if (!fits.has(key)) {
      // Kept here only, and taken out of there (every browser leaves out the same ones), so the rest still fits.
      leftHere.push(key);
      if (there !== undefined && !unreadable.has(key)) toRemote.remove.push(key);
      continue;
    }
    if (!inStep && !unreadable.has(key)) toRemote.set[key] = entry;
  }
  // A key the merge dropped lost to a deletion old enough to forget: gone there, and gone here too (else it comes back).
  for (const key of Object.keys(local)) if (!Object.hasOwn(merged, key)) toLocal.remove.push(key);
  // A value there that lost to a forgotten deletion goes at once; a forgotten deletion marker itself leaves the
  // browser's sync a month later (see TOMBSTONE_REMOVE_DAYS).
  for (const [key, entry] of Object.entries(remote)) {
    if (Object.hasOwn(merged, key)) continue;
    if (!isTombstone(entry) || entry.t < now - TOMBSTONE_REMOVE_DAYS * DAY_MS) toRemote.remove.push(key);
  }
  return { toLocal, toRemote, shadow, leftHere: leftHere.sort() };
}
