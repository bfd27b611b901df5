/**
 * The one IndexedDB database. Only this file calls openDB. Records are validated on the
 * way out, so a damaged record falls back to defaults instead of breaking a page.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PickerState } from './picker';
import { validatePrefs, type Prefs, type ValidatedPrefs } from './prefs';
import {
  parseHistoryEntry,
  parseMark,
  parseNudgeState,
  parsePickerState,
  type HistoryEntry,
  type Mark,
} from './records';
import type { NudgeState } from './schedule';

export const DB_NAME = 'tend';
export const DB_VERSION = 2;

export interface TendDB extends DBSchema {
  /** One record under the key 'prefs'; stored as written, validated on read. */
  prefs: { key: string; value: unknown };
  /** App state under 'picker' and 'nudge'. */
  state: { key: string; value: unknown };
  history: { key: number; value: HistoryEntry; indexes: { 'by-day': string } };
  marks: { key: string; value: Mark };
}

/** Everything a person has in Tend, as export and import move it. */
export interface Snapshot {
  prefs: Prefs;
  marks: Mark[];
  history: HistoryEntry[];
  picker: PickerState | null;
}

export async function openTendDb(name = DB_NAME): Promise<IDBPDatabase<TendDB>> {
  const db = await openDB<TendDB>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // Cumulative steps: each brings a database of the version before it one step on. Never edit a released step.
      if (oldVersion < 1) {
        database.createObjectStore('prefs');
        database.createObjectStore('state');
        database.createObjectStore('history', { keyPath: 'seq', autoIncrement: true });
      }
      if (oldVersion < 2) {
        // v2: marks (favourite, tried, hidden), history by day, and prefs.theme renamed to themeMode.
        database.createObjectStore('marks', { keyPath: 'ideaId' });
        tx.objectStore('history').createIndex('by-day', 'day');
        const prefsStore = tx.objectStore('prefs');
        void prefsStore.get('prefs').then((old) => {
          if (old && typeof old === 'object' && 'theme' in old) {
            const { theme, ...rest } = old as Record<string, unknown>;
            void prefsStore.put({ themeMode: theme, ...rest }, 'prefs');
          }
        });
      }
    },
    blocking() {
      // A newer version wants to open (another Tend page after an update): step aside.
      db.close();
    },
  });
  return db;
}

export type TendStore = ReturnType<typeof createTendStore>;

