/** Tracks over weeks: small steps a couple takes one at a time. Their type, parser and translation. Pure. */
import { libraryPath } from '../platform/library-path';
import type { Track, TrackStep } from '../model/track';
import { isRecord, isText } from '../lib/record';

export type { Track, TrackStep } from '../model/track';
export { TRACK_STEPS_MAX } from '../model/track-progress';

/** What a track may hold, as the library's lint checks it (CONTENT.md, "Tracks"). */
export const TRACK_TITLE_MAX = 60;
export const TRACK_WHY_MAX = 140;
export const TRACK_AGREEMENT_MAX = 160;
export const TRACK_STEP_MAX = 160;
export const TRACK_CLOSING_MAX = 160;
export const TRACK_STEPS_MIN = 7;
export const TRACK_MINUTES_MIN = 5;
export const TRACK_MINUTES_MAX = 60;

/** Where the build puts the tracks in a language; languages Tend lacks get English. */
export const trackPath = (language: string): string => libraryPath('tracks', language);

function parseStep(raw: unknown): TrackStep | null {
  if (!isRecord(raw) || !isText(raw.id) || !isText(raw.text) || !Number.isInteger(raw.minutes) || (raw.minutes as number) <= 0) return null;
  return { id: raw.id, text: raw.text, minutes: raw.minutes as number };
}

/** Keeps only well-formed tracks (every step readable), copied without unknown fields. */
export function parseTracks(raw: unknown): Track[] {
  if (!Array.isArray(raw)) return [];
  const out: Track[] = [];
  for (const item of raw) {
    if (!isRecord(item) || !isText(item.id) || !isText(item.title) || !isText(item.why) || !isText(item.agreement) || !isText(item.closing)) continue;
    if (!Array.isArray(item.steps) || item.steps.length === 0) continue;
    const steps = item.steps.map(parseStep);
    if (steps.some((s) => s === null)) continue;
    const { id, title, why, agreement, closing } = item;
    out.push({ id, title, why, agreement, steps: steps as TrackStep[], closing });
  }
  return out;
}

/** The tracks with the texts of a translation (same ids); what it lacks stays in English. */
export function translateTracks(tracks: readonly Track[], raw: unknown): Track[] {
  const byId = new Map<string, Record<string, unknown>>();
  if (Array.isArray(raw)) for (const item of raw) if (isRecord(item) && isText(item.id)) byId.set(item.id, item);
  const text = (value: unknown, fallback: string) => (isText(value) ? value : fallback);
  return tracks.map((track) => {
    const t = byId.get(track.id);
    if (!t) return track;
    const steps = new Map<string, unknown>();
    if (Array.isArray(t.steps)) for (const s of t.steps) if (isRecord(s) && isText(s.id)) steps.set(s.id, s.text);
    return {
      ...track,
      title: text(t.title, track.title),
      why: text(t.why, track.why),
      agreement: text(t.agreement, track.agreement),
      closing: text(t.closing, track.closing),
      steps: track.steps.map((s) => ({ ...s, text: text(steps.get(s.id), s.text) })),
    };
  });
}
