/** The one way Tend writes a span of time, on every page and in every language. Pure. */
import { startOfDay } from '../lib/day';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
/** An en dash held to both times by word joiners, so a line never breaks at it. */
export const RANGE_DASH = '\u2060–\u2060';

/**
 * "6:30–9:30 PM", "18:30–21:30 Uhr", "10:00 PM–1:00 AM": an en dash with no spaces, the shared "PM" or
 * "Uhr" once when both ends are on one day (formatRange), two times when the span runs past midnight
 * (formatRange would add both dates). The whole span stays on one line.
 */
export function formatTimeRange(from: number, to: number, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, TIME);
  const text = startOfDay(from) === startOfDay(to) ? format.formatRange(from, to) : `${format.format(from)}–${format.format(to)}`;
  return text.replace(/\s*[–-]\s*/u, RANGE_DASH).replace(/ /g, '\u00a0');
}
