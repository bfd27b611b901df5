/**
 * The database's name, and the BroadcastChannel on which every committed write to it is announced
 * (db.ts posts, pages listen). Apart from db.ts, so the popup hears writes without the store's code.
 */
export const DB_NAME = 'tend';

export const storeChannelName = (dbName: string): string => `tend:${dbName}`;
