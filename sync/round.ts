/**
 * One round of sync put together: what `storage.sync` holds (checked), this browser's data and sync record
 * in, the writes for both sides and the new record out. Pure; the worker does the reading and writing.
 */
import { syncRound, type Entries, type Entry } from './merge';
import { entryBytes, fitQuota, keyKind, SYNC_QUOTA } from './quota';
import { localChanges, readRemote, syncItems, type LocalChanges, type SyncableData } from './sync-items';
import type { SyncState } from '../model/sync-state';

export interface PlannedRound {
  changes: LocalChanges;
  state: SyncState;
  toRemote: { set: Entries; remove: string[] };
}

/** The round for this browser, or null when sync is off here. `state.lastAt` is set by the worker once written there. */
export function planRound(data: SyncableData, state: SyncState, remoteRaw: unknown, now: number): PlannedRound | null {
  if (!state.on || state.device === '') return null;
  const { entries, unreadable } = readRemote(remoteRaw);
  const local = syncItems(data);
  const joining = Object.keys(state.shadow).length === 0;
  // Room taken by what cannot be read there is not Tend's to give away.
  const reserved = [...unreadable].reduce((sum, key) => sum + entryBytes(key, (remoteRaw as Record<string, Entry>)[key] as Entry), 0);
  const quota = { ...SYNC_QUOTA, totalBytes: SYNC_QUOTA.totalBytes - reserved, items: SYNC_QUOTA.items - unreadable.size };
  const held = new Set(data.held ?? []);
  const round = syncRound({ local, shadow: state.shadow, remote: entries, unreadable, held, joining, fit: (merged) => fitQuota(merged, quota), now, device: state.device });
  // Own ideas here after the round: those here, those coming in (an edit of one here is not another), less those going.
  const gone = new Set(round.toLocal.remove);
  const total = new Set([...Object.keys(local), ...Object.keys(round.toLocal.put)].filter((key) => keyKind(key) === 'own' && !gone.has(key))).size;
  const left = round.leftHere.filter((key) => keyKind(key) === 'own').length;
  return {
    changes: localChanges(round.toLocal.put, round.toLocal.remove),
    state: { ...state, shadow: round.shadow, unreadable: unreadable.size, ownTravel: left > 0 ? { travel: total - left, total } : null },
    toRemote: round.toRemote,
  };
}
