import { type Idea, CATEGORIES, INTENSITIES, MODES } from '../model/vocabulary';
import en from '../public/_locales/en/messages.json';
import { createTranslate } from '../platform/i18n';
import { defaultPrefs } from '../model/prefs';
import type { Snapshot } from '../store/schema';
import { readFileSync } from 'node:fs';
import { parseTracks, type Track } from '../tracks/tracks';

export const tEn = createTranslate(en);

/** A small synthetic library: n ideas spread over every category, mode and intensity. */
export function makeLibrary(n: number): Idea[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${CATEGORIES[i % CATEGORIES.length]}-${String(i).padStart(3, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length] as Idea['category'],
    text: `Idea number ${i}`,
    minutes: 1 + ((i * 7) % 60),
    mode: MODES[i % 2] as Idea['mode'],
    intensity: INTENSITIES[i % 3] as Idea['intensity'],
  }));
}

/** Runs `fn` with the process in another time zone, then restores it. */
export function inTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** A person's data with nothing in it: default settings, weekly check-ins on, every list empty. */
export const emptySnapshot = (): Snapshot => ({
  prefs: defaultPrefs(),
  marks: [],
  history: [],
  picker: null,
  checkinState: { notNowDay: null, counsellorShownAt: null, weekly: true },
  checkins: [],
  ownIdeas: [],
  talks: [],
  pair: null,
  keptWishes: [],
  partnerWords: [],
  tracks: [],
});

/** The tracks as the build writes them in English (Settings and the popup's worker load them so). */
export const englishTracks = async (): Promise<Track[]> => parseTracks(JSON.parse(readFileSync('assets/library/tracks.json', 'utf8')));

/** Sync's page actions that do nothing: for Settings tests that are not about sync. */
export const noSync = { now: async () => true, clear: async () => {}, firefox: false };
