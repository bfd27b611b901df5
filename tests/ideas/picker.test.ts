import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ideasJson from '../../assets/library/ideas.json';
import { leaningFor } from '../../checkin/leaning';
import { intensityRank } from '../../ideas/library';
import { CATEGORIES, parseIdeas, placeOf, type Category, type Idea } from '../../model/vocabulary';
import { anotherIdea, createPickerState, eligibleIdeas, filtersWithLean, fitsHour, todaysIdea, type Lean, type PickOptions, type PickResult } from '../../ideas/picker';
import type { PickerState, CheckInAnswer } from '../../model/records';
import { defaultPrefs, type Prefs } from '../../model/prefs';
import { makeLibrary } from '../helpers';

// Every idea allowed (new installs start at "up to warm"; these tests walk the whole library).
const all: Prefs = { ...defaultPrefs(), maxIntensity: 'close' };
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

  it('property: living apart, no idea that needs one place comes; living together, none made for apart', () => {
    const library = parseIdeas(ideasJson);
    expect(library.some((idea) => placeOf(idea) === 'together')).toBe(true);
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 6 }), (livingApart, clicks, salt) => {
        const prefs = { ...all, livingApart };
        let state = createPickerState(salt);
        let d = 0;
        for (const click of clicks) {
          const result = click ? anotherIdea(library, prefs, new Set(), state, day(d)) : todaysIdea(library, prefs, new Set(), state, day(++d));
          if (result.kind !== 'idea') throw new Error('no idea');
          expect(placeOf(result.idea)).not.toBe(livingApart ? 'together' : 'apart');
          state = result.state;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('"We live apart" turned on today: an idea that needs one place gives way at once', () => {
    const library = parseIdeas(ideasJson);
    let state = createPickerState('apart');
    let first: Idea | undefined;
    for (let d = 0; !first; d++) {
      const result = todaysIdea(library, all, new Set(), state, day(d));
      if (result.kind !== 'idea') throw new Error('no idea');
      if (placeOf(result.idea) === 'together') first = result.idea;
      else state = result.state;
      if (first) {
        state = result.state;
        const apart = todaysIdea(library, { ...all, livingApart: true }, new Set(), state, day(d));
        expect(apart.kind === 'idea' && placeOf(apart.idea)).not.toBe('together');
        expect(apart.kind === 'idea' && apart.idea.id).not.toBe(first.id);
      }
    }
    expect(placeOf({ mode: 'solo' })).toBe('either');
    expect(placeOf({ mode: 'together' })).toBe('together');
    expect(placeOf({ mode: 'together', own: true })).toBe('either');
    expect(placeOf({ mode: 'solo', place: 'apart' })).toBe('apart');
    expect(parseIdeas([{ ...library[0], place: 'moon' }])).toEqual([]);
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
  it('walks all 400+ ideas without a repeat, living together or apart', () => {
    const library = parseIdeas(ideasJson);
    for (const livingApart of [false, true]) {
      const prefs = { ...all, livingApart };
      const eligible = eligibleIdeas(library, prefs, new Set());
      expect(eligible.length).toBeGreaterThanOrEqual(livingApart ? 200 : 400);
      const { shown } = walkDays(library, eligible.length, prefs);
      expect(new Set(shown.map((s) => s.id))).toEqual(new Set(eligible.map((idea) => idea.id)));
    }
  });
});

// ——— Time of day, leaning and your own ideas (issues #11.6, #12.2, #13.1) ———

const TIMES = [undefined, 'morning', 'daytime', 'evening', 'night'] as const;

/** A synthetic library where some ideas name a time of day; `timed` of every 10 carry a `when`. */
function timedLibrary(n: number, timed = 4): Idea[] {
  return makeLibrary(n).map((idea, i) => {
    const when = i % 10 < timed ? TIMES[1 + (i % 4)] : undefined;
    return when ? { ...idea, when } : idea;
  });
}

interface DayPlan {
  /** Hour of the day's first opening. */
  hour: number;
  /** "Another idea" clicks after it, and whether the popup is opened once more later that day. */
  clicks: number;
  reopen: boolean;
}

const dayPlan = fc.record({ hour: fc.integer({ min: 0, max: 23 }), clicks: fc.integer({ min: 0, max: 2 }), reopen: fc.boolean() });

interface Pick {
  day: number;
  hour: number;
  via: 'today' | 'another';
  before: PickerState;
  result: PickResult & { kind: 'idea' };
  eligible: Idea[];
}

/**
 * Walks days by a plan with the given options (a function of the day, so a leaning or a new own
 * idea can start part-way) and records every pick. Checks on the way that a later opening on the
 * same day keeps the day's idea and its state.
 */
function walkPlan(
  library: (d: number) => Idea[],
  plans: readonly DayPlan[],
  options: (d: number, hour: number) => PickOptions,
  prefs: Prefs = all,
  salt = 's',
): { picks: Pick[]; finals: { id: string; cycle: number }[]; state: PickerState } {
  let state = createPickerState(salt);
  const picks: Pick[] = [];
  const finals: { id: string; cycle: number }[] = [];
  plans.forEach((plan, d) => {
    const lib = library(d);
    const step = (via: Pick['via'], hour: number) => {
      const opts = options(d, hour);
      const choose = via === 'today' ? todaysIdea : anotherIdea;
      const result = choose(lib, prefs, new Set(), state, day(d), opts);
      if (result.kind !== 'idea') throw new Error('no idea');
      const eligible = eligibleIdeas(lib, filtersWithLean(prefs, opts.lean), new Set());
      picks.push({ day: d, hour, via, before: state, result, eligible });
      state = result.state;
    };
    step('today', plan.hour);
    for (let c = 0; c < plan.clicks; c++) step('another', Math.min(23, plan.hour + c));
    if (plan.reopen) {
      const later = Math.min(23, plan.hour + 5);
      const again = todaysIdea(lib, prefs, new Set(), state, day(d), options(d, later));
      expect(again.kind === 'idea' && again.idea.id).toBe(state.today?.ideaId);
      expect(again.state).toBe(state);
    }
    finals.push({ id: state.today?.ideaId as string, cycle: state.cycle });
  });
  return { picks, finals, state };
}

/** The cycle's unshown, unskipped ideas before a pick (what it could have taken first). */
function freshBefore(pick: Pick): Idea[] {
  const excluded = pick.via === 'another' ? pick.before.today?.ideaId : undefined;
  return pick.eligible.filter((i) => !pick.before.shown.includes(i.id) && !pick.before.deferred.includes(i.id) && i.id !== excluded);
}

const takes = (picks: Pick[]) => picks.filter((p) => p.result.state !== p.before);

/** The guarantees that hold whatever the options: no repeat in a cycle, and a cycle ends only when all came. */
function expectCycleGuarantees(picks: Pick[], finals: { id: string; cycle: number }[]) {
  const byCycle = new Map<number, string[]>();
  for (const f of finals) byCycle.set(f.cycle, [...(byCycle.get(f.cycle) ?? []), f.id]);
  for (const ids of byCycle.values()) expect(new Set(ids).size).toBe(ids.length);
  for (const p of takes(picks)) {
    const id = p.result.idea.id;
    if (p.result.state.cycle === p.before.cycle) {
      const onlyOne = p.eligible.length === 1;
      if (!onlyOne) expect(p.before.shown.filter((s) => s !== p.before.today?.ideaId)).not.toContain(id);
    } else {
      // A new cycle starts only when every eligible idea was shown or skipped in the old one.
      const covered = new Set([...p.before.shown, ...p.before.deferred]);
      for (const idea of p.eligible) expect(covered.has(idea.id)).toBe(true);
    }
  }
}

describe('fitsHour', () => {
  it('lets ideas without a time of day fit every hour, and names overlapping bands for the rest', () => {
    for (let h = 0; h < 24; h++) {
      expect(fitsHour(undefined, h)).toBe(true);
      // Every hour has at least one band that fits.
      expect(TIMES.slice(1).some((w) => fitsHour(w, h))).toBe(true);
    }
    expect([3, 4, 11, 12].map((h) => fitsHour('morning', h))).toEqual([false, true, true, false]);
    expect([9, 10, 17, 18].map((h) => fitsHour('daytime', h))).toEqual([false, true, true, false]);
    expect([15, 16, 23, 0].map((h) => fitsHour('evening', h))).toEqual([false, true, true, false]);
    expect([19, 20, 0, 3, 4].map((h) => fitsHour('night', h))).toEqual([false, true, true, true, false]);
    expect(fitsHour('morning', 20.5)).toBe(false);
    expect(fitsHour('morning', undefined)).toBe(true);
  });
});

describe('time of day', () => {
  it('keeps morning ideas for a morning: opened every evening, they come last in the cycle', () => {
    const library = timedLibrary(40);
    const plans = Array.from({ length: 40 }, () => ({ hour: 20, clicks: 0, reopen: false }));
    const { finals } = walkPlan(() => library, plans, (_d, hour) => ({ hour }));
    const fitting = library.filter((i) => fitsHour(i.when, 20)).length;
    const whenOf = (id: string) => library.find((i) => i.id === id)?.when;
    expect(finals.slice(0, fitting).every((f) => fitsHour(whenOf(f.id), 20))).toBe(true);
    // The rest still come, in the same cycle: skipped for now, never removed.
    expect(new Set(finals.map((f) => f.id)).size).toBe(40);
    expect(finals.every((f) => f.cycle === 0)).toBe(true);
  });

  it('takes ideas that do not fit when nothing else is left, rather than break the cycle', () => {
    const library = makeLibrary(5).map((i) => ({ ...i, when: 'morning' as const }));
    const plans = Array.from({ length: 10 }, () => ({ hour: 21, clicks: 0, reopen: false }));
    const { finals } = walkPlan(() => library, plans, (_d, hour) => ({ hour }));
    expect(new Set(finals.slice(0, 5).map((f) => f.id)).size).toBe(5);
    expect(finals[5]?.cycle).toBe(1);
  });

  it('property: a morning idea is never a new pick after noon while a fitting unshown idea is left', () => {
    let misfits = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 10 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.array(dayPlan, { minLength: 1, maxLength: 70 }),
        (size, timed, salt, plans) => {
          const library = timedLibrary(size, timed);
          const { picks, finals } = walkPlan(() => library, plans, (_d, hour) => ({ hour }), all, salt);
          for (const p of takes(picks)) {
            if (fitsHour(p.result.idea.when, p.hour)) continue;
            misfits++;
            const before = p.before;
            const excluded = p.via === 'another' ? before.today?.ideaId : undefined;
            const fittingLeft = p.eligible.filter(
              (i) => fitsHour(i.when, p.hour) && i.id !== excluded && !before.shown.includes(i.id),
            );
            expect(fittingLeft).toEqual([]);
          }
          expectCycleGuarantees(picks, finals);
        },
      ),
      { numRuns: 120, seed: 11 },
    );
    // Not vacuous: ideas that did not fit were taken, each only when no fitting one was left.
    expect(misfits).toBeGreaterThan(0);
  });

  it('keeps today\'s idea when the popup is opened again at another hour', () => {
    const library = timedLibrary(30, 10);
    const first = todaysIdea(library, all, new Set(), createPickerState('m'), day(0), { hour: 8 });
    if (first.kind !== 'idea') throw new Error('expected an idea');
    expect(fitsHour(first.idea.when, 8)).toBe(true);
    const evening = todaysIdea(library, all, new Set(), first.state, day(0), { hour: 22 });
    expect(evening.kind === 'idea' && evening.idea.id).toBe(first.idea.id);
    expect(evening.state).toBe(first.state);
  });
});

