/** Loads the tracks the build writes under /library/ (tracks.<lang>.json), in Tend's language. */
import { loadInLanguage } from '../talk/talks-browser';
import { parseTracks, trackPath, type Track } from './tracks';

let tracks: Promise<Track[]> | null = null;

export function loadTracks(): Promise<Track[]> {
  tracks ??= loadInLanguage(trackPath, parseTracks);
  // A failed load may succeed on the next try: do not keep the failure.
  tracks.catch(() => (tracks = null));
  return tracks;
}
