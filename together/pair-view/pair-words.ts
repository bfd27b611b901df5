/**
 * A pairing code in words, for the person deciding whether to take it in: "Weekdays: 6:30–9:30 PM",
 * "Twice a day, at least 90 minutes apart", "Up to warm". Hours are said in this machine's local time;
 * the pair's days are the pair zone's. Pure: time, zone and words come in.
 */
import type { MessageKey, Translate } from '../../platform/i18n';
import type { Category, Intensity } from '../../model/vocabulary';
import type { TimeWindow } from '../../model/prefs';
import { describeHours } from '../../nudges/hours/next-windows';
import type { DayGroup, PairCodeSummary } from '../code/describe-pair-code';
import { addDays, wallToEpoch, weekdayOfKey, zoneDayKey } from '../zone-time';

export interface WordsContext {
  t: Translate;
  locale: string;
  now: number;
  /** This machine's IANA zone: when the pair's differs, the words say so. */
  localZone: string;
}

const DAY_WORDS: Record<Exclude<DayGroup['kind'], 'days'>, MessageKey> = {
  'every-day': 'togetherDays_everyDay',
  weekdays: 'togetherDays_weekdays',
  weekend: 'togetherDays_weekend',
};
const PER_DAY: Record<number, MessageKey> = { 0: 'togetherNoNudges', 1: 'perDay_1', 2: 'perDay_2', 3: 'perDay_3' };
const UP_TO: Record<Intensity, MessageKey> = { gentle: 'intensity_gentle', warm: 'intensity_warm', close: 'intensity_close' };
const CATEGORY: Record<Category, MessageKey> = {
  touch: 'category_touch',
  talk: 'category_talk',
  presence: 'category_presence',
  honesty: 'category_honesty',
  play: 'category_play',
  care: 'category_care',
  appreciation: 'category_appreciation',
  myths: 'category_myths',
  stress: 'category_stress',
  solo: 'category_solo',
};
export const REVEAL_WORDS: Record<PairCodeSummary['reveals'][number], MessageKey> = {
  secret: 'togetherReveal_secret',
  zone: 'togetherReveal_zone',
  hours: 'togetherReveal_hours',
  'how-often': 'togetherReveal_howOften',
  'how-close': 'togetherReveal_howClose',
  kinds: 'togetherReveal_kinds',
  'set-aside': 'togetherReveal_setAside',
  library: 'togetherReveal_library',
  apart: 'togetherReveal_apart',
};

/** "America/New_York" as people read it. */
export const zoneName = (zone: string): string => zone.replace(/_/g, ' ');

const list = (items: string[], locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

/** "Mon and Wed": short weekday names, Monday first. */
function weekdayNames(days: number[], locale: string): string {
  // 2024-01-07 was a Sunday; formatted in UTC, so the machine's zone cannot shift the day.
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const mondayFirst = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return list(mondayFirst.map((d) => format.format(Date.UTC(2024, 0, 7 + d, 12))), locale);
}

/** A window of the pair's day in this machine's clock, on the next pair day of the group (so this week's clock change counts). */
function localHours(w: TimeWindow, days: number[], zone: string, { now, locale }: WordsContext): string {
  const today = zoneDayKey(now, zone);
  const offset = Array.from({ length: 7 }, (_, i) => i).find((i) => days.includes(weekdayOfKey(addDays(today, i)))) ?? 0;
  const day = addDays(today, offset);
  return describeHours({ start: wallToEpoch(zone, day, w.start), end: wallToEpoch(zone, day, w.end) }, locale);
}

export function spacingWords(minutes: number, t: Translate): string {
  if (minutes === 60) return t('oneHour');
  return minutes < 60 || minutes % 60 ? t('minutesCount', String(minutes)) : t('hoursCount', String(minutes / 60));
}

/** The lines of "Your partner's Tend suggests:", and the note on the pair's zone when it is not this machine's. */
export function pairCodeWords(summary: PairCodeSummary, context: WordsContext): { lines: string[]; zoneNote: string | null } {
  const { t, locale } = context;
  const hours = summary.hours.map((group) =>
    t('togetherDaysHours', [
      group.kind === 'days' ? weekdayNames(group.days, locale) : t(DAY_WORDS[group.kind]),
      list(group.windows.map((w) => localHours(w, group.days, summary.zone, context)), locale),
    ]),
  );
  const often = PER_DAY[summary.nudgesPerDay] ? t(PER_DAY[summary.nudgesPerDay] as MessageKey) : t('togetherTimesADay', String(summary.nudgesPerDay));
  const lines = [
    ...(hours.length > 0 ? hours : [t('togetherNoHours')]),
    summary.nudgesPerDay >= 2 ? t('togetherSpacing', [often, spacingWords(summary.spacingMinutes, t)]) : often,
    t(UP_TO[summary.maxIntensity]),
  ];
  if (summary.maxMinutes < 60) lines.push(t('togetherUpToMinutes', String(summary.maxMinutes)));
  if (summary.hiddenCategories.length > 0) lines.push(t('togetherLeavingOut', list(summary.hiddenCategories.map((c) => t(CATEGORY[c])), locale)));
  if (summary.setAsideCount > 0) lines.push(t('togetherSetAside', String(summary.setAsideCount)));
  if (summary.apart) lines.push(t('togetherApart'));
  return { lines, zoneNote: summary.zone === context.localZone ? null : t('togetherZoneNote', zoneName(summary.zone)) };
}
