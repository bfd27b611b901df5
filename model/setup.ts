/** Whether the welcome is finished: no nudge is planned before it. Pure. */
import { isRecord } from '../lib/record';

export const SETUP_KEY = 'setup';

export interface Setup {
  /** When the welcome was finished (or the update that counted as it); null while it is not. */
  finishedAt: number | null;
}

export function parseSetup(raw: unknown): Setup {
  const at = isRecord(raw) ? raw.finishedAt : null;
  return { finishedAt: typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null };
}
