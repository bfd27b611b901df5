import { describe, expect, it } from 'vitest';
import talks from '../../assets/library/talks.json';
import talksDe from '../../assets/library/talks.de.json';
import { lintTalks, lintTalksTranslation } from '../lint/talks-lint';
import {
  MIN_TALKS,
  parseTalks,
  talkPath,
  TALK_PROMPTS_MAX,
  TALK_PROMPTS_MIN,
  TALK_TEXT_MAX,
  translateTalks,
  type Talk,
} from '../../talk/talks';

/** Made-up words that never repeat, so the fixtures share no phrases and only the rule a test breaks fires. */
let seed = 0;
const fresh = (count: number) =>
  Array.from({ length: count }, () => `x${[...String(seed++)].map((d) => 'bcdfghjklm'[Number(d)]).join('')}`).join(' ');

const talk = (slug: string, prompts = 5, minutes = 20): Talk => ({
  id: `talk-${slug}`,
  title: `A talk about ${fresh(3)}`,
  why: `It helps with ${fresh(8)}.`,
  minutes,
  prompts: Array.from({ length: prompts }, () => `What about ${fresh(8)}?`),
  closing: `Thank each other for ${fresh(6)}.`,
});

/** Twelve conversations that keep every rule. */
const wholeSet = (): Talk[] => 'abcdefghijkl'.split('').map((letter) => talk(`set-${letter}`));

const german = (t: Talk) => ({
  id: t.id,
  title: `Gespräch über ${fresh(3)}`,
  why: `Es hilft bei ${fresh(8)}.`,
  prompts: t.prompts.map(() => `Was ist mit ${fresh(8)}?`),
  closing: `Dankt euch für ${fresh(6)}.`,
});

describe('the guided conversations', () => {
  it('keep every content rule', () => {
    expect(lintTalks(talks)).toEqual([]);
  });

  it(`are at least ${MIN_TALKS}, all well-formed, and include the one the counsellor card links to`, () => {
    expect(talks.length).toBeGreaterThanOrEqual(MIN_TALKS);
    expect(parseTalks(talks)).toHaveLength(talks.length);
    expect(talks.find((t) => t.id === 'talk-changed')?.title).toBe('What has changed between us');
  });

  it('catch a bad id, a duplicate id and wrong fields', () => {
    const problems = lintTalks([...wholeSet(), { ...talk('x'), id: 'talk_7' }, { ...talk('set-a'), extra: 1 }]).join('\n');
    expect(problems).toMatch(/talk_7: id must look like talk-<slug>/);
    expect(problems).toMatch(/talk-set-a: duplicate id/);
    expect(problems).toMatch(/talk-set-a: fields are closing,extra,id,minutes,prompts,title,why/);
  });

  it(`catch too few and too many prompts (${TALK_PROMPTS_MIN}–${TALK_PROMPTS_MAX}) and dishonest minutes`, () => {
    const problems = lintTalks([talk('few', 4), talk('many', 9), talk('slow', 5, 90)]).join('\n');
    expect(problems).toMatch(/talk-few: 4 prompts/);
    expect(problems).toMatch(/talk-many: 9 prompts/);
    expect(problems).toMatch(/talk-slow: minutes 90 not in 10–45/);
  });

  it('catch texts that are too long or missing', () => {
    const base = talk('long');
    const problems = lintTalks([
      { ...base, prompts: [...base.prompts.slice(0, 4), 'x'.repeat(TALK_TEXT_MAX + 1)] },
      { ...talk('why'), why: 'y'.repeat(141) },
      { ...talk('closing'), closing: '' },
    ]).join('\n');
    expect(problems).toMatch(/talk-long prompt 5: text is 161 characters/);
    expect(problems).toMatch(/talk-why why: text is 141 characters/);
    expect(problems).toMatch(/talk-closing closing: text missing/);
  });

  it('catch banned words and exclamation marks', () => {
    const base = talk('banned');
    const problems = lintTalks([
      { ...base, prompts: ['You should tell each other more often how the day went.', ...base.prompts.slice(1)] },
      { ...talk('gender'), why: 'Ask her about the week and listen.' },
      { ...talk('cheer'), closing: 'Well done, what a great talk!' },
    ]).join('\n');
    expect(problems).toMatch(/talk-banned prompt 1: banned .*should/);
    expect(problems).toMatch(/talk-gender why: banned .*her/);
    expect(problems).toMatch(/talk-cheer closing: banned .*!/);
  });

  it('catch near-duplicate prompts across the whole set, and too few conversations', () => {
    const sentence = 'Which song reminds you of the summer we met, and what do you hear in it now?';
    const a = talk('one');
    const b = talk('two');
    a.prompts[0] = sentence;
    b.prompts[3] = sentence.replace('summer', 'winter');
    const problems = lintTalks([a, b]).join('\n');
    expect(problems).toMatch(/near-duplicate \(\d\.\d\d\): talk-one prompt 1 ~ talk-two prompt 4/);
    expect(problems).toMatch(/there are 2 conversations \(min 12\)/);
    expect(lintTalks(wholeSet())).toEqual([]);
    expect(lintTalks({ not: 'a list' })).toEqual(['talks.json is not an array']);
  });
});

