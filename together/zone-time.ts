/**
 * Wall clocks in a named time zone (the pair's), whatever zone this machine is in. Pure: Intl with
 * an explicit `timeZone` and UTC arithmetic only, never the local Date getters.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether this runtime knows the IANA zone name. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at `time`, written as if it were a UTC instant (ms): comparable and subtractable. */
export function wallMs(time: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(time)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const ms = ((time % 1000) + 1000) % 1000;
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + ms;
}

/** How far `zone`'s wall clock is ahead of UTC at `time`, in ms. */
export function zoneOffset(time: number, zone: string): number {
  return wallMs(time, zone) - time;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of a UTC-based day number (days since 1970-01-01). */
export function keyOfDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' key (NaN when it is not one). */
export function dayNumberOfKey(key: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** The pair's calendar day holding `time`, as 'YYYY-MM-DD' in `zone`. */
export function zoneDayKey(time: number, zone: string): string {
  return keyOfDayNumber(Math.floor(wallMs(time, zone) / DAY_MS));
}

/** The key `days` calendar days after `key` (before, when negative). */
export function addDays(key: string, days: number): string {
  return keyOfDayNumber(dayNumberOfKey(key) + days);
}

/** The weekday of a day key, 0 = Sunday (as in a week of together hours). */
export function weekdayOfKey(key: string): number {
  return new Date(dayNumberOfKey(key) * DAY_MS).getUTCDay();
}

/**
 * The instant at which `zone`'s wall clock shows `minutes` after midnight of day `key` (`minutes`
 * may pass 1440: the next day). A time that comes twice (clocks going back) gives the first; a time
 * skipped (clocks going forward) gives the moment the clocks jump, the first that exists after it.
 */
export function wallToEpoch(zone: string, key: string, minutes: number): number {
  const target = dayNumberOfKey(key) * DAY_MS + minutes * MINUTE_MS;
  const offsets = [...new Set([target - DAY_MS, target, target + DAY_MS].map((t) => zoneOffset(t, zone)))];
  const exact = offsets.map((o) => target - o).filter((t) => wallMs(t, zone) === target);
  if (exact.length > 0) return Math.min(...exact);
  // Skipped: the first instant whose wall clock is past the target, between the two offsets' answers.
  let lo = target - Math.max(...offsets);
  let hi = target - Math.min(...offsets);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid, zone) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
