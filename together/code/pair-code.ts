/**
 * Pairing codes: "TEND-" and Crockford base32 in groups of five, read case-insensitively.
 * Pure: the secret's randomness comes in as an argument.
 *
 * Frame (bytes): version · total length (LEB128, canonical) · payload bits · CRC-32 of all before it.
 * The version byte, the length and the CRC stay where they are in every later version, so an older
 * Tend can tell a newer code from a damaged one. Why every one-character change is caught:
 * - a wrong symbol inside the frame changes one run of at most 5 bits, which CRC-32 always detects;
 * - a wrong last symbol that touches only padding makes the symbols non-canonical;
 * - a wrong length byte disagrees with the number of symbols there are;
 * - a dash turned into a symbol (or the reverse) puts a dash off its place every fifth symbol,
 *   or, for the last dash, makes one symbol too many for the stated length.
 */
import { BitReader, BitWriter } from './bits';
import { BASE32_ALPHABET, base32Value, CODE_GROUP, fromBase32, groupedCode } from './base32';
import { crc32 } from './crc32';
import { payloadProblem, payloadVersion, readPayload, SECRET_BYTES, writePayload, type PairChoices, type PairPayload } from './pair-payload';

export const PAIR_CODE_PREFIX = 'TEND';
/** The newest version this Tend reads; it writes version 1 unless the pair lives apart (payloadVersion). */
export const PAIR_CODE_VERSION = 2;

export type PairCodeError = 'typo' | 'truncated' | 'newer' | 'not-a-code';
export type DecodedPairCode = { ok: PairPayload } | { error: PairCodeError };

/** A new pair: the first 16 bytes of `random` (from crypto.getRandomValues) become its secret. */
export function createPair(
  random: Uint8Array,
  pair: { zone: string; choices: PairChoices; libraryFingerprint: number },
): PairPayload {
  if (random.length < SECRET_BYTES) throw new RangeError(`a pair needs ${SECRET_BYTES} random bytes`);
  return { secret: random.slice(0, SECRET_BYTES), zone: pair.zone, choices: pair.choices, libraryFingerprint: pair.libraryFingerprint, counter: 1 };
}

/** The highest counter a code carries (two billion changes: never reached in practice). */
export const MAX_COUNTER = 2 ** 31 - 1;

/** The same pair with changed shared choices: its code wins over the one before. */
export function withChoices(pair: PairPayload, choices: PairChoices): PairPayload {
  return { ...pair, choices, counter: Math.min(MAX_COUNTER, pair.counter + 1) };
}

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n = Math.floor(n / 128);
    out.push(n > 0 ? low | 0x80 : low);
  } while (n > 0);
  return out;
}

/** The frame's length field from `at`: value and size, or null when it is not written as Tend writes it. */
function readLength(bytes: Uint8Array, at: number): { value: number; size: number } | null {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return null;
    value += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return i > 0 && byte === 0 ? null : { value, size: i + 1 };
  }
  return null;
}

/** The code for a pair (throws on a payload Tend would never write: a bug, not input). */
export function encodePairCode(pair: PairPayload): string {
  const problem = payloadProblem(pair);
  if (problem) throw new RangeError(`pair payload: ${problem}`);
  const w = new BitWriter();
  writePayload(w, pair);
  const payload = w.bytes();
  // The length counts itself, so its own size is found by trying.
  let size = 1;
  while (leb128(1 + size + payload.length + 4).length > size) size++;
  const total = 1 + size + payload.length + 4;
  const head = Uint8Array.from([payloadVersion(pair), ...leb128(total)]);
  const frame = new Uint8Array(total);
  frame.set(head, 0);
  frame.set(payload, head.length);
  new DataView(frame.buffer).setUint32(total - 4, crc32(frame.subarray(0, total - 4)));
  return groupedCode(PAIR_CODE_PREFIX, frame);
}

const SPACE = /\s/u;
const DASH = /-/u;
const DASHES = /[\u2010-\u2015\u2212]/gu;
const PREFIX_TYPO = /^(.END|T.ND|TE.D|TEN.|END|TND|TED|TEN)-/;

/** The body's symbols with the dashes checked: each one only where Tend puts one (every fifth symbol). */
function bodySymbols(text: string): string | null {
  let body = '';
  let dashOk = true;
  for (const char of text) {
    if (DASH.test(char)) {
      if (!dashOk || body.length % CODE_GROUP !== 0) return null;
      dashOk = false;
    } else {
      body += char;
      dashOk = true;
    }
  }
  return body;
}

