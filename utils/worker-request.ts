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
  /** A popup request (checked by the worker with parsePopupRequest). */
  | { popup: unknown };

export const workerMessage = (request: WorkerRequest): { tend: WorkerRequest } => ({ tend: request });

/** The request a runtime message carries, or null for anything else. */
export function parseWorkerRequest(message: unknown): WorkerRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const request = (message as { tend?: unknown }).tend;
  if (request === 'popup-opened' || request === 'replan') return request;
  return typeof request === 'object' && request !== null && 'popup' in request ? { popup: (request as { popup: unknown }).popup } : null;
}
