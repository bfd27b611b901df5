/** Local calendar days as 'YYYY-MM-DD' keys. Pure. */

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(time: number | Date): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight at the start of the day that holds `time`. */
export function startOfDay(time: number): number {
  const d = new Date(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** A file name carrying the local date a person sees today: `tend-backup-2026-05-04.json`. */
export function localDatedFileName(stem: string, now: number, extension: string): string {
  return `${stem}-${dayKey(now)}.${extension}`;
}

/** Minutes after local midnight of the day that holds `time`, by the wall clock. */
export function wallMinutes(time: number): number {
  const d = new Date(time);
  return d.getHours() * 60 + d.getMinutes();
}

/** Local midnight at the start of the day after `time`. */
export function startOfNextDay(time: number): number {
  const d = new Date(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The day key `days` calendar days before the one holding `time`. */
export function dayKeyBefore(time: number, days: number): string {
  const d = new Date(time);
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - days));
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The day key `days` calendar days before the day key `day`. */
export function dayKeyBeforeKey(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayKeyBefore(new Date(y, m - 1, d).getTime(), days);
}

/** The newest `count` distinct day keys ('YYYY-MM-DD'), oldest first: how every list of days is kept bounded. */
export function newestDays(days: readonly string[], count: number): string[] {
  return [...new Set(days)].sort().slice(-count);
}
