/** The next together-hours windows as real times, and how to say one in words. Pure. */
import type { TimeWindow, WeekWindows } from '../../model/prefs';
import { formatTimeRange } from '../time-range';

/** One together-hours window on the calendar: timestamps of its first and just-after-last minute. */
export interface WindowSpan {
  start: number;
  end: number;
}

/** How far ahead to look: a week with windows on one day only still yields three. */
const SEARCH_DAYS = 22;

/**
 * The next `count` windows that have not ended by `now` (one in progress counts), in time order.
 * Built from the local wall clock, like the scheduler, so a daylight-saving day keeps "18:30".
 */
export function nextWindows(windows: WeekWindows, now: number, count = 3): WindowSpan[] {
  const today = new Date(now);
  const [y, m, d] = [today.getFullYear(), today.getMonth(), today.getDate()];
  const out: WindowSpan[] = [];
  // From yesterday: its window may run past midnight into today.
  for (let i = -1; i < SEARCH_DAYS && out.length < count; i++) {
    const weekday = new Date(y, m, d + i).getDay();
    const list = [...(windows[weekday] ?? [])].sort((a, b) => a.start - b.start);
    for (const w of list) {
      const span = { start: new Date(y, m, d + i, 0, w.start).getTime(), end: new Date(y, m, d + i, 0, w.end).getTime() };
      if (span.end > now) out.push(span);
    }
  }
  return out.slice(0, count);
}

/** Words for the days near `now`; pages pass their own translated ones. */
export interface DayWords {
  today: string;
  tonight: string;
  tomorrow: string;
}

function intlWords(locale: string): DayWords {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const today = relative.format(0, 'day');
  return { today, tonight: today, tomorrow: relative.format(1, 'day') };
}

const EVENING_HOUR = 17;
const dayNumber = (time: number) => {
  const d = new Date(time);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
};

/** "6:30–9:30 PM", "22:00–01:00": the window's hours, in the locale's clock, written as everywhere (formatTimeRange). */
export function describeHours(win: WindowSpan, locale: string): string {
  return formatTimeRange(win.start, win.end, locale);
}

/**
 * A window in words: "tonight, 6:30–9:30 PM", "tomorrow, …", "Tue 6:30–9:30 PM", and a date
 * once it is a week or more away ("Sat, May 16 …").
 */
export function describeWindow(win: WindowSpan, now: number, locale: string, words: DayWords = intlWords(locale)): string {
  const hours = describeHours(win, locale);
  const days = dayNumber(win.start) - dayNumber(now);
  const evening = new Date(win.start).getHours() >= EVENING_HOUR;
  if (days <= 0 || win.start <= now) return `${days < 0 || evening ? words.tonight : words.today}, ${hours}`;
  if (days === 1) return `${words.tomorrow}, ${hours}`;
  const day = new Intl.DateTimeFormat(
    locale,
    days < 7 ? { weekday: 'short' } : { weekday: 'short', day: 'numeric', month: 'short' },
  ).format(win.start);
  return `${day} ${hours}`;
}

/** A weekday window's hours in words, on no day in particular: "6:30–9:30 PM". */
export function describeTimeWindow(w: TimeWindow, locale: string): string {
  // 2024-01-08: a plain Monday with no daylight-saving change in either hemisphere's usual zones.
  return describeHours({ start: new Date(2024, 0, 8, 0, w.start).getTime(), end: new Date(2024, 0, 8, 0, w.end).getTime() }, locale);
}
