/**
 * The look's preferences (scheme, palette, text size, motion): their values, defaults and reader. Pure. A module of
 * their own so the popup's first frame, which paints the look from the render cache, loads these and not the rest
 * of the preferences (windows, filters and their checks: `prefs.ts`, which builds on this).
 */
import { isRecord } from '../lib/record';

export const PALETTE_IDS = ['dusk', 'sage', 'clay', 'tide'] as const;
export type PaletteId = (typeof PALETTE_IDS)[number];
export const THEME_MODES = ['system', 'light', 'dark'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];
export const MOTIONS = ['system', 'reduce', 'full'] as const;
export type Motion = (typeof MOTIONS)[number];

/** Text size in percent: the range offered in Settings. */
export const TEXT_SCALE = { min: 90, max: 130 } as const;

/** What the look needs of the preferences (the render cache keeps it for the first frame). */
export interface ThemePrefs {
  themeMode: ThemeMode;
  palette: PaletteId;
  /** Text size in percent. */
  textScale: number;
  motion: Motion;
}

/** The look before anything is chosen. */
export const THEME_DEFAULTS: Readonly<ThemePrefs> = { themeMode: 'system', palette: 'dusk', textScale: 100, motion: 'system' };

/** A field's reader: the usable value, or undefined when the stored value cannot be used. */
export type Readers<T> = { [K in keyof T]: (value: unknown) => T[K] | undefined };

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const oneOf =
  <T>(allowed: readonly T[]) =>
  (value: unknown): T | undefined =>
    allowed.includes(value as T) ? (value as T) : undefined;
export const intIn =
  (min: number, max: number) =>
  (value: unknown): number | undefined =>
    isInt(value) && value >= min && value <= max ? value : undefined;

export const THEME_READERS: Readers<ThemePrefs> = {
  themeMode: oneOf(THEME_MODES),
  palette: oneOf(PALETTE_IDS),
  textScale: intIn(TEXT_SCALE.min, TEXT_SCALE.max),
  motion: oneOf(MOTIONS),
};

/**
 * Reads `keys` of `raw` (anything: a stored record, an imported file) with their readers: a usable field is kept,
 * a missing or wrong one gets its default and is named in `replaced`. Never throws; looks at no field's insides
 * beyond what its reader allows.
 */
export function readFields<T extends object>(raw: unknown, readers: Readers<T>, defaults: T): { value: T; replaced: (keyof T)[] } {
  const src: Record<string, unknown> = isRecord(raw) ? raw : {};
  const value = { ...defaults };
  const replaced: (keyof T)[] = [];
  for (const key of Object.keys(readers) as (keyof T & string)[]) {
    const read = Object.hasOwn(src, key) ? (readers[key] as (v: unknown) => unknown)(src[key]) : undefined;
    if (read === undefined) replaced.push(key);
    else (value as Record<string, unknown>)[key] = read;
  }
  return { value, replaced };
}

/** The look alone, from the render cache or anything else: each usable field kept, its default otherwise. */
export const readTheme = (raw: unknown): ThemePrefs => readFields(raw, THEME_READERS, THEME_DEFAULTS).value;
