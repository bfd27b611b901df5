/** What a pairing code carries, and its compact binary form (bits, not JSON). Pure. */
import { CATEGORIES, INTENSITIES, type Category, type Intensity } from '../../model/vocabulary';
import { checkWindows, PREF_RANGES, type Prefs, type TimeWindow, type WeekWindows } from '../../model/prefs';
import { BitReader, BitWriter } from './bits';
import { isKnownZone } from '../zone-time';

export const SECRET_BYTES = 16;

/** The choices both Tends of a pair share: they decide the pair's idea and nudge times. */
export interface PairChoices {
  windows: WeekWindows;
  nudgesPerDay: number;
  spacingMinutes: number;
  maxIntensity: Intensity;
  maxMinutes: number;
  hiddenCategories: Category[];
  /** Library ideas either of the pair set aside ("Not for us"), sorted, no repeats. */
  setAside: string[];
  /** "We live apart for now": the pair's ideas are those that work apart (a code of version 2 carries it). */
  apart: boolean;
}

export interface PairPayload {
  /** 128 bits from crypto.getRandomValues: every shared choice of the pair is derived from it. */
  secret: Uint8Array;
  /** The inviting Tend's IANA zone: the pair's days and together hours are in it. */
  zone: string;
  choices: PairChoices;
  /** libraryFingerprint() of the idea library of the Tend that wrote the code. */
  libraryFingerprint: number;
  /** Goes up with every change of a shared choice: the higher one wins. */
  counter: number;
}

/** The shared part of this Tend's settings, with the ideas set aside here and there. */
export function pairChoicesFrom(prefs: Prefs, setAside: Iterable<string>): PairChoices {
  return {
    windows: prefs.windows.map((day) => day.map(({ start, end }) => ({ start, end }))),
    nudgesPerDay: prefs.nudgesPerDay,
    spacingMinutes: prefs.spacingMinutes,
    maxIntensity: prefs.maxIntensity,
    maxMinutes: prefs.maxMinutes,
    hiddenCategories: CATEGORIES.filter((c) => prefs.hiddenCategories.includes(c)),
    setAside: [...new Set(setAside)].sort(),
    apart: prefs.livingApart,
  };
}

const AREAS = ['', 'America/', 'Europe/', 'Asia/', 'Africa/', 'Australia/', 'Pacific/', 'Atlantic/', 'Indian/', 'Antarctica/', 'Etc/', 'Arctic/'];
const UNITS = [1, 5, 15, 30];
const LIBRARY_ID = new RegExp(`^(${CATEGORIES.join('|')})-(\\d{3})$`);
const TEXT = /^[\x21-\x7e]{1,63}$/;

function writeText(w: BitWriter, text: string): void {
  w.write(text.length, 6);
  for (const char of text) w.write(char.charCodeAt(0), 7);
}

function readText(r: BitReader): string {
  const length = r.read(6);
  return String.fromCharCode(...Array.from({ length }, () => r.read(7)));
}

function writeZone(w: BitWriter, zone: string): void {
  const area = AREAS.findLastIndex((a) => a !== '' && zone.startsWith(a));
  w.write(Math.max(0, area), 4);
  writeText(w, zone.slice(area > 0 ? (AREAS[area] as string).length : 0));
}

function readZone(r: BitReader): string {
  const area = AREAS[r.read(4)];
  return area === undefined ? '' : area + readText(r);
}

const sortedDay = (day: TimeWindow[]) => [...day].sort((a, b) => a.start - b.start);

/** Days with the same windows share one entry (a weekday mask); times in the coarsest unit that fits. */
function writeWindows(w: BitWriter, windows: WeekWindows): void {
  const all = windows.flat();
  const unitIndex = UNITS.findLastIndex((u) => all.every((x) => x.start % u === 0 && x.end % u === 0));
  const unit = UNITS[unitIndex] as number;
  const width = Math.ceil(Math.log2(1440 / unit));
  w.write(unitIndex, 2);
  const groups = new Map<string, { mask: number; day: TimeWindow[] }>();
  windows.forEach((day, weekday) => {
    if (day.length === 0) return;
    const key = JSON.stringify(sortedDay(day));
    const group = groups.get(key) ?? { mask: 0, day: sortedDay(day) };
    group.mask |= 1 << weekday;
    groups.set(key, group);
  });
  w.write(groups.size, 3);
  for (const { mask, day } of groups.values()) {
    w.write(mask, 7);
    w.write(day.length, 3);
    for (const x of day) {
      w.write(x.start / unit, width);
      w.write((x.end - x.start) / unit - 1, width);
    }
  }
}

function readWindows(r: BitReader): WeekWindows | null {
  const unit = UNITS[r.read(2)] as number;
  const width = Math.ceil(Math.log2(1440 / unit));
  const windows: WeekWindows = Array.from({ length: 7 }, () => []);
  let seen = 0;
  const groups = r.read(3);
  for (let g = 0; g < groups; g++) {
    const mask = r.read(7);
    const count = r.read(3);
    if (mask === 0 || count === 0 || (mask & seen) !== 0) return null;
    seen |= mask;
    const day = Array.from({ length: count }, () => {
      const start = r.read(width) * unit;
      return { start, end: start + (r.read(width) + 1) * unit };
    });
    for (let d = 0; d < 7; d++) if (mask & (1 << d)) windows[d] = day.map((x) => ({ ...x }));
  }
  return checkWindows(windows).length === 0 ? windows : null;
}

