/**
 * What a page asks of the background worker, which owns the one nudge alarm and answers the popup:
 * pages change the stored data, the worker plans; the popup sends its requests (popup-view.ts) and
 * draws the answer. So the popup needs none of the scheduler, the store or the picker. Pure.
 */
export type WorkerRequest =
  /** The popup opened: clear the quiet "notifications are blocked" dot and check the alarm. */
  | 'popup-opened'
  /** Something the plan depends on changed (settings, a pause, the welcome): plan anew. */
  | 'replan'
  /** Sync was turned on (or is to be brought in step now): a round of sync at once. */
  | 'sync-now'
  /** Empty Tend's part of the browser's sync (after any round under way). */
  | 'sync-clear'
  /** A popup request (checked by the worker with parsePopupRequest). */
  | { popup: unknown };

export const workerMessage = (request: WorkerRequest): { tend: WorkerRequest } => ({ tend: request });

/** The request a runtime message carries, or null for anything else. */
export function parseWorkerRequest(message: unknown): WorkerRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const request = (message as { tend?: unknown }).tend;
  if (request === 'popup-opened' || request === 'replan' || request === 'sync-now' || request === 'sync-clear') return request;
  return typeof request === 'object' && request !== null && 'popup' in request ? { popup: (request as { popup: unknown }).popup } : null;
}

/** The waits before asking again (ms): a worker that is starting or was stopped mid-answer gets about four seconds. */
export const ASK_AGAIN_AFTER = [100, 250, 500, 1000, 2000] as const;

/**
 * Asks until an answer comes: a message wakes a sleeping worker, but one that is stopped while it answers
 * closes the channel (a failed send) or leaves the answer empty. Those are asked again after each wait;
 * resolves with the first answer, or null when none came at all (never "damaged data": only the
 * database's own answer says that). `sleep` comes in so tests need no real time.
 */
export async function askPatiently<T>(
  send: () => Promise<T | null | undefined>,
  sleep: (ms: number) => Promise<void>,
  waits: readonly number[] = ASK_AGAIN_AFTER,
): Promise<T | null> {
  for (let attempt = 0; ; attempt++) {
    const answer = await send().catch(() => null);
    if (answer !== null && answer !== undefined) return answer;
    const wait = waits[attempt];
    if (wait === undefined) return null;
    await sleep(wait);
  }
}
