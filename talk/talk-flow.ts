/**
 * Walking through one guided conversation: which prompt is showing, who answers it first, and
 * how Next, Back and Pass move on. Pure: no browser, no clock. There is no score: passing a
 * prompt moves on exactly like Next, and nothing counts what was passed.
 */

/** Where a conversation stands: a prompt (0-based) or, once every prompt is behind, the closing. */
export interface TalkFlow {
  /** How many prompts the conversation has (the closing not counted). */
  readonly prompts: number;
  /** 0 … prompts − 1 is a prompt; `prompts` is the closing. */
  readonly step: number;
}

export type TalkMove = 'next' | 'back' | 'pass';

/** Who answers a prompt first: the one who read it aloud, or the one who listened. */
export type FirstSpeaker = 'reader' | 'listener';

export function startTalk(prompts: number): TalkFlow {
  return { prompts: Math.max(0, Math.floor(prompts)), step: 0 };
}

export function atClosing(flow: TalkFlow): boolean {
  return flow.step >= flow.prompts;
}

/** Next and Pass move one prompt on (from the last prompt to the closing); Back one prompt back. */
export function moveTalk(flow: TalkFlow, move: TalkMove): TalkFlow {
  const step = move === 'back' ? flow.step - 1 : flow.step + 1;
  return { ...flow, step: Math.min(flow.prompts, Math.max(0, step)) };
}

/** Whether a move changes anything: Back on the first prompt and Next or Pass on the closing do not. */
export function canMove(flow: TalkFlow, move: TalkMove): boolean {
  return moveTalk(flow, move).step !== flow.step;
}

/**
 * The ground rule is "one reads aloud, the other answers, then swap", so the first prompt is
 * answered first by the one who listened, and who begins alternates from there.
 */
export function firstSpeaker(step: number): FirstSpeaker {
  return step % 2 === 0 ? 'listener' : 'reader';
}

/** "3 of 7" as numbers, for a prompt; null on the closing, which is not counted. */
export function talkProgress(flow: TalkFlow): { current: number; total: number } | null {
  return atClosing(flow) ? null : { current: flow.step + 1, total: flow.prompts };
}

/** Reads a conversation id from a page's hash (`#talk-changed`), or null when there is none. */
export function talkIdFromHash(hash: string): string | null {
  // Ids are plain ASCII, so nothing needs decoding (and a malformed escape cannot throw).
  const id = hash.replace(/^#/, '').trim();
  return /^talk-[a-z]+(?:-[a-z]+)*$/.test(id) ? id : null;
}

/** The day a conversation was last had, from the stored days ('YYYY-MM-DD', any order), or null. */
export function lastTalkedDay(days: readonly string[]): string | null {
  return days.length === 0 ? null : [...days].sort()[days.length - 1] ?? null;
}

/** "3 Dec" (with the year when it is not this year's) for a day key, in the given locale. */
export function formatTalkDay(day: string, locale: string, now: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  const thisYear = new Date(now).getFullYear() === y;
  const options: Intl.DateTimeFormatOptions = thisYear
    ? { day: 'numeric', month: 'short' }
    : { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
