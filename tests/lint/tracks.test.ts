import { describe, expect, it } from 'vitest';
import tracks from '../../assets/library/tracks.json';
import tracksDe from '../../assets/library/tracks.de.json';
import { lintTracks, lintTracksTranslation, stepId } from './tracks-lint';
import { TRACK_STEP_MAX, TRACK_STEPS_MAX, TRACK_STEPS_MIN } from '../../tracks/tracks';

/** Made-up words that never repeat, so the fixtures share no phrases and only the rule a test breaks fires. */
let seed = 0;
const fresh = (count: number) =>
  Array.from({ length: count }, () => `x${[...String(seed++)].map((d) => 'bcdfghjklm'[Number(d)]).join('')}`).join(' ');

interface Step {
  id: string;
  text: string;
  minutes: number;
}
interface Track {
  id: string;
  title: string;
  why: string;
  agreement: string;
  steps: Step[];
  closing: string;
}

const track = (slug: string, steps = 10, minutes = 10): Track => {
  const id = `track-${slug}`;
  return {
    id,
    title: `Steps toward ${fresh(2)}`,
    why: `It helps with ${fresh(8)}.`,
    agreement: `Nothing here leads to ${fresh(8)}.`,
    steps: Array.from({ length: steps }, (_, i) => ({ id: stepId(id, i), text: `Try ${fresh(8)} together.`, minutes })),
    closing: `Thank each other for ${fresh(6)}.`,
  };
};

const german = (t: Track) => ({
  id: t.id,
  title: `Schritte zu ${fresh(2)}`,
  why: `Es hilft bei ${fresh(8)}.`,
  agreement: `Nichts führt hier zu ${fresh(8)}.`,
  steps: t.steps.map((step) => ({ id: step.id, text: `Probiert ${fresh(8)} zusammen.` })),
  closing: `Dankt einander für ${fresh(6)}.`,
});

/** Three tracks that keep every rule, and their German. */
const wholeSet = (): Track[] => ['set-a', 'set-b', 'set-c'].map((slug) => track(slug));

/** A track whose step `index` says `text`, and everything else stays fresh. */
const withStep = (slug: string, index: number, text: string): Track => {
  const t = track(slug);
  t.steps[index] = { ...t.steps[index]!, text };
  return t;
};

