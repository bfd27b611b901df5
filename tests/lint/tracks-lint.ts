/**
 * The content rules of ../shared/CONTENT.md ("Tracks") as code, so a test can hold tracks.json and its
 * translations to them. A track is a series of small steps; each step waits until the couple does it or
 * skips it, so no text keeps a calendar. Pure.
 */
import { BANNED_PATTERNS, BANNED_PATTERNS_DE, sameWordsProblems, textProblems } from './library-lint';
import {
  TRACK_AGREEMENT_MAX,
  TRACK_CLOSING_MAX,
  TRACK_MINUTES_MAX,
  TRACK_MINUTES_MIN,
  TRACK_STEP_MAX,
  TRACK_STEPS_MAX,
  TRACK_STEPS_MIN,
  TRACK_TITLE_MAX,
  TRACK_WHY_MAX,
} from '../../tracks/tracks';

const TRACK_ID = /^track-[a-z]+(?:-[a-z]+)*$/;
const TRACK_FIELDS = 'agreement,closing,id,steps,title,why';
const STEP_FIELDS = 'id,minutes,text';
const TRANSLATED_STEP_FIELDS = 'id,text';

const NUMBER_EN = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const NUMBER_DE = '\\d+|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf';

/**
 * A calendar in English: "day 3", "the second day", weekdays, months, dates, weeks of any kind,
 * "tomorrow", "every evening", and what a calendar brings with it ("in a row", "don't miss", deadlines).
 * "Today" and "tonight" stay: they speak of the evening a step is done, whenever that is.
 */
export const CALENDAR_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\bdays? (?:${NUMBER_EN})\\b`, 'i'),
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|last|next|final|following) (?:day|night|evening)\b/i,
  /\b(?:every|each) (?:day|night|morning|evening)\b|\b(?:daily|nightly)\b/i,
  /\bweek(?:s|ly|end|ends)?\b/i,
  /\b(?:tomorrow|yesterday)\b/i,
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b/i,
  // Case-sensitive, and without "May" and "march", which are also ordinary words.
  /\b(?:January|February|March|April|June|July|August|September|October|November|December)\b/,
  /\b\d{1,2}(?:st|nd|rd|th)\b/i,
  /\b\d{1,2}[./]\d{1,2}\b/,
  /\bin a row\b/i,
  /\b(?:don't|don’t|do not|never) miss\b/i,
  /\bdeadlines?\b/i,
];

/** The same in German. "morgen" is "tomorrow" only in lower case ("am Morgen" is the morning). */
export const CALENDAR_PATTERNS_DE: readonly RegExp[] = [
  new RegExp(`(?<!\\p{L})Tag (?:${NUMBER_DE})(?!\\p{L})`, 'iu'),
  /(?<!\p{L})(?:erste[nmr]?|zweite[nmr]?|dritte[nmr]?|vierte[nmr]?|fünfte[nmr]?|letzte[nmr]?|nächste[nmr]?|folgende[nmr]?) (?:Tag|Nacht|Abend)(?!\p{L})/iu,
  /(?<!\p{L})(?:jede[nmrs]? (?:Tag|Nacht|Morgen|Abend)|täglich|allabendlich|Tag für Tag)(?!\p{L})/iu,
  /woche|wöchentlich/iu,
  /(?<!\p{L})(?:über)?morgen(?!\p{L})/u,
  /(?<!\p{L})(?:vor)?gestern(?!\p{L})/iu,
  /(?<!\p{L})(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s?(?!\p{L})/iu,
  /(?<!\p{L})(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)(?!\p{L})/iu,
  /(?<!\p{L})(?:am|ab|bis zum|vom) \d{1,2}\./iu,
  /(?<!\p{L}|\d)\d{1,2}\.\d{1,2}\./u,
  /(?<!\p{L})in Folge(?!\p{L})/iu,
  /(?<!\p{L})versäum\p{L}*/iu,
  /(?<!\p{L})(?:frist|fristen|deadline)(?!\p{L})/iu,
];

/**
 * German tracks speak to both people at once ("ihr", "euch"), never in rotating nouns for the other one.
 * "einander gegenüber" (facing each other) stays; "dein Gegenüber" does not.
 */
export const PARTNER_NOUNS_DE: readonly RegExp[] = [
  /(?<!\p{L})(?:herzensmensch|lieblingsmensch)\p{L}*/iu,
  /(?<!\p{L})(?:dein|deine[mnrs]?|euer|eure[mnrs]?|das|dem|des|ein|einem|eines)\s+Gegenüber/u,
  /(?<!\p{L})(?:person|mensch\p{L}*)\s+(?:an|neben)\s+(?:deiner|dir|eurer|euch)(?!\p{L})/iu,
];

/** Quoted speech: a question one asks the other may say "du"; the step around it speaks to both. */
const QUOTED_DE = /„[^“”]*[“”]|“[^”]*”|"[^"]*"|‚[^‘]*‘/gu;
const SINGULAR_DE = /(?<!\p{L})(?:du|dich|dir|dein\p{L}*)(?!\p{L})/iu;

/** Words no German sentence contains, but nearly every English one does. */
const ENGLISH = /(?<!\p{L})(?:the|you|your|and|with|of|to|is|it|what|how)(?!\p{L})/iu;

type Entry = Record<string, unknown>;
type Named = { id: string; text: unknown; max: number };

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(item: unknown, index: number): string {
  return isEntry(item) && typeof item.id === 'string' ? item.id : `#${index}`;
}

