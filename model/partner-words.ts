/**
 * Check-in words taken in from the partner's Tend: each is kept as the sealed code it came in, one
 * per pair week, and opened only to be shown (once this Tend's own answer of that week exists). Kept
 * in the 'state' store under one key, carried by export and import, removed by "Delete all data". Pure.
 */
export const PARTNER_WORDS_KEY = 'partnerWords';

/** Two years of weeks: every export stays small. */
export const PARTNER_WORDS_MAX = 104;
/** No code Tend writes is longer (a 280-character note of four-byte characters, in base32). */
export const PARTNER_WORD_CODE_MAX = 2600;

export interface PartnerWord {
  /** Day number (days since 1970-01-01) of the Monday the pair's week starts on, as the code says. */
  week: number;
  /** The code as Tend writes it (TENDWORD-…), still sealed. */
  code: string;
  /** When it was taken in. */
  at: number;
}

/** One stored word, or null when it cannot be read. */
export function parsePartnerWord(raw: unknown): PartnerWord | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { week, code, at } = raw as Record<string, unknown>;
  if (typeof week !== 'number' || !Number.isInteger(week) || week < 0 || week > 2 ** 32 - 1) return null;
  if (typeof code !== 'string' || code.length === 0 || code.length > PARTNER_WORD_CODE_MAX || !/^[\x21-\x7e]+$/.test(code)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  return { week, code, at };
}

/** The stored record: the readable words, newest week first, one per week, at most PARTNER_WORDS_MAX. */
export function parsePartnerWords(raw: unknown): PartnerWord[] {
  if (!Array.isArray(raw)) return [];
  const byWeek = new Map<number, PartnerWord>();
  for (const item of raw) {
    const word = parsePartnerWord(item);
    const kept = word ? byWeek.get(word.week) : undefined;
    if (word && (!kept || word.at > kept.at)) byWeek.set(word.week, word);
  }
  return [...byWeek.values()].sort((a, b) => b.week - a.week).slice(0, PARTNER_WORDS_MAX);
}
