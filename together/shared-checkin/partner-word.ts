/**
 * Sharing check-in words between paired Tends: the code for this Tend's answer, and taking in the
 * partner's. The store and the pair come in as arguments; every write is one read-change-write.
 */
import type { TendStore } from '../../store/db';
import type { CheckIn } from '../../model/records';
import { parsePartnerWords, PARTNER_WORDS_KEY, type PartnerWord } from '../../model/partner-words';
import type { PairPayload } from '../code/pair-payload';
import { decodePairCode } from '../code/pair-code';
import { canonicalWordCode, openWord, sealWord, type SharedWord, type WordCodeError } from './sealed-word';
import { weeksOpenAt } from './shared-week';

/** The code for an answer of the pair's `week`; the note goes only when the person ticked it. */
export function shareCode(pair: PairPayload, week: number, checkIn: CheckIn, withNote: boolean, nonce: Uint8Array): Promise<string> {
  return sealWord(pair.secret, week, { answer: checkIn.answer, note: withNote ? checkIn.note : '' }, nonce);
}

export type TakeInWordRefusal = WordCodeError | 'pair-code' | 'unpaired';
export type TakeInWordResult = { done: 'taken' | 'same'; week: number } | { refused: TakeInWordRefusal };

/**
 * The partner's word taken in: opened once to check it is this pair's and this or last week's, then
 * kept sealed as it came (one per week; a newer word of the same week replaces the one before).
 */
export async function takeInWord(store: TendStore, text: string, input: { pair: PairPayload | null; now: number }): Promise<TakeInWordResult> {
  if (!input.pair) return { refused: 'unpaired' };
  const opened = await openWord(input.pair.secret, text, weeksOpenAt(input.now, input.pair.zone));
  if ('error' in opened) {
    // A pairing code pasted here is a mix-up of fields, not a damaged word.
    if (opened.error === 'not-a-code' && 'ok' in decodePairCode(text)) return { refused: 'pair-code' };
    return { refused: opened.error };
  }
  const code = canonicalWordCode(text) as string;
  const word: PartnerWord = { week: opened.week, code, at: input.now };
  let same = false;
  await store.updateState(PARTNER_WORDS_KEY, parsePartnerWords, (words) => {
    same = words.some((w) => w.week === word.week && w.code === code);
    return same ? words : parsePartnerWords([word, ...words.filter((w) => w.week !== word.week)]);
  });
  return { done: same ? 'same' : 'taken', week: opened.week };
}

/** A kept word opened with the pair's secret; null when this pairing cannot open it (paired anew since). */
export async function openPartnerWord(pair: PairPayload, word: PartnerWord): Promise<SharedWord | null> {
  const opened = await openWord(pair.secret, word.code, [word.week]);
  return 'ok' in opened ? opened.ok : null;
}
