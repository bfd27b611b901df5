/** Preferences: the type, defaults, and a validator that never throws. Pure. */
import { CATEGORIES, isCategory, isIntensity, type Category, type Intensity } from './vocabulary';
import { isRecord } from '../lib/record';
import { intIn, isInt, oneOf, readFields, TEXT_SCALE, THEME_DEFAULTS, THEME_READERS, type Readers, type ThemePrefs } from './theme-prefs';

export { MOTIONS, PALETTE_IDS, THEME_MODES, type Motion, type PaletteId, type ThemeMode, type ThemePrefs } from './theme-prefs';

/**
 * A "together hours" window in minutes after local midnight of its weekday.
 * `end` is always after `start`; an `end` past 1440 runs into the next day.
 */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Seven lists of windows, index 0 = Sunday (as `Date.getDay()`). */
export type WeekWindows = TimeWindow[][];

export const MODE_FILTERS = ['both', 'together', 'solo'] as const;
export type ModeFilter = (typeof MODE_FILTERS)[number];

export interface Prefs extends ThemePrefs {
  nudgesEnabled: boolean;
  nudgesPerDay: number;
  windows: WeekWindows;
  spacingMinutes: number;
  /** Discreet: the notification says only "Tend" and a neutral line. */
  discreet: boolean;
  deferWhenIdle: boolean;
  /** Notification stays until dismissed (Chrome only). */
  stickyNotifications: boolean;
  hiddenCategories: Category[];
  modeFilter: ModeFilter;
  maxIntensity: Intensity;
  maxMinutes: number;
  /** "Your own ideas" in the kinds filter: whether ideas the person wrote come up. */
  showOwnIdeas: boolean;
  /** "We live apart for now": ideas that need one place give way to ideas that work apart. */
  livingApart: boolean;
}

export function themeOf(prefs: Prefs): ThemePrefs {
  return { themeMode: prefs.themeMode, palette: prefs.palette, textScale: prefs.textScale, motion: prefs.motion };
}

export const PREF_RANGES = {
  textScale: TEXT_SCALE,
  nudgesPerDay: { min: 0, max: 6 },
  spacingMinutes: { min: 30, max: 720 },
  maxMinutes: { min: 1, max: 60 },
  windowsPerDay: 4,
} as const;

const EVENING: TimeWindow = { start: 18 * 60 + 30, end: 21 * 60 + 30 };

export function defaultWindows(): WeekWindows {
  return Array.from({ length: 7 }, () => [{ ...EVENING }]);
}

export function defaultPrefs(): Prefs {
  return {
    ...THEME_DEFAULTS,
    nudgesEnabled: true,
    nudgesPerDay: 1,
    windows: defaultWindows(),
    spacingMinutes: 90,
    discreet: true,
    deferWhenIdle: true,
    stickyNotifications: false,
    hiddenCategories: [],
    modeFilter: 'both',
    maxIntensity: 'warm',
    maxMinutes: 60,
    showOwnIdeas: true,
    livingApart: false,
  };
}

export type WindowProblem =
  | { kind: 'shape'; day: number }
  | { kind: 'too-many'; day: number }
  | { kind: 'end-before-start'; day: number; index: number }
  | { kind: 'too-long'; day: number; index: number }
  | { kind: 'overlap'; day: number; index: number };

