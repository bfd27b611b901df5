/**
 * How far a couple is along a track: one record per track started, in the 'tracks' store. A step
 * waits until "We did this" or "Skip"; the next one comes the day after. No dates to keep, nothing
 * counted against anyone. Pure.
 */
export const TRACK_STATES = ['running', 'paused', 'finished'] as const;
export type TrackState = (typeof TRACK_STATES)[number];

export interface TrackProgress {
  /** The track's id in the library (`track-<slug>`). */
  trackId: string;
  /** Steps behind it, done or skipped: the index of the step that comes next. */
  step: number;
  /** The local day ('YYYY-MM-DD') a step was last done or skipped: the next one shows from the day after. */
  lastStepDay: string | null;
  state: TrackState;
  startedAt: number;
}

/** No track has more steps: a stored step beyond it is not Tend's. */
export const TRACK_STEPS_MAX = 21;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** One stored record, or null when it cannot be read. */
export function parseTrackProgress(raw: unknown): TrackProgress | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { trackId, step, lastStepDay, state, startedAt } = raw as Record<string, unknown>;
  if (typeof trackId !== 'string' || !/^track-[a-z]+(?:-[a-z]+)*$/.test(trackId) || trackId.length > 64) return null;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > TRACK_STEPS_MAX) return null;
  if (lastStepDay !== null && (typeof lastStepDay !== 'string' || !DAY_KEY.test(lastStepDay))) return null;
  if (!(TRACK_STATES as readonly unknown[]).includes(state)) return null;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || startedAt < 0) return null;
  return { trackId, step, lastStepDay, state: state as TrackState, startedAt };
}
