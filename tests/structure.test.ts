/**
 * The shape of the code (../shared/STYLE.md): one feature, one folder; dependencies point one way
 * (entrypoints → features → store / platform / lib); no import cycle of any kind, type and lazy imports
 * included; no product file over 300 lines and no folder over 15 product files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importsOf, layerOf, mayImport, productDirs } from './structure';

const ROOTS = productDirs();
const SOURCE = /\.(tsx?|css)$/;

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

const files = ROOTS.flatMap(walk);
const known = new Set(files);
const RESOLVE = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Each product file's imports of other product files (static, type-only and lazy alike). */
const graph = new Map(
  files.map((file) => {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => RESOLVE.map((ext) => normalize(join(dirname(file), spec)) + ext).find((p) => known.has(p)))
      .filter((p): p is string => p !== undefined);
    return [file, targets];
  }),
);

describe('the shape of the code', () => {
  it('finds the product files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no import cycle, type and lazy imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('lets dependencies point one way: entrypoints → features → store / platform / lib', () => {
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => !mayImport(layerOf(from), layerOf(to), from, to)).map((to) => `${from} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps every product file within 300 lines', () => {
    const long = files
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('keeps every folder within 15 product files', () => {
    const counts = new Map<string, number>();
    for (const file of files) counts.set(dirname(file), (counts.get(dirname(file)) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 15)).toEqual([]);
  });
});

describe('the structure rules themselves', () => {
  it('see static, type-only, lazy, re-export and CSS imports', () => {
    const source = `import { a } from './a';\nimport type { B } from "../b";\nconst c = () => import('./c');\nexport { d } from './d';\nimport './e.css';\n@import url('./f.css');`;
    expect(importsOf(source)).toEqual(['./a', '../b', './c', './d', './e.css', './f.css']);
  });

  it('find a cycle through three files and a file importing itself, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('refuse arrows that run back up', () => {
    expect(mayImport('store', 'feature', 'store/db.ts', 'checkin/checkin.ts')).toBe(false);
    expect(mayImport('feature', 'entrypoint', 'ideas/a.ts', 'entrypoints/popup/App.tsx')).toBe(false);
    expect(mayImport('lib', 'store', 'lib/day.ts', 'store/db.ts')).toBe(false);
    expect(mayImport('entrypoint', 'entrypoint', 'entrypoints/popup/a.ts', 'entrypoints/options/b.ts')).toBe(false);
    expect(mayImport('feature', 'store', 'ideas/picker.ts', 'store/records.ts')).toBe(true);
  });
});
