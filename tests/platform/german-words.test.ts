/**
 * The German words, by one rule on every page (see /work/shared/CONTENT.md, "German voice"):
 *
 *   ihr / euch / eure — what the two of you share: the ideas (today's, favourites, tried, set aside, your own
 *     ideas, and the choices of which kinds, how close and how long), the together hours and how often nudges
 *     come, the conversations, the pairing of your two Tends, the counsellor card.
 *   du / dich / dein — what belongs to the one person at this browser: the data and its copies (export, import,
 *     delete, damaged data), the look, notifications and system settings, the keyboard shortcut, pauses and
 *     snoozes, the check-ins and their private notes, ideas for one, copying on this device.
 *
 * A text about both may use both ("dein Bildschirm … eure gemeinsamen Zeiten"); a text about one side uses only
 * its form. Keys are classified by prefix (and a few by name); texts outside these classes are checked only for
 * the words below. Warm words, not app words: no "einchecken", no "Serien", no rotating nouns for the partner.
 * One word for one thing, in both languages: the same names for the same places and levels on every page.
 */
import { describe, expect, it } from 'vitest';
import deJson from '../../public/_locales/de/messages.json';
import enJson from '../../public/_locales/en/messages.json';

const de = deJson as Record<string, { message: string }>;
const en = enJson as Record<string, { message: string }>;

const DU_WORDS = /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b/i;
const IHR_WORDS = /\b(ihr|euch|euer|eure|euren|eurem|eurer|eures)\b/i;
/** Imperatives at the start of a sentence or clause, followed by more words ("Wähle zuerst …", "Schreibt oben …"). */
const START = String.raw`(?:^|[.;:–]\s+)`;
const DU_IMPERATIVE = new RegExp(`${START}(wähle|öffne|klick|klicke|schick|füge|prüfe|kopiere|aktualisiere|übernimm|korrigiere|versuch|setz|behalte|ändere|schreib|hol|schau|beende|entscheide)\\s+\\p{L}`, 'iu');
const IHR_IMPERATIVE = new RegExp(`${START}(wählt|öffnet|klickt|schickt|fügt|prüft|kopiert|aktualisiert|übernehmt|korrigiert|versucht|setzt|behaltet|ändert|schreibt|holt|schaut|lasst|hört|beendet|entscheidet)\\s+\\p{L}`, 'iu');

const IHR_PREFIXES = ['talk', 'own', 'together', 'pair', 'counsellor', 'ideas', 'empty', 'cannotShow', 'favourites', 'preset', 'nextWindows', 'window', 'copyRefused', 'nudgesPerDay', 'nudgesFit', 'nudgesOff'];
const IHR_KEYS = ['ideaActions', 'showOwnIdeas', 'welcomeLine3', 'welcomeTalk', 'welcomeAlready', 'welcomeSaveFailed', 'welcomeDoneCustom', 'textInvisibleOnly', 'importPart_pair', 'importHasPair'];
const DU_PREFIXES = ['checkIn', 'data', 'export', 'import', 'delete', 'trouble', 'theme', 'palette', 'motion', 'textSize', 'shortcut', 'blocked', 'pause', 'snooze', 'welcomePin', 'sticky'];
const DU_KEYS = [
  'unreadablePrefs', 'damagedPrefs', 'nudgesPausedForNow', 'aboutPrivacy', 'category_solo', 'modeFilter_solo', 'modeSoloShort',
  // The conversation for one person ("before you bring it up").
  'talkRulesHeadingOne', 'talkRuleAlone', 'talkRuleNoRightAnswer', 'talkRulePassOne', 'talkRuleStopOne', 'talkThanksOne',
];

const keys = Object.keys(de);
/** Keys named in `names` or starting with a prefix; a key named for the other side belongs there. */
const byPrefix = (prefixes: string[], names: string[], otherNames: string[]) =>
  keys.filter((key) => names.includes(key) || (!otherNames.includes(key) && prefixes.some((prefix) => key.startsWith(prefix))));

