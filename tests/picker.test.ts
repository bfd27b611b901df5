import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ideasJson from '../assets/library/ideas.json';
import { parseIdeas } from '../utils/library';
import { anotherIdea, createPickerState, eligibleIdeas, todaysIdea, type PickerState } from '../utils/picker';
import { defaultPrefs, type Prefs } from '../utils/prefs';
import { makeLibrary } from './helpers';

const all = defaultPrefs();
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

function walkDays(library = makeLibrary(25), days = 60, prefs: Prefs = all, hidden = new Set<string>(), salt = 's') {
  let state: PickerState = createPickerState(salt);
  const shown: { id: string; cycle: number }[] = [];
  for (let d = 0; d < days; d++) {
    const result = todaysIdea(library, prefs, hidden, state, day(d));
    if (result.kind !== 'idea') throw new Error('no idea');
    state = result.state;
    shown.push({ id: result.idea.id, cycle: state.cycle });
  }
  return { shown, state };
}

describe('todaysIdea', () => {
  it('keeps the same idea all day, also when asked again with the stored state', () => {
    const library = makeLibrary(20);
    const first = todaysIdea(library, all, new Set(), createPickerState('x'), '2026-03-01');
    if (first.kind !== 'idea') throw new Error('expected an idea');
    const again = todaysIdea(library, all, new Set(), first.state, '2026-03-01');
    expect(again.kind === 'idea' && again.idea.id).toBe(first.idea.id);
    expect(again.state).toBe(first.state);
  });

  it('brings a different idea the next day', () => {
    const { shown } = walkDays(makeLibrary(20), 2);
    expect(shown[0]?.id).not.toBe(shown[1]?.id);
  });

  it('shows every idea once before any repeats, then starts a new cycle in a new order', () => {
    const library = makeLibrary(25);
    const { shown } = walkDays(library, 50);
    const firstCycle = shown.slice(0, 25).map((s) => s.id);
    const secondCycle = shown.slice(25).map((s) => s.id);
    expect(new Set(firstCycle).size).toBe(25);
    expect(new Set(secondCycle).size).toBe(25);
    expect(secondCycle).not.toEqual(firstCycle);
    expect(shown[25]?.cycle).toBe(1);
  });

  it('property: no repeat inside a cycle, for any library size, salt and filters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.constantFrom<Prefs['modeFilter']>('both', 'together', 'solo'),
        fc.constantFrom<Prefs['maxIntensity']>('gentle', 'warm', 'close'),
        (size, salt, modeFilter, maxIntensity) => {
          const prefs = { ...all, modeFilter, maxIntensity };
          const library = makeLibrary(size);
          const eligible = eligibleIdeas(library, prefs, new Set());
          fc.pre(eligible.length > 0);
          const { shown } = walkDays(library, eligible.length * 2 + 3, prefs, new Set(), salt);
          const byCycle = new Map<number, string[]>();
          for (const s of shown) byCycle.set(s.cycle, [...(byCycle.get(s.cycle) ?? []), s.id]);
          for (const ids of byCycle.values()) expect(new Set(ids).size).toBe(ids.length);
          // A full cycle shows every eligible idea.
          expect(new Set(byCycle.get(0)).size).toBe(eligible.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: the same stored state and day always give the same idea', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.string({ minLength: 1 }), (days, salt) => {
        const library = makeLibrary(30);
        const a = walkDays(library, days + 1, all, new Set(), salt);
        const b = walkDays(library, days + 1, all, new Set(), salt);
        expect(a.shown).toEqual(b.shown);
        const again = todaysIdea(library, all, new Set(), a.state, day(days));
        expect(again.kind === 'idea' && again.idea.id).toBe(a.shown[days]?.id);
      }),
      { numRuns: 100 },
    );
  });

  it('property: hidden ideas and filtered-out ideas are never chosen, also through "Another idea"', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 30 }),
        fc.subarray(['touch', 'talk', 'play', 'solo'] as const),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 60 }),
        (hiddenIndexes, offCategories, clicks) => {
          const library = makeLibrary(40);
          const hidden = new Set(hiddenIndexes.map((i) => library[i]?.id as string));
          const prefs = { ...all, hiddenCategories: [...offCategories] };
          let state = createPickerState('h');
          let d = 0;
          for (const click of clicks) {
            const result = click
              ? anotherIdea(library, prefs, hidden, state, day(d))
              : todaysIdea(library, prefs, hidden, state, day(++d));
            if (result.kind === 'empty') {
              expect(eligibleIdeas(library, prefs, hidden)).toHaveLength(0);
              return;
            }
            expect(hidden.has(result.idea.id)).toBe(false);
            expect(offCategories).not.toContain(result.idea.category);
            state = result.state;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('says why nothing is left: filters, or everything hidden', () => {
    const library = makeLibrary(10);
    const noneFit = todaysIdea(library, { ...all, maxMinutes: 0 }, new Set(), createPickerState('x'), day(0));
    expect(noneFit).toMatchObject({ kind: 'empty', reason: 'filters' });
    const allHidden = todaysIdea(library, all, new Set(library.map((i) => i.id)), createPickerState('x'), day(0));
    expect(allHidden).toMatchObject({ kind: 'empty', reason: 'hidden' });
  });

  it('replaces today\'s idea when it gets hidden or filtered out', () => {
    const library = makeLibrary(10);
    const first = todaysIdea(library, all, new Set(), createPickerState('x'), day(0));
    if (first.kind !== 'idea') throw new Error('expected an idea');
    const after = todaysIdea(library, all, new Set([first.idea.id]), first.state, day(0));
    expect(after.kind === 'idea' && after.idea.id).not.toBe(first.idea.id);
  });
});

describe('anotherIdea', () => {
  it('gives a different idea and brings the skipped one back later in the same cycle, not the next day', () => {
    const library = makeLibrary(6);
    const first = todaysIdea(library, all, new Set(), createPickerState('y'), day(0));
    if (first.kind !== 'idea') throw new Error('expected an idea');
    const second = anotherIdea(library, all, new Set(), first.state, day(0));
    if (second.kind !== 'idea') throw new Error('expected an idea');
    expect(second.idea.id).not.toBe(first.idea.id);

    let state = second.state;
    const later: string[] = [];
    for (let d = 1; d <= 5; d++) {
      const r = todaysIdea(library, all, new Set(), state, day(d));
      if (r.kind !== 'idea') throw new Error('expected an idea');
      later.push(r.idea.id);
      state = r.state;
    }
    expect(later[0]).not.toBe(first.idea.id);
    // Four fresh ideas remain; the skipped one comes after them, still in cycle 0.
    expect(later[4]).toBe(first.idea.id);
    expect(state.cycle).toBe(0);
    expect(new Set([second.idea.id, ...later]).size).toBe(6);
  });

  it('keeps the only idea when just one fits', () => {
    const library = makeLibrary(1);
    const first = todaysIdea(library, all, new Set(), createPickerState('z'), day(0));
    const next = anotherIdea(library, all, new Set(), first.state, day(0));
    expect(next.kind === 'idea' && next.idea.id).toBe(library[0]?.id);
  });
});

describe('with the real library', () => {
  it('walks all 400+ ideas without a repeat', () => {
    const library = parseIdeas(ideasJson);
    const { shown } = walkDays(library, library.length);
    expect(new Set(shown.map((s) => s.id)).size).toBe(library.length);
  });
});
