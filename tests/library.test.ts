import { describe, expect, it } from 'vitest';
import ideas from '../assets/library/ideas.json';
import nudges from '../assets/library/nudges.json';
import { CATEGORIES } from '../utils/library';
import { lintIdeas, lintNudges, MIN_IDEAS, MIN_NUDGES, MIN_PER_CATEGORY } from '../utils/library-lint';

const good = (n: number) => ({
  id: `talk-${String(n).padStart(3, '0')}`,
  category: 'talk',
  text: `Ask about a small thing from the day, number ${n}, and listen to the whole answer.`,
  minutes: 5,
  mode: 'together',
  intensity: 'gentle',
});

describe('the idea library', () => {
  it('keeps every content rule', () => {
    expect(lintIdeas(ideas)).toEqual([]);
  });

  it(`has at least ${MIN_IDEAS} ideas and ${MIN_PER_CATEGORY} in each category`, () => {
    expect(ideas.length).toBeGreaterThanOrEqual(MIN_IDEAS);
    for (const category of CATEGORIES) {
      expect(ideas.filter((i) => i.category === category).length).toBeGreaterThanOrEqual(MIN_PER_CATEGORY);
    }
  });

  it('keeps the ids of the starter ideas (ids are stable forever)', () => {
    const ids = new Set(ideas.map((i) => i.id));
    for (const category of CATEGORIES) {
      for (let n = 1; n <= 3; n++) expect(ids.has(`${category}-${String(n).padStart(3, '0')}`)).toBe(true);
    }
  });

  it('catches each kind of problem', () => {
    const problems = lintIdeas([
      good(1),
      good(1),
      { ...good(2), text: 'You should hold hands more often, it helps a lot with everything.' },
      { ...good(3), text: 'x'.repeat(161) },
      { ...good(4), minutes: 90 },
      { ...good(5), category: 'romance' },
      { ...good(6), mode: 'both' },
      { ...good(7), text: 'Ask her how the day went and listen closely to all of it tonight.' },
      { ...good(8), text: 'What a great idea! Try holding hands on a walk tonight, together.' },
    ]).join('\n');
    expect(problems).toMatch(/talk-001: duplicate id/);
    expect(problems).toMatch(/talk-002: banned .*should/);
    expect(problems).toMatch(/talk-003: text is 161 characters/);
    expect(problems).toMatch(/talk-004: minutes 90/);
    expect(problems).toMatch(/talk-005: unknown category romance/);
    expect(problems).toMatch(/talk-006: mode both/);
    expect(problems).toMatch(/talk-007: banned .*her/);
    expect(problems).toMatch(/talk-008: banned .*!/);
    expect(problems).toMatch(/category touch has 0 ideas/);
    expect(problems).toMatch(/library has 9 ideas/);
  });

  it('catches near-duplicates and over-used phrases', () => {
    const base = 'Sit together for ten minutes tonight and share one thing that made you smile.';
    const near = lintIdeas([good(1), { ...good(2), text: base }, { ...good(3), text: base.replace('ten', 'five') }]);
    expect(near.join('\n')).toMatch(/near-duplicate .* talk-002 ~ talk-003/);
    const phrase = lintIdeas(
      [1, 2, 3, 4, 5].map((n) => ({ ...good(n), text: `Item ${'abcde'[n - 1]} alone: put the kettle on and wait while talking about thing ${n}.` })),
    );
    expect(phrase.join('\n')).toMatch(/recurs in 5 texts/);
  });
});

describe('the nudge lines', () => {
  it(`keep every rule and there are at least ${MIN_NUDGES}`, () => {
    expect(lintNudges(nudges)).toEqual([]);
    expect(nudges.length).toBeGreaterThanOrEqual(MIN_NUDGES);
  });

  it('catch over-long and pushy lines', () => {
    const problems = lintNudges([{ id: 'n-001', text: 'x'.repeat(91) }, { id: 'n-002', text: 'You must do this now.' }]);
    expect(problems.join('\n')).toMatch(/n-001: text is 91/);
    expect(problems.join('\n')).toMatch(/n-002: banned/);
  });
});
