/**
 * The popup's one quiet line about nudges: what comes next, or why nothing does, and the one
 * action that changes it. Pure: preferences, nudge state, setup, the time and the words come in.
 * The time comes from the plan the background worker stored (it owns the alarm), so the popup
 * needs none of the scheduler.
 */
import { HOUR, startOfDay, startOfNextDay, wallMinutes } from '../lib/day';
import type { Translate } from '../platform/i18n';
import type { Prefs } from '../model/prefs';
import type { NudgeState } from '../model/nudge-state';
import { isPaused } from './pause';
import type { Setup } from '../model/setup';
import { windowHolding } from './hours/window-holding';
import { formatTimeRange } from './time-range';

/** Snooze ("Later") is offered only this long after a nudge was shown. */
export const SNOOZE_OFFER_MS = 3 * HOUR;

export type StatusAction = 'finish-setup' | 'turn-on' | 'resume';

export interface StatusLine {
  text: string;
  action: { kind: StatusAction; label: string } | null;
}

export interface StatusInput {
  prefs: Pick<Prefs, 'nudgesEnabled' | 'nudgesPerDay' | 'windows' | 'spacingMinutes'>;
  nudge: NudgeState;
  setup: Setup;
  now: number;
  locale: string;
  t: Translate;
}

/** Was a nudge really shown a short while ago? Only then is "Later" a choice that means something. */
export function nudgeShownRecently(nudge: NudgeState, now: number): boolean {
  const at = nudge.lastNudgeAt;
  return at !== null && at <= now && now - at < SNOOZE_OFFER_MS;
}

/** The line, or null while the worker's plan is on its way (none stored yet, or one already due). */
export function statusLine({ prefs, nudge, setup, now, locale, t }: StatusInput): StatusLine | null {
  if (setup.finishedAt === null) return { text: t('setupUnfinished'), action: { kind: 'finish-setup', label: t('finishSetup') } };
  if (!prefs.nudgesEnabled || prefs.nudgesPerDay < 1) return { text: t('nudgesAreOff'), action: { kind: 'turn-on', label: t('turnOn') } };
  if (isPaused(nudge, now)) {
    const text = nudge.pausedIndefinitely
      ? t('nudgesPausedForNow')
      : t('nudgesPausedUntil', formatMoment(nudge.pausedUntil as number, now, locale));
    return { text, action: { kind: 'resume', label: t('resume') } };
  }
  if (prefs.windows.every((day) => day.length === 0)) return { text: t('noNudgePlanned'), action: null };
  const at = nudge.plannedAt;
  if (at === null || at <= now) return null;
  const found = windowHolding(prefs.windows, at);
  const dayStart = found ? found.dayStart : startOfDay(at);
  const day = dayWord(dayStart, found?.window.start ?? wallMinutes(at), now, locale, t);
  const time = found
    ? formatTimeRange(dayStart + found.window.start * 60_000, dayStart + found.window.end * 60_000, locale)
    : formatTime(at, locale);
  return { text: t('nextNudge', [day, time]), action: null };
}

/** "tonight", "today", "tomorrow", a weekday within the week, else a short date. */
function dayWord(dayStart: number, startMinute: number, now: number, locale: string, t: Translate): string {
  const today = startOfDay(now);
  if (dayStart === today) return t(startMinute >= 17 * 60 ? 'nextNudgeTonight' : 'nextNudgeToday');
  if (dayStart === startOfNextDay(now)) return t('nextNudgeTomorrow');
  const inAWeek = new Date(today);
  inAWeek.setDate(inAWeek.getDate() + 7);
  const options: Intl.DateTimeFormatOptions =
    dayStart < inAWeek.getTime() ? { weekday: 'long' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(dayStart);
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

function formatTime(time: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, TIME).format(time);
}

/** A moment: just the time today, the weekday within a week, a date beyond. */
export function formatMoment(time: number, now: number, locale: string): string {
  const day = startOfDay(time);
  const today = startOfDay(now);
  const inAWeek = new Date(today);
  inAWeek.setDate(inAWeek.getDate() + 6);
  const options: Intl.DateTimeFormatOptions =
    day === today
      ? TIME
      : day <= inAWeek.getTime()
        ? { weekday: 'short', ...TIME }
        : { weekday: 'short', day: 'numeric', month: 'short', ...TIME };
  return new Intl.DateTimeFormat(locale, options).format(time);
}
