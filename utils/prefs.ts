/** Preferences: the type, defaults, and a validator that never throws. Pure. */
import { CATEGORIES, isCategory, isIntensity, type Category, type Intensity } from './library';
import { PALETTE_IDS, type PaletteId } from './palettes';

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

export const THEME_MODES = ['system', 'light', 'dark'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];
export const MOTIONS = ['system', 'reduce', 'full'] as const;
export type Motion = (typeof MOTIONS)[number];
export const MODE_FILTERS = ['both', 'together', 'solo'] as const;
export type ModeFilter = (typeof MODE_FILTERS)[number];

export interface Prefs {
  themeMode: ThemeMode;
  palette: PaletteId;
  /** Text size in percent. */
  textScale: number;
  motion: Motion;
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
}

export const LIMITS = {
  textScale: { min: 90, max: 130 },
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
    themeMode: 'system',
    palette: 'dusk',
    textScale: 100,
    motion: 'system',
    nudgesEnabled: true,
    nudgesPerDay: 1,
    windows: defaultWindows(),
    spacingMinutes: 90,
    discreet: true,
    deferWhenIdle: true,
    stickyNotifications: false,
    hiddenCategories: [],
    modeFilter: 'both',
    maxIntensity: 'close',
    maxMinutes: 60,
  };
}

export type WindowProblem =
  | { kind: 'shape'; day: number }
  | { kind: 'too-many'; day: number }
  | { kind: 'end-before-start'; day: number; index: number }
  | { kind: 'too-long'; day: number; index: number }
  | { kind: 'overlap'; day: number; index: number };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks a week of windows; returns every problem found (empty when valid). */
export function checkWindows(value: unknown): WindowProblem[] {
  if (!Array.isArray(value) || value.length !== 7) return [{ kind: 'shape', day: 0 }];
  const problems: WindowProblem[] = [];
  const spans: { day: number; index: number; from: number; to: number }[] = [];
  value.forEach((day: unknown, d) => {
    if (!Array.isArray(day)) return problems.push({ kind: 'shape', day: d });
    if (day.length > LIMITS.windowsPerDay) problems.push({ kind: 'too-many', day: d });
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

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function intIn(value: unknown, min: number, max: number, fallback: number): number {
  return isInt(value) && value >= min && value <= max ? value : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export interface ValidatedPrefs {
  prefs: Prefs;
  /** Names of fields that were missing or wrong and fell back to defaults. */
  replaced: (keyof Prefs)[];
  /** Fields that were there but could not be used (damaged, not merely missing). */
  damaged: (keyof Prefs)[];
}

/**
 * Turns anything (a stored record, an imported file) into valid preferences:
 * good fields are kept, bad or missing ones get their default.
 */
export function validatePrefs(raw: unknown): ValidatedPrefs {
  const d = defaultPrefs();
  const src = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const windowsOk = checkWindows(src.windows).length === 0;
  const hidden = Array.isArray(src.hiddenCategories) ? src.hiddenCategories.filter(isCategory) : null;
  const prefs: Prefs = {
    themeMode: pick(src.themeMode, THEME_MODES, d.themeMode),
    palette: pick(src.palette, PALETTE_IDS, d.palette),
    textScale: intIn(src.textScale, LIMITS.textScale.min, LIMITS.textScale.max, d.textScale),
    motion: pick(src.motion, MOTIONS, d.motion),
    nudgesEnabled: bool(src.nudgesEnabled, d.nudgesEnabled),
    nudgesPerDay: intIn(src.nudgesPerDay, LIMITS.nudgesPerDay.min, LIMITS.nudgesPerDay.max, d.nudgesPerDay),
    windows: windowsOk
      ? (src.windows as TimeWindow[][]).map((day) => day.map(({ start, end }) => ({ start, end })))
      : d.windows,
    spacingMinutes: intIn(src.spacingMinutes, LIMITS.spacingMinutes.min, LIMITS.spacingMinutes.max, d.spacingMinutes),
    discreet: bool(src.discreet, d.discreet),
    deferWhenIdle: bool(src.deferWhenIdle, d.deferWhenIdle),
    stickyNotifications: bool(src.stickyNotifications, d.stickyNotifications),
    hiddenCategories: hidden ? CATEGORIES.filter((c) => hidden.includes(c)) : d.hiddenCategories,
    modeFilter: pick(src.modeFilter, MODE_FILTERS, d.modeFilter),
    maxIntensity: isIntensity(src.maxIntensity) ? src.maxIntensity : d.maxIntensity,
    maxMinutes: intIn(src.maxMinutes, LIMITS.maxMinutes.min, LIMITS.maxMinutes.max, d.maxMinutes),
  };
  const replaced = (Object.keys(d) as (keyof Prefs)[]).filter(
    (key) => JSON.stringify(prefs[key]) !== JSON.stringify(src[key]),
  );
  return { prefs, replaced, damaged: replaced.filter((key) => key in src) };
}
