/**
 * Pairing two Tends: start a pair, take in the partner's code, make the code that tells the partner's
 * Tend of a change here, stop. The store and the rest come in as arguments. Every write decides inside
 * the store's read-change-write against what is stored, so a second click, or a page that missed a
 * pairing made in another tab, never overwrites a newer code.
 */
import type { TendStore } from '../store/db';
import type { PrefsPatch } from '../store/schema';
import type { Prefs } from '../model/prefs';
import type { Mark } from '../model/records';
import type { Idea } from '../model/vocabulary';
import type { PairState } from '../model/pair';
import { createPair, decodePairCode, encodePairCode, takeInPairCode, withChoices, type PairCodeError } from './code/pair-code';
import { MAX_SET_ASIDE, pairChoicesFrom, type PairChoices, type PairPayload } from './code/pair-payload';
import { libraryFingerprint } from './code/library-fingerprint';
import { isKnownZone } from './zone-time';

/** What a code may carry as an idea id (the payload's rule); own ideas never travel. */
const SHAREABLE_ID = /^[\x21-\x7e]{1,63}$/;

/** The pair's record as stored, read (null: unpaired, or a stored code this Tend cannot read). */
export function payloadOf(pair: PairState | null): PairPayload | null {
  if (!pair) return null;
  const decoded = decodePairCode(pair.code);
  return 'ok' in decoded ? decoded.ok : null;
}

/** The library ideas set aside here ("Not for us"); ideas of one's own stay private. */
export function setAsideHere(marks: readonly Mark[]): string[] {
  return marks.filter((m) => m.hidden && !m.ideaId.startsWith('own-') && SHAREABLE_ID.test(m.ideaId)).map((m) => m.ideaId);
}

/**
 * This Tend's shared choices: its settings, and the ideas set aside by either Tend (the code's first,
 * then this one's), at most MAX_SET_ASIDE of them.
 */
export function sharedChoices(prefs: Prefs, marks: readonly Mark[], pair: PairPayload | null): PairChoices {
  const theirs = pair?.choices.setAside ?? [];
  const known = new Set(theirs);
  const mine = setAsideHere(marks)
    .filter((id) => !known.has(id))
    .sort();
  return pairChoicesFrom(prefs, [...theirs, ...mine].slice(0, MAX_SET_ASIDE));
}

/** Whether `choices` mean what the pair's code says (the code's canonical form decides: order does not matter). */
export function sameChoices(pair: PairPayload, choices: PairChoices): boolean {
  return encodePairCode({ ...pair, choices }) === encodePairCode(pair);
}

/** The settings a code's choices give this Tend (the ideas set aside stay in the code). */
export function prefsFromChoices(choices: PairChoices): Partial<Prefs> {
  const { windows, nudgesPerDay, spacingMinutes, maxIntensity, maxMinutes, hiddenCategories, apart } = choices;
  return { windows, nudgesPerDay, spacingMinutes, maxIntensity, maxMinutes, hiddenCategories: [...hiddenCategories], livingApart: apart };
}

/** This machine's IANA zone, as the page knows it ('UTC' when it names none a code can carry). */
export function localZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && SHAREABLE_ID.test(zone) && isKnownZone(zone) ? zone : 'UTC';
}

/** "Pair with your partner": a new pair from this Tend's choices, written only while unpaired. */
export async function startPair(
  store: TendStore,
  input: { random: Uint8Array; zone: string; now: number; library: readonly Idea[] },
): Promise<{ started: boolean; pair: PairState }> {
  const [prefs, marks] = await Promise.all([store.readPrefs(), store.readAllMarks()]);
  const zone = SHAREABLE_ID.test(input.zone) && isKnownZone(input.zone) ? input.zone : 'UTC';
  const payload = createPair(input.random, { zone, choices: sharedChoices(prefs, marks, null), libraryFingerprint: libraryFingerprint(input.library) });
  const fresh: PairState = { code: encodePairCode(payload), pairedAt: input.now, invited: true };
  const pair = await store.updatePair((current) => current ?? fresh);
  return { started: pair === fresh, pair: pair ?? fresh };
}

export type TakeInRefusal = PairCodeError | 'same' | 'older';
export type TakeInResult = { done: 'paired' | 'updated'; pair: PairState; payload: PairPayload } | { refused: TakeInRefusal };

/**
 * The partner's code taken in: a first or another pair's code pairs anew, a newer code of this pair
 * updates it (keeping when this Tend joined); either way its choices become this Tend's settings
 * (through `savePrefs`, the page's own save). A code already had, an older one or anything that is not
 * an intact code writes nothing. The page asks the worker to plan again afterwards.
 */
export async function takeInCode(
  store: TendStore,
  text: string,
  input: { now: number; savePrefs?: (patch: PrefsPatch) => Promise<unknown> },
): Promise<TakeInResult> {
  const decoded = decodePairCode(text);
  if ('error' in decoded) return { refused: decoded.error };
  const incoming = decoded.ok;
  // Stored as Tend writes it, whatever spaces or letter case the pasted text had.
  const code = encodePairCode(incoming);
  const seen: { as: ReturnType<typeof takeInPairCode> } = { as: 'same' };
  const pair = await store.updatePair((current) => {
    seen.as = takeInPairCode(payloadOf(current), incoming);
    if (seen.as === 'same' || seen.as === 'older') return current;
    if (seen.as === 'update' && current) return { ...current, code };
    return { code, pairedAt: input.now, invited: false };
  });
  if (seen.as === 'same' || seen.as === 'older' || !pair) return { refused: seen.as === 'older' ? 'older' : 'same' };
  await (input.savePrefs ?? ((patch) => store.patchPrefs(patch)))(prefsFromChoices(incoming.choices));
  return { done: seen.as === 'update' ? 'updated' : 'paired', pair, payload: incoming };
}

export type UpdateCodeResult =
  /** The code to send: new (`changed`), or the stored one when nothing shared differs (any more). */
  | { code: string; changed: boolean }
  /** The stored code is no longer the one the page saw (changed in another tab): nothing was written. */
  | { stale: true }
  /** Not paired (any more), or the stored code cannot be read. */
  | { gone: true };

/**
 * The code that tells the partner's Tend of a change made here: the pair with this Tend's shared
 * choices and the counter one up, written once per change (the same choices again write nothing).
 * `basedOn` is the stored code the page showed the difference against.
 */
export async function makeUpdateCode(store: TendStore, basedOn: string): Promise<UpdateCodeResult> {
  const [prefs, marks] = await Promise.all([store.readPrefs(), store.readAllMarks()]);
  let result: UpdateCodeResult = { gone: true };
  await store.updatePair((current) => {
    const payload = payloadOf(current);
    if (!current || !payload) {
      result = { gone: true };
      return current;
    }
    const mine = sharedChoices(prefs, marks, payload);
    if (sameChoices(payload, mine)) {
      result = { code: current.code, changed: false };
      return current;
    }
    if (current.code !== basedOn) {
      result = { stale: true };
      return current;
    }
    const code = encodePairCode(withChoices(payload, mine));
    result = { code, changed: true };
    return { ...current, code };
  });
  return result;
}

/** "Stop being in step": the pairing removed; settings and everything else stay. False: it was gone already. */
export async function unpair(store: TendStore): Promise<boolean> {
  let was = false;
  await store.updatePair((current) => {
    was = current !== null;
    return null;
  });
  return was;
}