describe('leaning', () => {
  const kinds = fc.subarray([...CATEGORIES], { minLength: 1, maxLength: 5 });

  it('property: a new pick comes from the leaning kinds whenever a fitting unshown one is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10 }),
        kinds,
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        fc.array(dayPlan, { minLength: 1, maxLength: 60 }),
        (size, timed, categories, capped, leanFrom, plans) => {
          const library = timedLibrary(size, timed);
          const lean: Lean = capped ? { categories, maxIntensity: 'warm' } : { categories };
          const { picks, finals } = walkPlan(
            () => library,
            plans,
            (d, hour) => ({ hour, lean: d >= leanFrom ? lean : null }),
          );
          for (const p of takes(picks)) {
            if (p.day < leanFrom) continue;
            const fits = (i: Idea) => fitsHour(i.when, p.hour);
            const leaningLeft = freshBefore(p).some((i) => fits(i) && categories.includes(i.category));
            if (leaningLeft) expect(categories).toContain(p.result.idea.category);
            // The cap is a filter, unless it would leave nothing at all.
            if (capped && library.some((i) => i.intensity !== 'close')) expect(p.result.idea.intensity).not.toBe('close');
          }
          expectCycleGuarantees(picks, finals);
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });

  it('property: at least 5 of 7 days lean, when the cycle holds enough ideas of those kinds', () => {
    let weeks = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 80 }),
        kinds,
        fc.integer({ min: 0, max: 20 }),
        fc.array(dayPlan, { minLength: 27, maxLength: 27 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (size, categories, start, plans, salt) => {
          const library = makeLibrary(size);
          const lean: Lean = { categories };
          const { picks, finals } = walkPlan(
            () => library,
            plans.slice(0, start + 7),
            (d, hour) => ({ hour, lean: d >= start ? lean : null }),
            all,
            salt,
          );
          // Enough: at the start of the week, the cycle still holds an unshown leaning idea for every pick of it.
          const week = picks.filter((p) => p.day >= start);
          const leaningLeft = freshBefore(week[0] as Pick).filter((i) => categories.includes(i.category)).length;
          if (leaningLeft < takes(week).length) return;
          weeks++;
          const categoryOf = (id: string) => library.find((i) => i.id === id)?.category as Category;
          const leaning = finals.slice(start).filter((f) => categories.includes(categoryOf(f.id)));
          expect(leaning.length).toBeGreaterThanOrEqual(5);
        },
      ),
      { numRuns: 150, seed: 13 },
    );
    expect(weeks).toBeGreaterThan(30);
  });

  it('leans a week of the real library, at any hour, with the stricter closeness', () => {
    const library = parseIdeas(ideasJson);
    fc.assert(
      fc.property(
        fc.constantFrom<CheckInAnswer>('job', 'mixed', 'connecting'),
        fc.constantFrom<Prefs['maxIntensity']>('gentle', 'warm', 'close'),
        fc.array(dayPlan, { minLength: 7, maxLength: 7 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (answer, maxIntensity, plans, salt) => {
          const lean = leaningFor(answer);
          const prefs = { ...all, maxIntensity };
          const { finals } = walkPlan(() => library, plans, (_d, hour) => ({ hour, lean }), prefs, salt);
          const ideas = finals.map((f) => library.find((i) => i.id === f.id) as Idea);
          expect(ideas.filter((i) => lean.categories.includes(i.category)).length).toBeGreaterThanOrEqual(5);
          const cap = lean.maxIntensity && intensityRank(lean.maxIntensity) < intensityRank(maxIntensity) ? lean.maxIntensity : maxIntensity;
          for (const i of ideas) expect(intensityRank(i.intensity)).toBeLessThanOrEqual(intensityRank(cap));
        },
      ),
      { numRuns: 40, seed: 14 },
    );
  });

  it('keeps today\'s idea when a check-in comes later that day, and still gives ideas when the cap leaves none', () => {
    const library = makeLibrary(20);
    const first = todaysIdea(library, all, new Set(), createPickerState('c'), day(0));
    if (first.kind !== 'idea') throw new Error('expected an idea');
    const lean = { categories: ['solo'] as Category[] };
    const again = todaysIdea(library, all, new Set(), first.state, day(0), { lean });
    expect(again.kind === 'idea' && again.idea.id).toBe(first.idea.id);

    const closeOnly = makeLibrary(6).map((i) => ({ ...i, intensity: 'close' as const }));
    const capped = todaysIdea(closeOnly, all, new Set(), createPickerState('c'), day(0), { lean: leaningFor('job') });
    expect(capped.kind).toBe('idea');
  });
});

