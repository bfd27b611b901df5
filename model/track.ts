/** A track over weeks, as the library holds it (tracks/tracks.ts parses and translates it). Types only. */
export interface TrackStep {
  /** `<track id>-NN`, stable forever. */
  id: string;
  text: string;
  minutes: number;
}

export interface Track {
  /** `track-<slug>`, stable forever: progress is kept under it. */
  id: string;
  title: string;
  why: string;
  /** What the track is not ("nothing needs to lead anywhere"), said before it starts. */
  agreement: string;
  steps: TrackStep[];
  /** Said after the last step: it ends on appreciation. */
  closing: string;
}
