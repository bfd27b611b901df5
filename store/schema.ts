/**
 * The shape of Tend's IndexedDB database: its stores, their records, the bounds that keep every export
 * importable, and what the store's verbs share (the core each verb works through). No code opens it here.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Prefs } from '../model/prefs';
import { isBlankMark, type CheckIn, type CheckInState, type HistoryEntry, type Mark, type OwnIdea, type PickerState, type TalkRecord } from '../model/records';
import type { StoreChange } from '../model/store-channel';
import type { PairState } from '../model/pair';
import type { KeptWishList } from '../model/kept-wishes';
import type { PartnerWord } from '../model/partner-words';
import type { TrackProgress } from '../model/track-progress';

export const DB_VERSION = 4;

export interface TendDB extends DBSchema {
  /** One record under the key 'prefs'; stored as written, validated on read. */
  prefs: { key: string; value: unknown };
  /** App state under 'picker', 'nudge', 'setup', 'checkin', 'pair', 'wishes' (kept lists of wishes). */
  state: { key: string; value: unknown };
  history: { key: number; value: HistoryEntry; indexes: { 'by-day': string } };
  marks: { key: string; value: Mark };
  checkins: { key: string; value: CheckIn };
  ownIdeas: { key: string; value: OwnIdea };
  talks: { key: string; value: TalkRecord };
  /** v4: how far each track started is, by track id. */
  tracks: { key: string; value: TrackProgress };
}

export type Store = StoreNames<TendDB>;
export const ALL_STORES: Store[] = ['prefs', 'state', 'history', 'marks', 'checkins', 'ownIdeas', 'talks', 'tracks'];

/** Bounds that keep every export importable: the picker never needs more, and a year of history is plenty. */
export const KEEP_LIMITS = {
  historyDays: 366,
  historyPerDay: 20,
  triedDays: 20,
  checkIns: 1000,
  ownIdeas: 1000,
  talkDays: 100,
} as const;

/** Everything a person has in Tend, as export and import move it. */
export interface Snapshot {
  prefs: Prefs;
  marks: Mark[];
  history: HistoryEntry[];
  picker: PickerState | null;
  /** The check-in's own record: weekly on or off, "Not now", when the counsellor card was shown. */
  checkinState: CheckInState;
  checkins: CheckIn[];
  ownIdeas: OwnIdea[];
  talks: TalkRecord[];
  /** The pairing with a partner's Tend, if any. */
  pair: PairState | null;
  /** The lists of wishes both chose and kept ("Keep our list"), newest first. */
  keptWishes: KeptWishList[];
  /** Check-in words taken in from the partner's Tend, still sealed, newest week first. */
  partnerWords: PartnerWord[];
  /** How far each track started is. */
  tracks: TrackProgress[];
}

/** What an import writes: a snapshot, with `prefs: null` when the file holds no settings (the current ones stay). */
export type Replacement = Omit<Snapshot, 'prefs' | 'pair'> & {
  prefs: Prefs | null;
  /** The file's pairing; null: the file holds none, and the current pairing stays. */
  pair: PairState | null;
};

/** The 'state' record naming the data's generation: a new one whenever data is wiped or replaced wholesale. */
export const GENERATION_KEY = 'generation';

export type PrefsPatch = Partial<Prefs> | ((stored: Prefs) => Partial<Prefs>);

export const valid = <T>(list: unknown[], parse: (raw: unknown) => T | null): T[] =>
  list.map(parse).filter((v): v is T => v !== null);

/** Stores an idea's marks in the 'marks' store of a write, or deletes its record when nothing is left marked. */
export async function putMark(marks: { put(mark: Mark): Promise<unknown>; delete(ideaId: string): Promise<unknown> }, mark: Mark): Promise<void> {
  if (isBlankMark(mark)) await marks.delete(mark.ideaId);
  else await marks.put(mark);
}

/** What a verb of the store needs: the connection, its clock and its announcing one-transaction write. */
export interface StoreCore {
  db: () => Promise<IDBPDatabase<TendDB>>;
  now: () => number;
  write: <S extends Store[], T>(
    stores: S,
    change: StoreChange | null,
    work: (tx: IDBPTransaction<TendDB, S, 'readwrite'>) => Promise<T>,
  ) => Promise<T>;
  /** Tells other pages about a write made with `change` null (when it turned out to change something). */
  announce: (change: StoreChange) => void;
}