/** Whether `bytes` are a whole frame: its length as written, its CRC right. */
function wholeFrame(bytes: Uint8Array): boolean {
  const length = readLength(bytes, 1);
  if (!length || length.value !== bytes.length || bytes.length < 1 + length.size + 4) return false;
  return crc32(bytes.subarray(0, bytes.length - 4)) === new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
}

/**
 * Whether a frame that claims to be longer than it is becomes whole with one of its first symbols (the
 * version and the length) written otherwise: then a character was mistyped, not the end of the code lost.
 */
function headerMistyped(body: string): boolean {
  const whole = fromBase32(body);
  if (!whole) return false;
  // The version and a length of up to three bytes are the first 32 bits: the first seven symbols (35 bits) hold
  // them; the first eight symbols are the first five bytes, and only those are decoded anew.
  const head = body.slice(0, 8);
  for (let i = 0; i < Math.min(7, head.length); i++) {
    for (const symbol of BASE32_ALPHABET) {
      const changed = fromBase32(head.slice(0, i) + symbol + head.slice(i + 1));
      // The length sits in bytes 1 to 3: only a length that fits is worth the whole frame's checksum.
      if (!changed || readLength(changed.bytes, 1)?.value !== whole.bytes.length) continue;
      const bytes = whole.bytes.slice();
      bytes.set(changed.bytes.subarray(0, bytes.length));
      if (wholeFrame(bytes)) return true;
    }
  }
  return false;
}

/** Reads a pasted or typed code. Never throws; anything that is not a whole, intact code pairs nothing. */
export function decodePairCode(text: string): DecodedPairCode {
  const compact = [...String(text)].filter((c) => !SPACE.test(c)).join('').toUpperCase().replace(DASHES, '-');
  if (!compact.startsWith(PAIR_CODE_PREFIX)) {
    if (compact.length > 0 && (PAIR_CODE_PREFIX + '-').startsWith(compact)) return { error: 'truncated' };
    return { error: PREFIX_TYPO.test(compact) && compact.length > 20 ? 'typo' : 'not-a-code' };
  }
  const rest = compact.slice(PAIR_CODE_PREFIX.length);
  if (rest === '' || rest === '-') return { error: 'truncated' };
  // Without dashes, "TEND" must lead a code-sized run of symbols ("Tender loving care" is not a code).
  if (!rest.includes('-') && rest.length < 16) return { error: 'not-a-code' };
  const body = bodySymbols(rest);
  if (body === null || [...body].some((c) => base32Value(c) < 0)) return { error: 'typo' };
  const decoded = fromBase32(body);
  if (!decoded) return { error: 'typo' };
  const { bytes, canonical } = decoded;
  const length = readLength(bytes, 1);
  if (!length) return { error: bytes.length < 4 ? 'truncated' : 'typo' };
  if (length.value > bytes.length) return { error: headerMistyped(body) ? 'typo' : 'truncated' };
  if (length.value < bytes.length || !canonical) return { error: 'typo' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 1 + length.size + 4 || crc32(bytes.subarray(0, bytes.length - 4)) !== view.getUint32(bytes.length - 4)) {
    return { error: 'typo' };
  }
  const version = bytes[0] as number;
  if (version > PAIR_CODE_VERSION) return { error: 'newer' };
  if (version < 1) return { error: 'not-a-code' };
  const reader = new BitReader(bytes.subarray(1 + length.size, bytes.length - 4));
  const payload = readPayload(reader, version);
  return payload && reader.atCleanEnd() ? { ok: payload } : { error: 'not-a-code' };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Which of two codes of one pair is newer: the higher counter; at an equal counter (both changed
 * something at once) the higher CRC of the code, so both Tends settle on the same one. > 0: `a` is newer.
 */
export function comparePairs(a: PairPayload, b: PairPayload): number {
  if (a.counter !== b.counter) return a.counter - b.counter;
  const ca = crc32(new TextEncoder().encode(encodePairCode(a)));
  const cb = crc32(new TextEncoder().encode(encodePairCode(b)));
  return ca - cb;
}

/**
 * What taking in a code means here: `pair` (not paired yet), `other-pair` (a code of another pair:
 * pairing anew replaces this one), `update` (newer: take it), `same`, or `older` ("This code is
 * older than what you have").
 */
export function takeInPairCode(current: PairPayload | null, incoming: PairPayload): 'pair' | 'other-pair' | 'update' | 'same' | 'older' {
  if (current === null) return 'pair';
  if (!sameBytes(current.secret, incoming.secret)) return 'other-pair';
  const order = comparePairs(incoming, current);
  return order > 0 ? 'update' : order === 0 ? 'same' : 'older';
}
