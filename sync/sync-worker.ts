/**
 * Sync in the worker: IndexedDB stays the truth on each browser, `storage.sync` is where browsers meet. A
 * change made here is merged out a few seconds later (changes close together go as one write); a change
 * arriving from another browser is merged in and announced to open pages. Rounds run one at a time.
 */
import type { TendStore } from '../store/db';
import { parseSyncState, SYNC_KEY } from '../model/sync-state';
import type { StoreChange } from '../model/store-channel';
import { planRound, type PlannedRound } from './round';

/** The part of `browser.storage.sync` sync uses (a fake of it in tests). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}

/** After a change here: at most one write every few seconds (Chrome allows 120 a minute). */
export const PUSH_AFTER_MS = 3000;
/** After a change arrived from another browser. */
export const PULL_AFTER_MS = 500;
/** After a write there failed (quota, offline). */
export const RETRY_AFTER_MS = 60_000;

/** The changes of this browser's data that travel (a 'sync' record change or a pick does not). */
const TRAVELS: ReadonlySet<StoreChange> = new Set(['prefs', 'marks', 'ownIdeas', 'talks', 'pair', 'all']);

export function createSyncer(deps: { store: TendStore; area: SyncArea; now: () => number; log?: (error: unknown) => void }) {
  const { store, area, now } = deps;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  async function round(): Promise<void> {
    if (!(await store.readState(SYNC_KEY, parseSyncState)).on) return;
    const remote = await area.get(null);
    let plan: PlannedRound | null = null;
    const state = await store.syncRound((data, stored) => {
      plan = planRound(data, stored, remote, now());
      return plan && { changes: plan.changes, state: plan.state };
    });
    const planned = plan as PlannedRound | null;
    if (!state || !planned) return;
    // Turned off (or emptied) in Settings meanwhile: nothing more goes there.
    if (!(await store.readState(SYNC_KEY, parseSyncState)).on) return;
    try {
      if (planned.toRemote.remove.length > 0) await area.remove(planned.toRemote.remove);
      if (Object.keys(planned.toRemote.set).length > 0) await area.set(planned.toRemote.set);
      await store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, lastAt: now(), failed: false }));
    } catch (error) {
      deps.log?.(error);
      await store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, failed: true }));
      schedule(RETRY_AFTER_MS);
    }
  }

  function cancelTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** Runs `job` now (a planned round is dropped), after any job running; resolves when it is done. */
  function queue(job: () => Promise<void>): Promise<void> {
    cancelTimer();
    const done = chain.then(job);
    chain = done.catch((error) => deps.log?.(error));
    return done;
  }

  /** A round in `ms`, unless one is planned sooner. */
  function schedule(ms: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void queue(round).catch(() => {});
    }, ms);
  }

  return {
    /** Runs a round now, after any running one; resolves when it is done. */
    round: () => queue(round),
    /** "Remove Tend's data from your browser's sync" (sync already off here): after any round under way. */
    clear: () => queue(() => area.clear()),
    /** This browser's data changed (a store announcement). */
    heardLocal(change: StoreChange): void {
      if (TRAVELS.has(change)) schedule(PUSH_AFTER_MS);
    },
    /** `storage.sync` changed (another browser's write arrived, or this one's). */
    heardRemote(): void {
      schedule(PULL_AFTER_MS);
    },
    stop: cancelTimer,
  };
}
