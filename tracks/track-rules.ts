/**
 * What a track asks of today, and how starting, a step, pausing and stopping change the records.
 * Pure: the day, the time and the records come in as arguments; each change returns the records to
 * write (the same array when nothing changes).
 */
import type { TrackProgress } from '../model/track-progress';
import type { Track } from './tracks';

/** The track under way (at most one runs; should a damaged store hold two, the newest counts). */
export function runningTrack(all: readonly TrackProgress[]): TrackProgress | null {
  return all.filter((p) => p.state === 'running').sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}

export type TrackToday =
  /** This step is today's. */
  | { kind: 'step'; index: number }
  /** A step was done or skipped today: the next one comes tomorrow. */
  | { kind: 'rest'; next: number }
  | { kind: 'finished' };

/**
 * Today's part of a track. A step done "today" by a clock that was ahead (a day later than today)
 * holds nothing back: the next step shows.
 */
export function trackToday(progress: TrackProgress, track: Track, today: string): TrackToday {
  if (progress.state === 'finished' || progress.step >= track.steps.length) return { kind: 'finished' };
  if (progress.lastStepDay === today) return { kind: 'rest', next: progress.step };
  return { kind: 'step', index: progress.step };
}

/**
 * "Start" (or "Resume"): this track runs, any other that ran is paused. A finished track starts
 * again from its first step; a paused one goes on where it was.
 */
export function startTrack(all: readonly TrackProgress[], trackId: string, now: number): TrackProgress[] {
  const current = all.find((p) => p.trackId === trackId);
  if (current?.state === 'running' && all.every((p) => p === current || p.state !== 'running')) return all as TrackProgress[];
  const started: TrackProgress =
    current && current.state === 'paused' ? { ...current, state: 'running' } : { trackId, step: 0, lastStepDay: null, state: 'running', startedAt: now };
  const others = all.filter((p) => p.trackId !== trackId).map((p) => (p.state === 'running' ? { ...p, state: 'paused' as const } : p));
  return [...others, started];
}

/**
 * "We did this" or "Skip" on step `expected` of a running track, on `today`. Nothing changes when the
 * page showed another step (a second click, a stale page, a step already taken today).
 */
export function takeStep(all: readonly TrackProgress[], trackId: string, expected: number, today: string, total: number): TrackProgress[] {
  const current = all.find((p) => p.trackId === trackId);
  if (!current || current.state !== 'running' || current.step !== expected || current.lastStepDay === today) return all as TrackProgress[];
  const step = current.step + 1;
  const next: TrackProgress = { ...current, step, lastStepDay: today, state: step >= total ? 'finished' : 'running' };
  return all.map((p) => (p === current ? next : p));
}

/** "Pause": the track keeps its place and shows nothing until resumed. */
export function pauseTrack(all: readonly TrackProgress[], trackId: string): TrackProgress[] {
  const current = all.find((p) => p.trackId === trackId && p.state === 'running');
  return current ? all.map((p) => (p === current ? { ...p, state: 'paused' as const } : p)) : (all as TrackProgress[]);
}

/** "Stop": the track's record goes; it can be started again from its first step. */
export function stopTrack(all: readonly TrackProgress[], trackId: string): TrackProgress[] {
  return all.some((p) => p.trackId === trackId) ? all.filter((p) => p.trackId !== trackId) : (all as TrackProgress[]);
}
