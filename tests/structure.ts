/** The rules tests/structure.test.ts holds the code to: how files import, which layer may import which, cycles. */
import { readdirSync, statSync } from 'node:fs';

const NOT_PRODUCT = new Set(['tests', 'scripts', 'node_modules', 'public', 'assets', 'docs']);

/** Every top-level folder of product code: what is not tests, tooling, data or generated. */
export function productDirs(): string[] {
  return readdirSync('.').filter((name) => !name.startsWith('.') && !NOT_PRODUCT.has(name) && statSync(name).isDirectory());
}

/** Every module a source text imports: `import … from`, `export … from`, `import('…')`, `import '…'`, CSS `@import`. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|@import\s+(?:url\()?)(['"])([^'"]+)\1/g;
  for (const match of source.matchAll(pattern)) found.push(match[2] as string);
  return found;
}

export type Layer = 'entrypoint' | 'app' | 'feature' | 'store' | 'platform' | 'ui' | 'model' | 'lib';

const LAYERS: Record<string, Layer> = { entrypoints: 'entrypoint', app: 'app', store: 'store', platform: 'platform', ui: 'ui', model: 'model', lib: 'lib' };

export const layerOf = (file: string): Layer => LAYERS[file.split('/')[0] as string] ?? 'feature';

/** What each layer may import: features never an entrypoint, the base layers never a feature. */
const MAY: Record<Layer, Layer[]> = {
  entrypoint: ['entrypoint', 'app', 'feature', 'store', 'platform', 'ui', 'model', 'lib'],
  app: ['app', 'feature', 'store', 'platform', 'ui', 'model', 'lib'],
  feature: ['feature', 'store', 'platform', 'ui', 'model', 'lib'],
  ui: ['ui', 'platform', 'model', 'lib'],
  platform: ['platform', 'store', 'model', 'lib'],
  store: ['store', 'model', 'lib'],
  model: ['model', 'lib'],
  lib: ['lib'],
};

/** An entrypoint's files stay in their own folder: one page never reaches into another's. */
export function mayImport(from: Layer, to: Layer, fromFile: string, toFile: string): boolean {
  if (!MAY[from].includes(to)) return false;
  if (from === 'entrypoint' && to === 'entrypoint') return fromFile.split('/')[1] === toFile.split('/')[1];
  return true;
}

/** Every import cycle, each as its files from the first in sorted order (Tarjan's strongly connected components). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!order.has(node)) visit(node);
  return cycles;
}
