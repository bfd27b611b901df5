/**
 * The times of day an idea's words name, and whether they fit its `when`. Pure; used by the library lint.
 */
import { isTimeOfDay, TIMES_OF_DAY, type TimeOfDay } from '../../model/vocabulary';

/**
 * What a text's time words can name: a time of today, or the next morning ("tomorrow morning",
 * "first thing tomorrow", "morgen früh"), which a person reads the evening or night before.
 */
export type TimeWord = TimeOfDay | 'next-morning';
const TIME_WORDS_IN_ORDER: readonly TimeWord[] = [...TIMES_OF_DAY, 'next-morning'];

/** The `when` tags each kind of time word fits. At breakfast, "tomorrow morning" is a day off. */
export const FITTING_WHEN: Readonly<Record<TimeWord, readonly TimeOfDay[]>> = {
  morning: ['morning'],
  daytime: ['daytime'],
  evening: ['evening'],
  night: ['night'],
  'next-morning': ['evening', 'night'],
};

interface Words {
  /** Phrases that name a time only as a limit or a habit. */
  skip: RegExp;
  /** A sentence about the next day: its morning words name the next morning. */
  nextDay: RegExp;
  /** "This morning" stays this morning, even beside "tomorrow". */
  thisMorning: RegExp;
  times: Record<TimeOfDay, RegExp>;
}

/**
 * Words that name a time of day, per language. Quoted speech is left out first ("not tonight" is a
 * phrase people say, not when an idea happens), and so are phrases that name a time only as a limit
 * or a habit ("until morning", "early nights", "bis zum Morgen", "früh ins Bett").
 * German "morgen" alone is "tomorrow": only the noun after an article or "am/heute/jeden", "morgens",
 * compounds ("Morgenkaffee", "Regenmorgen") and "Frühstück" count as morning — and in a sentence
 * about tomorrow ("morgen früh", "am Vorabend … Frühstück"), as the next morning.
 */
const TIME_WORDS: Record<'en' | 'de', Words> = {
  en: {
    skip: /\b(?:until|till) (?:the )?morning\b|\b(?:an )?earl(?:y|ier) nights?\b/giu,
    nextDay: /\btomorrow\b|\bthe night before\b|\bthe (?:next|following) morning\b|\bthe morning after\b/iu,
    thisMorning: /\bthis morning\b/giu,
    times: {
      morning: /\bmornings?\b|\bbreakfast|\bwak(?:e|es|ing)(?:[ -]?up)?\b|\bfirst thing\b|\bbefore work\b|\bfirst coffee\b|\bsunrise\b/iu,
      daytime: /\blunch ?(?:time|break)\b|\b(?:at|over|during|after) lunch\b|\bmidday\b|\bnoon\b|(?<!\ban )\bafternoons?\b|\bduring the day\b|\bat work\b/iu,
      evening:
        /\btonight\b|\bevenings?\b|\bdinner\b|\bsupper\b|\bsunset\b|\bafter dark\b|\bafter work\b|\b(?:get|gets|getting) home\b|\bafter a (?:long|hard|busy) day\b|\bwind(?:ing)? down\b|\bthe night (?:before|off)\b/iu,
      night:
        /\bat night\b|\bnight-?time\b|\bmidnight\b|\b(?:on|in) (?:a|the) (?:\p{L}+ )?night\b|\bbed ?time\b|\bbefore (?:bed|sleep)\b|\b(?:go|goes|going|get|getting) to bed\b|\b(?:fall|falls|falling) asleep\b|\bdrift(?:s|ing)? off\b|\blights? (?:go |goes )?(?:out|off)\b|\b(?:turn|switch)(?:s|ing)? off the lights?\b|\bin the dark\b|\bgood ?night\b/iu,
    },
  },
  de: {
    skip: /(?<!\p{L})bis zum Morgen(?!\p{L})|(?<!\p{L})früh(?:er)? ins Bett(?!\p{L})/gu,
    // Case-sensitive: "morgen" is "tomorrow"; at the start of a sentence, "Morgen" before a small word or a comma is too.
    nextDay: /(?<!\p{L})(?:(?:über)?morgen|Vorabend\p{L}*|nächsten Morgen|Morgen danach)(?!\p{L})|^Morgen(?=,|\s+\p{Ll})/u,
    thisMorning: /(?<!\p{L})[Hh]eute (?:Morgen|früh)(?!\p{L})/gu,
    times: {
      // Case-sensitive: "Morgen" after an article is the noun, "morgen" is "tomorrow".
      morning:
        /(?<!\p{L})(?:(?:[Aa]m|[Hh]eute|[Jj]eden|[Dd]iesen|[Dd]en|[Dd]er|[Dd]em|[Ee]in(?:en|em)?|[Gg]uten)\s+(?:\p{L}+\s+)?Morgen|[Mm]orgens|Morgen\p{L}+|(?!Übermorgen)\p{Lu}\p{L}*morgen|[Mm]orgen früh|[Hh]eute früh|[Ff]rühstück\p{L}*|[Aa]ufwach\p{L}*|[Vv]or der Arbeit|[Ss]onnenaufgang|[Ff]rüh\p{L}* Aufstehen|(?:[Nn]ach dem|[Bb]eim) Aufstehen)(?!\p{L})/u,
      daytime:
        /(?<!\p{L})(?:mittags|mittag\p{L}*|nachmittags|(?<!(?<!\p{L})ein\s)nachmittag\p{L}*|tagsüber|bei der Arbeit)(?!\p{L})/iu,
      evening:
        /(?<!\p{L})(?:\p{L}*abend(?!en?(?!\p{L}))\p{L}*|sonnenuntergang|nach Einbruch der Dunkelheit|nach der Arbeit|heimkomm\p{L}*|nach Hause komm\p{L}*|nach einem (?:langen|harten|anstrengenden) Tag)(?!\p{L})/iu,
      night:
        /(?<!\p{L})(?:nachts|nächtlich\p{L}*|(?:heute|in der|in einer|mitten in der|jede|diese)\s+(?:\p{L}+\s+)?Nacht|gute ?nacht\p{L}*|schlafenszeit|(?:kurz )?(?:vor dem|beim) (?:ein)?schlafen(?:gehen)?|einschlaf\p{L}*|ins Bett|im Dunkeln|Licht aus|das Licht ausgeht)(?!\p{L})/iu,
    },
  },
};

