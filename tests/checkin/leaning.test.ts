import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../lib/day';
import { activeLeaning, LEANING_LASTS, leaningFor } from '../../checkin/leaning';
import { CATEGORIES } from '../../model/vocabulary';
import { CHECKIN_ANSWERS, type CheckIn, type CheckInAnswer } from '../../model/records';

const NOW = Date.UTC(2026, 2, 29, 18); // the evening European clocks go forward
const checkIn = (answer: CheckInAnswer, at: number, id = `c-${at}`): CheckIn => ({ id, at, answer, note: '' });

describe('leaningFor', () => {
  it('leans a week that felt like a job toward presence, letting go of scripts, stress, honesty and time alone, up to warm', () => {
    expect(leaningFor('job')).toEqual({ categories: ['presence', 'myths', 'stress', 'honesty', 'solo'], maxIntensity: 'warm' });
  });

  it('leans a mixed week toward talk, honesty, care and appreciation, with no cap', () => {
    expect(leaningFor('mixed')).toEqual({ categories: ['talk', 'honesty', 'care', 'appreciation'] });
  });

  it('leans a connecting week toward play, touch, appreciation and presence, with no cap', () => {
    expect(leaningFor('connecting')).toEqual({ categories: ['play', 'touch', 'appreciation', 'presence'] });
  });

  it('names only real kinds, and hands out a fresh copy each time', () => {
    for (const answer of CHECKIN_ANSWERS) {
      const lean = leaningFor(answer);
      expect(lean.categories.every((c) => (CATEGORIES as readonly string[]).includes(c))).toBe(true);
      const count = lean.categories.length;
      (lean.categories as string[]).push('touch');
      expect(leaningFor(answer).categories).toHaveLength(count);
    }
  });
});

describe('activeLeaning', () => {
  it('is null with no check-ins', () => {
    expect(activeLeaning([], NOW)).toBeNull();
  });

  it('follows the newest check-in for 7 days, whatever order they are stored in', () => {
    const older = checkIn('connecting', NOW - 9 * DAY);
    const newer = checkIn('job', NOW - 2 * DAY);
    const active = activeLeaning([newer, older], NOW);
    expect(active).toMatchObject({ answer: 'job', maxIntensity: 'warm', until: newer.at + 7 * DAY });
    expect(activeLeaning([older, newer], NOW)?.answer).toBe('job');
  });

  it('ends exactly 7 × 24 hours after the check-in, across a clock change', () => {
    const at = NOW - 3 * DAY;
    expect(activeLeaning([checkIn('mixed', at)], at + LEANING_LASTS - 1)?.answer).toBe('mixed');
    expect(activeLeaning([checkIn('mixed', at)], at + LEANING_LASTS)).toBeNull();
  });

  it('does not fall back to an older answer when the newest has run out', () => {
    const list = [checkIn('job', NOW - 20 * DAY), checkIn('connecting', NOW - 8 * DAY)];
    expect(activeLeaning(list, NOW)).toBeNull();
  });

  it('counts a check-in a little in the future as just made, and ignores one far ahead', () => {
    expect(activeLeaning([checkIn('mixed', NOW + HOUR)], NOW)?.answer).toBe('mixed');
    expect(activeLeaning([checkIn('mixed', NOW - DAY), checkIn('job', NOW + 30 * DAY)], NOW)?.answer).toBe('mixed');
  });

  it('property: active exactly when the newest check-in is under a week old', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ answer: fc.constantFrom(...CHECKIN_ANSWERS), ago: fc.integer({ min: 0, max: 30 * DAY }) }), { maxLength: 8 }),
        (entries) => {
          const list = entries.map((e, i) => checkIn(e.answer, NOW - e.ago, `c${i}`));
          const active = activeLeaning(list, NOW);
          const newest = Math.min(...entries.map((e) => e.ago));
          expect(active !== null).toBe(entries.length > 0 && newest < LEANING_LASTS);
          if (active) expect(entries.filter((e) => e.ago === newest).map((e) => e.answer)).toContain(active.answer);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  });
});
