/**
 * What a page asks of the background worker, which owns the one nudge alarm: pages change the
 * stored data, the worker plans. So the popup needs none of the scheduler. Pure.
 */
export type WorkerRequest =
  /** The popup opened: clear the quiet "notifications are blocked" dot and check the alarm. */
  | 'popup-opened'
  /** Something the plan depends on changed (settings, a pause, the welcome): plan anew. */
  | 'replan';

const REQUESTS: readonly string[] = ['popup-opened', 'replan'] satisfies WorkerRequest[];

export const workerMessage = (request: WorkerRequest): { tend: WorkerRequest } => ({ tend: request });

/** The request a runtime message carries, or null for anything else. */
export function parseWorkerRequest(message: unknown): WorkerRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const request = (message as { tend?: unknown }).tend;
  return typeof request === 'string' && REQUESTS.includes(request) ? (request as WorkerRequest) : null;
}