describe('the tracks', () => {
  it('keep every content rule, in English and in German', () => {
    expect(lintTracks(tracks)).toEqual([]);
    expect(lintTracksTranslation(tracks, tracksDe)).toEqual([]);
  });

  it('are the three tracks, with 10–12 steps each, the same ids and step ids in German, and minutes only in English', () => {
    expect(tracks.map((t) => t.id)).toEqual(['track-touch', 'track-talking', 'track-unhurried']);
    expect(tracksDe.map((t) => t.id)).toEqual(tracks.map((t) => t.id));
    for (const [i, t] of tracks.entries()) {
      expect(t.steps.length).toBeGreaterThanOrEqual(10);
      expect(t.steps.length).toBeLessThanOrEqual(12);
      expect(tracksDe[i]!.steps.map((s) => s.id)).toEqual(t.steps.map((s) => s.id));
      for (const step of tracksDe[i]!.steps) expect(step).not.toHaveProperty('minutes');
    }
    expect(lintTracks(wholeSet())).toEqual([]);
  });

  it('catch wrong fields on a track and on a step, a bad id, a duplicate id, and what is no list', () => {
    const { agreement: _, ...noAgreement } = track('short');
    const extraStep = track('extra-step');
    extraStep.steps[2] = { ...extraStep.steps[2]!, day: 3 } as Step;
    const problems = lintTracks([
      ...wholeSet(),
      noAgreement,
      { ...track('extra'), minutes: 20 },
      extraStep,
      { ...track('x'), id: 'track_7' },
      track('set-a'),
    ]).join('\n');
    expect(problems).toMatch(/track-short: fields are closing,id,steps,title,why/);
    expect(problems).toMatch(/track-short agreement: text missing/);
    expect(problems).toMatch(/track-extra: fields are agreement,closing,id,minutes,steps,title,why/);
    expect(problems).toMatch(/track-extra-step step 3: fields are day,id,minutes,text/);
    expect(problems).toMatch(/track_7: id must look like track-<slug>/);
    expect(problems).toMatch(/track-set-a: duplicate id/);
    expect(lintTracks({ not: 'a list' })).toEqual(['tracks.json is not an array']);
    expect(lintTracks([])).toEqual(['tracks.json holds no tracks']);
  });

  it(`catch too few and too many steps (${TRACK_STEPS_MIN}–${TRACK_STEPS_MAX})`, () => {
    const problems = lintTracks([track('few', TRACK_STEPS_MIN - 1), track('many', TRACK_STEPS_MAX + 1), track('edge', TRACK_STEPS_MIN)]).join('\n');
    expect(problems).toMatch(/track-few: 6 steps \(7–21\)/);
    expect(problems).toMatch(/track-many: 22 steps \(7–21\)/);
    expect(problems).not.toMatch(/track-edge/);
  });

  it('catch texts that are too long or missing', () => {
    const problems = lintTracks([
      withStep('long', 4, 'x'.repeat(TRACK_STEP_MAX + 1)),
      { ...track('title'), title: 't'.repeat(61) },
      { ...track('why'), why: 'y'.repeat(141) },
      { ...track('agreement'), agreement: 'a'.repeat(161) },
      { ...track('closing'), closing: '' },
    ]).join('\n');
    expect(problems).toMatch(/track-long step 5: text is 161 characters \(max 160\)/);
    expect(problems).toMatch(/track-title title: text is 61 characters \(max 60\)/);
    expect(problems).toMatch(/track-why why: text is 141 characters \(max 140\)/);
    expect(problems).toMatch(/track-agreement agreement: text is 161 characters \(max 160\)/);
    expect(problems).toMatch(/track-closing closing: text missing/);
  });

  it('catch step ids out of order, numbered wrong or named for another track', () => {
    const swapped = track('swapped');
    [swapped.steps[3], swapped.steps[4]] = [swapped.steps[4]!, swapped.steps[3]!];
    const unpadded = track('unpadded');
    unpadded.steps[0] = { ...unpadded.steps[0]!, id: 'track-unpadded-1' };
    const borrowed = track('borrowed');
    borrowed.steps[6] = { ...borrowed.steps[6]!, id: 'track-other-07' };
    const problems = lintTracks([swapped, unpadded, borrowed]).join('\n');
    expect(problems).toMatch(/track-swapped step 4: id is track-swapped-05, expected track-swapped-04/);
    expect(problems).toMatch(/track-swapped step 5: id is track-swapped-04, expected track-swapped-05/);
    expect(problems).toMatch(/track-unpadded step 1: id is track-unpadded-1, expected track-unpadded-01/);
    expect(problems).toMatch(/track-borrowed step 7: id is track-other-07, expected track-borrowed-07/);
  });

  it('catch step minutes that are not a whole number from 5 to 60', () => {
    const problems = lintTracks([track('quick', 8, 4), track('slow', 8, 61), track('half', 8, 7.5)]).join('\n');
    expect(problems).toMatch(/track-quick step 1: minutes 4 not in 5–60/);
    expect(problems).toMatch(/track-slow step 8: minutes 61 not in 5–60/);
    expect(problems).toMatch(/track-half step 2: minutes 7.5 not in 5–60/);
  });

  it('catch banned words and exclamation marks', () => {
    const problems = lintTracks([
      withStep('should', 0, 'You should hold hands for a while and notice how it feels.'),
      { ...track('gender'), why: 'Ask her about the evening and listen.' },
      { ...track('cheer'), closing: 'Well done, what a great effort!' },
      { ...track('score'), agreement: 'Keep score of the steps you finish.' },
    ]).join('\n');
    expect(problems).toMatch(/track-should step 1: banned .*should/);
    expect(problems).toMatch(/track-gender why: banned .*her/);
    expect(problems).toMatch(/track-cheer closing: banned .*!/);
    expect(problems).toMatch(/track-score agreement: banned .*score/);
  });

  it('catch calendar words anywhere in a track: a step waits until it is done or skipped', () => {
    const calendar = [
      'On day 3, hold hands for a while.',
      'Tomorrow, take a slow walk together.',
      'Keep Monday evening free for each other.',
      'In week 2, sit outside together.',
      'Over the weekend, cook something slow.',
      'Sit quietly together every evening.',
      'Hug three nights in a row.',
      'Do not miss the walk together.',
      'On the 3rd, ask a tender question.',
      'From the second day on, talk before sleep.',
    ];
    const problems = lintTracks(calendar.map((text, i) => withStep(`calendar-${'abcdefghij'[i]}`, 1, text)));
    calendar.forEach((text, i) => {
      expect(problems.some((p) => p.startsWith(`track-calendar-${'abcdefghij'[i]} step 2: banned`) && p.includes(text))).toBe(true);
    });
    const agreement = lintTracks([{ ...track('agreement'), agreement: 'Nothing needs to lead anywhere this week.' }]).join('\n');
    expect(agreement).toMatch(/track-agreement agreement: banned .*week/);
    expect(lintTracks([withStep('today', 0, 'Tell each other one good thing from today, however small.')])).toEqual([]);
  });

  it('catch near-duplicate steps across the tracks', () => {
    const sentence = 'Sit side by side on the sofa and listen to the rain against the window for a while.';
    const problems = lintTracks([withStep('one', 0, sentence), withStep('two', 3, sentence.replace('rain', 'wind'))]).join('\n');
    expect(problems).toMatch(/near-duplicate \(\d\.\d\d\): track-one step 1 ~ track-two step 4/);
  });
});

