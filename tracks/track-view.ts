/**
 * The popup's part of a track, as the worker answers it: today's step, a quiet line while the next
 * one waits for tomorrow, or the closing on the day the last step was taken. The records (read by
 * the popup's answer with the rest), the store and the library come in as arguments.
 */
import type { TendStore } from '../store/db';
import type { TrackProgress } from '../model/track-progress';
import { runningTrack, takeStep, trackToday } from './track-rules';
import type { Track } from './tracks';

export type TrackView =
  | { kind: 'step'; trackId: string; title: string; index: number; of: number; text: string; minutes: number }
  | { kind: 'rest'; trackId: string; title: string }
  | { kind: 'finished'; trackId: string; title: string; closing: string };

/** What the popup shows of a track on `today`, from the stored records (null: none runs, or its track is not in the library). */
export async function trackViewOf(all: readonly TrackProgress[], loadTracks: () => Promise<Track[]>, today: string): Promise<TrackView | null> {
  const current = runningTrack(all) ?? all.find((p) => p.state === 'finished' && p.lastStepDay === today) ?? null;
  if (!current) return null;
  const track = (await loadTracks()).find((t) => t.id === current.trackId);
  if (!track) return null;
  const part = trackToday(current, track, today);
  const { id: trackId, title } = track;
  if (part.kind === 'step') {
    const step = track.steps[part.index];
    return step ? { kind: 'step', trackId, title, index: part.index, of: track.steps.length, text: step.text, minutes: step.minutes } : null;
  }
  if (part.kind === 'rest') return { kind: 'rest', trackId, title };
  return current.lastStepDay === today ? { kind: 'finished', trackId, title, closing: track.closing } : null;
}

/** "We did this" or "Skip": the step is taken only on today, and only if it is still the one shown. */
export async function takeTrackStep(
  store: TendStore,
  loadTracks: () => Promise<Track[]>,
  request: { trackId: string; step: number; day: string },
  today: string,
): Promise<void> {
  if (request.day !== today) return;
  const track = (await loadTracks()).find((t) => t.id === request.trackId);
  if (!track) return;
  await store.updateTracks((all) => takeStep(all, request.trackId, request.step, today, track.steps.length));
}
