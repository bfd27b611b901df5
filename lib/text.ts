/**
 * Text that goes in is text: the one set of rules for every text a person types or brings in (own ideas,
 * the check-in note, a file of ideas, a backup). Pure; never throws.
 */

/** Why a text was refused: not plain text (undecodable bytes, control characters), or nothing visible in it. */
export type TextProblem = 'not-text' | 'empty';
export type CheckedText = { text: string } | { error: TextProblem };

/**
 * Characters that show nothing: zero-width space, non-joiner and joiner, word joiner and the other invisible
 * operators, the byte-order mark, direction marks, embeddings and isolates, soft hyphen, the Mongolian vowel
 * separator, and the blank fillers (Hangul, braille) that look like nothing. \p{Cf} covers the other format chars.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/gu;
/** Control characters other than tab and line ends (C0, DEL, C1). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a surrogate pair on its own: not a character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** White space and the invisible characters above, at either end of a text. */
const EDGES = /^[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0]+|[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0]+$/g;

/** Whether a string is plain text: no control characters (tab and line ends allowed) and no broken pairs. */
export function isPlainText(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** Whether nothing would show once white space and invisible characters are gone. */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === '';
}

/**
 * A typed or stored text, checked: trimmed of white space and invisible characters at its ends;
 * refused when it is not plain text, or (unless `emptyOk`, for a note that may be empty) when nothing
 * visible is left. An invisible-only text that may be empty becomes "".
 */
export function cleanText(input: string, { emptyOk = false }: { emptyOk?: boolean } = {}): CheckedText {
  if (typeof input !== 'string' || !isPlainText(input)) return { error: 'not-text' };
  if (isInvisible(input)) return emptyOk ? { text: '' } : { error: 'empty' };
  return { text: input.replace(EDGES, '') };
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * A text file's bytes as text: by its byte-order mark (UTF-8, UTF-16 LE or BE), otherwise as UTF-8, checked.
 * Undecodable bytes (Latin-1, binary), a broken UTF-16 file, NUL or other control characters (tab and line
 * ends are fine) mean it is not plain text: nothing is guessed. The mark itself is not part of the text.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string } | { error: 'not-text' } {
  const encoding = startsWith(bytes, 0xff, 0xfe) ? 'utf-16le' : startsWith(bytes, 0xfe, 0xff) ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { error: 'not-text' };
  }
  return isPlainText(text) ? { text } : { error: 'not-text' };
}
