/**
 * The pair's week for shared check-in words: Monday to Sunday in the pair's zone, named by its
 * Monday's day number. Which answer is shared, which opens a partner's word, and which conversation
 * fits two words. Pure: time, zone and the answers come in as arguments.
 */
import type { CheckIn, CheckInAnswer } from '../../model/records';
import { dayNumberOfKey, weekdayOfKey, zoneDayKey } from '../zone-time';

const WEEK = 7;

/** Day number of the Monday of the pair's week holding `time`. */
export function pairWeekOf(time: number, zone: string): number {
  const key = zoneDayKey(time, zone);
  return dayNumberOfKey(key) - ((weekdayOfKey(key) + 6) % WEEK);
}

/** The weeks whose words can be taken in at `time`: this one, and the one before (a word sent late on a Sunday). */
export function weeksOpenAt(time: number, zone: string): number[] {
  const week = pairWeekOf(time, zone);
  return [week, week - WEEK];
}

/** Own answers that are not ahead of the clock (a clock that was ahead once shares and opens nothing). */
const answered = (checkIns: readonly CheckIn[], now: number) => checkIns.filter((c) => c.at <= now).sort((a, b) => b.at - a.at);

/** The answer "Share with my partner" shares: the newest of this pair week or the one before, with its week. */
export function answerToShare(checkIns: readonly CheckIn[], zone: string, now: number): { checkIn: CheckIn; week: number } | null {
  const open = weeksOpenAt(now, zone);
  for (const checkIn of answered(checkIns, now)) {
    const week = pairWeekOf(checkIn.at, zone);
    if (open.includes(week)) return { checkIn, week };
  }
  return null;
}

/**
 * This Tend's answer that opens the partner's word of `week`: the newest of that week, or else of the
 * week after (the week turned between the two answers). Null: answer first.
 */
export function answerOpening(week: number, checkIns: readonly CheckIn[], zone: string, now: number): CheckIn | null {
  const mine = answered(checkIns, now);
  return (
    mine.find((c) => pairWeekOf(c.at, zone) === week) ?? mine.find((c) => pairWeekOf(c.at, zone) === week + WEEK) ?? null
  );
}

/** One conversation for two words side by side: about pressure when either felt like a job, about needs when mixed. */
export function fittingTalk(mine: CheckInAnswer, theirs: CheckInAnswer): 'talk-pressure' | 'talk-this-month' | 'talk-ordinary-days' {
  if (mine === 'job' || theirs === 'job') return 'talk-pressure';
  if (mine === 'mixed' || theirs === 'mixed') return 'talk-this-month';
  return 'talk-ordinary-days';
}
