/** The idea library's types and its runtime parser. Pure: no browser calls. */

export const CATEGORIES = [
  'touch',
  'talk',
  'presence',
  'honesty',
  'play',
  'care',
  'appreciation',
  'myths',
  'stress',
  'solo',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const INTENSITIES = ['gentle', 'warm', 'close'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const MODES = ['together', 'solo'] as const;
export type Mode = (typeof MODES)[number];

/** The time of day an idea's text names ("this morning", "tonight"); missing means any time. */
export const TIMES_OF_DAY = ['morning', 'daytime', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export interface Idea {
  id: string;
  category: Category;
  text: string;
  minutes: number;
  mode: Mode;
  intensity: Intensity;
  when?: TimeOfDay;
  /** An idea the person wrote (Settings › Your ideas), not one from the library. */
  own?: true;
}

export interface NudgeLine {
  id: string;
  text: string;
}

export const IDEA_TEXT_MAX = 160;

/**
 * The languages the library ships in. The build writes one file per kind and language
 * (`/library/ideas.de.json`), other languages' texts merged in by id; English is the original.
 */
export const LIBRARY_LANGUAGES = ['en', 'de'] as const;

/** Where the build puts a kind of library text in a language; languages Tend lacks get English. */
export function libraryPath(kind: 'ideas' | 'nudges', language: string): string {
  const shipped = (LIBRARY_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  return `/library/${kind}.${shipped}.json`;
}
export const NUDGE_TEXT_MAX = 90;

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isIntensity(value: unknown): value is Intensity {
  return typeof value === 'string' && (INTENSITIES as readonly string[]).includes(value);
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && (TIMES_OF_DAY as readonly string[]).includes(value);
}

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-formed ideas, so one broken entry never takes the popup down. */
export function parseIdeas(raw: unknown): Idea[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (item): item is Idea =>
      isRecord(item) &&
      typeof item.id === 'string' &&
      isCategory(item.category) &&
      typeof item.text === 'string' &&
      item.text.length > 0 &&
      Number.isInteger(item.minutes) &&
      isMode(item.mode) &&
      isIntensity(item.intensity) &&
      (item.when === undefined || isTimeOfDay(item.when)),
  );
}

export function parseNudgeLines(raw: unknown): NudgeLine[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (item): item is NudgeLine =>
      isRecord(item) && typeof item.id === 'string' && typeof item.text === 'string' && item.text.length > 0,
  );
}

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
