/**
 * The content rules of ../shared/CONTENT.md ("Wishes") as code, so a test can hold wishes.json and its
 * translations to them: short lines, unique ids, the same ids in every language, Tend's banned words,
 * no near-duplicates, and a fitting idea or conversation that exists. Pure.
 */
import { BANNED_PATTERNS, BANNED_PATTERNS_DE, sameWordsProblems, textProblems } from './library-lint';
import { MIN_WISHES, WISH_TEXT_MAX } from '../../wishes/wishes';

const WISH_ID = /^wish-\d{3}$/;

/** Lines that suggest the other person falls short: a wish asks for something, it never keeps score. */
export const BLAMING: readonly RegExp[] = [/\b(?:finally|for once|at last|again|never|always|anymore|any more)\b/i];
export const BLAMING_DE: readonly RegExp[] = [/(?<!\p{L})(?:endlich|wieder|nie|immer|mal wieder)(?!\p{L})/iu];

type Entry = Record<string, unknown>;

/** Every problem with the deck; `known` holds the idea and conversation ids a wish may name. */
export function lintWishes(raw: unknown, known: { ideas: ReadonlySet<string>; talks: ReadonlySet<string> }): string[] {
  if (!Array.isArray(raw)) return ['wishes.json is not an array'];
  const out: string[] = [];
  const ids = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Entry, index) => {
    const id = typeof item?.id === 'string' ? item.id : `#${index}`;
    if (!WISH_ID.test(id)) out.push(`${id}: id must look like wish-NNN`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
    const keys = Object.keys(item ?? {}).sort().join(',');
    if (!['id,text', 'id,idea,text', 'id,talk,text'].includes(keys)) out.push(`${id}: fields are ${keys} (id, text and at most one of idea, talk)`);
    if (item.idea !== undefined && !(typeof item.idea === 'string' && known.ideas.has(item.idea))) out.push(`${id}: no idea ${String(item.idea)}`);
    if (item.talk !== undefined && !(typeof item.talk === 'string' && known.talks.has(item.talk))) out.push(`${id}: no conversation ${String(item.talk)}`);
    if (typeof item.text !== 'string' || item.text.trim().length < 8) return void out.push(`${id}: text missing or too short`);
    out.push(...textProblems(id, item.text, WISH_TEXT_MAX, [...BANNED_PATTERNS, ...BLAMING]));
    good.push({ id, text: item.text });
  });
  if (raw.length < MIN_WISHES) out.push(`the deck has ${raw.length} wishes (min ${MIN_WISHES})`);
  out.push(...sameWordsProblems(good));
  return out;
}

/** Every problem with a translation (`[{ id, text }]`): each id of the original once and nothing else, within the rules. */
export function lintWishesTranslation(original: readonly { id: string }[], raw: unknown): string[] {
  if (!Array.isArray(raw)) return ['the translation is not an array'];
  const out: string[] = [];
  const wanted = new Set(original.map((item) => item.id));
  const seen = new Set<string>();
  const good: { id: string; text: string }[] = [];
  raw.forEach((item: Entry, index) => {
    const id = typeof item?.id === 'string' ? item.id : `#${index}`;
    if (Object.keys(item ?? {}).sort().join(',') !== 'id,text') out.push(`${id}: fields must be id and text`);
    if (!wanted.has(id)) out.push(`${id}: not in the original`);
    if (seen.has(id)) out.push(`${id}: duplicate id`);
    seen.add(id);
    if (typeof item.text !== 'string' || item.text.trim().length < 8) return void out.push(`${id}: text missing or too short`);
    out.push(...textProblems(id, item.text, WISH_TEXT_MAX, [...BANNED_PATTERNS_DE, ...BLAMING_DE]));
    good.push({ id, text: item.text });
  });
  for (const id of wanted) if (!seen.has(id)) out.push(`${id}: missing from the translation`);
  out.push(...sameWordsProblems(good));
  return out;
}
