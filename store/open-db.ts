/** Opening Tend's database: the cumulative upgrade steps, mending a damaged shape, and why it cannot be opened. */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME } from '../model/store-channel';
import { ALL_STORES, DB_VERSION, type Store, type TendDB } from './schema';

/** Why the database could not be opened: a newer Tend made it, or it is damaged. */
export class DbOpenError extends Error {
  constructor(
    readonly reason: 'newer' | 'damaged',
    override readonly cause?: unknown,
  ) {
    super(`Tend could not open its data (${reason})`);
  }
}

/** Creates whatever store or index of today's shape is missing (a damaged or hand-edited database). */
function repairShape(database: IDBPDatabase<TendDB>, tx: IDBPTransaction<TendDB, Store[], 'versionchange'>): void {
  const has = (name: string) => database.objectStoreNames.contains(name as Store);
  if (!has('prefs')) database.createObjectStore('prefs');
  if (!has('state')) database.createObjectStore('state');
  if (!has('history')) database.createObjectStore('history', { keyPath: 'seq', autoIncrement: true });
  if (!has('marks')) database.createObjectStore('marks', { keyPath: 'ideaId' });
  if (!has('checkins')) database.createObjectStore('checkins', { keyPath: 'id' });
  if (!has('ownIdeas')) database.createObjectStore('ownIdeas', { keyPath: 'id' });
  if (!has('talks')) database.createObjectStore('talks', { keyPath: 'talkId' });
  if (!has('tracks')) database.createObjectStore('tracks', { keyPath: 'trackId' });
  const history = tx.objectStore('history');
  if (!history.indexNames.contains('by-day')) history.createIndex('by-day', 'day');
}

export async function openTendDb(name = DB_NAME, now: () => number = Date.now): Promise<IDBPDatabase<TendDB>> {
  let db: IDBPDatabase<TendDB>;
  try {
    db = await openDB<TendDB>(name, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // A database that claims a version but lacks some of its stores (damaged, hand-edited) is mended first.
        if (oldVersion > 0) repairShape(database, tx);
        // Steps that rewrite the preferences record run one after another.
        let prefsStep: Promise<unknown> = Promise.resolve();
        // Cumulative steps: each brings a database of the version before it one step on. Never edit a released step.
        if (oldVersion < 1) {
          database.createObjectStore('prefs');
          database.createObjectStore('state');
          database.createObjectStore('history', { keyPath: 'seq', autoIncrement: true });
        }
        if (oldVersion < 2) {
          // v2: marks (favourite, tried, hidden), history by day, and prefs.theme renamed to themeMode.
          if (!database.objectStoreNames.contains('marks')) database.createObjectStore('marks', { keyPath: 'ideaId' });
          const history = tx.objectStore('history');
          if (!history.indexNames.contains('by-day')) history.createIndex('by-day', 'day');
          const prefsStore = tx.objectStore('prefs');
          prefsStep = prefsStore.get('prefs').then(async (old) => {
            if (old && typeof old === 'object' && 'theme' in old) {
              const { theme, ...rest } = old as Record<string, unknown>;
              await prefsStore.put({ themeMode: theme, ...rest }, 'prefs');
            }
          });
        }
        if (oldVersion < 3) {
          // v3: check-ins, own ideas, conversations had; an install that updates counts as set up (no welcome).
          if (!database.objectStoreNames.contains('checkins')) database.createObjectStore('checkins', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('ownIdeas')) database.createObjectStore('ownIdeas', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('talks')) database.createObjectStore('talks', { keyPath: 'talkId' });
          if (oldVersion >= 1) {
            void tx.objectStore('state').put({ finishedAt: now(), via: 'update' }, 'setup');
            // New installs start at "up to warm"; an existing install keeps the "up to close" it had.
            const prefsStore = tx.objectStore('prefs');
            // After the step before has written its change to the same record.
            void prefsStep.then(() => prefsStore.get('prefs')).then((old) => {
              const record = old && typeof old === 'object' && !Array.isArray(old) ? (old as Record<string, unknown>) : {};
              if (!('maxIntensity' in record)) void prefsStore.put({ ...record, maxIntensity: 'close' }, 'prefs');
            });
          }
        }
        if (oldVersion < 4) {
          // v4: tracks over weeks, one record per track started.
          if (!database.objectStoreNames.contains('tracks')) database.createObjectStore('tracks', { keyPath: 'trackId' });
        }
        repairShape(database, tx);
      },
      blocking() {
        // A newer version wants to open (another Tend page after an update), or "start fresh" deletes: step aside.
        db.close();
      },
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    throw new DbOpenError(name === 'VersionError' ? 'newer' : 'damaged', error);
  }
  const missing = ALL_STORES.filter((s) => !db.objectStoreNames.contains(s));
  if (missing.length > 0) {
    db.close();
    throw new DbOpenError('damaged', new Error(`missing stores: ${missing.join(', ')}`));
  }
  return db;
}