describe('the German conversations', () => {
  const original = parseTalks(talks);

  it('translate every conversation once, prompt for prompt, within the limits and the German rules', () => {
    expect(lintTalksTranslation(original, talksDe)).toEqual([]);
    expect(talksDe.map((t) => t.id)).toEqual(original.map((t) => t.id));
  });

  it('catch a missing id, an unknown id, a duplicate and a prompt count that differs', () => {
    const set = wholeSet();
    const [first, second] = set as [Talk, Talk];
    const translation = set.slice(2).map(german);
    const problems = lintTalksTranslation(set, [
      ...translation,
      { ...german(first), prompts: german(first).prompts.slice(0, 4) },
      german(first),
      { ...german(talk('nowhere')) },
    ]).join('\n');
    expect(problems).toMatch(new RegExp(`${second.id}: not translated`));
    expect(problems).toMatch(new RegExp(`${first.id}: 4 prompts, the original has 5`));
    expect(problems).toMatch(new RegExp(`${first.id}: duplicate id`));
    expect(problems).toMatch(/talk-nowhere: not in the original/);
    expect(lintTalksTranslation(set, set.map(german))).toEqual([]);
  });

  it('catch German banned words, lengths and exclamation marks', () => {
    const set = wholeSet();
    const de = set.map(german);
    de[0] = { ...de[0]!, why: 'Frag deine Partnerin, wie ihre Woche war.' };
    de[1] = { ...de[1]!, prompts: ['Ihr solltet öfter über den Tag reden.', ...de[1]!.prompts.slice(1)] };
    de[2] = { ...de[2]!, closing: 'Was für ein schönes Gespräch!' };
    de[3] = { ...de[3]!, prompts: [...de[3]!.prompts.slice(0, 4), 'ä'.repeat(161)] };
    const problems = lintTalksTranslation(set, de).join('\n');
    expect(problems).toMatch(/talk-set-a why: banned .*partner/);
    expect(problems).toMatch(/talk-set-b prompt 1: banned .*soll/);
    expect(problems).toMatch(/talk-set-c closing: banned .*!/);
    expect(problems).toMatch(/talk-set-d prompt 5: text is 161 characters/);
  });

  it('catch English left in place, copied or freshly written', () => {
    const set = wholeSet();
    const de = set.map(german);
    de[0] = { ...de[0]!, title: set[0]!.title };
    de[1] = { ...de[1]!, prompts: [set[1]!.prompts[0]!, ...de[1]!.prompts.slice(1)] };
    de[2] = { ...de[2]!, closing: 'Thank each other for the talk, and rest.' };
    const problems = lintTalksTranslation(set, de).join('\n');
    expect(problems).toMatch(/talk-set-a title: left in English/);
    expect(problems).toMatch(/talk-set-b prompt 1: left in English/);
    expect(problems).toMatch(/talk-set-c closing: looks like English/);
  });

  it('catch near-duplicates among the German texts', () => {
    const set = wholeSet();
    const de = set.map(german);
    de[1] = { ...de[1]!, closing: de[0]!.closing };
    expect(lintTalksTranslation(set, de).join('\n')).toMatch(/near-duplicate \(1\.00\): talk-set-a closing ~ talk-set-b closing/);
  });
});

describe('parsing and translating conversations', () => {
  it('keeps only well-formed conversations and never throws on garbage', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      'talks',
      {},
      [],
      [null, 7, 'x', [], {}],
      [{ ...talk('a'), prompts: 'not a list' }],
      [{ ...talk('a'), prompts: [] }],
      [{ ...talk('a'), prompts: ['fine', 3] }],
      [{ ...talk('a'), minutes: '20' }],
      [{ ...talk('a'), id: '' }],
      [{ ...talk('a'), closing: undefined }],
      [Object.create(null)],
    ];
    for (const raw of garbage) expect(() => parseTalks(raw)).not.toThrow();
    for (const raw of garbage) expect(parseTalks(raw)).toEqual([]);
    const kept = parseTalks([talk('good'), { ...talk('extra'), extra: true }, { id: 'talk-broken' }]);
    expect(kept.map((t) => t.id)).toEqual(['talk-good', 'talk-extra']);
    expect(kept[1]).not.toHaveProperty('extra');
  });

  it('merges German by id and falls back to English field by field', () => {
    const [a, b, c] = [talk('a'), talk('b'), talk('c')];
    const de = german(a);
    const result = translateTalks(
      [a, b, c],
      [
        de,
        { id: b.id, title: 'Nur der Titel', why: 7, prompts: ['zu', 'wenige'], closing: '' },
        { id: c.id, prompts: ['Eins', null, 'Drei', '', 'Fünf'] },
        { id: a.id, title: 'Ein zweiter Eintrag für dieselbe Id' },
        'junk',
      ],
    );
    expect(result[0]).toEqual({ ...a, title: de.title, why: de.why, prompts: de.prompts, closing: de.closing });
    expect(result[1]).toEqual({ ...b, title: 'Nur der Titel' });
    expect(result[2]).toEqual({ ...c, prompts: ['Eins', c.prompts[1], 'Drei', c.prompts[3], 'Fünf'] });
    for (const raw of [undefined, null, 'x', {}, [null, 1]]) expect(translateTalks([a], raw)).toEqual([a]);
  });

  it('translates the real files without falling back anywhere', () => {
    const en = parseTalks(talks);
    const de = translateTalks(en, talksDe);
    de.forEach((t, i) => {
      const e = en[i]!;
      expect(t.id).toBe(e.id);
      expect(t.minutes).toBe(e.minutes);
      expect([t.title, t.why, t.closing].filter((text, j) => text === [e.title, e.why, e.closing][j])).toEqual([]);
      expect(t.prompts.filter((p, j) => p === e.prompts[j])).toEqual([]);
    });
  });

  it('is found at one path per language; a language Tend lacks gets English', () => {
    expect(talkPath('de')).toBe('/library/talks.de.json');
    expect(talkPath('en')).toBe('/library/talks.en.json');
    expect(talkPath('fr')).toBe('/library/talks.en.json');
    expect(talkPath('')).toBe('/library/talks.en.json');
  });
});
