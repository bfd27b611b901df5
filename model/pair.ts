/**
 * The pairing this Tend keeps: the pair's latest code (it holds the secret, the pair's zone and the
 * shared choices) and when this Tend joined. The code is the pair's whole record, so what is stored,
 * exported and put in front of the partner is one and the same text. Pure.
 */
export const PAIR_KEY = 'pair';

/** A pairing code is short: a few hundred characters at most, even with hundreds of ideas set aside. */
export const PAIR_CODE_MAX = 4000;

export interface PairState {
  /** The pair's current code (TEND-…): the newest either Tend made or took in. */
  code: string;
  /** When this Tend was paired (made the pair, or took in its first code). */
  pairedAt: number;
  /** This Tend made the pair (it invited) rather than took in the partner's code. */
  invited: boolean;
}

export function parsePairState(raw: unknown): PairState | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { code, pairedAt, invited } = raw as Record<string, unknown>;
  if (typeof code !== 'string' || code.length === 0 || code.length > PAIR_CODE_MAX || !/^[\x20-\x7e]+$/.test(code)) return null;
  if (typeof pairedAt !== 'number' || !Number.isFinite(pairedAt) || pairedAt < 0) return null;
  return { code, pairedAt, invited: invited === true };
}
