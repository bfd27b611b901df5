import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import { createTranslate } from '../../platform/i18n';
import { defaultPrefs, type Prefs } from '../../model/prefs';
import { presetWindows } from '../../nudges/hours/presets';
import { describePairCode } from '../../together/code/describe-pair-code';
import { createPair } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { pairCodeWords } from '../../together/pair-view/pair-words';
import { tEn } from '../helpers';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const NOW = new Date(2026, 4, 4, 12).getTime();
const words = (prefs: Partial<Prefs>, setAside: string[] = [], zone = ZONE, t = tEn, locale = 'en') => {
  const pair = createPair(new Uint8Array(16), { zone, choices: pairChoicesFrom({ ...defaultPrefs(), ...prefs }, setAside), libraryFingerprint: 1 });
  const said = pairCodeWords(describePairCode(pair), { t, locale, now: NOW, localZone: ZONE });
  return { lines: said.lines.map((l) => l.replace(/\u2060/g, '').replace(/\s/gu, ' ')), zoneNote: said.zoneNote };
};

describe('a pairing code in words', () => {
  it('"Weekdays: 6:30–9:30 PM", "Weekends: 2:00–5:00 PM", "Twice a day, at least 2 hours apart", "Up to warm"', () => {
    expect(words({ windows: presetWindows('weekday-evenings'), nudgesPerDay: 2, spacingMinutes: 120 })).toEqual({
      lines: ['Weekdays: 6:30–9:30 PM', 'Weekends: 2:00–5:00 PM', 'Twice a day, at least 2 hours apart', 'Up to warm'],
      zoneNote: null,
    });
  });

  it('names other days, several windows a day, many nudges, short ideas, kinds left out, ideas set aside and living apart', () => {
    const windows = [[], [{ start: 420, end: 480 }, { start: 1200, end: 1260 }], [], [{ start: 420, end: 480 }, { start: 1200, end: 1260 }], [], [], []];
    const { lines } = words({ windows, nudgesPerDay: 5, spacingMinutes: 45, maxMinutes: 15, maxIntensity: 'close', hiddenCategories: ['play', 'touch'], livingApart: true }, ['a-1', 'b-2']);
    expect(lines).toEqual([
      'Mon and Wed: 7:00–8:00 AM and 8:00–9:00 PM',
      '5 times a day, at least 45 minutes apart',
      'Up to close',
      'Ideas of up to 15 minutes',
      'Leaving out: Touch and Play',
      'Ideas set aside as “not for us”: 2',
      'Ideas that work while you live apart',
    ]);
  });

  it('says when there are no together hours or nudges, and the pair zone when it is not this one', () => {
    const other = ZONE === 'UTC' ? 'Asia/Kolkata' : 'UTC';
    const said = words({ windows: Array.from({ length: 7 }, () => []), nudgesPerDay: 0 }, [], other);
    expect(said.lines.slice(0, 2)).toEqual(['No together hours', 'No nudges']);
    expect(said.zoneNote).toBe(`The times are in your local time. Your two Tends count their days by ${other} time.`);
  });

  it('in German', () => {
    const { lines } = words({ windows: presetWindows('weekends'), nudgesPerDay: 3 }, [], ZONE, createTranslate(de), 'de');
    expect(lines).toEqual(['Am Wochenende: 11:00–19:00 Uhr', 'Dreimal am Tag, mit mindestens 90 Min. Abstand', 'Sanft bis warm']);
  });
});