describe('ideas asked for first (your own ideas)', () => {
  const ownIdea = (n: number): Idea => ({ id: `own-${n}`, category: 'talk', text: `Our idea ${n}`, minutes: 5, mode: 'together', intensity: 'gentle', own: true });

  it('takes ids given as priority first, once per cycle, and only when they are allowed', () => {
    const library = makeLibrary(12);
    const wanted = library[7]?.id as string;
    const first = todaysIdea(library, all, new Set(), createPickerState('p'), day(0), { priority: [wanted] });
    expect(first.kind === 'idea' && first.idea.id).toBe(wanted);
    if (first.kind !== 'idea') return;
    const next = todaysIdea(library, all, new Set(), first.state, day(1), { priority: [wanted] });
    expect(next.kind === 'idea' && next.idea.id).not.toBe(wanted);
    const hidden = todaysIdea(library, all, new Set([wanted]), createPickerState('p'), day(0), { priority: [wanted] });
    expect(hidden.kind === 'idea' && hidden.idea.id).not.toBe(wanted);
  });

  it('property: a new own idea comes next (Another idea or the next day), then joins the cycle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(dayPlan, { minLength: 8, maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (size, timed, added, plans, salt) => {
          const base = timedLibrary(size, timed);
          // Own ideas are written on day 3, 4, … (one each, before that day's first opening).
          const writtenOn = (n: number) => 3 + n;
          const createdAt = (n: number) => new Date(2026, 0, 1 + writtenOn(n), 6).getTime();
          const ownOn = (d: number) => Array.from({ length: added }, (_, n) => n).filter((n) => writtenOn(n) <= d);
          const libraryOn = (d: number) => [...base, ...ownOn(d).map(ownIdea)];
          const options = (d: number, hour: number): PickOptions => ({
            hour,
            lean: { categories: ['solo'] },
            own: ownOn(d).map((n) => ({ id: `own-${n}`, createdAt: createdAt(n) })),
          });
          const { picks, finals, state } = walkPlan(libraryOn, plans, options, all, salt);
          for (let n = 0; n < added && writtenOn(n) < plans.length; n++) {
            const id = `own-${n}`;
            const after = takes(picks).filter((p) => p.day >= writtenOn(n));
            const next = after[0];
            if (next) expect(next.result.idea.id).toBe(id);
            // Once shown, it is an ordinary idea of the cycle: never asked for first again.
            const firstPicks = after.slice(1).filter((p) => p.result.idea.id === id && p.result.state.cycle === next?.result.state.cycle);
            expect(firstPicks.filter((p) => !p.before.deferred.includes(id))).toEqual([]);
          }
          // Nothing new is stored: the state keeps its shape.
          expect(Object.keys(state).sort()).toEqual(['cycle', 'deferred', 'salt', 'shown', 'today']);
          expectCycleGuarantees(picks, finals);
        },
      ),
      { numRuns: 120, seed: 15 },
    );
  });

  it('written after today\'s idea was chosen: today\'s stays, the next "Another idea" shows it, then it joins the cycle', () => {
    const base = makeLibrary(10);
    const start = todaysIdea(base, all, new Set(), createPickerState('n'), day(0), { hour: 9, own: [] });
    if (start.kind !== 'idea') throw new Error('expected an idea');
    // Two ideas written in the afternoon of day 0.
    const library = [...base, ownIdea(1), ownIdea(2)];
    const own = [
      { id: 'own-1', createdAt: new Date(2026, 0, 1, 15).getTime() },
      { id: 'own-2', createdAt: new Date(2026, 0, 1, 16).getTime() },
    ];
    const reopened = todaysIdea(library, all, new Set(), start.state, day(0), { hour: 17, own });
    expect(reopened.kind === 'idea' && reopened.idea.id).toBe(start.idea.id);
    const next = anotherIdea(library, all, new Set(), start.state, day(0), { hour: 17, own });
    expect(next.kind === 'idea' && next.idea.id).toBe('own-2');
    if (next.kind !== 'idea') return;
    // Tomorrow the newest is an ordinary idea of the cycle; the other one, unseen, still comes first.
    const tomorrow = todaysIdea(library, all, new Set(), next.state, day(1), { hour: 9, own });
    expect(tomorrow.kind === 'idea' && tomorrow.idea.id).toBe('own-1');
    if (tomorrow.kind !== 'idea') return;
    const later = todaysIdea(library, all, new Set(), tomorrow.state, day(2), { hour: 9, own });
    expect(later.kind === 'idea' && later.idea.own).toBeUndefined();
  });

  it('comes first the next day when the popup was not opened again, and respects the filters', () => {
    const base = makeLibrary(10);
    const start = todaysIdea(base, all, new Set(), createPickerState('q'), day(0));
    if (start.kind !== 'idea') throw new Error('expected an idea');
    const own = [{ id: 'own-1', createdAt: new Date(2026, 0, 1, 20).getTime() }];
    const library = [...base, ownIdea(1)];
    const tomorrow = todaysIdea(library, all, new Set(), start.state, day(1), { own });
    expect(tomorrow.kind === 'idea' && tomorrow.idea.id).toBe('own-1');
    const talkOff = todaysIdea(library, { ...all, hiddenCategories: ['talk'] }, new Set(), start.state, day(1), { own });
    expect(talkOff.kind === 'idea' && talkOff.idea.id).not.toBe('own-1');
  });

  it('keeps the stored state\'s shape, with or without options', () => {
    const { state } = walkDays(makeLibrary(10), 5);
    expect(Object.keys(state).sort()).toEqual(['cycle', 'deferred', 'salt', 'shown', 'today']);
  });
});
