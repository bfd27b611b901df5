/**
 * The content rules of ../shared/CONTENT.md as code, so a test can hold the library to them. Pure.
 */
import { NUDGE_TEXT_MAX } from '../../ideas/library';
import { CATEGORIES, IDEA_TEXT_MAX, isCategory, isIntensity, isMode } from '../../model/vocabulary';
import { timeOfDayProblem } from './time-words';

/** Coaching, pressure, explicit or gendered words, and scolding: none belong in Tend's voice. */
export const BANNED_PATTERNS: readonly RegExp[] = [
  /\bshould\b/i,
  /\bmust\b/i,
  /\bneeds? to\b/i,
  /\b(?:have|has) to\b/i,
  /\bought\b/i,
  /!/,
  // A sex therapist may be named, as the counsellor card names one (CONTENT.md); the word is otherwise left out.
  /\bsex(?! ?therap)/i,
  /\b(?:naked|nude|erotic|foreplay|libido)\b/i,
  /\borgasm/i,
  /\barous/i,
  // "performance" may be named as what Tend is against; performing is never asked for.
  /\bperform(?:ing|s|ed)?\b/i,
  /\b(?:he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend|man|woman|men|women)\b/i,
  /\bstreaks?\b/i,
  /\bscores?\b/i,
  /\bguarantee/i,
  /\byou missed\b/i,
  /\bfail/i,
];

/**
 * The same rules for German texts. German has no neutral word for "partner" ("Partner" and
 * "Partnerin" both name a gender), so an idea for two speaks to both at once ("ihr", "euch",
 * "einander"), never with a rotating noun for the other person (see CONTENT.md, "German voice").
 * "sie", "ihr" and "sein" are left alone: they are also "they", "you (both)" and "to be".
 */
export const BANNED_PATTERNS_DE: readonly RegExp[] = [
  /!/,
  ...[
    'soll(?:st|te|test|ten|tet|en|t)?',
    'm(?:u|ü)ss(?:t|en|te|test|ten|tet)?',
    'muß\\p{L}*',
    'sex(?!ualtherap)\\p{L}*',
    'nackt\\p{L}*',
    'erotisch\\p{L}*',
    'vorspiel\\p{L}*',
    'libido',
    'orgasm\\p{L}*',
    'erreg(?:t|ung|end)\\p{L}*',
    'perform\\p{L}*',
    'er|ihm|ihn|seine[mnrs]?',
    'partner|partnerin|partnerinnen|ehemann|ehefrau|mann|frau|männer|frauen|freund|freundin',
    'serie|serien|punktestand|punktzahl',
    'garant\\p{L}*',
    'verpasst\\p{L}*',
    'versag\\p{L}*|scheiter\\p{L}*',
  ].map((word) => new RegExp(`(?<!\\p{L})(?:${word})(?!\\p{L})`, 'iu')),
];

/**
 * Where an idea can be done (CONTENT.md, "Living apart"): `together` needs one place, `apart` is made for
 * a couple apart (a call, a letter, a photo, the same film at one time), `either` works both ways.
 * Missing means `either` for an idea for one and `together` for an idea for two.
 */
export const PLACES = ['together', 'apart', 'either'] as const;
export type Place = (typeof PLACES)[number];

export function isPlace(value: unknown): value is Place {
  return typeof value === 'string' && (PLACES as readonly string[]).includes(value);
}

/** "We live apart for now" swaps the ideas that need one place for these: at least this many, in each language. */
export const MIN_APART = 40;

/**
 * Words that need the two people in one room. An idea shown to a couple apart (`apart` or `either`) never
 * holds them: "a hug", "side by side" and "hand in hand" read as a reproach across a distance.
 */
export const ONE_ROOM_WORDS = {
  en: /\bhand in hand\b|\bhold(?:s|ing)? hands\b|\bhug(?:s|ged|ging)?\b|\bcuddl\p{L}*|\bsit(?:s|ting)? close\b|\blie close\b|\bnext to each other\b|\bside by side\b|\barm in arm\b|\bback to back\b|\bsame room\b|\bacross the (?:table|room)\b/iu,
  de: /(?<!\p{L})(?:hand in hand|händchen\p{L}*|\p{L}*(?:umarm|kuschel)\p{L}*|nebeneinander|arm in arm|rücken an rücken|im selben (?:zimmer|raum)|eng beieinander)(?!\p{L})/iu,
} as const;