/** Typed verbs over one lazily opened connection. */
export function createTendStore(name = DB_NAME) {
  let connection: Promise<IDBPDatabase<TendDB>> | null = null;
  const db = () => {
    connection ??= openTendDb(name).then((opened) => {
      opened.addEventListener('close', () => (connection = null));
      opened.addEventListener('versionchange', () => {
        opened.close();
        connection = null;
      });
      return opened;
    });
    return connection;
  };

  async function readPrefs(): Promise<Prefs> {
    return (await readPrefsChecked()).prefs;
  }

  /** Preferences, and which stored fields were damaged and fell back to defaults. */
  async function readPrefsChecked(): Promise<ValidatedPrefs> {
    return validatePrefs(await (await db()).get('prefs', 'prefs'));
  }

  async function readAllMarks(): Promise<Mark[]> {
    const raw = await (await db()).getAll('marks');
    return raw.map(parseMark).filter((m): m is Mark => m !== null);
  }

  async function updateMark(ideaId: string, change: (mark: Mark) => Mark): Promise<Mark> {
    const tx = (await db()).transaction('marks', 'readwrite');
    const current = parseMark(await tx.store.get(ideaId)) ?? { ideaId, favourite: false, hidden: false, triedOn: [] };
    const next = change(current);
    if (!next.favourite && !next.hidden && next.triedOn.length === 0) await tx.store.delete(ideaId);
    else await tx.store.put(next);
    await tx.done;
    return next;
  }

  return {
    readPrefs,
    readPrefsChecked,
    async writePrefs(prefs: Prefs): Promise<void> {
      await (await db()).put('prefs', prefs, 'prefs');
    },
    async readPickerState(): Promise<PickerState | null> {
      return parsePickerState(await (await db()).get('state', 'picker'));
    },
    async writePickerState(state: PickerState): Promise<void> {
      await (await db()).put('state', state, 'picker');
    },
    async readNudgeState(): Promise<NudgeState> {
      return parseNudgeState(await (await db()).get('state', 'nudge'));
    },
    /** Read-change-write in one transaction, so two contexts cannot interleave. */
    async updateNudgeState(change: (state: NudgeState) => NudgeState): Promise<NudgeState> {
      const tx = (await db()).transaction('state', 'readwrite');
      const next = change(parseNudgeState(await tx.store.get('nudge')));
      await tx.store.put(next, 'nudge');
      await tx.done;
      return next;
    },
    async addHistory(entry: HistoryEntry): Promise<void> {
      await (await db()).add('history', entry);
    },
    /** History entries on or after `sinceDay`, newest first. */
    async readHistorySince(sinceDay: string): Promise<HistoryEntry[]> {
      const raw = await (await db()).getAllFromIndex('history', 'by-day', IDBKeyRange.lowerBound(sinceDay));
      return raw
        .map(parseHistoryEntry)
        .filter((e): e is HistoryEntry => e !== null)
        .sort((a, b) => b.at - a.at);
    },
    readAllMarks,
    updateMark,
    async readSnapshot(): Promise<Snapshot> {
      const database = await db();
      const tx = database.transaction(['prefs', 'state', 'history', 'marks']);
      const [rawPrefs, rawPicker, rawHistory, rawMarks] = await Promise.all([
        tx.objectStore('prefs').get('prefs'),
        tx.objectStore('state').get('picker'),
        tx.objectStore('history').getAll(),
        tx.objectStore('marks').getAll(),
      ]);
      await tx.done;
      return {
        prefs: validatePrefs(rawPrefs).prefs,
        picker: parsePickerState(rawPicker),
        history: rawHistory.map(parseHistoryEntry).filter((e): e is HistoryEntry => e !== null),
        marks: rawMarks.map(parseMark).filter((m): m is Mark => m !== null),
      };
    },
    /** Replaces everything in one transaction: if any write fails, nothing changes. */
    async replaceAll(snapshot: Snapshot): Promise<void> {
      const tx = (await db()).transaction(['prefs', 'state', 'history', 'marks'], 'readwrite');
      const done = tx.done;
      const pending: Promise<unknown>[] = [];
      // Each request is watched from the start, so an abort does not leave unhandled rejections behind.
      const queue = (request: Promise<unknown>) => {
        request.catch(() => {});
        pending.push(request);
      };
      try {
        queue(tx.objectStore('prefs').put(snapshot.prefs, 'prefs'));
        queue(tx.objectStore('history').clear());
        queue(tx.objectStore('marks').clear());
        for (const { day, ideaId, at } of snapshot.history) queue(tx.objectStore('history').add({ day, ideaId, at }));
        for (const mark of snapshot.marks) queue(tx.objectStore('marks').put(mark));
        queue(
          snapshot.picker
            ? tx.objectStore('state').put(snapshot.picker, 'picker')
            : tx.objectStore('state').delete('picker'),
        );
        await Promise.all([...pending, done]);
      } catch (error) {
        // A write that throws before it is queued does not abort by itself: abort, so nothing changes.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await done.catch(() => {});
        throw error;
      }
    },
    /** "Delete all data": every store emptied, as on a fresh install. */
    async clearAll(): Promise<void> {
      const tx = (await db()).transaction(['prefs', 'state', 'history', 'marks'], 'readwrite');
      await Promise.all([
        tx.objectStore('prefs').clear(),
        tx.objectStore('state').clear(),
        tx.objectStore('history').clear(),
        tx.objectStore('marks').clear(),
        tx.done,
      ]);
    },
    async close(): Promise<void> {
      if (connection) (await connection).close();
      connection = null;
    },
    async destroy(): Promise<void> {
      if (connection) (await connection).close();
      connection = null;
      await deleteDB(name);
    },
  };
}
