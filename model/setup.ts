/** Whether the welcome is finished: no nudge is planned before it. Pure. */
export const SETUP_KEY = 'setup';

export interface Setup {
  /** When the welcome was finished (or the update that counted as it); null while it is not. */
  finishedAt: number | null;
}

export function parseSetup(raw: unknown): Setup {
  const at = typeof raw === 'object' && raw !== null ? (raw as { finishedAt?: unknown }).finishedAt : null;
  return { finishedAt: typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null };
}
