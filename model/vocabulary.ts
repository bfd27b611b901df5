/** The words Tend's ideas and records are made of (kinds, closeness, company, time of day), an idea's shape, and its parser. Pure. */
import { isRecord } from '../lib/record';

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

/**
 * Whether an idea needs being in one place: `together` (one room), `apart` (made for couples who live
 * apart: a call, a letter, the same film at one time) or `either`. Missing: an idea for one works
 * anywhere, an idea for two needs one place.
 */
export const PLACES = ['together', 'apart', 'either'] as const;
export type Place = (typeof PLACES)[number];

export interface Idea {
  id: string;
  category: Category;
  text: string;
  minutes: number;
  mode: Mode;
  intensity: Intensity;
  when?: TimeOfDay;
  place?: Place;
  /** An idea the person wrote (Settings › Your ideas), not one from the library. */
  own?: true;
}

export interface NudgeLine {
  id: string;
  text: string;
}

export const IDEA_TEXT_MAX = 160;

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isIntensity(value: unknown): value is Intensity {
  return typeof value === 'string' && (INTENSITIES as readonly string[]).includes(value);
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && (TIMES_OF_DAY as readonly string[]).includes(value);
}

export function isPlace(value: unknown): value is Place {
  return typeof value === 'string' && (PLACES as readonly string[]).includes(value);
}

/** Where an idea can be done, with the default for a missing `place` (see PLACES). */
export function placeOf(idea: Pick<Idea, 'place' | 'mode' | 'own'>): Place {
  return idea.place ?? (idea.mode === 'solo' || idea.own ? 'either' : 'together');
}

/** Whether an idea fits how the couple lives: apart, no idea that needs one place; together, none made for apart. */
export function fitsPlace(idea: Pick<Idea, 'place' | 'mode' | 'own'>, livingApart: boolean): boolean {
  const place = placeOf(idea);
  return place === 'either' || place === (livingApart ? 'apart' : 'together');
}

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
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
      (item.when === undefined || isTimeOfDay(item.when)) &&
      (item.place === undefined || isPlace(item.place)),
  );
}

export function parseNudgeLines(raw: unknown): NudgeLine[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (item): item is NudgeLine =>
      isRecord(item) && typeof item.id === 'string' && typeof item.text === 'string' && item.text.length > 0,
  );
}
