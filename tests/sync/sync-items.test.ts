/** What comes in from the browser's sync is checked as an import is: what Tend would not write is left out. */
import { describe, expect, it } from 'vitest';
import { checkItem, readRemote, syncItems } from '../../sync/sync-items';
import { defaultPrefs } from '../../model/prefs';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';

const T = Date.UTC(2026, 11, 1);
const D = 'ab'.repeat(8);

describe('items from the browser’s sync', () => {
  it('each setting is its own item, checked as a stored setting is', () => {
    const items = syncItems({ prefs: { ...defaultPrefs(), palette: 'sage' }, marks: [], ownIdeas: [], talks: [], pair: null });
    expect(items['p:palette']).toBe('sage');
    expect(checkItem('p:palette', 'sage')).toBe('sage');
    expect(checkItem('p:palette', 'neon')).toBeNull();
    expect(checkItem('p:nosuch', true)).toBeNull();
  });

  it('a pairing only with a code that reads as one; tried days and conversation days within the store’s bounds', () => {
    const code = encodePairCode(createPair(new Uint8Array(16).fill(4), { zone: 'UTC', choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 1 }));
    expect(checkItem('pair', { code, pairedAt: T, invited: false })).toEqual({ code, pairedAt: T, invited: false });
    expect(checkItem('pair', { code: 'TEND-NOT-A-CODE', pairedAt: T, invited: false })).toBeNull();
    const days = Array.from({ length: 400 }, (_, i) => new Date(T - i * 86_400_000).toISOString().slice(0, 10));
    expect((checkItem('y:talk-001', days) as string[]).length).toBe(20);
    expect(checkItem('f:talk-001', true)).toBe(true);
    expect(checkItem('f:talk-001', 'yes')).toBeNull();
    expect(checkItem('y:talk-001', [])).toBeNull();
    expect((checkItem('t:talk-changed', { days }) as { days: string[] }).days.length).toBe(100);
  });

  it('a version far beyond any date, an id that is not one, and a key like __proto__ are unreadable, never thrown on', () => {
    const raw = JSON.parse(`{
      "p:palette": { "t": ${T}, "d": "${D}", "v": "sage" },
      "p:motion": { "t": ${2 ** 53}, "d": "${D}", "v": "reduce" },
      "p:theme": { "t": ${T}, "d": "NOT HEX", "v": "dark" },
      "__proto__": { "t": ${T}, "d": "${D}" }
    }`);
    const { entries, unreadable } = readRemote(raw);
    expect(Object.keys(entries)).toEqual(['p:palette']);
    expect([...unreadable].sort()).toEqual(['__proto__', 'p:motion', 'p:theme']);
    expect(Object.getPrototypeOf(entries)).toBe(Object.prototype);
    for (const odd of [null, 42, 'text', [], { a: { b: { c: 1 } } }]) expect(() => readRemote(odd)).not.toThrow();
  });
});