function fieldsOf(item: unknown): string {
  return Object.keys(isEntry(item) ? item : {}).sort().join(',');
}

function stepsOf(item: Entry): unknown[] {
  return Array.isArray(item.steps) ? item.steps : [];
}

/** `track-touch-03`: the track's id and the step's place, counted from 01. */
export function stepId(trackId: string, index: number): string {
  return `${trackId}-${String(index + 1).padStart(2, '0')}`;
}

/** The texts of a track, each named for the messages: `track-touch title`, `track-touch step 3`. */
function texts(id: string, item: Entry): Named[] {
  return [
    { id: `${id} title`, text: item.title, max: TRACK_TITLE_MAX },
    { id: `${id} why`, text: item.why, max: TRACK_WHY_MAX },
    { id: `${id} agreement`, text: item.agreement, max: TRACK_AGREEMENT_MAX },
    ...stepsOf(item).map((step, i) => ({ id: `${id} step ${i + 1}`, text: isEntry(step) ? step.text : undefined, max: TRACK_STEP_MAX })),
    { id: `${id} closing`, text: item.closing, max: TRACK_CLOSING_MAX },
  ];
}

/**
 * Checks each text of a track (present, within its limit, free of banned and calendar words) and returns
 * those worth comparing for near-duplicates: everything but the short titles.
 */
function checkTexts(named: readonly Named[], banned: readonly RegExp[], out: string[]): { id: string; text: string }[] {
  const good: { id: string; text: string }[] = [];
  for (const { id, text, max } of named) {
    if (typeof text !== 'string' || text.trim().length < 3) {
      out.push(`${id}: text missing`);
      continue;
    }
    out.push(...textProblems(id, text, max, banned));
    if (!id.endsWith(' title')) good.push({ id, text });
  }
  return good;
}

/** The steps' fields and ids (`<track id>-NN`, from 01, in order), and, in the original, their minutes. */
function checkSteps(id: string, steps: readonly unknown[], fields: string, out: string[]): void {
  steps.forEach((step, i) => {
    const name = `${id} step ${i + 1}`;
    const keys = fieldsOf(step);
    if (keys !== fields) out.push(`${name}: fields are ${keys}`);
    const expected = stepId(id, i);
    const actual = isEntry(step) ? step.id : undefined;
    if (actual !== expected) out.push(`${name}: id is ${String(actual)}, expected ${expected}`);
    if (fields !== STEP_FIELDS) return;
    const minutes = isEntry(step) ? step.minutes : undefined;
    if (!Number.isInteger(minutes) || (minutes as number) < TRACK_MINUTES_MIN || (minutes as number) > TRACK_MINUTES_MAX) {
      out.push(`${name}: minutes ${String(minutes)} not in ${TRACK_MINUTES_MIN}–${TRACK_MINUTES_MAX}`);
    }
  });
}