describe('German: one way of addressing, by one rule', () => {
  const shared = byPrefix(IHR_PREFIXES, IHR_KEYS, DU_KEYS);
  const personal = byPrefix(DU_PREFIXES, DU_KEYS, IHR_KEYS);

  it('classifies enough keys to mean something, and none both ways', () => {
    expect(shared.length).toBeGreaterThan(120);
    expect(personal.length).toBeGreaterThan(60);
    expect(shared.filter((key) => personal.includes(key))).toEqual([]);
  });

  it('what the two share speaks to both ("ihr"), never to one', () => {
    const wrong = shared.filter((key) => DU_WORDS.test(de[key]!.message) || DU_IMPERATIVE.test(de[key]!.message));
    expect(wrong.map((key) => `${key}: ${de[key]!.message}`)).toEqual([]);
  });

  it('what is one person\'s speaks to that one ("du"), never to both', () => {
    const wrong = personal.filter((key) => IHR_WORDS.test(de[key]!.message) || IHR_IMPERATIVE.test(de[key]!.message));
    expect(wrong.map((key) => `${key}: ${de[key]!.message}`)).toEqual([]);
  });

  it('the rule can tell: a text in the wrong form is caught', () => {
    expect(DU_WORDS.test('Ideen, die du als Favorit markierst')).toBe(true);
    expect(DU_IMPERATIVE.test('Noch keine Ideen. Schreib oben eine.')).toBe(true);
    expect(IHR_WORDS.test('Eure Check-ins')).toBe(true);
    expect(IHR_IMPERATIVE.test('Fehler. Versucht es noch einmal.')).toBe(true);
    // A participle or a third person is not an imperative.
    expect(IHR_IMPERATIVE.test('Importiert. Was die Datei enthielt, ist jetzt hier.')).toBe(false);
    expect(IHR_IMPERATIVE.test('Tend schickt nichts weg.')).toBe(false);
  });
});

describe('German: warm words, not app words', () => {
  it('no "einchecken", no "Serien", no rotating nouns for the partner', () => {
    const banned = /einchecken|eingecheckt|\bserien?\b|gegenüber|herzensmensch|an deiner seite/i;
    const found = keys.filter((key) => banned.test(de[key]!.message));
    expect(found.map((key) => `${key}: ${de[key]!.message}`)).toEqual([]);
  });
});

describe('one word for one thing, in both languages', () => {
  it('the way to the check-in is named as its link is, wherever it is mentioned', () => {
    expect(de.checkInsEmpty!.message).toContain(`„${de.checkInNow!.message}“`);
    expect(de.checkInsWeeklyOff!.message).toContain(`„${de.checkInNow!.message}“`);
    expect(en.checkInsEmpty!.message).toContain(`“${en.checkInNow!.message}”`);
    expect(en.checkInsWeeklyOff!.message).toContain(`“${en.checkInNow!.message}”`);
  });

  it('"Talk together" is one name: the page, the popup link, the counsellor card, the welcome', () => {
    for (const lang of [de, en]) {
      expect(lang.talkPageTitle!.message).toBe(lang.talkTogether!.message);
      expect(lang.counsellorTalk!.message.startsWith(`${lang.talkTogether!.message}: `)).toBe(true);
    }
    expect(de.welcomeTalk!.message).toContain(`„${de.talkTogether!.message}“`);
    expect(en.welcomeTalk!.message).toContain(`“${en.talkTogether!.message}”`);
  });

  it('how close: the same three words in the welcome, the filters and your own ideas', () => {
    for (const lang of [de, en]) {
      for (const level of ['warm', 'close'] as const) {
        const word = lang[`ownIntensity_${level}`]!.message.toLowerCase();
        expect(lang[`intensity_${level}`]!.message.toLowerCase().endsWith(word)).toBe(true);
      }
      expect(lang.intensity_gentle!.message.toLowerCase()).toContain(lang.ownIntensity_gentle!.message.toLowerCase());
    }
  });

  it('an idea "not for us" is set aside, in every text that names it', () => {
    const set = keys.filter((key) => en[key]!.message.includes('“not for us”') && !key.endsWith('_marks') && key !== 'notForUs');
    expect(set.length).toBeGreaterThan(5);
    for (const key of set) {
      expect(en[key]!.message, key).toMatch(/set aside/);
      expect(de[key]!.message, key).toMatch(/beiseitegelegt/);
    }
  });
});
