/** The pairing at a moment, worked out from the stored code. Pure apart from WebCrypto's HMAC inside pairIdea. */
import type { Idea } from '../model/vocabulary';
import { decodePairCode } from './code/pair-code';
import { createPairOrderCache, pairIdea } from './pair-pick';
import type { PairToday } from './pair-today';
import { zoneDayKey } from './zone-time';

/** One per worker: a day's pick costs no HMACs after the first. */
const cache = createPairOrderCache();

/** The pairing at `time` from the stored code, or null when the code cannot be read. */
export async function pairTodayOf(code: string, library: readonly Idea[], hidden: ReadonlySet<string>, time: number): Promise<PairToday | null> {
  const decoded = decodePairCode(code);
  if (!('ok' in decoded)) return null;
  const { secret, zone, choices } = decoded.ok;
  const pairDay = zoneDayKey(time, zone);
  const shared = new Set(choices.setAside);
  const localAside = new Set([...hidden].filter((id) => !shared.has(id)));
  return { pairDay, result: await pairIdea({ secret, library, choices, day: pairDay, localAside, cache }) };
}
