/** Crockford's base32: digits and capitals without I, L, O and U; read case-insensitively. Pure. */

export const BASE32_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Symbol values by character code for ASCII: upper and lower case, with Crockford's aliases. */
const ASCII_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const set = (char: string, value: number) => {
    table[char.charCodeAt(0)] = value;
    table[char.toLowerCase().charCodeAt(0)] = value;
  };
  [...BASE32_ALPHABET].forEach(set);
  set('O', 0);
  set('I', 1);
  set('L', 1);
  return table;
})();

/** The symbol's value; I and L read as 1, O as 0 (Crockford's rule for handwritten or spoken codes). -1: not a symbol. */
export function base32Value(char: string): number {
  if (char.length === 1 && char.charCodeAt(0) < 128) return ASCII_VALUES[char.charCodeAt(0)] as number;
  // Beyond ASCII, what upper-cases to a symbol (a dotless ı, for one) reads as that symbol.
  const upper = char.toUpperCase();
  const aliased = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper;
  return aliased.length === 1 && aliased.charCodeAt(0) < 128 ? (ASCII_VALUES[aliased.charCodeAt(0)] as number) : -1;
}

/** Bytes as symbols, five bits each, the last one zero-padded. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Symbols in a written code: a code is read in groups of this many, joined by dashes. */
export const CODE_GROUP = 5;

/** A code as Tend writes it: `prefix`, then the bytes' symbols in groups of five, joined by dashes. */
export function groupedCode(prefix: string, bytes: Uint8Array): string {
  const groups = toBase32(bytes).match(new RegExp(`.{1,${CODE_GROUP}}`, 'g')) ?? [];
  return [prefix, ...groups].join('-');
}

/**
 * Symbols back to bytes. `canonical` is false when the symbols are not exactly what `toBase32`
 * writes for those bytes (a symbol too many, or padding bits that are not zero): a changed last
 * symbol then never passes unnoticed. Null when a character is not a symbol.
 */
export function fromBase32(text: string): { bytes: Uint8Array; canonical: boolean } | null {
  const values = [...text].map(base32Value);
  if (values.some((v) => v < 0)) return null;
  const bytes = new Uint8Array(Math.floor((values.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (const value of values) {
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (i < bytes.length) bytes[i++] = (buffer >> bits) & 0xff;
    }
  }
  const padding = buffer & ((1 << bits) - 1);
  const canonical = padding === 0 && Math.ceil((bytes.length * 8) / 5) === values.length;
  return { bytes, canonical };
}
