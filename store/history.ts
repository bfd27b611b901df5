/** How history grows: one entry per idea per day, bounded by day and by age, counted from the present. */
import type { IDBPObjectStore } from 'idb';
import { dayKeyBefore } from '../lib/day';
import { parseHistoryEntry, type HistoryEntry } from '../model/records';
import { KEEP_LIMITS, type Store, type TendDB } from './schema';

export type HistoryStore = IDBPObjectStore<TendDB, ArrayLike<Store>, 'history', 'readwrite'>;

/**
 * History stays bounded, so every export imports again: one entry per idea per day, at most
 * `historyPerDay` a day (the oldest of the day makes room), nothing older than a year before
 * today. The bound counts from the present (`now`), never from the newest stored day: an entry
 * dated ahead (a clock that was wrong once, an imported file) cuts nothing. `boundHistory` in
 * backup.ts is the same rule for a whole list.
 */
export async function addHistoryIn(history: HistoryStore, entry: HistoryEntry, now: number): Promise<void> {
  const index = history.index('by-day');
  const [sameDay, keys] = await Promise.all([index.getAll(entry.day), index.getAllKeys(entry.day)]);
  const entries = sameDay.map((raw, i) => ({ key: keys[i] as number, entry: parseHistoryEntry(raw) }));
  const twin = entries.find((e) => e.entry?.ideaId === entry.ideaId);
  if (twin) await history.delete(twin.key);
  const others = entries.filter((e) => e !== twin).sort((a, b) => (a.entry?.at ?? 0) - (b.entry?.at ?? 0));
  for (const old of others.slice(0, Math.max(0, others.length - (KEEP_LIMITS.historyPerDay - 1)))) await history.delete(old.key);
  await history.add(entry);
  const cutoff = dayKeyBefore(now, KEEP_LIMITS.historyDays);
  for (const key of await index.getAllKeys(IDBKeyRange.upperBound(cutoff, true))) await history.delete(key);
}