/** The problem with a text shown to a couple apart that holds a word needing one room, or null. */
export function oneRoomProblem(id: string, text: string, place: unknown, words: RegExp): string | null {
  if (place !== 'apart' && place !== 'either') return null;
  const found = text.match(words);
  return found ? `${id}: place ${place} but "${found[0]}" needs one room: "${text}"` : null;
}

export const MIN_PER_CATEGORY = 30;
export const MIN_IDEAS = 400;
export const MIN_NUDGES = 120;
/**
 * Two texts whose word-trigram sets overlap by more than a quarter (Jaccard) say the same
 * thing in the same words: in short texts of 15–30 words, a quarter of shared trigrams
 * means a whole clause is copied. The closest two ideas in the library share 0.17.
 */
export const NEAR_DUPLICATE = 0.25;
/** "Hardly any five-word phrase recurs in more than a handful of ideas." */
export const PHRASE_MAX_REPEATS = 4;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^\p{L}' ]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

export function textProblems(id: string, text: string, max: number, banned = BANNED_PATTERNS): string[] {
  const out: string[] = [];
  if (text.length > max) out.push(`${id}: text is ${text.length} characters (max ${max})`);
  for (const pattern of banned) if (pattern.test(text)) out.push(`${id}: banned ${pattern} in "${text}"`);
  return out;
}

export function sameWordsProblems(items: { id: string; text: string }[]): string[] {
  const out: string[] = [];
  const grams = items.map((item) => ngrams(item.text, 3));
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const score = jaccard(grams[a] as Set<string>, grams[b] as Set<string>);
      if (score > NEAR_DUPLICATE) out.push(`near-duplicate (${score.toFixed(2)}): ${items[a]?.id} ~ ${items[b]?.id}`);
    }
  }
  const phrases = new Map<string, number>();
  for (const item of items) for (const g of ngrams(item.text, 5)) phrases.set(g, (phrases.get(g) ?? 0) + 1);
  for (const [phrase, count] of phrases) {
    if (count > PHRASE_MAX_REPEATS) out.push(`the phrase "${phrase}" recurs in ${count} texts`);
  }
  return out;
}

/** The small words of grammar, which say nothing of what an idea is about. */
const SMALL_WORDS = new Set(
  (
    "a an the and or but to of in on at for with your you you're yours it its it's is are be this that these those one each " +
    "other other's what what's how do does did can could would will just even if as by from into about than then so all no " +
    "not more most own up out over only too very when while who which there their they them i me my we us our partner " +
    "partner's together something anything"
  ).split(' '),
);

/** The words that carry an idea's meaning: lower case, without the small words, crudely stemmed (plates → plate, rubbing → rubb). */
export function meaningWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (SMALL_WORDS.has(word) || word.length < 3) continue;
    const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
    const suffix = ['ing', 'ed', 'es', 's', 'ly'].find((end) => bare.length > 4 && bare.endsWith(end));
    out.add(suffix ? bare.slice(0, -suffix.length) : bare);
  }
  return out;
}

/**
 * Two ideas that say the same thing in other words share over a third of their meaning words
 * (Jaccard): "what's one thing on your plate I could take off it?" and "what's one thing I could take
 * off your plate?" share no run of three words but six of ten meaning words. The closest two distinct
 * ideas in the library share under 0.35.
 */
export const SAME_MEANING = 0.35;

export function sameMeaningProblems(items: { id: string; text: string }[]): string[] {
  const sets = items.map((item) => meaningWords(item.text));
  const out: string[] = [];
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const score = jaccard(sets[a] as Set<string>, sets[b] as Set<string>);
      if (score >= SAME_MEANING) out.push(`same meaning (${score.toFixed(2)}): ${items[a]?.id} ~ ${items[b]?.id}`);
    }
  }
  return out;
}

