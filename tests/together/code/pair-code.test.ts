import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../../model/prefs';
import { presetWindows } from '../../../nudges/hours/presets';
import { BASE32_ALPHABET, base32Value, fromBase32, toBase32 } from '../../../together/code/base32';
import { crc32 } from '../../../together/code/crc32';
import {
  comparePairs,
  createPair,
  decodePairCode,
  encodePairCode,
  MAX_COUNTER,
  takeInPairCode,
  withChoices,
  type DecodedPairCode,
} from '../../../together/code/pair-code';
import { pairChoicesFrom, writePayload, type PairPayload } from '../../../together/code/pair-payload';
import { BitWriter } from '../../../together/code/bits';
import { choicesArb, payloadArb } from '../arbitraries';

/** A payload in plain arrays, so equal payloads compare equal. */
const plain = (p: PairPayload) => ({ ...p, secret: [...p.secret] });
const okPayload = (r: DecodedPairCode) => ('ok' in r ? plain(r.ok) : r);

/** Every printable ASCII character, a tab and a line break: every replacement a keyboard or a messenger makes. */
const REPLACEMENTS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), '\t', '\n'];
const isSpace = (c: string) => /\s/.test(c);

/** Whether putting `next` where `before` was in a code leaves it meaning the same thing. */
function sameMeaning(before: string, next: string, inPrefix: boolean): boolean {
  if (before === '-') return next === '-' || isSpace(next);
  if (inPrefix) return next.toUpperCase() === before;
  return base32Value(next) >= 0 && base32Value(next) === base32Value(before);
}

const samplePair = (zone = 'Europe/Berlin', setAside: string[] = []) =>
  createPair(new Uint8Array(16).map((_, i) => i * 17 + 3), {
    zone,
    choices: pairChoicesFrom({ ...defaultPrefs(), windows: presetWindows('weekday-evenings'), nudgesPerDay: 2 }, setAside),
    libraryFingerprint: 0x1234abcd,
  });

