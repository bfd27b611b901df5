/**
 * A check-in answer sealed for the partner's Tend: "TENDWORD-" and Crockford base32 in groups of five.
 * Sealed with AES-GCM under a key that HKDF-SHA-256 derives from the pair's secret and the pair's week,
 * so only a Tend of the same pair opens it, and only as that week's word. Pure apart from WebCrypto
 * (a global in extension pages, workers and Node 20); the nonce comes in as an argument.
 *
 * Bytes: version · pair tag (4) · week (day number of its Monday, 4) · nonce (12) · sealed answer and note.
 * The first three are in the clear (the partner's Tend needs them to pick the key and to say what is
 * wrong) and are the sealed part's associated data: an altered byte anywhere fails to open.
 */
import { fromBase32, groupedCode } from '../code/base32';
import { CHECKIN_ANSWERS, CHECKIN_NOTE_MAX, type CheckInAnswer } from '../../model/records';
import { isPlainText } from '../../lib/text';
import { PARTNER_WORD_CODE_MAX } from '../../model/partner-words';

/** A pasted text this long is no code (a messenger may add spaces and breaks, not thousands). */
const PASTE_MAX = 4 * PARTNER_WORD_CODE_MAX;

export const WORD_CODE_PREFIX = 'TENDWORD';
const VERSION = 1;
const HEAD = 1 + 4 + 4;
export const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SharedWord {
  answer: CheckInAnswer;
  /** Empty unless the person ticked "Send my note too". */
  note: string;
}

export type WordCodeError = 'not-a-code' | 'other-pair' | 'other-week' | 'altered' | 'newer';

/** What a code says in the clear: which pair (a tag, not the secret) and which week. */
export interface WordCodeHead {
  tag: Uint8Array;
  /** Day number (days since 1970-01-01) of the Monday the week starts on. */
  week: number;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

async function hkdfBase(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
}

/** Four bytes that name the pair without giving its secret away: another pair's code is told apart from an altered one. */
export async function pairTag(secret: Uint8Array): Promise<Uint8Array> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: bytes('tend pair tag'), info: new Uint8Array() },
    await hkdfBase(secret),
    32,
  );
  return new Uint8Array(bits);
}

/** The AES-GCM key of one week of the pair: another week's key opens nothing of this one. */
async function weekKey(secret: Uint8Array, week: number): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bytes('tend check-in words'), info: bytes(`week ${week}`) },
    await hkdfBase(secret),
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function head(tag: Uint8Array, week: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(HEAD);
  out[0] = VERSION;
  out.set(tag.subarray(0, 4), 1);
  new DataView(out.buffer).setUint32(5, week);
  return out;
}

function plainOf(word: SharedWord): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([CHECKIN_ANSWERS.indexOf(word.answer), ...bytes(word.note)]);
}

function wordOf(plain: Uint8Array): SharedWord | null {
  const answer = CHECKIN_ANSWERS[plain[0] ?? -1];
  if (answer === undefined) return null;
  let note: string;
  try {
    note = new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(1));
  } catch {
    return null;
  }
  if (note.length > CHECKIN_NOTE_MAX || (note !== '' && !isPlainText(note))) return null;
  return { answer, note };
}

/** The code for `word` of the pair's `week`; `nonce` is 12 bytes from crypto.getRandomValues. */
export async function sealWord(secret: Uint8Array, week: number, word: SharedWord, nonce: Uint8Array): Promise<string> {
  if (nonce.length !== NONCE_BYTES) throw new RangeError(`a word needs a ${NONCE_BYTES}-byte nonce`);
  const clear = head(await pairTag(secret), week);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(nonce), additionalData: clear }, await weekKey(secret, week), plainOf(word)),
  );
  const all = new Uint8Array(HEAD + NONCE_BYTES + sealed.length);
  all.set(clear, 0);
  all.set(nonce, HEAD);
  all.set(sealed, HEAD + NONCE_BYTES);
  return groupedCode(WORD_CODE_PREFIX, all);
}

/** The text without the spaces, line breaks and dashes a messenger may have put in or changed. */
const squeezed = (text: string) => text.replace(/[\s\-–—]+/g, '');

/** The code's bytes, whatever spaces, dashes, line breaks or letter case a messenger gave it; null when it is none. */
function codeBytes(text: string): Uint8Array | null {
  if (text.length > PASTE_MAX) return null;
  const compact = squeezed(text);
  if (compact.length > PARTNER_WORD_CODE_MAX) return null;
  if (!compact.toUpperCase().startsWith(WORD_CODE_PREFIX)) return null;
  const symbols = compact.slice(WORD_CODE_PREFIX.length);
  const decoded = symbols.length === 0 ? null : fromBase32(symbols);
  // Symbols that are not what Tend writes for their bytes (a changed last symbol) are a changed code too.
  return decoded?.canonical ? decoded.bytes : null;
}

/** The code as Tend writes it, whatever a messenger did to its spacing and case; null when it is none. */
export function canonicalWordCode(text: string): string | null {
  const all = codeBytes(text);
  return all && groupedCode(WORD_CODE_PREFIX, all);
}

/** Whether `text` looks meant as a word code (its prefix), even when it is damaged. */
export function looksLikeWordCode(text: string): boolean {
  return squeezed(text).toUpperCase().startsWith(WORD_CODE_PREFIX);
}

/** The clear part of a code, or why there is none to read. */
export function readWordHead(text: string): { ok: WordCodeHead & { body: Uint8Array } } | { error: WordCodeError } {
  const all = codeBytes(text);
  // At least one byte: codeBytes refuses a code with no symbols, and one symbol is not a canonical byte.
  if (!all) return { error: looksLikeWordCode(text) ? 'altered' : 'not-a-code' };
  if ((all[0] as number) > VERSION) return { error: 'newer' };
  if (all[0] !== VERSION || all.length < HEAD + NONCE_BYTES + TAG_BYTES + 1) return { error: 'altered' };
  return { ok: { tag: all.slice(1, 5), week: new DataView(all.buffer, all.byteOffset).getUint32(5), body: all } };
}

/**
 * Opens a word code with the pair's secret, for one of the `weeks` it may be from (this week and the
 * one before). Another pair's code, another week's, and any altered byte each say so.
 */
export async function openWord(
  secret: Uint8Array,
  text: string,
  weeks: readonly number[],
): Promise<{ ok: SharedWord; week: number } | { error: WordCodeError }> {
  const read = readWordHead(text);
  if ('error' in read) return read;
  const { tag, week, body } = read.ok;
  const ours = await pairTag(secret);
  if (tag.some((b, i) => b !== ours[i])) return { error: 'other-pair' };
  if (!weeks.includes(week)) return { error: 'other-week' };
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: body.slice(HEAD, HEAD + NONCE_BYTES), additionalData: body.slice(0, HEAD) },
      await weekKey(secret, week),
      body.slice(HEAD + NONCE_BYTES),
    );
    const word = wordOf(new Uint8Array(plain));
    return word ? { ok: word, week } : { error: 'altered' };
  } catch {
    return { error: 'altered' };
  }
}
