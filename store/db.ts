/**
 * The store: typed verbs over one lazily opened connection (open-db.ts opens it). Records are validated on the
 * way out, so a damaged record falls back to defaults instead of breaking a page. Every
 * write is a read-change-write in one transaction against what is stored, and every
 * committed write is announced to the other open Tend pages (`onChange`).
 */
import { deleteDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { addHistoryIn, type HistoryStore } from './history';
import { openTendDb } from './open-db';
import { GENERATION_KEY, KEEP_LIMITS, putMark, valid, type PrefsPatch, type Replacement, type Snapshot, type Store, type StoreCore, type TendDB } from './schema';
import { type StoreChange, DB_NAME, storeChannelName } from '../model/store-channel';
import type { PickerState } from '../model/records';
import { validatePrefs, type Prefs, type ValidatedPrefs } from '../model/prefs';
import type { RemovedCheckIn, RemovedOwnIdea } from './db-undo';
import {
  blankMark,
  isBlankMark,
  parseCheckIn,
  parseHistoryEntry,
  parseMark,
  parseNudgeState,
  parseOwnIdea,
  parsePickerState,
  parseTalkRecord,
  type CheckIn,
  type HistoryEntry,
  type Mark,
  type OwnIdea,
  type TalkRecord,
} from '../model/records';
import { sameJson } from '../lib/same-json';
import type { NudgeState } from '../model/nudge-state';
import { PAIR_KEY, parsePairState, type PairState } from '../model/pair';
import { parseTrackProgress, type TrackProgress } from '../model/track-progress';
import type { SyncState } from '../model/sync-state';
import type { SyncCompute } from './db-sync';
import { newestDays } from '../lib/day';

export type TendStore = ReturnType<typeof createTendStore>;

export interface StoreOptions {
  now?: () => number;
  /** Channel name for change announcements; null turns them off (tests of one context). */
  channel?: string | null;
}

/** Typed verbs over one lazily opened connection. */
export function createTendStore(name = DB_NAME, options: StoreOptions = {}) {
  const now = options.now ?? Date.now;
  const channelName = options.channel === undefined ? storeChannelName(name) : options.channel;
  let connection: Promise<IDBPDatabase<TendDB>> | null = null;
  let sender: BroadcastChannel | null = null;
  const db = () => {
    connection ??= openTendDb(name, now).then(
      (opened) => {
        opened.addEventListener('close', () => (connection = null));
        opened.addEventListener('versionchange', () => {
          opened.close();
          connection = null;
        });
        return opened;
      },
      (error: unknown) => {
        connection = null;
        throw error;
      },
    );
    return connection;
  };

  function announce(change: StoreChange): void {
    if (channelName === null || typeof BroadcastChannel === 'undefined') return;
    sender ??= quiet(new BroadcastChannel(channelName));
    sender.postMessage(change);
  }

  /** Runs `work` in one transaction over `stores`, announces the change once it is committed (null: the caller does). */
  async function write<S extends Store[], T>(
    stores: S,
    change: StoreChange | null,
    work: (tx: IDBPTransaction<TendDB, S, 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    const tx = (await db()).transaction(stores, 'readwrite');
    const done = tx.done;
    done.catch(() => {});
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      throw error;
    }
    await done;
    if (change !== null) announce(change);
    return result;
  }

  /** Preferences, and which stored fields were damaged and fell back to defaults. */
  async function readPrefsChecked(): Promise<ValidatedPrefs> {
    return validatePrefs(await (await db()).get('prefs', 'prefs'));
  }

  async function readAllMarks(): Promise<Mark[]> {
    return valid(await (await db()).getAll('marks'), parseMark);
  }

  async function readState<T>(key: string, parse: (raw: unknown) => T): Promise<T> {
    return parse(await (await db()).get('state', key));
  }

  /**
   * Read-change-write of one state record; `change` returning the same object writes nothing, and
   * then nothing is announced either (the worker checks the nudge state at every popup opening).
   */
  async function updateState<T>(key: string, parse: (raw: unknown) => T, change: (value: T) => T): Promise<T> {
    let wrote = false;
    const next = await write(['state'], null, async (tx) => {
      const current = parse(await tx.objectStore('state').get(key));
      const changed = change(current);
      wrote = changed !== current;
      if (wrote) await tx.objectStore('state').put(changed, key);
      return changed;
    });
    if (wrote) announce(key === 'setup' ? 'setup' : key === 'sync' ? 'sync' : 'state');
    return next;
  }

  // The seldom-used verbs live in db-rare.ts, loaded on their first call (the popup never needs them).
  const core: StoreCore = { db, now, write, announce };
  const rare = () => import('./db-rare');
  const once = () => import('./db-undo');

  return {
    readPrefs: async (): Promise<Prefs> => (await readPrefsChecked()).prefs,
    readPrefsChecked,
    /**
     * Writes only the fields in `patch`, onto what is stored now (never a page's older copy). A function
     * patch computes the fields from the stored preferences (a set-like field changed by one member).
     */
    async patchPrefs(patch: PrefsPatch): Promise<Prefs> {
      let wrote = false;
      const next = await write(['prefs'], null, async (tx) => {
        const raw: unknown = await tx.objectStore('prefs').get('prefs');
        const stored = validatePrefs(raw).prefs;
        const changed = validatePrefs({ ...stored, ...(typeof patch === 'function' ? patch(stored) : patch) }).prefs;
        wrote = !sameJson(raw, changed);
        if (wrote) await tx.objectStore('prefs').put(changed, 'prefs');
        return changed;
      });
      if (wrote) announce('prefs');
      return next;
    },
    readState,
    updateState,
    async readPickerState(): Promise<PickerState | null> {
      return parsePickerState(await (await db()).get('state', 'picker'));
    },
    /**
     * Stores a new pick only if the stored picker state is still `before` (what the page computed from);
     * otherwise another page moved on first, and nothing is written. Returns whether it was written.
     */
    async commitPick(before: PickerState | null, next: PickerState, shown: HistoryEntry | null): Promise<boolean> {
      const wrote = await write(['state', 'history'], null, async (tx) => {
        const stored = parsePickerState(await tx.objectStore('state').get('picker'));
        // Moved on elsewhere, or already so (its history was written with it): nothing to write.
        if (!sameJson(stored, before) || sameJson(stored, next)) return false;
        await tx.objectStore('state').put(next, 'picker');
        if (shown) await addHistoryIn(tx.objectStore('history') as HistoryStore, shown, now());
        return true;
      });
      // Only a write that changed something is announced: pages that ask again on every announcement stay quiet.
      if (wrote) announce('picker');
      return wrote;
    },
    async readNudgeState(): Promise<NudgeState> {
      return parseNudgeState(await (await db()).get('state', 'nudge'));
    },
    /** Read-change-write in one transaction, so two contexts cannot interleave. */
    updateNudgeState: (change: (state: NudgeState) => NudgeState): Promise<NudgeState> =>
      updateState('nudge', parseNudgeState, change),
    async addHistory(entry: HistoryEntry): Promise<void> {
      await write(['history'], 'history', (tx) => addHistoryIn(tx.objectStore('history') as HistoryStore, entry, now()));
    },
    /** History entries on or after `sinceDay`, newest first. */
    async readHistorySince(sinceDay: string): Promise<HistoryEntry[]> {
      const raw = await (await db()).getAllFromIndex('history', 'by-day', IDBKeyRange.lowerBound(sinceDay));
      return valid(raw, parseHistoryEntry).sort((a, b) => b.at - a.at);
    },
    readAllMarks,
    async updateMark(ideaId: string, change: (mark: Mark) => Mark): Promise<Mark> {
      let wrote = false;
      const mark = await write(['marks'], null, async (tx) => {
        const raw: unknown = await tx.objectStore('marks').get(ideaId);
        const current = parseMark(raw) ?? blankMark(ideaId);
        const changed = change(current);
        const next = { ...changed, triedOn: newestDays(changed.triedOn, KEEP_LIMITS.triedDays) };
        wrote = isBlankMark(next) ? raw !== undefined : !sameJson(raw, next);
        if (wrote) await putMark(tx.objectStore('marks'), next);
        return next;
      });
      if (wrote) announce('marks');
      return mark;
    },
    /** Every hidden idea shown again, in one transaction. */
    unhideAll: async (): Promise<void> => (await rare()).unhideAll(core),

    async readCheckIns(): Promise<CheckIn[]> {
      return valid(await (await db()).getAll('checkins'), parseCheckIn).sort((a, b) => b.at - a.at);
    },
    /** Adds a check-in (or puts one back after Undo); the oldest go beyond the limit. */
    putCheckIn: async (checkIn: CheckIn): Promise<void> => (await rare()).putCheckIn(core, checkIn),
    deleteCheckIn: async (id: string): Promise<void> => (await rare()).deleteCheckIn(core, id),
    /** A new check-in, added once: the same id again changes nothing (false). */
    addCheckIn: async (checkIn: CheckIn): Promise<boolean> => (await once()).addCheckIn(core, checkIn),
    /** Deletes one check-in and says what `restoreCheckIn` needs to put it back (null: it was gone). */
    removeCheckIn: async (id: string): Promise<RemovedCheckIn | null> => (await once()).removeCheckIn(core, id),
    restoreCheckIn: async (removed: RemovedCheckIn): Promise<boolean> => (await once()).restoreCheckIn(core, removed),
    clearCheckIns: async (): Promise<void> => (await rare()).clearCheckIns(core),

    async readOwnIdeas(): Promise<OwnIdea[]> {
      return valid(await (await db()).getAll('ownIdeas'), parseOwnIdea).sort((a, b) => a.createdAt - b.createdAt);
    },
    /** How many stored own-idea records could not be read (shown as a note in Settings). */
    countDamagedOwnIdeas: async (): Promise<number> => (await rare()).countDamagedOwnIdeas(core),
    /**
     * Adds or replaces own ideas in one transaction. Refuses (returns false, writes nothing) when the
     * result would hold more than the limit.
     */
    putOwnIdeas: async (ideas: OwnIdea[]): Promise<boolean> => (await rare()).putOwnIdeas(core, ideas),
    editOwnIdea: async (idea: OwnIdea): Promise<'saved' | 'gone'> => (await rare()).editOwnIdea(core, idea),
    deleteOwnIdea: async (id: string): Promise<void> => (await rare()).deleteOwnIdea(core, id),
    removeOwnIdea: async (id: string): Promise<RemovedOwnIdea | null> => (await once()).removeOwnIdea(core, id),
    restoreOwnIdea: async (removed: RemovedOwnIdea): Promise<boolean> => (await once()).restoreOwnIdea(core, removed),
    /** Undo of "Not for us", refused (false) when the pick or the mark changed since. */
    undoHide: async (ideaId: string, before: PickerState, after: PickerState): Promise<boolean> =>
      (await once()).undoHide(core, ideaId, before, after),
    /** "Start Tend", written only if the welcome was not finished elsewhere (null then). */
    finishSetup: async (patch: PrefsPatch, at: number): Promise<Prefs | null> => (await once()).finishSetup(core, patch, at),
    /** The data's generation (db-undo.ts): renewed by every wipe or import, it ends every pending Undo. */
    readGeneration: (): Promise<string | null> => readState(GENERATION_KEY, (raw) => (typeof raw === 'string' ? raw : null)),
    readPair: (): Promise<PairState | null> => readState(PAIR_KEY, parsePairState),
    /** Read-change-write of the pairing (null: unpaired); a change returning what it was given writes nothing. */
    updatePair: async (change: (pair: PairState | null) => PairState | null): Promise<PairState | null> =>
      (await rare()).updatePair(core, change),

    async readTalks(): Promise<TalkRecord[]> {
      return valid(await (await db()).getAll('talks'), parseTalkRecord);
    },
    recordTalk: async (talkId: string, day: string): Promise<void> => (await rare()).recordTalk(core, talkId, day),
    readTracks: async (): Promise<TrackProgress[]> => valid(await (await db()).getAll('tracks'), parseTrackProgress),
    /** Read-change-write of the tracks' records (tracks/track-rules.ts decides); the same array writes nothing. */
    updateTracks: async (change: (all: TrackProgress[]) => TrackProgress[]): Promise<TrackProgress[]> => (await rare()).updateTracks(core, change),
    /** One round of sync (db-sync.ts): `compute` sees what is stored and says what to write, in one transaction. */
    syncRound: async (compute: SyncCompute): Promise<SyncState | null> => (await import('./db-sync')).syncRoundIn(core, compute),

    readSnapshot: async (): Promise<Snapshot> => (await rare()).readSnapshot(core),
    /** Replaces everything a person keeps in one transaction: if any write fails, nothing changes. */
    replaceAll: async (snapshot: Replacement): Promise<void> => (await rare()).replaceAll(core, snapshot),
    /** "Delete all data": every store emptied, as on a fresh install (the welcome counts as done). */
    clearAll: async (): Promise<void> => (await rare()).clearAll(core),
    /** Hears about writes made by any Tend page or the worker (not those of this very store object). */
    onChange(listener: (change: StoreChange) => void): () => void {
      if (channelName === null || typeof BroadcastChannel === 'undefined') return () => {};
      const channel = quiet(new BroadcastChannel(channelName));
      channel.onmessage = (event: MessageEvent) => listener(event.data as StoreChange);
      return () => channel.close();
    },
    /** Tell other pages about a change made outside this store (a database deleted and made anew). */
    announce,
    async close(): Promise<void> {
      if (connection) await connection.then((c) => c.close(), () => {});
      connection = null;
      sender?.close();
      sender = null;
    },
    /** "Start fresh" after a database that cannot be opened: delete it (other pages step aside) and begin anew. */
    async destroy(): Promise<void> {
      if (connection) await connection.then((c) => c.close(), () => {});
      connection = null;
      await deleteDB(name);
      announce('all');
      sender?.close();
      sender = null;
    },
  };
}

/** Node's BroadcastChannel keeps a test process alive; pages ignore this. */
function quiet(channel: BroadcastChannel): BroadcastChannel {
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}