describe('pairing codes', { timeout: 60_000 }, () => {
  it('round-trip any payload, in any case, with spaces or line breaks instead of dashes, or without dashes', () => {
    fc.assert(
      fc.property(payloadArb, (p) => {
        const code = encodePairCode(p);
        expect(code).toMatch(/^TEND(-[0-9A-HJKMNP-TV-Z]{1,5})+$/);
        expect(okPayload(decodePairCode(code))).toEqual(plain(p));
        expect(okPayload(decodePairCode(code.toLowerCase()))).toEqual(plain(p));
        expect(okPayload(decodePairCode(`  ${code.replaceAll('-', ' ')}\n`))).toEqual(plain(p));
        expect(okPayload(decodePairCode(code.replaceAll('-', '')))).toEqual(plain(p));
        expect(okPayload(decodePairCode(code.replaceAll('-', '\u2013')))).toEqual(plain(p));
      }),
      { numRuns: 300 },
    );
  });

  it('catch every single-character change: every position, every replacement character', () => {
    fc.assert(
      fc.property(payloadArb, (p) => {
        const code = encodePairCode(p);
        const want = JSON.stringify(plain(p));
        const missed: string[] = [];
        for (let i = 0; i < code.length; i++) {
          const before = code[i] as string;
          for (const next of REPLACEMENTS) {
            if (next === before) continue;
            const changed = code.slice(0, i) + next + code.slice(i + 1);
            const result = decodePairCode(changed);
            const wrong = sameMeaning(before, next, i < 4)
              ? !('ok' in result) || JSON.stringify(plain(result.ok)) !== want
              : 'ok' in result ||
                // A visible wrong character inside the body is named a typo, in the length too (never "cut short").
                (i >= 4 && before !== '-' && !isSpace(next) && result.error !== 'typo');
            if (wrong) missed.push(`${changed} (position ${i}: ${JSON.stringify(before)} → ${JSON.stringify(next)})`);
          }
        }
        expect(missed).toEqual([]);
      }),
      { numRuns: 3 },
    );
  }, 120_000);

  it('name a mistyped symbol of a long code\'s two-byte length a typo, not a code cut short', () => {
    const long = samplePair('America/Port-au-Prince', Array.from({ length: 30 }, (_, i) => `note-${String(i).padStart(2, '0')}-x`));
    const code = encodePairCode(long);
    const body = code.slice(5).replaceAll('-', '');
    const frame = (fromBase32(body) as { bytes: Uint8Array }).bytes;
    expect(frame[1]! & 0x80).toBe(0x80);
    // Symbols 4 to 6 carry the length's second byte (and the first payload bits after it).
    for (let i = 4; i <= 6; i++) {
      for (const symbol of BASE32_ALPHABET) {
        if (symbol === body[i]) continue;
        const changed = body.slice(0, i) + symbol + body.slice(i + 1);
        const result = decodePairCode(`TEND${changed}`);
        expect(result, `symbol ${i} → ${symbol}`).toEqual({ error: 'typo' });
      }
    }
  });

  it('refuse a dash off its place (a sign of a symbol lost or gained), whatever the checksum says', () => {
    fc.assert(
      fc.property(payloadArb, (p) => {
        const code = encodePairCode(p);
        const missed = [];
        for (let i = 5; i < code.length - 1; i++) {
          if (code[i] !== '-') continue;
          for (const moved of [code.slice(0, i - 1) + '-' + code[i - 1] + code.slice(i + 1), code.slice(0, i) + code[i + 1] + '-' + code.slice(i + 2)]) {
            if (!moved.endsWith('-') && JSON.stringify(decodePairCode(moved)) !== JSON.stringify({ error: 'typo' })) missed.push(moved);
          }
        }
        expect(missed).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('catch every truncation, as a code cut off', () => {
    expect(decodePairCode('')).toEqual({ error: 'not-a-code' });
    fc.assert(
      fc.property(payloadArb, (p) => {
        const code = encodePairCode(p);
        const missed = [];
        for (let k = 1; k < code.length; k++) {
          const result = decodePairCode(code.slice(0, k));
          if (!('error' in result) || result.error !== 'truncated') missed.push(code.slice(0, k));
        }
        expect(missed).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('tell a code from a newer Tend (intact, but a later version)', () => {
    const code = encodePairCode(samplePair());
    const bytes = (fromBase32(code.slice(4).replaceAll('-', '')) as { bytes: Uint8Array }).bytes;
    bytes[0] = 3;
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)));
    expect(decodePairCode(`TEND-${toBase32(bytes)}`)).toEqual({ error: 'newer' });
    bytes[0] = 0;
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)));
    expect(decodePairCode(`TEND-${toBase32(bytes)}`)).toEqual({ error: 'not-a-code' });
  });

  it('write version 1 unless the pair lives apart, so a Tend that reads only version 1 still pairs; version 2 carries "apart"', () => {
    const versionOf = (code: string) => (fromBase32(code.slice(4).replaceAll('-', '')) as { bytes: Uint8Array }).bytes[0];
    const together = samplePair('Europe/Berlin', ['care-004', 'talk-017']);
    const apart: PairPayload = { ...together, choices: { ...together.choices, apart: true } };
    // Written by the Tend before living apart existed: the same code is written today, and reads as not apart.
    const before = 'TEND-04R06-5156S-3NGTB-THEEA-VFPFW-3RG43-28TAQ-K91M5-JYBCT-EXN0J-W2QRS-8N1D7-P0052-G20G8-QABZG-2A';
    expect(encodePairCode(together)).toBe(before);
    expect(okPayload(decodePairCode(before))).toEqual(plain(together));
    expect(versionOf(encodePairCode(apart))).toBe(2);
    expect(okPayload(decodePairCode(encodePairCode(apart)))).toEqual(plain(apart));
    // Turning "apart" on is a change of a shared choice: its code is an update for the partner.
    expect(takeInPairCode(together, withChoices(together, apart.choices))).toBe('update');
  });

  it('refuse a version 2 code Tend would not write: "apart" off, or a flag it does not know', () => {
    /** A whole frame as Tend writes one (short enough for a one-byte length), with any version and flags. */
    const code = (version: number, flags: number | null) => {
      const w = new BitWriter();
      writePayload(w, samplePair());
      if (flags !== null) w.write(flags, 8);
      const payload = w.bytes();
      const frame = new Uint8Array(2 + payload.length + 4);
      frame.set([version, frame.length]);
      frame.set(payload, 2);
      new DataView(frame.buffer).setUint32(frame.length - 4, crc32(frame.subarray(0, frame.length - 4)));
      return `TEND-${toBase32(frame)}`;
    };
    expect(code(1, null)).toBe(encodePairCode(samplePair()).replaceAll('-', '').replace('TEND', 'TEND-'));
    expect(okPayload(decodePairCode(code(2, 1)))).toMatchObject({ choices: { apart: true } });
    for (const flags of [0, 2, 3, 0x80, 0xff]) expect(decodePairCode(code(2, flags))).toEqual({ error: 'not-a-code' });
    expect(decodePairCode(code(1, 1))).toEqual({ error: 'not-a-code' });
  });

  it('call any other text "not a code", and never throw', () => {
    for (const text of ['', 'hello', 'Tender loving care', 'https://example.org/TEND-1234', '{"secret":1}', 'TEN D', '----']) {
      expect(decodePairCode(text)).toHaveProperty('error');
    }
    expect(decodePairCode('Tender loving care')).toEqual({ error: 'not-a-code' });
    expect(decodePairCode('hello')).toEqual({ error: 'not-a-code' });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 200 }).map((cps) => String.fromCodePoint(...cps))),
        (text) => !('ok' in decodePairCode(text)),
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BASE32_ALPHABET), { maxLength: 120 }), (body) => !('ok' in decodePairCode(`TEND-${body.join('')}`))),
      { numRuns: 400 },
    );
  });

  it('stay short: a usual pair fits in about 90 characters, 71 of them symbols', () => {
    const code = encodePairCode(samplePair());
    expect(code.length).toBeLessThanOrEqual(92);
    const withAside = encodePairCode(samplePair('America/New_York', ['touch-001', 'talk-017', 'care-120']));
    expect(withAside.length).toBeLessThanOrEqual(108);
  });

  it('create a pair from 16 or more random bytes, and refuse fewer', () => {
    const random = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const pair = samplePair();
    const made = createPair(random, { zone: pair.zone, choices: pair.choices, libraryFingerprint: 7 });
    expect([...made.secret]).toEqual([...random.slice(0, 16)]);
    expect(made.counter).toBe(1);
    expect(() => createPair(new Uint8Array(15), { zone: pair.zone, choices: pair.choices, libraryFingerprint: 7 })).toThrow(RangeError);
    expect(() => encodePairCode({ ...pair, zone: 'Nowhere/Atlantis' })).toThrow(RangeError);
  });

  it('the newer code wins, and both Tends agree which one is newer', () => {
    fc.assert(
      fc.property(payloadArb, choicesArb, choicesArb, (any, c1, c2) => {
        const p = { ...any, counter: Math.min(any.counter, MAX_COUNTER - 1) };
        const updated = withChoices(p, c1);
        expect(updated.counter).toBe(p.counter + 1);
        expect(takeInPairCode(null, p)).toBe('pair');
        expect(takeInPairCode(p, updated)).toBe('update');
        expect(takeInPairCode(updated, p)).toBe('older');
        expect(takeInPairCode(p, { ...p, secret: p.secret.map((b) => b ^ 1) })).toBe('other-pair');
        const decoded = decodePairCode(encodePairCode(p));
        expect(takeInPairCode(p, (decoded as { ok: PairPayload }).ok)).toBe('same');
        // Both changed something at once: one code wins on both sides.
        const other = withChoices(p, c2);
        const [ab, ba] = [comparePairs(updated, other), comparePairs(other, updated)];
        expect(Math.sign(ab)).toBe(-Math.sign(ba));
        if (ab !== 0) expect([takeInPairCode(updated, other), takeInPairCode(other, updated)].sort()).toEqual(['older', 'update']);
      }),
      { numRuns: 200 },
    );
  });

  it('base32 uses Crockford’s alphabet and reads I, L as 1 and O as 0', () => {
    expect(BASE32_ALPHABET).toHaveLength(32);
    expect(base32Value('i')).toBe(1);
    expect(base32Value('L')).toBe(1);
    expect(base32Value('o')).toBe(0);
    expect(base32Value('U')).toBe(-1);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromBase32(toBase32(bytes))).toEqual({ bytes, canonical: true });
      }),
    );
  });
});
