import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { productDirs } from '../structure';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, INTENSITIES } from '../../model/vocabulary';
import { PALETTE_IDS, MODE_FILTERS, MOTIONS, THEME_MODES } from '../../model/prefs';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = readdirSync('public/_locales');
const read = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = read('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}
/** Words written straight into JSX: text between tags, or a literal label attribute. */
function literalTexts(source: string): string[] {
  const found: string[] = [];
  // Text between tags, e.g. <button>Save</button>; not arrows (=>), comparisons (>=, <=) or generics.
  for (const m of source.matchAll(/(?<![=\-\w])>(?!=)\s*([^<>{}\n;]*[A-Za-z][^<>{}\n;]*?)\s*<(?![=\w]+>)/g)) {
    found.push(`"${m[1]?.trim()}"`);
  }
  for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)) found.push(`${m[1]}="${m[2]}"`);
  return found;
}

const SOURCES = productDirs().flatMap((dir) => sourceFiles(dir));

describe('locales', () => {
  it('ships English and at least one more language', () => {
    expect(LOCALES).toContain('en');
    expect(LOCALES.length).toBeGreaterThanOrEqual(2);
  });

  for (const lang of LOCALES.filter((l) => l !== 'en')) {
    it(`${lang} has every English key, non-empty, with the same placeholders`, () => {
      const other = read(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        const translated = other[key];
        expect(translated?.message.trim(), key).not.toBe('');
        for (const token of entry.message.match(/\$[A-Z_]+\$/g) ?? []) expect(translated?.message, key).toContain(token);
        expect(translated?.placeholders, key).toEqual(entry.placeholders);
      }
    });
  }

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/:\s*'([a-z][A-Za-z0-9]+)'/g)) if (m[1] && m[1] in en) used.add(m[1]);
    }
    // Keys built from a prefix and a value.
    const families: [string, readonly string[]][] = [
      ['category_', CATEGORIES],
      ['theme_', THEME_MODES],
      ['palette_', PALETTE_IDS],
      ['motion_', MOTIONS],
      ['modeFilter_', MODE_FILTERS],
      ['intensity_', INTENSITIES],
    ];
    for (const [prefix, values] of families) for (const v of values) used.add(prefix + v);
    const manifest = readFileSync('wxt.config.ts', 'utf8');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1] as string);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it('finds a literal when there is one (the check below can fail)', () => {
    expect(literalTexts('<button type="button">Save now</button>')).toEqual(['"Save now"']);
    expect(literalTexts('<p aria-label="Close">{t(\'x\')}</p>')).toEqual(['aria-label="Close"']);
    expect(literalTexts('const f = (): Promise<void> => x; if (a >= b && c <= d) {}')).toEqual([]);
  });

  it('components carry no literal user-facing text: every word goes through i18n', () => {
    const offenders = SOURCES.filter((f) => f.endsWith('.tsx')).flatMap((file) =>
      literalTexts(readFileSync(file, 'utf8')).map((literal) => `${file}: ${literal}`),
    );
    expect(offenders).toEqual([]);
  });
});
