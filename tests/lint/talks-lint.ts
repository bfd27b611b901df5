/**
 * The content rules of ../shared/CONTENT.md for the guided conversations, as code, so a test can
 * hold talks.json and its translations to them. Pure.
 */
import { BANNED_PATTERNS, BANNED_PATTERNS_DE, sameWordsProblems, textProblems } from './library-lint';
import {
  MIN_TALKS,
  TALK_MINUTES_MAX,
  TALK_MINUTES_MIN,
  TALK_PROMPTS_MAX,
  TALK_PROMPTS_MIN,
  TALK_TEXT_MAX,
  TALK_TITLE_MAX,
  TALK_WHY_MAX,
  type Talk,
} from '../../talk/talks';

const TALK_ID = /^talk-[a-z]+(?:-[a-z]+)*$/;
const ORIGINAL_FIELDS = 'closing,id,minutes,prompts,title,why';
const FOR_ONE_FIELDS = 'closing,for,id,minutes,prompts,title,why';
const TRANSLATION_FIELDS = 'closing,id,prompts,title,why';

/** Words no German sentence contains, but nearly every English one does. */
const ENGLISH = /(?<!\p{L})(?:the|you|your|and|with|of|to|is|it|what|how)(?!\p{L})/iu;

type Entry = Record<string, unknown>;

/** The texts of one conversation, each named for the messages: `talk-rest title`, `talk-rest prompt 3`. */
function texts(id: string, item: Entry, prompts: readonly unknown[]): { id: string; text: unknown; max: number }[] {
  return [
    { id: `${id} title`, text: item.title, max: TALK_TITLE_MAX },
    { id: `${id} why`, text: item.why, max: TALK_WHY_MAX },
    ...prompts.map((text, i) => ({ id: `${id} prompt ${i + 1}`, text, max: TALK_TEXT_MAX })),
    { id: `${id} closing`, text: item.closing, max: TALK_TEXT_MAX },
  ];
}

/**
 * Checks each text of a conversation (present, within its limit, free of banned words) and returns
 * those worth comparing for near-duplicates: everything but the short titles.
 */
function checkTexts(
  id: string,
  item: Entry,
  prompts: readonly unknown[],
  banned: readonly RegExp[],
  out: string[],
): { id: string; text: string }[] {
  const good: { id: string; text: string }[] = [];
  for (const { id: name, text, max } of texts(id, item, prompts)) {
    if (typeof text !== 'string' || text.trim().length < 3) {
      out.push(`${name}: text missing`);
      continue;
    }
    out.push(...textProblems(name, text, max, banned));
    if (!name.endsWith(' title')) good.push({ id: name, text });
  }
  return good;
}

function idOf(item: Entry, index: number): string {
  return typeof item?.id === 'string' ? item.id : `#${index}`;
}

/** Every problem with the conversations (talks.json); empty when they keep all the rules. */
export function lintTalks(raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['talks.json is not an array'];
  const out: string[] = [];
  const ids = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Entry, index) => {
    const id = idOf(item, index);
    const keys = Object.keys(item ?? {}).sort().join(',');
    // A conversation for one person says so ("for": "one"); every other one is for two.
    if (keys !== ORIGINAL_FIELDS && !(keys === FOR_ONE_FIELDS && item.for === 'one')) out.push(`${id}: fields are ${keys}`);
    if (!TALK_ID.test(id)) out.push(`${id}: id must look like talk-<slug>`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
    const minutes = item?.minutes;
    if (!Number.isInteger(minutes) || (minutes as number) < TALK_MINUTES_MIN || (minutes as number) > TALK_MINUTES_MAX) {
      out.push(`${id}: minutes ${String(minutes)} not in ${TALK_MINUTES_MIN}–${TALK_MINUTES_MAX}`);
    }
    const prompts: unknown[] = Array.isArray(item?.prompts) ? item.prompts : [];
    if (prompts.length < TALK_PROMPTS_MIN || prompts.length > TALK_PROMPTS_MAX) {
      out.push(`${id}: ${prompts.length} prompts (${TALK_PROMPTS_MIN}–${TALK_PROMPTS_MAX})`);
    }
    good.push(...checkTexts(id, item ?? {}, prompts, BANNED_PATTERNS, out));
  });
  if (raw.length < MIN_TALKS) out.push(`there are ${raw.length} conversations (min ${MIN_TALKS})`);
  out.push(...sameWordsProblems(good));
  return out;
}

/**
 * Every problem with a translation of the conversations (`[{ id, title, why, prompts, closing }]`):
 * each id of the original exactly once and nothing else, as many prompts as the original, within
 * the limits, the German banned words and near-duplicate rules, and no text left in English.
 */
export function lintTalksTranslation(original: readonly Talk[], raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['the translation is not an array'];
  const out: string[] = [];
  const wanted = new Map(original.map((talk) => [talk.id, talk]));
  const seen = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Entry, index) => {
    const id = idOf(item, index);
    const keys = Object.keys(item ?? {}).sort().join(',');
    if (keys !== TRANSLATION_FIELDS) out.push(`${id}: fields are ${keys}`);
    const talk = wanted.get(id);
    if (!talk) out.push(`${id}: not in the original`);
    if (seen.has(id)) out.push(`${id}: duplicate id`);
    seen.add(id);
    const prompts: unknown[] = Array.isArray(item?.prompts) ? item.prompts : [];
    if (talk && prompts.length !== talk.prompts.length) {
      out.push(`${id}: ${prompts.length} prompts, the original has ${talk.prompts.length}`);
    }
    const checked = checkTexts(id, item ?? {}, prompts, BANNED_PATTERNS_DE, out);
    const english = new Set(talk ? [talk.title, talk.why, talk.closing, ...talk.prompts] : []);
    for (const { id: name, text } of texts(id, item ?? {}, prompts)) {
      if (typeof text !== 'string') continue;
      if (english.has(text)) out.push(`${name}: left in English`);
      else if (ENGLISH.test(text)) out.push(`${name}: looks like English: "${text}"`);
    }
    good.push(...checked);
  });
  for (const id of wanted.keys()) if (!seen.has(id)) out.push(`${id}: not translated`);
  out.push(...sameWordsProblems(good));
  return out;
}
