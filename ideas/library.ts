/** The idea library's files: which languages ship, where each file is, and translations merged by id. Pure. */
import { INTENSITIES, parseNudgeLines, type Intensity } from '../model/vocabulary';

/**
 * The languages the library ships in. The build writes one file per kind and language
 * (`/library/ideas.de.json`), other languages' texts merged in by id; English is the original.
 */
export const LIBRARY_LANGUAGES = ['en', 'de'] as const;

/** Where the build puts a kind of library text in a language; languages Tend lacks get English. */
export function libraryPath(kind: 'ideas' | 'nudges' | 'talks' | 'wishes' | 'tracks', language: string): string {
  const shipped = (LIBRARY_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  return `/library/${kind}.${shipped}.json`;
}
export const NUDGE_TEXT_MAX = 90;

export function intensityRank(intensity: Intensity): number {
  return INTENSITIES.indexOf(intensity);
}

/** A translation of ideas or nudge lines: id → text. Entries that are not `{ id, text }` are skipped. */
export function parseTranslation(raw: unknown): Map<string, string> {
  return new Map(parseNudgeLines(raw).map((item) => [item.id, item.text]));
}

/** The items with their text in another language where it has one; the rest keep the original. */
export function translate<T extends { id: string; text: string }>(items: readonly T[], texts: Map<string, string>): T[] {
  return items.map((item) => {
    const text = texts.get(item.id);
    return text ? { ...item, text } : item;
  });
}
