/** The idea library's files: which languages ship, where each file is, and translations merged by id. Pure. */
import { INTENSITIES, parseNudgeLines, type Intensity } from '../model/vocabulary';

export { LIBRARY_LANGUAGES, libraryPath, type LibraryKind } from '../platform/library-path';
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
