/**
 * The lists of wishes a couple chose to keep ("Keep our list"): only wishes both chose, dated. Kept in
 * the 'state' store under one key, carried by export and import, removed by "Delete all data".
 * What one person chose alone never reaches this record. Pure.
 */
export const KEPT_WISHES_KEY = 'wishes';

/** Enough for years of weekly rounds; every export stays small. */
export const KEPT_LISTS_MAX = 200;
/** A list holds wishes of one deck: never more than the deck has. */
export const KEPT_WISHES_PER_LIST_MAX = 500;

export interface KeptWishList {
  /** Unique within the record (`kept-<time>-<random>`). */
  id: string;
  /** When it was kept. */
  at: number;
  /** The wishes both chose, by id (`wish-NNN`), in the deck's order. */
  wishIds: string[];
}

const WISH_ID = /^wish-[0-9]{3,}$/;

/** One kept list, or null when it cannot be read. */
export function parseKeptWishList(raw: unknown): KeptWishList | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { id, at, wishIds } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  if (!Array.isArray(wishIds) || wishIds.length === 0 || wishIds.length > KEPT_WISHES_PER_LIST_MAX) return null;
  if (!wishIds.every((w): w is string => typeof w === 'string' && WISH_ID.test(w))) return null;
  return { id, at, wishIds: [...new Set(wishIds)] };
}

/** The stored record: the readable lists, newest first, one per id, at most KEPT_LISTS_MAX. */
export function parseKeptWishes(raw: unknown): KeptWishList[] {
  if (!Array.isArray(raw)) return [];
  const byId = new Map<string, KeptWishList>();
  for (const item of raw) {
    const list = parseKeptWishList(item);
    if (list && !byId.has(list.id)) byId.set(list.id, list);
  }
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, KEPT_LISTS_MAX);
}
