/**
 * The database's name, and the BroadcastChannel on which every committed write to it is announced
 * (db.ts posts, pages listen). Apart from db.ts, so the popup hears writes without the store's code.
 */
export const DB_NAME = 'tend';

export const storeChannelName = (dbName: string): string => `tend:${dbName}`;

/** What changed, as announced to other pages: a store of the database, everything ('all'), or 'setup' (the
 * welcome was finished), 'picker' (today's idea moved on) and 'pair' (paired, updated, unpaired), records
 * of the 'state' store, and 'sync' (this browser's sync record: on, off, in step). */
export type StoreChange = 'prefs' | 'state' | 'history' | 'marks' | 'checkins' | 'ownIdeas' | 'talks' | 'tracks' | 'all' | 'setup' | 'picker' | 'pair' | 'sync';
