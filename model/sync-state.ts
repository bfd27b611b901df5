/**
 * This browser's part of sync, kept in the 'state' store under 'sync' and never exported or synced: whether
 * it is on, this browser's id, what it was last in step with (the shadow), and what the last round said. Pure.
 */
import type { Prefs } from './prefs';
import type { Mark, OwnIdea, TalkRecord } from './records';
import type { PairState } from './pair';
import { isRecord } from '../lib/record';

export const SYNC_KEY = 'sync';

/** What this browser was in step with for one item: the version, and the value's canonical JSON ('' when deleted). */
export interface Seen {
  t: number;
  d: string;
  h: string;
}
export type Shadow = Record<string, Seen>;

/** This browser's data, as far as it may travel (sync/sync-items.ts makes items of it). */
export interface SyncableData {
  prefs: Prefs;
  marks: readonly Mark[];
  ownIdeas: readonly OwnIdea[];
  talks: readonly TalkRecord[];
  pair: PairState | null;
  /** Keys of records stored here that cannot be read (damaged): sync neither sends them nor deletes them elsewhere. */
  held?: readonly string[];
}

/** What a round changes of one idea's marks. */
export interface MarkPatch {
  ideaId: string;
  favourite?: boolean;
  hidden?: boolean;
  triedOn?: string[];
}

/** A round's local writes, as the records of each store. */
export interface LocalChanges {
  prefs: Partial<Prefs> | null;
  /** Per idea, the marks that changed (favourite, set aside, tried days); the others stay as stored. */
  markPatches: MarkPatch[];
  putOwnIdeas: OwnIdea[];
  removeOwnIdeas: string[];
  putTalks: TalkRecord[];
  removeTalks: string[];
  /** undefined: the pairing stays; null: it ends; a state: this pairing. */
  pair: PairState | null | undefined;
}

export interface SyncState {
  on: boolean;
  /** This browser's id in versions: 16 hex digits from crypto.getRandomValues ('' until sync is first on). */
  device: string;
  shadow: Shadow;
  /** When the last round ended in step (ms), or null. */
  lastAt: number | null;
  /** Own ideas that travel, of all there are (when not all fit), or null. */
  ownTravel: { travel: number; total: number } | null;
  /** Items in the browser's sync that could not be read at the last round (skipped). */
  unreadable: number;
  /** The last round could not write to the browser's sync (quota, offline): it tries again. */
  failed: boolean;
}

export const emptySyncState = (): SyncState => ({ on: false, device: '', shadow: {}, lastAt: null, ownTravel: null, unreadable: 0, failed: false });

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The stored record checked; a damaged shadow is dropped (the next round then merges everything anew, losing nothing). */
export function parseSyncState(raw: unknown): SyncState {
  const empty = emptySyncState();
  if (!isRecord(raw)) return empty;
  const device = typeof raw.device === 'string' && /^[0-9a-f]{16}$/.test(raw.device) ? raw.device : '';
  const shadow: Shadow = {};
  if (isRecord(raw.shadow)) {
    for (const [key, seen] of Object.entries(raw.shadow)) {
      if (isRecord(seen) && typeof seen.t === 'number' && typeof seen.d === 'string' && typeof seen.h === 'string') shadow[key] = { t: seen.t, d: seen.d, h: seen.h };
    }
  }
  const own = isRecord(raw.ownTravel) && isCount(raw.ownTravel.travel) && isCount(raw.ownTravel.total) ? { travel: raw.ownTravel.travel, total: raw.ownTravel.total } : null;
  return {
    on: raw.on === true && device !== '',
    device,
    shadow,
    lastAt: typeof raw.lastAt === 'number' && Number.isFinite(raw.lastAt) ? raw.lastAt : null,
    ownTravel: own,
    unreadable: isCount(raw.unreadable) ? raw.unreadable : 0,
    failed: raw.failed === true,
  };
}