/** Checks a week of windows; returns every problem found (empty when valid). */
export function checkWindows(value: unknown): WindowProblem[] {
  if (!Array.isArray(value) || value.length !== 7) return [{ kind: 'shape', day: 0 }];
  const problems: WindowProblem[] = [];
  const spans: { day: number; index: number; from: number; to: number }[] = [];
  value.forEach((day: unknown, d) => {
    if (!Array.isArray(day)) return problems.push({ kind: 'shape', day: d });
    // Too many is reported without looking inside, so a huge list costs nothing.
    if (day.length > PREF_RANGES.windowsPerDay) return problems.push({ kind: 'too-many', day: d });
    day.forEach((w: unknown, index) => {
      const win = w as Partial<TimeWindow> | null;
      if (!win || !isInt(win.start) || !isInt(win.end) || win.start < 0 || win.start >= 1440) {
        return problems.push({ kind: 'shape', day: d });
      }
      if (win.end <= win.start) return problems.push({ kind: 'end-before-start', day: d, index });
      if (win.end - win.start > 1440) return problems.push({ kind: 'too-long', day: d, index });
      spans.push({ day: d, index, from: d * 1440 + win.start, to: d * 1440 + win.end });
    });
  });
  // Overlaps across the whole week, including a Saturday night running into Sunday.
  const WEEK = 7 * 1440;
  const flagged = new Set<string>();
  for (const a of spans) {
    for (const b of spans) {
      if (a === b) continue;
      const overlaps = [0, WEEK, -WEEK].some((shift) => a.from < b.to + shift && b.from + shift < a.to);
      const later = a.from > b.from || (a.from === b.from && a.index > b.index);
      const key = `${a.day}:${a.index}`;
      if (overlaps && later && !flagged.has(key)) {
        flagged.add(key);
        problems.push({ kind: 'overlap', day: a.day, index: a.index });
      }
    }
  }
  return problems;
}

/** Each field's reader (the look's come from theme-prefs.ts). */
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** Windows by meaning: key order and unknown extra fields do not matter; only start and end are kept. */
function readWindows(value: unknown): WeekWindows | undefined {
  if (checkWindows(value).length > 0) return undefined;
  return (value as TimeWindow[][]).map((day) => day.map(({ start, end }) => ({ start, end })));
}

/** A set of kinds: any order, no unknown kinds, no repeats; stored in the library's order. */
function readCategories(value: unknown): Category[] | undefined {
  if (!Array.isArray(value) || value.length > 4 * CATEGORIES.length || !value.every(isCategory)) return undefined;
  return CATEGORIES.filter((c) => value.includes(c));
}

const READERS: Readers<Prefs> = {
  ...THEME_READERS,
  nudgesEnabled: bool,
  nudgesPerDay: intIn(PREF_RANGES.nudgesPerDay.min, PREF_RANGES.nudgesPerDay.max),
  windows: readWindows,
  spacingMinutes: intIn(PREF_RANGES.spacingMinutes.min, PREF_RANGES.spacingMinutes.max),
  discreet: bool,
  deferWhenIdle: bool,
  stickyNotifications: bool,
  hiddenCategories: readCategories,
  modeFilter: oneOf(MODE_FILTERS),
  maxIntensity: (value) => (isIntensity(value) ? value : undefined),
  maxMinutes: intIn(PREF_RANGES.maxMinutes.min, PREF_RANGES.maxMinutes.max),
  showOwnIdeas: bool,
  livingApart: bool,
};

export interface ValidatedPrefs {
  prefs: Prefs;
  /** Names of fields that were missing or wrong and fell back to defaults. */
  replaced: (keyof Prefs)[];
  /** Fields that were there but could not be used (damaged, not merely missing). */
  damaged: (keyof Prefs)[];
  /** A record was stored but is not a record of settings at all (a string, an array). */
  unreadable: boolean;
}

/**
 * Turns anything (a stored record, an imported file) into valid preferences:
 * good fields are kept, bad or missing ones get their default. Never throws, never recurses
 * into a field deeper than its shape allows.
 */
export function validatePrefs(raw: unknown): ValidatedPrefs {
  const src: Record<string, unknown> = isRecord(raw) ? raw : {};
  const { value: prefs, replaced } = readFields(src, READERS, defaultPrefs());
  const unreadable = raw !== undefined && raw !== null && src !== raw;
  return { prefs, replaced, damaged: replaced.filter((key) => Object.hasOwn(src, key)), unreadable };
}
