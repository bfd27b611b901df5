import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Value } from '../../../together/code/base32';
import { canonicalWordCode, NONCE_BYTES, openWord, pairTag, readWordHead, sealWord, type SharedWord } from '../../../together/shared-checkin/sealed-word';
import { CHECKIN_ANSWERS, CHECKIN_NOTE_MAX } from '../../../model/records';
import { PARTNER_WORD_CODE_MAX } from '../../../model/partner-words';

const secretOf = (seed: number) => new Uint8Array(16).map((_, i) => (i * 31 + seed * 7 + 1) & 0xff);
const NONCE = new Uint8Array(NONCE_BYTES).map((_, i) => i + 1);
const WEEK = 20_788; // Monday 2026-11-30
const SECRET = secretOf(1);

const secretArb = fc.uint8Array({ minLength: 16, maxLength: 16 });
const nonceArb = fc.uint8Array({ minLength: NONCE_BYTES, maxLength: NONCE_BYTES });
/** Notes as a person may type them: any plain text (no control characters), up to the limit, including four-byte characters. */
const noteArb = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'grapheme', maxLength: 70 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s) && s.length <= CHECKIN_NOTE_MAX),
  fc.constant('🌙'.repeat(CHECKIN_NOTE_MAX / 2)),
);
const wordArb: fc.Arbitrary<SharedWord> = fc.record({ answer: fc.constantFrom(...CHECKIN_ANSWERS), note: noteArb });

describe('sealed check-in words', () => {
  it('property: a word sealed for a week opens with the same secret and week, as the same word, whatever the nonce', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), wordArb, nonceArb, async (secret, week, word, nonce) => {
        const code = await sealWord(secret, week, word, nonce);
        expect(code.length).toBeLessThanOrEqual(PARTNER_WORD_CODE_MAX);
        expect(await openWord(secret, code, [week])).toEqual({ ok: word, week });
      }),
      { numRuns: 60 },
    );
  });

  it('property: another pair, another week, or a word of weeks not open, never opens', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, secretArb, fc.integer({ min: 7, max: 2 ** 31 }), wordArb, async (secret, other, week, word) => {
        fc.pre(other.some((b, i) => b !== secret[i]));
        const code = await sealWord(secret, week, word, NONCE);
        const elsewhere = await openWord(other, code, [week]);
        // Four bytes of tag: one pair in four billion shares it; then the key still differs.
        expect('ok' in elsewhere).toBe(false);
        expect(await openWord(secret, code, [week - 7, week + 7])).toEqual({ error: 'other-week' });
      }),
      { numRuns: 40 },
    );
  });

  it('says "other-pair" for a code of another pair, and the tag tells nothing of the secret that a code would not', async () => {
    const code = await sealWord(secretOf(2), WEEK, { answer: 'mixed', note: '' }, NONCE);
    expect(await openWord(SECRET, code, [WEEK])).toEqual({ error: 'other-pair' });
    expect((await pairTag(SECRET)).length).toBe(4);
    expect([...(await pairTag(SECRET))]).not.toEqual([...SECRET.slice(0, 4)]);
  });

  it('catches every single-character change: every position, every replacement symbol', async () => {
    const code = await sealWord(SECRET, WEEK, { answer: 'job', note: 'Tired.' }, NONCE);
    const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let tried = 0;
    for (let i = 'TENDWORD-'.length; i < code.length; i++) {
      const before = code[i] as string;
      if (before === '-') continue;
      for (const next of symbols) {
        if (base32Value(next) === base32Value(before)) continue;
        const changed = code.slice(0, i) + next + code.slice(i + 1);
        const opened = await openWord(SECRET, changed, [WEEK, WEEK - 7]);
        expect('ok' in opened, `${changed} opened`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('reads what a messenger did to it (spaces, breaks, lower case, I and O for 1 and 0) as the same code', async () => {
    const word = { answer: 'connecting' as const, note: 'Sunday was lovely.' };
    const code = await sealWord(SECRET, WEEK, word, NONCE);
    const mangled = `  ${code.toLowerCase().replace(/-/g, ' ').replace(/(.{20})/g, '$1\n')}  `;
    expect(await openWord(SECRET, mangled, [WEEK])).toEqual({ ok: word, week: WEEK });
    expect(canonicalWordCode(mangled)).toBe(code);
  });

  it('tells a cut-short code, a code of a newer Tend and text that is no code apart', async () => {
    const code = await sealWord(SECRET, WEEK, { answer: 'mixed', note: '' }, NONCE);
    expect(await openWord(SECRET, code.slice(0, -6), [WEEK])).toEqual({ error: 'altered' });
    expect(await openWord(SECRET, 'TENDWORD-', [WEEK])).toEqual({ error: 'altered' });
    expect(await openWord(SECRET, 'hello', [WEEK])).toEqual({ error: 'not-a-code' });
    expect(await openWord(SECRET, 'x'.repeat(100_000), [WEEK])).toEqual({ error: 'not-a-code' });
    // Version 2 in the first byte: the first symbol's top bits.
    const newer = `TENDWORD-${String.fromCharCode('0'.charCodeAt(0) + 1)}${code.slice('TENDWORD-'.length + 1)}`;
    expect(readWordHead(newer)).toEqual({ error: 'newer' });
  });

  it('property: never throws, whatever is pasted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `TENDWORD-${s}`)), async (text) => {
        const opened = await openWord(SECRET, text, [WEEK]);
        expect('error' in opened).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
