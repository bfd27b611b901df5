import type { WeekWindows } from '../../model/prefs';
import { describeTimeWindow, describeWindow, nextWindows, type DayWords } from './next-windows';
import { windowHolding } from './window-holding';
import { useServices } from '../../platform/services';
import './week-picture.css';

/** Monday first; index is `Date.getDay()`. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];
const TICKS = [0, 6, 12, 18, 24];

interface Bar {
  /** Minutes after midnight of the row's day. */
  from: number;
  to: number;
  /** The weekday and index of the window it belongs to (a window past midnight gives two bars). */
  day: number;
  index: number;
}

function weekdayName(day: number, locale: string, width: 'long' | 'short'): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: width }).format(new Date(2024, 0, 7 + day));
}

/** The bars of each weekday's row: its own windows, and the part of yesterday's that runs past midnight. */
function barsByDay(windows: WeekWindows): Bar[][] {
  const rows: Bar[][] = Array.from({ length: 7 }, () => []);
  windows.forEach((list, day) =>
    list.forEach((w, index) => {
      rows[day]?.push({ from: w.start, to: Math.min(w.end, 1440), day, index });
      if (w.end > 1440) rows[(day + 1) % 7]?.push({ from: 0, to: w.end - 1440, day, index });
    }),
  );
  return rows;
}

/**
 * The week as a picture: seven rows of 24 hours with the together hours shaded and the next
 * nudge's window outlined; a list in words for screen readers; and the next three windows.
 */
export function WeekPicture({ windows, nextAt }: { windows: WeekWindows; nextAt: number | null }) {
  const { t, locale, now } = useServices();
  const rows = barsByDay(windows);
  const marked = nextAt === null ? null : windowHolding(windows, nextAt);
  const words: DayWords = { today: t('dayToday'), tonight: t('dayTonight'), tomorrow: t('dayTomorrow') };
  const time = now();
  const upcoming = nextWindows(windows, time, 3);
  const percent = (minutes: number) => `${(minutes / 1440) * 100}%`;
  const markedWindow = marked ? windows[marked.day]?.[marked.index] : undefined;

  return (
    <div class="week">
      <figure class="week-picture">
        <figcaption class="visually-hidden">{t('weekPictureLabel')}</figcaption>
        <ul class="visually-hidden" data-testid="week-text">
          {DAY_ORDER.map((day) => {
            const list = windows[day] ?? [];
            const name = weekdayName(day, locale, 'long');
            return (
              <li key={day}>
                {list.length === 0
                  ? t('weekDayNone', name)
                  : t('weekDayHours', [name, list.map((w) => describeTimeWindow(w, locale)).join(', ')])}
              </li>
            );
          })}
          {marked && nextAt !== null && markedWindow && (
            <li>{t('weekNextMarked', `${weekdayName(marked.day, locale, 'long')}, ${describeTimeWindow(markedWindow, locale)}`)}</li>
          )}
        </ul>
        <div class="week-grid" aria-hidden="true">
          <div class="week-ticks">
            {TICKS.map((h) => (
              <span key={h} class="week-tick" style={{ left: percent(h * 60) }}>
                {h}
              </span>
            ))}
          </div>
          {DAY_ORDER.map((day) => (
            <div key={day} class="week-row">
              <span class="week-day">{weekdayName(day, locale, 'short')}</span>
              <span class="week-track">
                {TICKS.slice(1, -1).map((h) => (
                  <span key={h} class="week-line" style={{ left: percent(h * 60) }} />
                ))}
                {(rows[day] ?? []).map((bar) => {
                  const next = marked !== null && marked.day === bar.day && marked.index === bar.index;
                  return (
                    <span
                      key={`${bar.day}-${bar.index}-${bar.from}`}
                      class={next ? 'week-bar next' : 'week-bar'}
                      data-next={next ? 'true' : undefined}
                      style={{ left: percent(bar.from), width: percent(bar.to - bar.from) }}
                    />
                  );
                })}
              </span>
            </div>
          ))}
        </div>
        <p class="muted small week-legend" aria-hidden="true">
          {t('weekLegend')}
        </p>
      </figure>
      <h4 class="week-next-heading">{t('nextWindowsHeading')}</h4>
      {upcoming.length === 0 ? (
        <p class="small">{t('nextWindowsNone')}</p>
      ) : (
        <ul class="week-next">
          {upcoming.map((w) => (
            <li key={w.start}>{describeWindow(w, time, locale, words)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
