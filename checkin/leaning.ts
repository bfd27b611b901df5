/**
 * What a weekly check-in does to the ideas for the week after it: the kinds Tend leans toward and,
 * for "Like a job", a cap on how close ideas may be. Pure: time is passed in.
 */
import { DAY } from '../lib/day';
import type { Category, Intensity } from '../model/vocabulary';
import type { Lean } from '../ideas/picker';
import type { CheckIn, CheckInAnswer } from '../model/records';

/** How long an answer shapes the ideas: 7 × 24 hours from the check-in. */
export const LEANING_LASTS = 7 * DAY;

export interface Leaning extends Lean {
  categories: readonly Category[];
  maxIntensity?: Intensity;
}

export interface ActiveLeaning extends Leaning {
  answer: CheckInAnswer;
  /** When this leaning ends (ms since epoch). */
  until: number;
}

const LEANINGS: Readonly<Record<CheckInAnswer, Leaning>> = {
  // Closeness feels like a job: less pressure, fewer scripts, room to breathe, nothing too close.
  job: { categories: ['presence', 'myths', 'stress', 'honesty', 'solo'], maxIntensity: 'warm' },
  mixed: { categories: ['talk', 'honesty', 'care', 'appreciation'] },
  connecting: { categories: ['play', 'touch', 'appreciation', 'presence'] },
};

export function leaningFor(answer: CheckInAnswer): Leaning {
  const { categories, maxIntensity } = LEANINGS[answer];
  return maxIntensity ? { categories: [...categories], maxIntensity } : { categories: [...categories] };
}

/**
 * The leaning of the newest check-in if it is less than 7 days old, else null. A check-in stamped
 * a little in the future (a clock set back) counts as just made; one more than a day ahead is ignored.
 */
export function activeLeaning(checkIns: readonly CheckIn[], now: number): ActiveLeaning | null {
  let newest: CheckIn | null = null;
  for (const c of checkIns) {
    if (c.at > now + DAY) continue;
    if (!newest || c.at > newest.at) newest = c;
  }
  if (!newest || now - newest.at >= LEANING_LASTS) return null;
  return { ...leaningFor(newest.answer), answer: newest.answer, until: newest.at + LEANING_LASTS };
}
