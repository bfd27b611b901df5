import { describe, expect, it } from 'vitest';
import ideas from '../../assets/library/ideas.json';
import ideasDe from '../../assets/library/ideas.de.json';
import nudges from '../../assets/library/nudges.json';
import nudgesDe from '../../assets/library/nudges.de.json';
import { libraryPath, NUDGE_TEXT_MAX, parseTranslation, translate } from '../../ideas/library';
import { CATEGORIES, IDEA_TEXT_MAX, parseIdeas, type TimeOfDay } from '../../model/vocabulary';
import {
  BANNED_PATTERNS_DE,
  ENOUGH_ENDINGS,
  lintIdeas,
  lintNudges,
  lintTranslation,
  MIN_APART,
  MIN_IDEAS,
  MIN_NUDGES,
  MIN_PER_CATEGORY,
  nudgeEchoProblems,
  ONE_ROOM_WORDS,
  textProblems,
} from '../lint/library-lint';
import { timeOfDayIn, timesOfDayIn } from '../lint/time-words';
import { fitsHour } from '../../ideas/picker';

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

  it(`has at least ${MIN_APART} ideas for a couple apart, each in German too`, () => {
    const apart = ideas.filter((i) => 'place' in i && i.place === 'apart').map((i) => i.id);
    expect(apart.length).toBeGreaterThanOrEqual(MIN_APART);
    const german = new Set(ideasDe.map((d) => d.id));
    expect(apart.filter((id) => !german.has(id))).toEqual([]);
  });

  it('knows where each idea can be done, and keeps the ones shown to a couple apart free of words that need one room', () => {
    const problems = lintIdeas([
      { ...good(1), place: 'apart', text: 'Call tonight and plan the first long hug for the next time you meet.', when: 'evening' },
      { ...good(2), place: 'either', text: 'Sit side by side and trade one small worry each, then let it rest.' },
      { ...good(3), place: 'together', text: 'A long hug in the hallway, three slow breaths, and nothing more.' },
      { ...good(4), place: 'outside' },
      { ...good(5), place: 'apart', text: 'Send a voice message about the oddest thing you saw today, then ask for one back.' },
    ]).join('\n');
    expect(problems).toMatch(/talk-001: place apart but "hug" needs one room/);
    expect(problems).toMatch(/talk-002: place either but "side by side" needs one room/);
    expect(problems).toMatch(/talk-004: place outside is not one of together, apart, either/);
    expect(problems).not.toMatch(/talk-00[35]: (?:place|fields)/);
    expect(problems).toMatch(/library has too few ideas for apart: 2 \(min 40\)/);
  });

  it('lets a sex therapist be named, as the counsellor card does, and nothing else with the word', () => {
    expect(textProblems('x', 'A couples counsellor or a sex therapist can help with this.', IDEA_TEXT_MAX)).toEqual([]);
    expect(textProblems('x', 'Eine Paarberatung oder eine Sexualtherapie kann helfen.', IDEA_TEXT_MAX, BANNED_PATTERNS_DE)).toEqual([]);
    expect(textProblems('x', 'Talk about your sex life tonight.', IDEA_TEXT_MAX)).not.toEqual([]);
    expect(textProblems('x', 'Sprecht über Sexualität.', IDEA_TEXT_MAX, BANNED_PATTERNS_DE)).not.toEqual([]);
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

  it('catches the same idea in other words, and leaves ideas on one theme that differ alone', () => {
    const reworded = lintIdeas([
      { ...good(1), text: "Ask: what's one thing on your plate this week I could take off it?" },
      { ...good(2), text: "'What's one thing I could take off your plate this week?' Ask it and mean it, even if the answer is small." },
      { ...good(3), text: "Offer to rub some lotion into your partner's hands. Go slowly over each finger; no talking required." },
      { ...good(4), text: "Rub lotion into each other's hands, slowly, finger by finger. Hands hold a lot of the day." },
    ]).join('\n');
    expect(reworded).toMatch(/same meaning \(0\.\d\d\): talk-001 ~ talk-002/);
    expect(reworded).toMatch(/same meaning \(0\.\d\d\): talk-003 ~ talk-004/);
    const distinct = lintIdeas([
      { ...good(1), text: 'Greet each other at the door with a hug that lasts three slow breaths.' },
      { ...good(2), text: 'Three slow breaths at the front door before you go in. Arrive as yourself, not as the rest of your day.' },
    ]).join('\n');
    expect(distinct).not.toMatch(/same meaning/);
  });

  it('never repeats a nudge line word for word', () => {
    expect(nudgeEchoProblems(ideas, nudges)).toEqual([]);
    const echo = nudgeEchoProblems([{ ...good(1), text: 'Tonight, cook something simple side by side and let the day go.' }], [{ id: 'n-043', text: 'Cook something simple side by side.' }]);
    expect(echo).toEqual(['talk-001 repeats nudge n-043: "cook something simple side by side"']);
    expect(nudgeEchoProblems([{ ...good(1), text: 'Cook a simple meal, the two of you, side by side.' }], [{ id: 'n-043', text: 'Cook something simple side by side.' }])).toEqual([]);
  });

  it('gives every idea that names a time of day a fitting when', () => {
    const tonight = 'Sit close on the sofa tonight and read side by side for a while.';
    const problems = lintIdeas([
      { ...good(1), text: tonight },
      { ...good(2), text: tonight, when: 'morning' },
      { ...good(3), when: 'noon' },
      { ...good(4), text: tonight, when: 'evening' },
      { ...good(5), text: 'Over breakfast or after dinner, ask one small question and listen.', when: 'evening' },
      { ...good(6), text: 'Practise a kind “not tonight” together, and then swap who says it.' },
      { ...good(7), when: 'daytime' },
    ]).join('\n');
    expect(problems).toMatch(/talk-001: the en text names evening but the idea has no when/);
    expect(problems).toMatch(/talk-002: the en text names evening but the idea has when morning/);
    expect(problems).toMatch(/talk-003: when noon is not one of morning, daytime, evening, night/);
    expect(problems).not.toMatch(/talk-00[4-7]: .*when|talk-00[4-7]: fields/);
  });

  it('finds the time of day a text names, in English and German', () => {
    expect(timeOfDayIn('Before you fall asleep, find each other’s feet.', 'en')).toBe('night');
    expect(timeOfDayIn('A lunchtime message can be the whole of it.', 'en')).toBe('daytime');
    expect(timeOfDayIn('Hug as though you were apart for an afternoon.', 'en')).toBeNull();
    expect(timesOfDayIn('Go to bed at the same time tonight.', 'en')).toEqual(['evening', 'night']);
    expect(timeOfDayIn('Wähl heute Morgen ein Geheimwort.', 'de')).toBe('morning');
    expect(timeOfDayIn('Ein langsamer Morgen mit Kaffee im Bett.', 'de')).toBe('morning');
    expect(timeOfDayIn('Schick mittags eine kurze Nachricht.', 'de')).toBe('daytime');
    expect(timeOfDayIn('Lest heute Abend nebeneinander.', 'de')).toBe('evening');
    expect(timeOfDayIn('Der Kopf kommt nachts nicht zur Ruhe.', 'de')).toBe('night');
    // "morgen" is "tomorrow" unless it is the noun or "morgen früh".
    expect(timeOfDayIn('Versteck heute einen Zettel, der morgen gefunden wird.', 'de')).toBeNull();
    expect(timeOfDayIn('Was übrig ist, hat bis morgen Zeit. Morgen ist es vielleicht umgekehrt.', 'de')).toBeNull();
    // "Morgen früh" is the next morning, read the evening or night before.
    expect(timeOfDayIn('Morgen früh, bevor jemand zum Handy greift, kuschelt eine Minute.', 'de')).toBe('next-morning');
  });

  it('tells the next morning from this one, in English and German', () => {
    const next = (text: string, lang: 'en' | 'de') => expect(timesOfDayIn(text, lang), text).toContain('next-morning');
    next('Tomorrow morning, before anyone reaches for a phone, cuddle for a minute.', 'en');
    next('First thing tomorrow, open the window together.', 'en');
    next('Tomorrow at breakfast, ask one small question.', 'en');
    next('Take the early wake-up tomorrow and let the other sleep in.', 'en');
    next('Set out breakfast things the night before, so the morning starts softer.', 'en');
    next('Pick a kindness for tomorrow: leave a note where you will see it in the morning.', 'en');
    next('Morgen früh, bevor jemand zum Handy greift, kuschelt eine Minute.', 'de');
    next('Stellt euch morgen früh ans Fenster.', 'de');
    next('Fragt euch morgen beim Frühstück eine kleine Sache.', 'de');
    next('Deckt am Vorabend den Frühstückstisch.', 'de');
    next('Übernimm morgen das frühe Aufstehen.', 'de');
    // This morning stays this morning; "tomorrow" in another sentence changes nothing.
    expect(timesOfDayIn('This morning, open the window together. Tomorrow it is the other one’s turn.', 'en')).toEqual(['morning']);
    expect(timesOfDayIn('Plan this morning what you will cook tomorrow.', 'en')).toEqual(['morning']);
    expect(timesOfDayIn('Stellt euch heute früh ans Fenster. Morgen ist die andere Person dran.', 'de')).toEqual(['morning']);
    expect(timesOfDayIn('Before sleep, say one kind thing.', 'en')).toEqual(['night']);
  });

  it('offers an idea about this morning at breakfast, and one about the next morning the evening before', () => {
    const byWords = (word: 'morning' | 'next-morning') => ideas.filter((i) => timesOfDayIn(i.text, 'en').includes(word));
    // Ideas whose words name this morning and no other time.
    const mornings = ideas.filter((i) => timesOfDayIn(i.text, 'en').join() === 'morning');
    expect(mornings.length).toBeGreaterThan(5);
    for (const idea of mornings) expect(fitsHour(idea.when as TimeOfDay, 8), idea.id).toBe(true);
    const nextMornings = byWords('next-morning');
    expect(nextMornings.length).toBeGreaterThan(2);
    for (const idea of nextMornings) {
      expect(fitsHour(idea.when as TimeOfDay, 8), idea.id).toBe(false);
      expect(fitsHour(idea.when as TimeOfDay, 21), idea.id).toBe(true);
    }
  });

  it('catches a text about the next morning tagged morning, in English and German', () => {
    const text = 'Tomorrow morning, before anyone reaches for a phone, take one slow minute to cuddle.';
    const problems = lintIdeas([
      { ...good(1), text, when: 'morning' },
      { ...good(2), text, when: 'evening' },
      { ...good(3), text, when: 'night' },
      { ...good(4), text },
      { ...good(5), text: 'Before sleep, tell each other one small thing from the day.', when: 'morning' },
    ]).join('\n');
    expect(problems).toMatch(/talk-001: the en text speaks of the next morning, read the evening or night before, but the idea has when morning/);
    expect(problems).toMatch(/talk-004: the en text names next-morning but the idea has no when/);
    expect(problems).toMatch(/talk-005: the en text names night but the idea has when morning/);
    expect(problems).not.toMatch(/talk-00[23]: .*when/);
    const german = lintTranslation(
      [{ id: 'talk-001', when: 'morning' }, { id: 'talk-002', when: 'evening' }],
      [
        { id: 'talk-001', text: 'Morgen früh, bevor jemand zum Handy greift, nehmt euch eine ruhige Minute.' },
        { id: 'talk-002', text: 'Morgen früh, bevor jemand zum Handy greift, kuschelt eine ruhige Minute.' },
      ],
      { max: IDEA_TEXT_MAX, banned: BANNED_PATTERNS_DE, language: 'de' },
    ).join('\n');
    expect(german).toMatch(/talk-001: the de text speaks of the next morning/);
    expect(german).not.toMatch(/talk-002: .*when/);
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

  it('refuse a set where more than 3 lines end on "enough"', () => {
    const leaning = [
      { id: 'n-001', text: 'A cup of tea side by side is enough.' },
      { id: 'n-002', text: 'One kind word before sleep is plenty.' },
      { id: 'n-003', text: 'Sitting close for a minute can say enough…' },
      { id: 'n-004', text: 'A short walk, hands together, is more than enough.' },
      { id: 'n-005', text: 'Enough screens for today: look up and say hello.' },
    ];
    const problems = lintNudges(leaning).join('\n');
    expect(problems).toMatch(/4 nudge lines end on "enough" or a word like it, more than 3: n-001, n-002, n-003, n-004$/m);
    // Three may, and "enough" inside a line is no ending.
    expect(lintNudges(leaning.slice(1)).join('\n')).not.toMatch(/end on "enough"/);
  });
});

describe('the German library', () => {
  const ideaRules = { max: IDEA_TEXT_MAX, banned: BANNED_PATTERNS_DE, language: 'de' as const, oneRoom: ONE_ROOM_WORDS.de };
  const nudgeRules = { max: NUDGE_TEXT_MAX, banned: BANNED_PATTERNS_DE, ending: ENOUGH_ENDINGS.de };

  it('translates every idea and every nudge line once, within the limits and the German rules', () => {
    expect(lintTranslation(ideas, ideasDe, ideaRules)).toEqual([]);
    expect(lintTranslation(nudges, nudgesDe, nudgeRules)).toEqual([]);
  });

  it('is German, not English left in place', () => {
    const original = new Map(ideas.map((i) => [i.id, i.text]));
    expect(ideasDe.filter((d) => d.text === original.get(d.id))).toEqual([]);
    const word = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, 'iu');
    const german = word('und|du|ihr|euch|eure?|dich|dir|dein|deine[mnrs]?|ein|eine[mnrs]?|den|dem|der|die|das|mit|nicht|ist|zu|für|im|wie|was|wenn|es|bei|von|ohne');
    const english = word('the|you|your|and|with|of|to|is|it');
    const all = [...ideasDe, ...nudgesDe];
    expect(all.filter((d) => !german.test(d.text) && !/[äöüß]/i.test(d.text))).toEqual([]);
    expect(all.filter((d) => english.test(d.text))).toEqual([]);
  });

  it('catches each kind of problem', () => {
    const original = [{ id: 'talk-001' }, { id: 'talk-002' }, { id: 'talk-003' }, { id: 'talk-004' }, { id: 'talk-005' }];
    const problems = lintTranslation(
      original,
      [
        { id: 'talk-001', text: 'Frag deine Partnerin heute Abend, wie der Tag wirklich war.' },
        { id: 'talk-002', text: 'Ihr solltet öfter zusammen spazieren gehen, das tut euch gut.' },
        { id: 'talk-003', text: 'x'.repeat(161) },
        { id: 'talk-003', text: 'Erzählt euch beim Abendessen je eine kleine Sache vom Tag.' },
        { id: 'talk-009', text: 'Hört euch heute Abend ein Lied an, das ihr beide mögt.' },
        { id: 'talk-005', text: 'Was für ein schöner Abend! Macht euch einen Tee.', extra: 1 },
      ],
      ideaRules,
    ).join('\n');
    expect(problems).toMatch(/talk-001: banned .*partner/);
    expect(problems).toMatch(/talk-002: banned .*soll/);
    expect(problems).toMatch(/talk-003: text is 161 characters/);
    expect(problems).toMatch(/talk-003: duplicate id/);
    expect(problems).toMatch(/talk-009: not in the original/);
    expect(problems).toMatch(/talk-005: fields must be id and text/);
    expect(problems).toMatch(/talk-005: banned .*!/);
    expect(problems).toMatch(/talk-004: not translated/);
  });

  it('keeps German ideas shown to a couple apart free of words that need one room, and counts the ones for apart', () => {
    const original = [{ id: 'talk-001', place: 'apart' }, { id: 'talk-002', place: 'either' }, { id: 'talk-003' }];
    const problems = lintTranslation(
      original,
      [
        { id: 'talk-001', text: 'Ruft euch an und plant die erste lange Umarmung für das nächste Treffen.' },
        { id: 'talk-002', text: 'Setzt euch nebeneinander und erzählt euch je eine kleine Sorge.' },
        { id: 'talk-003', text: 'Geht Hand in Hand eine Runde um den Block und schaut in die Fenster.' },
      ],
      ideaRules,
    ).join('\n');
    expect(problems).toMatch(/talk-001: place apart but "Umarmung" needs one room/);
    expect(problems).toMatch(/talk-002: place either but "nebeneinander" needs one room/);
    expect(problems).not.toMatch(/talk-003/);
    expect(problems).toMatch(/the translation has too few ideas for apart: 1 \(min 40\)/);
  });

  it('refuses nudge lines where more than 3 end on "reicht" or "genügt"', () => {
    const original = [1, 2, 3, 4, 5].map((n) => ({ id: `n-00${n}` }));
    const leaning = [
      { id: 'n-001', text: 'Eine Tasse Tee nebeneinander reicht.' },
      { id: 'n-002', text: 'Ein freundliches Wort vor dem Schlafen genügt.' },
      { id: 'n-003', text: 'Eine Minute nah beieinander reicht völlig.' },
      { id: 'n-004', text: 'Ein kurzer Spaziergang, Hand in Hand, ist genug.' },
      { id: 'n-005', text: 'Es reicht für heute mit Bildschirmen: Schaut auf und sagt Hallo.' },
    ];
    const problems = lintTranslation(original, leaning, nudgeRules).join('\n');
    expect(problems).toMatch(/4 nudge lines end on "enough" or a word like it, more than 3: n-001, n-002, n-003, n-004$/m);
    const three = lintTranslation(original, [...leaning.slice(0, 3), { id: 'n-004', text: 'Ein kurzer Spaziergang, Hand in Hand, tut gut.' }, leaning[4]], nudgeRules);
    expect(three.join('\n')).not.toMatch(/end on "enough"/);
    // Ideas are not nudge lines: without `ending`, nothing is counted.
    expect(lintTranslation(original, leaning, { max: NUDGE_TEXT_MAX, banned: BANNED_PATTERNS_DE }).join('\n')).not.toMatch(/end on "enough"/);
  });

  it('names the same time of day as the English idea', () => {
    const original = [
      { id: 'talk-001', when: 'morning' },
      { id: 'talk-002' },
      { id: 'talk-003', when: 'evening' },
      { id: 'talk-004', when: 'night' },
    ];
    const problems = lintTranslation(
      original,
      [
        { id: 'talk-001', text: 'Erzählt euch heute Abend eine kleine Sache vom Tag.' },
        { id: 'talk-002', text: 'Versteck einen winzigen Zettel, der morgen gefunden wird.' },
        { id: 'talk-003', text: 'Kocht heute Abend gemeinsam ein Gericht aus eurer Kindheit.' },
        { id: 'talk-004', text: 'Sagt euch vor dem Einschlafen, wofür ihr dankbar seid.' },
      ],
      ideaRules,
    ).join('\n');
    expect(problems).toMatch(/talk-001: the de text names evening but the idea has when morning/);
    expect(problems).not.toMatch(/talk-00[2-4]/);
  });

  it('replaces texts by id and keeps everything else, falling back to English where a text is missing', () => {
    const library = parseIdeas(ideas).slice(0, 3);
    const texts = parseTranslation([{ id: library[0]?.id, text: 'Haltet euch an den Händen.' }, { id: 7 }, 'junk']);
    expect(texts.size).toBe(1);
    const result = translate(library, texts);
    expect(result[0]).toEqual({ ...library[0], text: 'Haltet euch an den Händen.' });
    expect(result.slice(1)).toEqual(library.slice(1));
    expect(parseTranslation({ not: 'an array' }).size).toBe(0);
  });

  it('is found at one path per kind and language; a language Tend lacks gets English', () => {
    expect(libraryPath('ideas', 'de')).toBe('/library/ideas.de.json');
    expect(libraryPath('nudges', 'en')).toBe('/library/nudges.en.json');
    expect(libraryPath('ideas', 'fr')).toBe('/library/ideas.en.json');
    expect(libraryPath('ideas', '')).toBe('/library/ideas.en.json');
  });
});