function writeIds(w: BitWriter, ids: readonly string[]): void {
  w.writeCount(ids.length);
  for (const id of ids) {
    const match = LIBRARY_ID.exec(id);
    w.write(match ? 0 : 1, 1);
    if (match) {
      w.write(CATEGORIES.indexOf(match[1] as Category), 4);
      w.write(Number(match[2]), 10);
    } else writeText(w, id);
  }
}

function readIds(r: BitReader): string[] | null {
  const count = r.readCount();
  if (count > MAX_SET_ASIDE) return null;
  const ids = Array.from({ length: count }, () => {
    if (r.read(1) === 1) return readText(r);
    const category = CATEGORIES[r.read(4)];
    const number = r.read(10);
    return category && number < 1000 ? `${category}-${String(number).padStart(3, '0')}` : '';
  });
  const canonical = ids.every((id, i) => TEXT.test(id) && (i === 0 || (ids[i - 1] as string) < id));
  return canonical ? ids : null;
}

/** At most this many set-aside ideas travel in a code, so it stays one a messenger takes. */
export const MAX_SET_ASIDE = 400;

/** What is wrong with a payload before it is written (null: nothing). */
export function payloadProblem(p: PairPayload): string | null {
  const c = p.choices;
  if (p.secret.length !== SECRET_BYTES) return 'secret';
  if (!TEXT.test(p.zone) || !isKnownZone(p.zone)) return 'zone';
  if (!Number.isInteger(p.counter) || p.counter < 0 || p.counter >= 2 ** 31) return 'counter';
  if (!Number.isInteger(p.libraryFingerprint) || p.libraryFingerprint < 0 || p.libraryFingerprint >= 2 ** 32) return 'fingerprint';
  if (checkWindows(c.windows).length > 0) return 'windows';
  const inRange = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  if (!inRange(c.nudgesPerDay, PREF_RANGES.nudgesPerDay.min, PREF_RANGES.nudgesPerDay.max)) return 'nudgesPerDay';
  if (!inRange(c.spacingMinutes, PREF_RANGES.spacingMinutes.min, PREF_RANGES.spacingMinutes.max)) return 'spacingMinutes';
  if (!inRange(c.maxMinutes, PREF_RANGES.maxMinutes.min, PREF_RANGES.maxMinutes.max)) return 'maxMinutes';
  if (!INTENSITIES.includes(c.maxIntensity)) return 'maxIntensity';
  if (!c.hiddenCategories.every((x, i) => CATEGORIES.includes(x) && c.hiddenCategories.indexOf(x) === i)) return 'hiddenCategories';
  if (c.setAside.length > MAX_SET_ASIDE || !c.setAside.every((id) => TEXT.test(id))) return 'setAside';
  return null;
}

/**
 * The code's version a payload needs: 1, unless the pair lives apart (2: the same fields, then a byte of
 * flags). Written as 1 whenever it can be, so a Tend that reads only version 1 still pairs.
 */
export function payloadVersion(p: PairPayload): 1 | 2 {
  return p.choices.apart ? 2 : 1;
}

const FLAG_APART = 1;

export function writePayload(w: BitWriter, p: PairPayload): void {
  for (const byte of p.secret) w.write(byte, 8);
  w.writeCount(p.counter);
  w.write(p.libraryFingerprint, 32);
  writeZone(w, p.zone);
  const c = p.choices;
  writeWindows(w, c.windows);
  w.write(c.nudgesPerDay, 3);
  w.write(c.spacingMinutes, 10);
  w.write(INTENSITIES.indexOf(c.maxIntensity), 2);
  w.write(c.maxMinutes - 1, 6);
  w.write(CATEGORIES.reduce((mask, cat, i) => (c.hiddenCategories.includes(cat) ? mask | (1 << i) : mask), 0), CATEGORIES.length);
  writeIds(w, [...new Set(c.setAside)].sort());
  if (payloadVersion(p) >= 2) w.write(c.apart ? FLAG_APART : 0, 8);
}

/** The payload of a code of `version` (1 or 2), or null when the bits do not make one (a code no Tend writes). */
export function readPayload(r: BitReader, version: number): PairPayload | null {
  const secret = Uint8Array.from({ length: SECRET_BYTES }, () => r.read(8));
  const counter = r.readCount();
  const libraryFingerprint = r.read(32);
  const zone = readZone(r);
  const windows = readWindows(r);
  const nudgesPerDay = r.read(3);
  const spacingMinutes = r.read(10);
  const maxIntensity = INTENSITIES[r.read(2)];
  const maxMinutes = r.read(6) + 1;
  const mask = r.read(CATEGORIES.length);
  const setAside = readIds(r);
  const flags = version >= 2 ? r.read(8) : 0;
  if (r.overrun || !windows || !maxIntensity || !setAside) return null;
  const hiddenCategories = CATEGORIES.filter((_, i) => mask & (1 << i));
  const apart = flags === FLAG_APART;
  const choices: PairChoices = { windows, nudgesPerDay, spacingMinutes, maxIntensity, maxMinutes, hiddenCategories, setAside, apart };
  const payload: PairPayload = { secret, zone, choices, libraryFingerprint, counter };
  // Only what Tend writes: no unknown flag, and version 2 only where version 1 could not say it.
  if ((flags & ~FLAG_APART) !== 0 || payloadVersion(payload) !== version) return null;
  return payloadProblem(payload) === null ? payload : null;
}