/** Every problem with the tracks (tracks.json); empty when they keep all the rules. */
export function lintTracks(raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['tracks.json is not an array'];
  if (raw.length === 0) return ['tracks.json holds no tracks'];
  const out: string[] = [];
  const ids = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: unknown, index) => {
    const id = idOf(item, index);
    const track = isEntry(item) ? item : {};
    const keys = fieldsOf(item);
    if (keys !== TRACK_FIELDS) out.push(`${id}: fields are ${keys}`);
    if (!TRACK_ID.test(id)) out.push(`${id}: id must look like track-<slug>`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
    const steps = stepsOf(track);
    if (steps.length < TRACK_STEPS_MIN || steps.length > TRACK_STEPS_MAX) {
      out.push(`${id}: ${steps.length} steps (${TRACK_STEPS_MIN}–${TRACK_STEPS_MAX})`);
    }
    checkSteps(id, steps, STEP_FIELDS, out);
    good.push(...checkTexts(texts(id, track), [...BANNED_PATTERNS, ...CALENDAR_PATTERNS], out));
  });
  out.push(...sameWordsProblems(good));
  return out;
}

/** How a German text speaks: to both, outside quoted speech, and with „…“ for quotes. */
function germanVoiceProblems(name: string, text: string): string[] {
  const out: string[] = [];
  const outside = text.replace(QUOTED_DE, ' ');
  const singular = SINGULAR_DE.exec(outside);
  if (singular) out.push(`${name}: speaks to one person ("${singular[0]}") instead of to both: "${text}"`);
  const opening = text.match(/„/g)?.length ?? 0;
  const closing = text.match(/“/g)?.length ?? 0;
  if (/["”]/.test(text) || opening !== closing) out.push(`${name}: quotes are not „…“: "${text}"`);
  return out;
}

/**
 * Every problem with a translation of the tracks (`[{ id, title, why, agreement, steps: [{ id, text }],
 * closing }]`): the original's tracks in the original's order, each once, step for step with the same
 * step ids, within the limits, the German banned, calendar and partner-noun rules, speaking to both, and
 * no text left in English.
 */
export function lintTracksTranslation(original: unknown, translated: unknown): string[] {
  if (!Array.isArray(original)) return ['the original is not an array'];
  if (!Array.isArray(translated)) return ['the translation is not an array'];
  const out: string[] = [];
  const wanted = new Map<string, Entry>();
  original.forEach((item: unknown, index) => wanted.set(idOf(item, index), isEntry(item) ? item : {}));
  const seen: string[] = [];
  const good: { id: string; text: string }[] = [];
  translated.forEach((item: unknown, index) => {
    const id = idOf(item, index);
    const track = isEntry(item) ? item : {};
    const keys = fieldsOf(item);
    if (keys !== TRACK_FIELDS) out.push(`${id}: fields are ${keys}`);
    const source = wanted.get(id);
    if (!source) out.push(`${id}: not in the original`);
    if (seen.includes(id)) out.push(`${id}: duplicate id`);
    seen.push(id);
    const steps = stepsOf(track);
    if (source && steps.length !== stepsOf(source).length) {
      out.push(`${id}: ${steps.length} steps, the original has ${stepsOf(source).length}`);
    }
    checkSteps(id, steps, TRANSLATED_STEP_FIELDS, out);
    const named = texts(id, track);
    good.push(...checkTexts(named, [...BANNED_PATTERNS_DE, ...CALENDAR_PATTERNS_DE, ...PARTNER_NOUNS_DE], out));
    const english = new Set(source ? texts(id, source).map((t) => t.text) : []);
    for (const { id: name, text } of named) {
      if (typeof text !== 'string') continue;
      if (english.has(text)) out.push(`${name}: left in English`);
      else if (ENGLISH.test(text)) out.push(`${name}: looks like English: "${text}"`);
      out.push(...germanVoiceProblems(name, text));
    }
  });
  for (const id of wanted.keys()) if (!seen.includes(id)) out.push(`${id}: not translated`);
  const order = [...new Set(seen)].filter((id) => wanted.has(id));
  const originalOrder = [...wanted.keys()].filter((id) => order.includes(id));
  if (order.join() !== originalOrder.join()) out.push(`the tracks are not in the original's order: ${order.join(', ')}`);
  out.push(...sameWordsProblems(good));
  return out;
}
