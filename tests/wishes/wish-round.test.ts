import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, back, commonWishes, finishTurn, startRound, startSecond, type WishRound } from '../../wishes/wish-round';

const DECK = Array.from({ length: 46 }, (_, i) => `wish-${String(i + 1).padStart(3, '0')}`);

/** One person's turn through the whole deck, answering "I'd like this" exactly for `likes`. */
function turn(round: WishRound, likes: ReadonlySet<string>): WishRound {
  let r = round;
  for (const id of DECK) {
    if (r.step !== 'choosing') break;
    r = answer(r, DECK, likes.has(id));
  }
  return r;
}

const choices = fc.subarray(DECK).map((list) => new Set(list));

describe('one round on one screen', () => {
  it('shows exactly the wishes both chose, in the deck order, and holds nothing else after the result', () => {
    fc.assert(
      fc.property(choices, choices, (first, second) => {
        const handover = turn(startRound(), first);
        expect(handover).toEqual({ step: 'handover', first: DECK.filter((id) => first.has(id)) });
        const result = turn(startSecond(handover), second);
        const both = DECK.filter((id) => first.has(id) && second.has(id));
        // The result is the whole round: nothing of either person's own choices is left in it.
        expect(result).toEqual({ step: 'result', common: both });
        expect(Object.keys(result).sort()).toEqual(['common', 'step']);
        const alone = DECK.filter((id) => first.has(id) !== second.has(id));
        expect(alone.some((id) => JSON.stringify(result).includes(id))).toBe(false);
      }),
    );
  });

  it('the overlap is the intersection, whatever the order or repeats of the choices', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DECK)), fc.array(fc.constantFrom(...DECK)), (a, b) => {
        const common = commonWishes(DECK, a, b);
        expect(new Set(common)).toEqual(new Set(a.filter((id) => b.includes(id))));
        expect(common).toEqual(DECK.filter((id) => common.includes(id)));
        expect(commonWishes(DECK, b, a)).toEqual(common);
      }),
    );
  });

  it('nothing in common is an empty result, not an error', () => {
    const result = turn(startSecond(turn(startRound(), new Set(['wish-001']))), new Set(['wish-002']));
    expect(result).toEqual({ step: 'result', common: [] });
  });

  it('Back opens the wish before again; "That\'s all for me" ends a turn with the rest as "Not now"', () => {
    let r = answer(answer(startRound(), DECK, true), DECK, true);
    expect(r).toMatchObject({ index: 2, chosen: ['wish-001', 'wish-002'] });
    r = back(r, DECK);
    expect(r).toMatchObject({ index: 1, chosen: ['wish-001'] });
    r = answer(r, DECK, false);
    expect(back(startRound(), DECK)).toEqual(startRound());
    const handover = finishTurn(r, DECK);
    expect(handover).toEqual({ step: 'handover', first: ['wish-001'] });
    const second = finishTurn(answer(startSecond(handover), DECK, true), DECK);
    expect(second).toEqual({ step: 'result', common: ['wish-001'] });
  });

  it('answers outside a turn change nothing', () => {
    const result: WishRound = { step: 'result', common: ['wish-001'] };
    expect(answer(result, DECK, true)).toBe(result);
    expect(startSecond(result)).toBe(result);
    expect(finishTurn({ step: 'intro' }, DECK)).toEqual({ step: 'intro' });
  });
});
