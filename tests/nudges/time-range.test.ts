import { describe, expect, it } from 'vitest';
import { formatTimeRange, RANGE_DASH } from '../../nudges/time-range';
import { describeTimeWindow } from '../../nudges/hours/next-windows';
import { inTimeZone } from '../helpers';

/** What a reader sees: the joiners are invisible, the no-break spaces look like spaces. */
const seen = (text: string) => text.replace(/\u2060/g, '').replace(/[\u00a0\u202f]/g, ' ');
/** A place a line may break: any space but the no-break ones. */
const breakable = (text: string) => /[^\S\u00a0\u202f]/u.test(text);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();

describe('formatTimeRange: one way to write a span of time', () => {
  it('writes an en dash with no spaces, and the shared "PM" or "Uhr" once', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(seen(formatTimeRange(at(4, 18, 30), at(4, 21, 30), 'en-US'))).toBe('6:30–9:30 PM');
      expect(seen(formatTimeRange(at(4, 11), at(4, 21, 30), 'en-US'))).toBe('11:00 AM–9:30 PM');
      expect(seen(formatTimeRange(at(4, 18, 30), at(4, 21, 30), 'de'))).toBe('18:30–21:30 Uhr');
    });
  });

  it('names both times, with no dates, when the span runs past midnight (or ends at it)', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(seen(formatTimeRange(at(4, 22), at(5, 1), 'en-US'))).toBe('10:00 PM–1:00 AM');
      expect(seen(formatTimeRange(at(4, 18), at(5, 0), 'en-US'))).toBe('6:00 PM–12:00 AM');
      expect(seen(formatTimeRange(at(4, 22), at(5, 1), 'de'))).toMatch(/^22:00–0?1:00$/);
    });
  });

  it('never breaks: the dash is held by word joiners, and no space in it allows a break', () => {
    inTimeZone('Europe/Berlin', () => {
      for (const locale of ['en-US', 'en-GB', 'de']) {
        for (const [from, to] of [[at(4, 18, 30), at(4, 21, 30)], [at(4, 22), at(5, 1)]] as const) {
          const text = formatTimeRange(from, to, locale);
          expect(text).toContain(RANGE_DASH);
          expect(breakable(text), JSON.stringify(text)).toBe(false);
        }
      }
    });
  });

  it('is what the week and the presets use too', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(describeTimeWindow({ start: 18 * 60 + 30, end: 21 * 60 + 30 }, 'en-US')).toBe(
        formatTimeRange(at(4, 18, 30), at(4, 21, 30), 'en-US'),
      );
    });
  });
});
