import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_LIMITS } from '../../../store/schema';
import { IDEA_TEXT_MAX } from '../../../model/vocabulary';
import {
  createOwnIdea,
  matchesSearch,
  OWN_IDEAS_MAX,
  ownIdeasFileName,
  ownIdeasText,
  ownIdeaToIdea,
  parseIdeaLines,
  type OwnIdeaFields,
} from '../../../ideas/own/own-ideas';
import { parseOwnIdea, type OwnIdea } from '../../../model/records';

const FIELDS: OwnIdeaFields = { text: 'Make tea for two', category: 'care', mode: 'together', minutes: null, intensity: 'gentle' };
const long = (n: number) => 'x'.repeat(n);

describe('parseIdeaLines', () => {
  it('takes one idea per line, trimmed, in order', () => {
    expect(parseIdeaLines('  Hold hands  \nAsk about the day\t\n', [])).toEqual({
      add: ['Hold hands', 'Ask about the day'],
      blank: 0,
      duplicates: 0,
      notText: 0,
      tooLong: [],
    });
  });

  it('counts blank lines, but not the final line end', () => {
    expect(parseIdeaLines('a\n\n   \nb\n', [])).toMatchObject({ add: ['a', 'b'], blank: 2 });
    expect(parseIdeaLines('', [])).toEqual({ add: [], blank: 0, duplicates: 0, notText: 0, tooLong: [] });
    expect(parseIdeaLines('\uFEFF', [])).toMatchObject({ add: [], blank: 0 });
    expect(parseIdeaLines('\n', [])).toMatchObject({ add: [], blank: 1 });
    expect(parseIdeaLines('\r\n\r\n', [])).toMatchObject({ add: [], blank: 2 });
  });

  it('counts a line of only invisible characters as blank, and skips lines that are not plain text', () => {
    const result = parseIdeaLines('\u200B\u200D\u2060\nTea\u200B\n\u200E \u200F\nbell\u0007\nnul\u0000x\n', []);
    expect(result).toEqual({ add: ['Tea'], blank: 2, duplicates: 0, notText: 2, tooLong: [] });
  });

  it('handles a byte-order mark, CRLF and lone CR', () => {
    expect(parseIdeaLines('\uFEFFfirst\r\nsecond\r\n\r\nthird\rfourth', [])).toEqual({
      add: ['first', 'second', 'third', 'fourth'],
      blank: 1,
      duplicates: 0,
      notText: 0,
      tooLong: [],
    });
  });

  it('skips exact duplicates of each other and of existing ideas; case counts', () => {
    const result = parseIdeaLines('Walk\nwalk\n Walk \nTea\nSing', ['Tea ', 'Dance']);
    expect(result.add).toEqual(['Walk', 'walk', 'Sing']);
    expect(result.duplicates).toBe(2);
  });

  it('lists lines over 160 characters by 1-based number and does not add them', () => {
    const text = ['ok', long(IDEA_TEXT_MAX + 1), '', `  ${long(IDEA_TEXT_MAX)}  `, long(500)].join('\r\n');
    const result = parseIdeaLines(text, []);
    expect(result.tooLong).toEqual([2, 5]);
    expect(result.add).toEqual(['ok', long(IDEA_TEXT_MAX)]);
    expect(result.blank).toBe(1);
  });

  it('accounts for every line exactly once (property)', () => {
    const line = fc.oneof(fc.constantFrom('', ' ', 'a', 'b', 'A', ' a '), fc.string({ maxLength: 8 }), fc.constant(long(161)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.string(), { maxLength: 3 }), (lines, eol, existing) => {
        const clean = lines.map((l) => l.replace(/[\r\n]/g, ''));
        // Every line ends with a line end, as editors save files.
        const r = parseIdeaLines(clean.map((l) => l + eol).join(''), existing);
        const total = clean.length;
        expect(r.add.length + r.blank + r.duplicates + r.tooLong.length).toBe(total);
        expect(new Set(r.add).size).toBe(r.add.length);
        for (const text of r.add) {
          expect(text).toBe(text.trim());
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(IDEA_TEXT_MAX);
          expect(existing.map((e) => e.trim())).not.toContain(text);
        }
      }),
    );
  });
});

