/**
 * The weekly check-in: when it is due, when the counsellor card is, and what an answer says. Pure:
 * every function takes the time and the stored data as arguments.
 */
import { DAY, dayKey, dayKeyBefore } from '../lib/day';
import type { MessageKey } from '../platform/i18n';
import type { CheckIn, CheckInAnswer, CheckInState } from '../model/records';
import { cleanText } from '../lib/text';

/** Days from the welcome (or the last answer) until the next check-in. */
export const CHECKIN_EVERY_DAYS = 7;
/** The counsellor card comes back at most this often. */
export const COUNSELLOR_GAP_DAYS = 28;
/** The counsellor card only answers answers this recent (an old backup brings no card). */
export const COUNSELLOR_RECENT_DAYS = 28;


/**
 * The newest answer (or the welcome) the next check-in counts from. Times ahead of the clock (a clock
 * that was ahead, an imported file) are left out, so they can never hold the card back more than a
 * week; with nothing else to count from, the card is due now.
 */
function countsFrom(setupFinishedAt: number, checkIns: readonly CheckIn[], now: number): number {
  return [setupFinishedAt, ...checkIns.map((c) => c.at)].reduce((newest, at) => (at <= now && at > newest ? at : newest), -Infinity);
}

/**
 * Whether the popup shows the check-in card by itself: weekly check-ins on, the welcome finished,
 * and 7 local calendar days since it or the last answer (so "next week, same weekday", whatever the
 * time zone or a clock change does to the hours). "Not now" waits for the next day.
 */
export function isCheckInDue(
  setupFinishedAt: number | null,
  checkIns: readonly CheckIn[],
  state: CheckInState,
  now: number,
): boolean {
  if (!state.weekly || setupFinishedAt === null) return false;
  const today = dayKey(now);
  // "Not now" on this day; a day ahead too, after a trip west moved the local date back.
  if (state.notNowDay !== null && (state.notNowDay === today || state.notNowDay === dayKeyBefore(now, -1))) return false;
  const from = countsFrom(setupFinishedAt, checkIns, now);
  return from === -Infinity || today >= dayKeyBefore(from, -CHECKIN_EVERY_DAYS);
}

/**
 * Whether the popup offers "Check in now": not in the first week after the welcome (the weekly
 * check-in itself waits that long), unless a check-in was already answered.
 */
export function checkInNowOffered(setupFinishedAt: number | null, checkIns: readonly CheckIn[], now: number): boolean {
  if (checkIns.length > 0) return true;
  if (setupFinishedAt === null) return false;
  // A welcome dated ahead (a clock that was wrong once) holds nothing back.
  return setupFinishedAt > now || dayKey(now) >= dayKeyBefore(setupFinishedAt, -CHECKIN_EVERY_DAYS);
}

/** Answers newest first, as the store reads them. */
const newestFirst = (checkIns: readonly CheckIn[]) => [...checkIns].sort((a, b) => b.at - a.at);

/** Two "Like a job" answers in a row, or three of the last five. */
export function staysHard(checkIns: readonly CheckIn[]): boolean {
  const answers = newestFirst(checkIns).map((c) => c.answer);
  if (answers[0] === 'job' && answers[1] === 'job') return true;
  return answers.slice(0, 5).filter((a) => a === 'job').length >= 3;
}

/**
 * Whether the counsellor card shows: the answers say it stays hard, the newest of them is recent
 * and came after the card was last shown, and the card was not shown in the last four weeks.
 */
export function counsellorDue(checkIns: readonly CheckIn[], state: CheckInState, now: number): boolean {
  if (!staysHard(checkIns)) return false;
  const newest = newestFirst(checkIns)[0] as CheckIn;
  const newestAt = Math.min(newest.at, now);
  if (now - newestAt > COUNSELLOR_RECENT_DAYS * DAY) return false;
  // A time ahead of the clock (the clock was set back) counts as never shown, so no card is held back for good.
  const shown = state.counsellorShownAt !== null && state.counsellorShownAt <= now ? state.counsellorShownAt : null;
  if (shown === null) return true;
  return now - shown >= COUNSELLOR_GAP_DAYS * DAY && newestAt > shown;
}

/** The one sentence under an answer: what Tend leans toward for the week after it. */
export function leaningSentenceKey(answer: CheckInAnswer): MessageKey {
  return LEANING_SENTENCES[answer];
}

const LEANING_SENTENCES: Record<CheckInAnswer, MessageKey> = {
  connecting: 'leaningConnecting',
  mixed: 'leaningMixed',
  job: 'leaningJob',
};

/** The words of each answer, as the card and the list in Settings show them. */
export const ANSWER_WORDS: Record<CheckInAnswer, MessageKey> = {
  connecting: 'checkInConnecting',
  mixed: 'checkInMixed',
  job: 'checkInJob',
};

/** A conversation offered under an answer: its id in talks.json and the link's words. */
export interface OfferedTalk {
  id: string;
  label: MessageKey;
}

const OFFERS: Record<CheckInAnswer, readonly OfferedTalk[]> = {
  connecting: [],
  mixed: [
    { id: 'talk-this-month', label: 'talkOfferThisMonth' },
    { id: 'talk-repair', label: 'talkOfferRepair' },
    { id: 'talk-slow-evening', label: 'talkOfferSlowEvening' },
  ],
  job: [
    { id: 'talk-pressure', label: 'talkOfferPressure' },
    { id: 'talk-load', label: 'talkOfferLoad' },
    { id: 'talk-rest', label: 'talkOfferRest' },
  ],
};

/**
 * One fitting conversation after "Mixed" or "Like a job" (none after "Like connecting"); a repeated
 * answer gets the next one, so the same week twice does not meet the same link.
 * `earlier` are the check-ins before this answer.
 */
export function offeredTalk(answer: CheckInAnswer, earlier: readonly CheckIn[]): OfferedTalk | null {
  const offers = OFFERS[answer];
  if (offers.length === 0) return null;
  const before = earlier.filter((c) => c.answer === answer).length;
  return offers[before % offers.length] as OfferedTalk;
}

/**
 * The note as stored: trimmed (of invisible characters too, text.ts) and within the limit, never ending in half
 * a character; an empty or invisible-only note is "". A note that is not plain text is refused by the card first
 * (`noteProblem`); here it is left out rather than stored.
 */
export function cleanNote(note: string, max: number): string {
  const checked = cleanText(note, { emptyOk: true });
  if ('error' in checked) return '';
  const kept = checked.text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
}

/** Why a typed note cannot be saved (control characters pasted in), or null. */
export const noteProblem = (note: string): 'not-text' | null => ('error' in cleanText(note, { emptyOk: true }) ? 'not-text' : null);