/** An idea never repeats a nudge line word for word: no run of this many words is in both. */
export const ECHO_WORDS = 6;

export function nudgeEchoProblems(ideas: readonly { id: string; text: string }[], nudges: readonly { id: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const nudge of nudges) {
    const runs = ngrams(nudge.text, ECHO_WORDS);
    for (const idea of ideas) {
      const shared = [...ngrams(idea.text, ECHO_WORDS)].find((run) => runs.has(run));
      if (shared) out.push(`${idea.id} repeats nudge ${nudge.id}: "${shared}"`);
    }
  }
  return out;
}

/** Every problem with the idea library; empty when it keeps all the rules. */
export function lintIdeas(raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['ideas.json is not an array'];
  const out: string[] = [];
  const ids = new Set<string>();
  const perCategory = new Map<string, number>();
  const good: { id: string; text: string }[] = [];
  let apart = 0;
  raw.forEach((item: Record<string, unknown>, index) => {
    const id = typeof item?.id === 'string' ? item.id : `#${index}`;
    const keys = Object.keys(item ?? {}).sort();
    const optional = ['place', 'when'];
    if (keys.filter((key) => !optional.includes(key)).join(',') !== 'category,id,intensity,minutes,mode,text') {
      out.push(`${id}: fields are ${keys.join(',')}`);
    }
    if (!isCategory(item.category)) out.push(`${id}: unknown category ${String(item.category)}`);
    else if (!new RegExp(`^${item.category}-\\d{3}$`).test(id)) out.push(`${id}: id must look like ${item.category}-NNN`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
    if (!Number.isInteger(item.minutes) || (item.minutes as number) < 1 || (item.minutes as number) > 60) {
      out.push(`${id}: minutes ${String(item.minutes)} not in 1–60`);
    }
    if (!isMode(item.mode)) out.push(`${id}: mode ${String(item.mode)}`);
    if (!isIntensity(item.intensity)) out.push(`${id}: intensity ${String(item.intensity)}`);
    if (item.place !== undefined && !isPlace(item.place)) out.push(`${id}: place ${String(item.place)} is not one of ${PLACES.join(', ')}`);
    if (item.place === 'apart') apart++;
    if (typeof item.text !== 'string' || item.text.trim().length < 20) {
      out.push(`${id}: text missing or too short`);
      return;
    }
    out.push(...textProblems(id, item.text, IDEA_TEXT_MAX));
    const time = timeOfDayProblem(id, item.text, item.when, 'en');
    if (time) out.push(time);
    const room = oneRoomProblem(id, item.text, item.place, ONE_ROOM_WORDS.en);
    if (room) out.push(room);
    if (isCategory(item.category)) perCategory.set(item.category, (perCategory.get(item.category) ?? 0) + 1);
    good.push({ id, text: item.text });
  });
  for (const category of CATEGORIES) {
    const count = perCategory.get(category) ?? 0;
    if (count < MIN_PER_CATEGORY) out.push(`category ${category} has ${count} ideas (min ${MIN_PER_CATEGORY})`);
  }
  if (raw.length < MIN_IDEAS) out.push(`library has ${raw.length} ideas (min ${MIN_IDEAS})`);
  if (apart < MIN_APART) out.push(`library has too few ideas for apart: ${apart} (min ${MIN_APART})`);
  out.push(...sameWordsProblems(good), ...sameMeaningProblems(good));
  return out;
}

/**
 * Nudge lines that end on "enough" ("… is enough.", "… reicht.") lean on one comfort: a few may, more
 * read like one line repeated. The word counts at the very end of a line, before closing punctuation
 * or quotes, and in German with a softening word after it ("reicht völlig", "genügt schon").
 */
export const ENOUGH_ENDINGS = {
  en: /(?<!\p{L})(?:enough|plenty)[\s.…!?"'“”’]*$/iu,
  de: /(?<!\p{L})(?:reicht|genügt|genug)(?:\s+(?:völlig|vollkommen|schon|auch|aus|ganz))?[\s.…!?"'„“”’]*$/iu,
} as const;
export const MAX_ENOUGH_ENDINGS = 3;

/** A problem when more than MAX_ENOUGH_ENDINGS lines end on `ending`, naming them; empty otherwise. */
export function enoughEndingProblems(items: readonly { id: string; text: string }[], ending: RegExp): string[] {
  const leaning = items.filter((item) => ending.test(item.text));
  if (leaning.length <= MAX_ENOUGH_ENDINGS) return [];
  const ids = leaning.map((item) => item.id).join(', ');
  return [`${leaning.length} nudge lines end on "enough" or a word like it, more than ${MAX_ENOUGH_ENDINGS}: ${ids}`];
}

/** Every problem with the nudge lines; empty when they keep all the rules. */
export function lintNudges(raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['nudges.json is not an array'];
  const out: string[] = [];
  const ids = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Record<string, unknown>, index) => {
    const id = typeof item?.id === 'string' ? item.id : `#${index}`;
    if (!/^n-\d{3}$/.test(id)) out.push(`${id}: id must look like n-NNN`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
    if (Object.keys(item ?? {}).sort().join(',') !== 'id,text') out.push(`${id}: fields must be id and text`);
    if (typeof item.text !== 'string' || item.text.trim().length < 10) return void out.push(`${id}: text missing`);
    out.push(...textProblems(id, item.text, NUDGE_TEXT_MAX));
    good.push({ id, text: item.text });
  });
  if (raw.length < MIN_NUDGES) out.push(`there are ${raw.length} nudge lines (min ${MIN_NUDGES})`);
  out.push(...enoughEndingProblems(good, ENOUGH_ENDINGS.en));
  out.push(...sameWordsProblems(good));
  return out;
}

/**
 * Every problem with a translation of ideas or nudge lines (`[{ id, text }]`): each id of the
 * original once, nothing else, within the length limit, and the language's own banned words and
 * near-duplicate rules. With `language` (ideas only), a text that names a time of day must name
 * the `when` of its original. With `ending` (nudge lines), at most MAX_ENOUGH_ENDINGS texts end on it.
 * With `oneRoom` (ideas), a text whose original is for apart or either holds none of those words, and
 * at least MIN_APART texts translate an idea for apart.
 */
export function lintTranslation(
  original: readonly { id: string; when?: unknown; place?: unknown }[],
  raw: unknown,
  rules: { max: number; banned: readonly RegExp[]; language?: 'en' | 'de'; ending?: RegExp; oneRoom?: RegExp },
): string[] {
  if (!Array.isArray(raw)) return ['the translation is not an array'];
  const out: string[] = [];
  const wanted = new Set(original.map((item) => item.id));
  const when = new Map(original.map((item) => [item.id, item.when]));
  const place = new Map(original.map((item) => [item.id, item.place]));
  const seen = new Set<string>();
  let apart = 0;
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Record<string, unknown>, index) => {
    const id = typeof item?.id === 'string' ? item.id : `#${index}`;
    if (Object.keys(item ?? {}).sort().join(',') !== 'id,text') out.push(`${id}: fields must be id and text`);
    if (!wanted.has(id)) out.push(`${id}: not in the original`);
    if (seen.has(id)) out.push(`${id}: duplicate id`);
    seen.add(id);
    if (typeof item.text !== 'string' || item.text.trim().length < 10) return void out.push(`${id}: text missing`);
    out.push(...textProblems(id, item.text, rules.max, rules.banned));
    if (rules.language && wanted.has(id)) {
      const time = timeOfDayProblem(id, item.text, when.get(id), rules.language);
      if (time) out.push(time);
    }
    if (rules.oneRoom) {
      const room = oneRoomProblem(id, item.text, place.get(id), rules.oneRoom);
      if (room) out.push(room);
      if (place.get(id) === 'apart') apart++;
    }
    good.push({ id, text: item.text });
  });
  for (const id of wanted) if (!seen.has(id)) out.push(`${id}: not translated`);
  if (rules.oneRoom && apart < MIN_APART) out.push(`the translation has too few ideas for apart: ${apart} (min ${MIN_APART})`);
  if (rules.ending) out.push(...enoughEndingProblems(good, rules.ending));
  out.push(...sameWordsProblems(good));
  return out;
}