describe('the German tracks', () => {
  it('catch a track or a step that is missing, an unknown track, a duplicate and a different order', () => {
    const set = wholeSet();
    const [a, b, c] = set as [Track, Track, Track];
    const fewer = { ...german(a), steps: german(a).steps.slice(0, 9) };
    const problems = lintTracksTranslation(set, [fewer, german(a), german(track('nowhere'))]).join('\n');
    expect(problems).toMatch(/track-set-a: 9 steps, the original has 10/);
    expect(problems).toMatch(/track-set-a: duplicate id/);
    expect(problems).toMatch(/track-nowhere: not in the original/);
    expect(problems).toMatch(/track-set-b: not translated/);
    expect(problems).toMatch(/track-set-c: not translated/);
    const order = lintTracksTranslation(set, [german(b), german(a), german(c)]);
    expect(order).toEqual(["the tracks are not in the original's order: track-set-b, track-set-a, track-set-c"]);
    expect(lintTracksTranslation(set, set.map(german))).toEqual([]);
    expect(lintTracksTranslation(set, 'nichts')).toEqual(['the translation is not an array']);
    expect(lintTracksTranslation(null, [])).toEqual(['the original is not an array']);
  });

  it('catch wrong fields, minutes on a German step, and step ids that differ from the original', () => {
    const set = wholeSet();
    const de = set.map(german);
    const first = de[0]!;
    de[0] = { ...first, steps: first.steps.map((s, i) => (i === 2 ? { ...s, minutes: 10 } : s)) };
    const second = de[1]!;
    de[1] = { ...second, steps: second.steps.map((s, i) => (i === 5 ? { ...s, id: 'track-set-b-07' } : s)) };
    const { why: _, ...noWhy } = de[2]!;
    const problems = lintTracksTranslation(set, [de[0], de[1], noWhy]).join('\n');
    expect(problems).toMatch(/track-set-a step 3: fields are id,minutes,text/);
    expect(problems).toMatch(/track-set-b step 6: id is track-set-b-07, expected track-set-b-06/);
    expect(problems).toMatch(/track-set-c: fields are agreement,closing,id,steps,title/);
    expect(problems).toMatch(/track-set-c why: text missing/);
  });

  it('catch English left in place, copied or freshly written', () => {
    const set = wholeSet();
    const de = set.map(german);
    de[0] = { ...de[0]!, title: set[0]!.title };
    de[1] = { ...de[1]!, steps: de[1]!.steps.map((s, i) => (i === 4 ? { ...s, text: set[1]!.steps[4]!.text } : s)) };
    de[2] = { ...de[2]!, closing: 'Thank each other for the walk, and rest.' };
    const problems = lintTracksTranslation(set, de).join('\n');
    expect(problems).toMatch(/track-set-a title: left in English/);
    expect(problems).toMatch(/track-set-b step 5: left in English/);
    expect(problems).toMatch(/track-set-c closing: looks like English/);
  });

  it('catch German banned words, calendar words, nouns for the partner, lengths and exclamation marks', () => {
    const set = wholeSet();
    const de = set.map(german);
    const step = (i: number, j: number, text: string) => {
      de[i] = { ...de[i]!, steps: de[i]!.steps.map((s, k) => (k === j ? { ...s, text } : s)) };
    };
    step(0, 0, 'Ihr solltet euch öfter an den Händen halten.');
    step(0, 1, 'Am Tag 3 geht ihr zusammen spazieren.');
    step(0, 2, 'Setzt euch morgen zusammen nach draußen.');
    step(0, 3, 'Haltet euch den Montag frei.');
    step(0, 4, 'Geht in Woche 2 früher ins Bett.');
    step(1, 0, 'Fragt euren Partner nach dem schönsten Moment.');
    step(1, 1, 'Umarmt dein Gegenüber lange und langsam.');
    step(1, 2, 'Haltet die Hand eures Herzensmenschen.');
    step(1, 3, 'ä'.repeat(161));
    de[2] = { ...de[2]!, closing: 'Was für ein schöner Weg!' };
    const problems = lintTracksTranslation(set, de).join('\n');
    expect(problems).toMatch(/track-set-a step 1: banned .*soll/);
    expect(problems).toMatch(/track-set-a step 2: banned .*Tag/);
    expect(problems).toMatch(/track-set-a step 3: banned .*morgen/);
    expect(problems).toMatch(/track-set-a step 4: banned .*montag/);
    expect(problems).toMatch(/track-set-a step 5: banned .*woche/);
    expect(problems).toMatch(/track-set-b step 1: banned .*partner/);
    expect(problems).toMatch(/track-set-b step 2: banned .*Gegenüber/);
    expect(problems).toMatch(/track-set-b step 3: banned .*herzensmensch/);
    expect(problems).toMatch(/track-set-b step 4: text is 161 characters/);
    expect(problems).toMatch(/track-set-c closing: banned .*!/);
  });

  it('speak to both outside quoted speech, with German quotes', () => {
    const set = wholeSet();
    const de = set.map(german);
    const step = (i: number, text: string) => {
      de[0] = { ...de[0]!, steps: de[0]!.steps.map((s, k) => (k === i ? { ...s, text } : s)) };
    };
    step(0, 'Fragt einander: „Worauf freust du dich gerade?“ Hört einfach zu.');
    step(1, 'Nimm dir zehn Minuten und setz dich dazu.');
    step(2, 'Sagt einander "danke" für etwas Kleines.');
    step(3, 'Setzt euch einander gegenüber und haltet euch an den Händen.');
    const problems = lintTracksTranslation(set, de).join('\n');
    expect(problems).not.toMatch(/track-set-a step 1:/);
    expect(problems).toMatch(/track-set-a step 2: speaks to one person \("dir"\)/);
    expect(problems).toMatch(/track-set-a step 3: quotes are not „…“/);
    expect(problems).not.toMatch(/track-set-a step 4:/);
  });
});
