/**
 * What a pairing code tells, as data for the page to put in words: "Your partner's Tend suggests:
 * weekday evenings 6:30–9:30 PM, twice a day, up to warm". Pure.
 */
import type { Category, Intensity } from '../../model/vocabulary';
import type { TimeWindow } from '../../model/prefs';
import { presetOf, type PresetId } from '../../nudges/hours/presets';
import type { PairPayload } from './pair-payload';

/** Weekdays (0 = Sunday) that share the same windows. */
export interface DayGroup {
  days: number[];
  /** 'every-day', 'weekdays' (Mon–Fri), 'weekend' (Sat, Sun), or 'days' for any other set. */
  kind: 'every-day' | 'weekdays' | 'weekend' | 'days';
  windows: TimeWindow[];
}

export interface PairCodeSummary {
  /** The together hours are in this zone; the page shows them in its own local time as well. */
  zone: string;
  preset: PresetId;
  hours: DayGroup[];
  nudgesPerDay: number;
  spacingMinutes: number;
  maxIntensity: Intensity;
  maxMinutes: number;
  hiddenCategories: Category[];
  setAsideCount: number;
  /** The pair lives apart for now: its ideas are those that work apart. */
  apart: boolean;
  /** False when the two Tends' libraries differ ("update Tend on both"); null when not compared. */
  sameLibrary: boolean | null;
  /** What a code reveals to whoever reads it, in the order the page lists it. */
  reveals: readonly ('secret' | 'zone' | 'hours' | 'how-often' | 'how-close' | 'kinds' | 'set-aside' | 'apart' | 'library')[];
}

const REVEALS = ['secret', 'zone', 'hours', 'how-often', 'how-close', 'kinds', 'set-aside', 'apart', 'library'] as const;

function groupKind(days: number[]): DayGroup['kind'] {
  const key = days.join('');
  return key === '0123456' ? 'every-day' : key === '12345' ? 'weekdays' : key === '06' ? 'weekend' : 'days';
}

/** Weekdays with equal windows grouped, Monday-first by their first day; days without hours left out. */
function dayGroups(windows: readonly TimeWindow[][]): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  windows.forEach((day, weekday) => {
    if (day.length === 0) return;
    const sorted = [...day].sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end }));
    const key = JSON.stringify(sorted);
    const group = groups.get(key) ?? { days: [], kind: 'days', windows: sorted };
    group.days.push(weekday);
    groups.set(key, group);
  });
  const mondayFirst = (d: number) => (d + 6) % 7;
  return [...groups.values()]
    .map((g) => ({ ...g, kind: groupKind(g.days) }))
    .sort((a, b) => mondayFirst(a.days[0] as number) - mondayFirst(b.days[0] as number));
}

export function describePairCode(pair: PairPayload, localFingerprint: number | null = null): PairCodeSummary {
  const c = pair.choices;
  return {
    zone: pair.zone,
    preset: presetOf(c.windows),
    hours: dayGroups(c.windows),
    nudgesPerDay: c.nudgesPerDay,
    spacingMinutes: c.spacingMinutes,
    maxIntensity: c.maxIntensity,
    maxMinutes: c.maxMinutes,
    hiddenCategories: [...c.hiddenCategories],
    setAsideCount: c.setAside.length,
    apart: c.apart,
    sameLibrary: localFingerprint === null ? null : localFingerprint === pair.libraryFingerprint,
    reveals: REVEALS,
  };
}