describe('createOwnIdea', () => {
  it('makes a valid own idea with an id from time and randomness', () => {
    const idea = createOwnIdea({ ...FIELDS, text: '  Make tea for two ' }, Date.UTC(2026, 4, 4), () => 0.5);
    expect(idea.id).toMatch(/^own-[0-9a-z]+-[0-9a-z]{6}$/);
    expect(idea.id.startsWith(`own-${Date.UTC(2026, 4, 4).toString(36)}-`)).toBe(true);
    expect(idea).toMatchObject({ text: 'Make tea for two', category: 'care', mode: 'together', minutes: null, intensity: 'gentle', createdAt: Date.UTC(2026, 4, 4) });
    expect(parseOwnIdea(idea)).toEqual(idea);
  });

  it('always passes the stored validator (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), (now, r, minutes) => {
        const idea = createOwnIdea({ ...FIELDS, minutes }, now, () => r);
        expect(parseOwnIdea(idea)).toEqual(idea);
      }),
    );
  });

  it('gives different ids at different times even with the same randomness', () => {
    expect(createOwnIdea(FIELDS, 1000, () => 0.42).id).not.toBe(createOwnIdea(FIELDS, 1001, () => 0.42).id);
  });
});

describe('ownIdeaToIdea', () => {
  const own: OwnIdea = { id: 'own-abc-123456', text: 'Tea', category: 'care', mode: 'solo', minutes: null, intensity: 'warm', createdAt: 1 };

  it('marks it own and counts missing minutes as 5', () => {
    expect(ownIdeaToIdea(own)).toEqual({ id: 'own-abc-123456', text: 'Tea', category: 'care', mode: 'solo', minutes: 5, intensity: 'warm', own: true });
    expect(ownIdeaToIdea({ ...own, minutes: 20 }).minutes).toBe(20);
  });
});

describe('ownIdeasText', () => {
  const make = (text: string, i: number): OwnIdea => ({ ...createOwnIdea({ ...FIELDS, text }, 1000 + i, () => 0.1) });

  it('writes one idea per line with a final line end, and reads back the same', () => {
    const list = ['Tea für zwei ☕', 'Ask “how are you, really?”', '<img src=x onerror=alert(1)>'].map(make);
    const text = ownIdeasText(list);
    expect(text).toBe('Tea für zwei ☕\nAsk “how are you, really?”\n<img src=x onerror=alert(1)>\n');
    expect(parseIdeaLines(text, []).add).toEqual(list.map((o) => o.text));
    expect(parseIdeaLines(text, list.map((o) => o.text))).toMatchObject({ add: [], duplicates: 3 });
  });

  it('keeps one idea on one line even when a stored text has a line break', () => {
    expect(ownIdeasText([{ ...make('x', 0), text: 'one\r\n two' }])).toBe('one two\n');
  });

  it('is empty for no ideas', () => {
    expect(ownIdeasText([])).toBe('');
  });
});

describe('small helpers', () => {
  it('names the file by local date', () => {
    expect(ownIdeasFileName(new Date(2026, 0, 9, 23, 30).getTime())).toBe('tend-ideas-2026-01-09.txt');
  });

  it('search ignores case and outer spaces', () => {
    const idea = createOwnIdea({ ...FIELDS, text: 'Walk to the Lake' }, 1, () => 0);
    expect(matchesSearch(idea, ' lake ')).toBe(true);
    expect(matchesSearch(idea, '')).toBe(true);
    expect(matchesSearch(idea, 'river')).toBe(false);
  });

  it('the limit matches the store', () => {
    expect(OWN_IDEAS_MAX).toBe(KEEP_LIMITS.ownIdeas);
  });
});
