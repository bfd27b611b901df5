/** The deck of wishes: its type, runtime parser and translation. Pure: no browser calls. */
import { libraryPath } from '../platform/library-path';
import { isRecord, isText } from '../lib/record';

export interface Wish {
  /** `wish-NNN`, stable forever: kept lists refer to it. */
  id: string;
  /** A short noun phrase or "more …" / "a …" line. */
  text: string;
  /** One fitting idea (an id of the idea library), if one fits. */
  idea?: string;
  /** One fitting guided conversation (`talk-…`), if one fits. */
  talk?: string;
}

export const WISH_TEXT_MAX = 90;
export const MIN_WISHES = 40;

/** Where the build puts the deck in a language; languages Tend lacks get English. */
export const wishPath = (language: string): string => libraryPath('wishes', language);

/** Keeps only well-formed wishes (the first of each id), copied without unknown fields. */
export function parseWishes(raw: unknown): Wish[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: Wish[] = [];
  for (const item of raw) {
    if (!isRecord(item) || !isText(item.id) || !isText(item.text) || seen.has(item.id)) continue;
    seen.add(item.id);
    const wish: Wish = { id: item.id, text: item.text };
    if (isText(item.idea)) wish.idea = item.idea;
    else if (isText(item.talk)) wish.talk = item.talk;
    out.push(wish);
  }
  return out;
}

/** The deck with the texts of another language (`[{ id, text }]`) where it has them; the rest stays English. */
export function translateWishes(wishes: readonly Wish[], raw: unknown): Wish[] {
  const texts = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (const item of raw) if (isRecord(item) && isText(item.id) && isText(item.text) && !texts.has(item.id)) texts.set(item.id, item.text);
  }
  return wishes.map((wish) => ({ ...wish, text: texts.get(wish.id) ?? wish.text }));
}
