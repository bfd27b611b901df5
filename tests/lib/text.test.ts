import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNote } from '../../checkin/checkin';
import { parseCheckIn, parseOwnIdea } from '../../model/records';
import { cleanText, decodeTextFile, isInvisible, isPlainText } from '../../lib/text';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const bytes = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  [...(bom ? '\uFEFF' : ''), ...s].join('').split('').forEach((_, i, all) => view.setUint16(i * 2, all.join('').charCodeAt(i), littleEndian));
  return bytes;
}
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u202A', '\u202C', '\u2066', '\u2069', '\u00AD', '\u061C', '\u180E', '\u3164', ' ', '\t', '\u00A0', '\u3000'];

describe('decodeTextFile', () => {
  it('reads UTF-8 with and without its mark, and UTF-16 in both byte orders by theirs', () => {
    expect(decodeTextFile(utf8('Café\nTee'))).toEqual({ text: 'Café\nTee' });
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Café')]))).toEqual({ text: 'Café' });
    expect(decodeTextFile(utf16('Café 🌿\r\nTee', true))).toEqual({ text: 'Café 🌿\r\nTee' });
    expect(decodeTextFile(utf16('Café 🌿\r\nTee', false))).toEqual({ text: 'Café 🌿\r\nTee' });
    expect(decodeTextFile(new Uint8Array())).toEqual({ text: '' });
  });

  it('refuses Latin-1, binary bytes, NUL and control characters, UTF-16 without a mark, and a cut UTF-16 file', () => {
    expect(decodeTextFile(latin1('Café'))).toEqual({ error: 'not-text' });
    expect(decodeTextFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ error: 'not-text' });
    expect(decodeTextFile(utf8('one\u0000two'))).toEqual({ error: 'not-text' });
    expect(decodeTextFile(utf8('bell\u0007'))).toEqual({ error: 'not-text' });
    expect(decodeTextFile(utf16('Tee', true, false))).toEqual({ error: 'not-text' });
    expect(decodeTextFile(utf16('Tee', true).slice(0, 5))).toEqual({ error: 'not-text' });
    // A lone half of a surrogate pair in UTF-16.
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]))).toEqual({ error: 'not-text' });
  });

  it('property: any text without control characters comes back as it was, in UTF-8 and UTF-16', () => {
    const plain = fc.string({ unit: 'grapheme' }).filter(isPlainText);
    fc.assert(
      fc.property(plain, (s) => {
        const text = s.replace(/^\uFEFF/, '');
        expect(decodeTextFile(utf8(text))).toEqual({ text });
        expect(decodeTextFile(utf16(text, true))).toEqual({ text });
        expect(decodeTextFile(utf16(text, false))).toEqual({ text });
      }),
    );
  });

  it('property: never throws, and whatever it returns is plain text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = decodeTextFile(bytes);
        if ('text' in result) expect(isPlainText(result.text)).toBe(true);
        else expect(result.error).toBe('not-text');
      }),
    );
  });
});

describe('cleanText', () => {
  it('trims white space and invisible characters at the ends, keeps them inside (an emoji family stays whole)', () => {
    expect(cleanText('  \u200BCook together\u200D\u2060 ')).toEqual({ text: 'Cook together' });
    expect(cleanText('👨‍👩‍👧 picnic')).toEqual({ text: '👨‍👩‍👧 picnic' });
    expect(cleanText('a\tb')).toEqual({ text: 'a\tb' });
  });

  it('refuses a text with nothing visible in it; a note that may be empty becomes ""', () => {
    for (const c of INVISIBLES) {
      expect(cleanText(c.repeat(3))).toEqual({ error: 'empty' });
      expect(cleanText(c.repeat(3), { emptyOk: true })).toEqual({ text: '' });
    }
    expect(cleanText('\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F')).toEqual({ error: 'empty' });
  });

  it('refuses control characters and broken surrogate pairs, even in a note', () => {
    expect(cleanText('hi\u0000')).toEqual({ error: 'not-text' });
    expect(cleanText('hi\u001B[31m', { emptyOk: true })).toEqual({ error: 'not-text' });
    expect(cleanText('hi\u0085')).toEqual({ error: 'not-text' });
    expect(cleanText('half \uD83D')).toEqual({ error: 'not-text' });
    expect(cleanText(42 as unknown as string)).toEqual({ error: 'not-text' });
  });

  it('property: never throws; what it keeps is plain, visible, trimmed, and cleaning it again changes nothing', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...INVISIBLES, '\u0000', '\u0007', '\n'), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const result = cleanText(pieces.join(''));
        if ('error' in result) return;
        expect(isPlainText(result.text)).toBe(true);
        expect(isInvisible(result.text)).toBe(false);
        expect(result.text).toBe(result.text.trim());
        expect(cleanText(result.text)).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });

  it('property: visible text with invisible characters around it is kept, without them', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ]{0,20}[A-Za-zÀ-ÿ0-9]$/);
    const around = fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(around, word, around, (a, w, b) => {
        expect(cleanText(a + w + b)).toEqual({ text: w });
      }),
    );
  });
});

describe('stored and imported texts follow the same rules', () => {
  const idea = { id: 'own-abc-123456', category: 'talk', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1 };
  it('an own idea of only invisible characters or with control characters is not an idea; around real words they are left out', () => {
    expect(parseOwnIdea({ ...idea, text: '\u200B\u200D\u2060' })).toBeNull();
    expect(parseOwnIdea({ ...idea, text: 'Tea\u0000' })).toBeNull();
    expect(parseOwnIdea({ ...idea, text: '\u200BTea for two\u200F' })?.text).toBe('Tea for two');
  });

  it('a check-in note with control characters is not a note; the check-in note as stored is trimmed of invisible characters', () => {
    const checkIn = { id: 'ci-1', at: 1, answer: 'mixed' };
    expect(parseCheckIn({ ...checkIn, note: 'tired\u0007' })).toBeNull();
    expect(parseCheckIn({ ...checkIn, note: 'tired\ttoday\nand glad' })?.note).toBe('tired\ttoday\nand glad');
    expect(cleanNote('\u200B \u2060', 280)).toBe('');
    // Never half a character at the limit.
    expect(cleanNote('ab🌿', 3)).toBe('ab');
  });
});
