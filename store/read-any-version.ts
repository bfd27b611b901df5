/** The way out of a database Tend cannot open: opens it as it is (any version, no upgrade) and reads what can be read. Loaded only when needed. */
import { openDB } from 'idb';
import { CHECKIN_STATE_KEY } from '../model/records';
import { KEPT_WISHES_KEY } from '../model/kept-wishes';
import { PARTNER_WORDS_KEY } from '../model/partner-words';
import type { Snapshot } from './schema';
import { DB_NAME } from '../model/store-channel';
import { snapshotFrom } from './db-rare';

/**
 * Reads whatever can be read, from the database at whatever version it is (one a newer Tend made,
 * or a damaged one), for a copy kept before starting fresh. Creates nothing.
 */
export async function readAnyVersion(name = DB_NAME): Promise<Snapshot> {
  const database = await openDB(name, undefined, {
    upgrade(_db, _old, _new, tx) {
      tx.done.catch(() => {});
      tx.abort(); // There was no database: do not make one.
    },
  });
  try {
    const has = (store: string) => database.objectStoreNames.contains(store);
    const all = async (store: string): Promise<unknown[]> => (has(store) ? database.getAll(store).catch(() => []) : []);
    const one = async (store: string, key: string): Promise<unknown> => (has(store) ? database.get(store, key).catch(() => undefined) : undefined);
    const [prefs, picker, checkinState, history, marks, checkins, ownIdeas, talks, keptWishes, partnerWords, tracks] = await Promise.all([
      one('prefs', 'prefs'),
      one('state', 'picker'),
      one('state', CHECKIN_STATE_KEY),
      all('history'),
      all('marks'),
      all('checkins'),
      all('ownIdeas'),
      all('talks'),
      one('state', KEPT_WISHES_KEY),
      one('state', PARTNER_WORDS_KEY),
      all('tracks'),
    ]);
    return snapshotFrom({ prefs, picker, checkinState, history, marks, checkins, ownIdeas, talks, keptWishes, partnerWords, tracks });
  } finally {
    database.close();
  }
}
