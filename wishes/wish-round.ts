/**
 * One round of "What we'd both like" on one screen: the first person goes through the deck, the screen is
 * handed over, the second person does the same, and only the wishes both chose remain. Pure: the round is
 * a value held in the page's memory; once it reaches the result, neither person's own choices are in it.
 */

export type Person = 1 | 2;

export type WishRound =
  | { step: 'intro' }
  /** `chosen`: this person's "I'd like this" so far; `first`: the first person's, while the second chooses. */
  | { step: 'choosing'; person: Person; index: number; chosen: readonly string[]; first: readonly string[] }
  /** Everything hidden until the second person starts. */
  | { step: 'handover'; first: readonly string[] }
  /** Only what both chose, in the deck's order. */
  | { step: 'result'; common: readonly string[] };

export const startRound = (): WishRound => ({ step: 'choosing', person: 1, index: 0, chosen: [], first: [] });

/** The wishes both chose, in the deck's order: exactly the intersection, nothing else. */
export function commonWishes(deck: readonly string[], first: readonly string[], second: readonly string[]): string[] {
  const a = new Set(first);
  const b = new Set(second);
  return deck.filter((id) => a.has(id) && b.has(id));
}

/** Ends the current person's turn: the first hands over, the second brings the result (and the choices go). */
export function finishTurn(round: WishRound, deck: readonly string[]): WishRound {
  if (round.step !== 'choosing') return round;
  if (round.person === 1) return { step: 'handover', first: round.chosen };
  return { step: 'result', common: commonWishes(deck, round.first, round.chosen) };
}

/** "I'd like this" (true) or "Not now" (false) for the wish on show; after the last wish, the turn ends. */
export function answer(round: WishRound, deck: readonly string[], like: boolean): WishRound {
  if (round.step !== 'choosing') return round;
  const id = deck[round.index];
  if (id === undefined) return finishTurn(round, deck);
  const chosen = like ? [...round.chosen.filter((c) => c !== id), id] : round.chosen.filter((c) => c !== id);
  const next = { ...round, index: round.index + 1, chosen };
  return next.index >= deck.length ? finishTurn(next, deck) : next;
}

/** Back to the wish before, its answer open again. */
export function back(round: WishRound, deck: readonly string[]): WishRound {
  if (round.step !== 'choosing' || round.index === 0) return round;
  const index = round.index - 1;
  const id = deck[index];
  return { ...round, index, chosen: round.chosen.filter((c) => c !== id) };
}

/** The second person starts after the hand-over. */
export function startSecond(round: WishRound): WishRound {
  if (round.step !== 'handover') return round;
  return { step: 'choosing', person: 2, index: 0, chosen: [], first: round.first };
}
