/** The guided conversations for two: their type, runtime parser and translation. Pure: no browser calls. */
import { libraryPath } from '../platform/library-path';
import { isRecord, isText } from '../lib/record';

export interface Talk {
  /** `talk-<slug>`, stable forever: other parts of Tend link to a conversation by it. */
  id: string;
  title: string;
  /** One line on why the conversation helps. */
  why: string;
  /** An honest estimate for both people answering every prompt in turn. */
  minutes: number;
  /** Open questions or invitations, from easy to deeper and back to something light. */
  prompts: string[];
  /** The last prompt, which ends on appreciation. */
  closing: string;
  /** A conversation for one person to think through alone (`"for": "one"`); the others are for two. */
  forOne?: true;
}

export const TALK_PROMPTS_MIN = 5;
export const TALK_PROMPTS_MAX = 8;
/** The longest prompt or closing. */
export const TALK_TEXT_MAX = 160;
export const TALK_WHY_MAX = 140;
export const TALK_TITLE_MAX = 60;
export const TALK_MINUTES_MIN = 10;
export const TALK_MINUTES_MAX = 45;
export const MIN_TALKS = 12;

/** Where the build puts the conversations in a language; languages Tend lacks get English. */
export const talkPath = (language: string): string => libraryPath('talks', language);

/** Keeps only well-formed conversations, copied without unknown fields, so one broken entry never takes a page down. */
export function parseTalks(raw: unknown): Talk[] {
  if (!Array.isArray(raw)) return [];
  const out: Talk[] = [];
  for (const item of raw) {
    if (
      isRecord(item) &&
      isText(item.id) &&
      isText(item.title) &&
      isText(item.why) &&
      Number.isInteger(item.minutes) &&
      (item.minutes as number) > 0 &&
      Array.isArray(item.prompts) &&
      item.prompts.length > 0 &&
      item.prompts.every(isText) &&
      isText(item.closing)
    ) {
      const { id, title, why, minutes, prompts, closing } = item;
      const talk: Talk = { id, title, why, minutes: minutes as number, prompts: [...(prompts as string[])], closing };
      out.push(item.for === 'one' ? { ...talk, forOne: true } : talk);
    }
  }
  return out;
}

/**
 * The conversations with their texts in another language (`[{ id, title, why, prompts, closing }]`)
 * where it has them. Field by field, and prompt by prompt, whatever is missing or malformed keeps
 * the English; a translation whose prompts are not as many as the original's is not used for prompts
 * at all, since prompts in the wrong order would make no sense.
 */
export function translateTalks(talks: readonly Talk[], raw: unknown): Talk[] {
  const texts = new Map<string, Record<string, unknown>>();
  if (Array.isArray(raw)) {
    for (const item of raw) if (isRecord(item) && isText(item.id) && !texts.has(item.id)) texts.set(item.id, item);
  }
  const pick = (value: unknown, fallback: string): string => (isText(value) ? value : fallback);
  return talks.map((talk) => {
    const text = texts.get(talk.id);
    if (!text) return talk;
    const prompts = text.prompts;
    return {
      ...talk,
      title: pick(text.title, talk.title),
      why: pick(text.why, talk.why),
      prompts:
        Array.isArray(prompts) && prompts.length === talk.prompts.length
          ? talk.prompts.map((prompt, i) => pick(prompts[i], prompt))
          : talk.prompts,
      closing: pick(text.closing, talk.closing),
    };
  });
}