/** Quoted speech: “…”, „…“, "…", and '…' (an apostrophe inside a word does not open or close a quote). */
const QUOTED = /“[^”]*”|„[^“”]*[“”]|‚[^‘]*‘|"[^"]*"|(?<!\p{L})['‘].*?['’](?!\p{L})/gu;

/** Every kind of time word a text holds, in the order of TIMES_OF_DAY, then the next morning; empty when none. */
export function timesOfDayIn(text: string, lang: 'en' | 'de'): TimeWord[] {
  const words = TIME_WORDS[lang];
  const plain = text.replace(QUOTED, ' ').replace(words.skip, ' ');
  const found = new Set<TimeWord>();
  for (const sentence of plain.split(/(?<=[.?!;])\s+/u)) {
    for (const time of TIMES_OF_DAY) if (time !== 'morning' && words.times[time].test(sentence)) found.add(time);
    if (!words.times.morning.test(sentence)) continue;
    if (!words.nextDay.test(sentence)) {
      found.add('morning');
      continue;
    }
    // "Tomorrow morning", "wake-up tomorrow", "the night before … breakfast": a morning still to come.
    if (sentence.match(words.thisMorning)) found.add('morning');
    if (words.times.morning.test(sentence.replace(words.thisMorning, ' '))) found.add('next-morning');
  }
  return TIME_WORDS_IN_ORDER.filter((word) => found.has(word));
}

/** The first kind of time word a text holds, or null when it names none. */
export function timeOfDayIn(text: string, lang: 'en' | 'de'): TimeWord | null {
  return timesOfDayIn(text, lang)[0] ?? null;
}

/**
 * The problem with an idea's `when` for its text, or null. A text that names a time needs a `when`
 * that fits one of the times it names ("in the morning or evening" accepts either); a text about the
 * next morning is read the evening or night before, so `when: morning` contradicts it whatever else
 * it names. A `when` on a text that names none is the writer's call ("after the shopping").
 */
export function timeOfDayProblem(id: string, text: string, when: unknown, lang: 'en' | 'de'): string | null {
  if (when !== undefined && !isTimeOfDay(when)) return `${id}: when ${String(when)} is not one of ${TIMES_OF_DAY.join(', ')}`;
  const named = timesOfDayIn(text, lang);
  if (named.length === 0) return null;
  if (when === 'morning' && named.includes('next-morning')) {
    return `${id}: the ${lang} text speaks of the next morning, read the evening or night before, but the idea has when morning: "${text}"`;
  }
  if (when !== undefined && named.some((word) => FITTING_WHEN[word].includes(when))) return null;
  const had = when === undefined ? 'no when' : `when ${when}`;
  return `${id}: the ${lang} text names ${named.join(' or ')} but the idea has ${had}: "${text}"`;
}
