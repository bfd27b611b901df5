import { describe, expect, it } from 'vitest';
import wishes from '../../assets/library/wishes.json';
import wishesDe from '../../assets/library/wishes.de.json';
import ideas from '../../assets/library/ideas.json';
import talks from '../../assets/library/talks.json';
import { lintWishes, lintWishesTranslation } from '../lint/wishes-lint';
import { MIN_WISHES, parseWishes, translateWishes, wishPath } from '../../wishes/wishes';

const known = {
  ideas: new Set((ideas as { id: string }[]).map((idea) => idea.id)),
  talks: new Set((talks as { id: string }[]).map((talk) => talk.id)),
};

/** Wishes that keep every rule, in words that share no phrases. */
const deck = (count = MIN_WISHES) =>
  Array.from({ length: count }, (_, i) => ({ id: `wish-${String(i + 1).padStart(3, '0')}`, text: `A wish called ${[...String(i * 7919)].map((d) => 'bcdfghjklm'[Number(d)]).join('')} q${i}` }));

describe('the deck of wishes', () => {
  it('keeps every rule in English, and names only ideas and conversations that exist', () => {
    expect(lintWishes(wishes, known)).toEqual([]);
    expect(wishes.length).toBeGreaterThanOrEqual(MIN_WISHES);
  });

  it('has every wish in German, with the same ids and German rules', () => {
    expect(lintWishesTranslation(wishes, wishesDe)).toEqual([]);
    expect(wishesDe.map((w) => w.id)).toEqual(wishes.map((w) => w.id));
  });

  it('most wishes offer one fitting idea or conversation', () => {
    const fitting = (wishes as Record<string, unknown>[]).filter((w) => w.idea !== undefined || w.talk !== undefined);
    expect(fitting.length).toBeGreaterThan(wishes.length / 2);
  });
});

describe('the wishes lint', () => {
  it('passes a deck that keeps the rules', () => {
    expect(lintWishes(deck(), known)).toEqual([]);
  });

  it('finds a long line, a banned word, a blaming word, a duplicate id and too few wishes', () => {
    const bad = deck();
    bad[0] = { ...bad[0]!, text: `More ${'very '.repeat(20)}slow mornings` };
    bad[1] = { ...bad[1]!, text: 'A partner who should listen' };
    bad[2] = { ...bad[2]!, text: 'Being asked about my day for once' };
    bad[3] = { ...bad[3]!, id: bad[4]!.id };
    const problems = lintWishes(bad, known).join('\n');
    expect(problems).toContain('wish-001: text is');
    expect(problems).toContain('wish-002: banned');
    expect(problems).toContain('wish-003: banned');
    expect(problems).toContain('wish-005: duplicate id');
    expect(lintWishes(deck(MIN_WISHES - 1), known)).toContain(`the deck has ${MIN_WISHES - 1} wishes (min ${MIN_WISHES})`);
  });

  it('finds a fitting idea or conversation that does not exist, and a wish with both', () => {
    const bad: Record<string, unknown>[] = deck();
    bad[0] = { ...bad[0], idea: 'touch-999' };
    bad[1] = { ...bad[1], talk: 'talk-nowhere' };
    bad[2] = { ...bad[2], idea: 'touch-001', talk: 'talk-touch' };
    const problems = lintWishes(bad, known);
    expect(problems).toContain('wish-001: no idea touch-999');
    expect(problems).toContain('wish-002: no conversation talk-nowhere');
    expect(problems.some((p) => p.startsWith('wish-003: fields are'))).toBe(true);
  });

  it('finds a translation with a missing id, an extra id, or a banned German word', () => {
    const original = deck();
    const german = original.map((w) => ({ id: w.id, text: `Ein Wunsch ${w.text.slice(15)}` }));
    expect(lintWishesTranslation(original, german)).toEqual([]);
    const bad = german.slice(1).concat({ id: 'wish-999', text: 'Ein Wunsch, der fremd ist' });
    bad[0] = { ...bad[0]!, text: 'Endlich ein ruhiger Morgen' };
    const problems = lintWishesTranslation(original, bad);
    expect(problems).toContain('wish-001: missing from the translation');
    expect(problems).toContain('wish-999: not in the original');
    expect(problems.some((p) => p.startsWith('wish-002: banned'))).toBe(true);
  });
});

describe('reading the deck', () => {
  it('keeps well-formed wishes (first of each id) with their fitting idea or conversation', () => {
    expect(parseWishes([{ id: 'wish-001', text: 'A', idea: 'touch-001', extra: 1 }, { id: 'wish-001', text: 'B' }, { id: 'wish-002' }, null, { id: 'wish-003', text: 'C', talk: 'talk-rest' }])).toEqual([
      { id: 'wish-001', text: 'A', idea: 'touch-001' },
      { id: 'wish-003', text: 'C', talk: 'talk-rest' },
    ]);
    expect(parseWishes('nope')).toEqual([]);
  });

  it('takes German texts where they exist and keeps English elsewhere; unknown languages get English', () => {
    const english = parseWishes(wishes);
    const german = translateWishes(english, wishesDe);
    expect(german[0]?.text).toBe(wishesDe[0]?.text);
    expect(german[0]?.idea).toBe(english[0]?.idea);
    expect(translateWishes(english, [{ id: english[1]?.id, text: 'Nur einer' }])[0]?.text).toBe(english[0]?.text);
    expect(wishPath('de')).toBe('/library/wishes.de.json');
    expect(wishPath('fr')).toBe('/library/wishes.en.json');
  });
});
