/** A backup tells what becomes of settings, and names what is wrong with a file in words. */
import { afterAll, describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import { BACKUP_LISTS, backupFileName, createBackup, parseBackup, type BackupError } from '../../backup/backup';
import { backupErrorMessage, describeBackup, summarizeBackup } from '../../backup/backup-messages';
import { createTendStore } from '../../store/db';
import { KEEP_LIMITS, type Snapshot } from '../../store/schema';
import { createTranslate } from '../../platform/i18n';
import { ownIdeasFileName } from '../../ideas/own/own-ideas';
import { defaultPrefs } from '../../model/prefs';
import { inTimeZone, tEn } from '../helpers';

const tDe = createTranslate(de);

const SNAPSHOT: Snapshot = {
  prefs: { ...defaultPrefs(), palette: 'clay', nudgesPerDay: 3 },
  marks: [{ ideaId: 'talk-001', favourite: true, hidden: false, triedOn: [] }],
  history: [{ day: '2026-05-01', ideaId: 'talk-001', at: 1_777_600_000_000 }],
  picker: null,
  checkinState: { notNowDay: null, counsellorShownAt: null, weekly: true },
  checkins: [{ id: 'c1', at: 1_777_650_000_000, answer: 'mixed', note: '' }],
  ownIdeas: [
    { id: 'own-a1', text: 'Breakfast on the balcony', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1 },
  ],
  talks: [],
  pair: null,
  keptWishes: [],
  partnerWords: [],
  tracks: [],
};

/** A file as Tend writes it, without its settings (or with an empty settings record). */
function fileWithoutSettings(prefs?: object): string {
  const file = JSON.parse(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3)));
  if (prefs === undefined) delete file.prefs;
  else file.prefs = prefs;
  return JSON.stringify(file);
}

describe('what becomes of settings', () => {
  const store = createTendStore('tend-backup-settings');
  afterAll(() => store.destroy());

  it('a file without settings brings no settings: the import keeps the current ones', async () => {
    const mine = { ...defaultPrefs(), palette: 'tide' as const, nudgesPerDay: 1, discreet: false };
    await store.replaceAll({ ...SNAPSHOT, prefs: mine, marks: [] });
    for (const text of [fileWithoutSettings(), fileWithoutSettings({}), fileWithoutSettings({ colour: 'blue' })]) {
      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      expect(parsed.hasPrefs).toBe(false);
      expect(parsed.snapshot.prefs).toBeNull();
      await store.replaceAll(parsed.snapshot);
      const after = await store.readSnapshot();
      expect(after.prefs).toEqual(mine);
      // The data is the file's.
      expect(after.marks).toEqual(SNAPSHOT.marks);
      expect(after.ownIdeas).toEqual(SNAPSHOT.ownIdeas);
    }
  });

  it('a file with settings replaces them', async () => {
    await store.replaceAll({ ...SNAPSHOT, prefs: { ...defaultPrefs(), palette: 'tide' } });
    const parsed = parseBackup(createBackup(SNAPSHOT, 0));
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.hasPrefs).toBe(true);
    await store.replaceAll(parsed.snapshot);
    expect((await store.readSnapshot()).prefs).toEqual(SNAPSHOT.prefs);
  });

  it('the question before replacing says what happens to settings, in English and German', () => {
    const without = parseBackup(fileWithoutSettings());
    const withPrefs = parseBackup(createBackup(SNAPSHOT, Date.UTC(2026, 4, 3, 12)));
    if (!without.ok || !withPrefs.ok) throw new Error('should parse');
    const kept = describeBackup(summarizeBackup(without), tEn, 'en');
    expect(kept.ask).toMatch(/holds no settings, so yours stay as they are\./);
    expect(kept.holds).not.toMatch(/settings/);
    const replaced = describeBackup(summarizeBackup(withPrefs), tEn, 'en');
    expect(replaced.ask).toMatch(/your settings become the file's\./);
    expect(replaced.holds).toMatch(/your settings\.$/);
    expect(describeBackup(summarizeBackup(without), tDe, 'de').ask).toMatch(/deine bleiben also, wie sie sind\./);
    expect(describeBackup(summarizeBackup(withPrefs), tDe, 'de').ask).toMatch(/auch deine Einstellungen: Es gelten die aus der Datei\./);
  });
});

describe('import messages name things in words', () => {
  const parsedError = (mutate: (file: Record<string, any>) => void): BackupError => {
    const file = JSON.parse(createBackup(SNAPSHOT, 0));
    mutate(file);
    const parsed = parseBackup(JSON.stringify(file));
    if (parsed.ok) throw new Error('should be refused');
    return parsed.error;
  };
  const own = (i: number) => ({ ...SNAPSHOT.ownIdeas[0], id: `own-${i}`, createdAt: i });

  it('one check-in that could not be read', () => {
    const error = parsedError((f) => void (f.checkins[0].answer = 'great'));
    expect(backupErrorMessage(error, tEn, 'en')).toBe('One check-in in this file could not be read. Nothing was changed.');
    expect(backupErrorMessage(error, tDe, 'de')).toBe('Ein Check-in in dieser Datei konnte nicht gelesen werden. Es wurde nichts geändert.');
  });

  it('several entries that could not be read are counted', () => {
    const error = parsedError((f) => void (f.history = [{ day: 'yesterday' }, 5, ...f.history, null]));
    expect(backupErrorMessage(error, tEn, 'en')).toBe('3 entries in the history of ideas shown in this file could not be read. Nothing was changed.');
    expect(backupErrorMessage(error, tDe, 'de')).toMatch(/^3 Einträge im Verlauf .* konnten nicht gelesen werden\./);
  });

  it('more than 1,000 ideas of your own is over a limit, not damaged', () => {
    const error = parsedError((f) => void (f.ownIdeas = Array.from({ length: KEEP_LIMITS.ownIdeas + 1 }, (_, i) => own(i))));
    expect(error).toEqual({ code: 'over-limit', part: 'ownIdeas', limit: 1000 });
    expect(backupErrorMessage(error, tEn, 'en')).toBe('This file holds more than 1,000 ideas of your own, more than Tend keeps. Nothing was changed.');
    expect(backupErrorMessage(error, tDe, 'de')).toBe('Diese Datei enthält mehr als 1.000 eigene Ideen, mehr, als Tend aufbewahrt. Es wurde nichts geändert.');
  });

  it('settings that could not be read are named as settings', () => {
    const error = parsedError((f) => void (f.prefs.windows = 'evenings'));
    expect(backupErrorMessage(error, tEn, 'en')).toBe('The settings in this file could not be read. Nothing was changed.');
    expect(backupErrorMessage(error, tDe, 'de')).toBe('In dieser Datei ließ sich etwas nicht lesen: die Einstellungen. Es wurde nichts geändert.');
  });

  it('every part and every list has words in both languages, with no field names', () => {
    const errors: BackupError[] = [
      { code: 'malformed' },
      { code: 'unreadable', part: 'settings' },
      { code: 'unreadable', part: 'picker' },
      ...(Object.keys(BACKUP_LISTS) as (keyof typeof BACKUP_LISTS)[]).flatMap((part): BackupError[] => [
        { code: 'unreadable', part },
        { code: 'unreadable-entries', part, count: 1 },
        { code: 'unreadable-entries', part, count: 2 },
        { code: 'over-limit', part, limit: BACKUP_LISTS[part] },
      ]),
    ];
    for (const [t, locale, end] of [[tEn, 'en', 'Nothing was changed.'], [tDe, 'de', 'Es wurde nichts geändert.']] as const) {
      for (const error of errors) {
        const message = backupErrorMessage(error, t, locale);
        expect(message, JSON.stringify(error)).toMatch(new RegExp(`^\\S.{20,}${end}$`));
        expect(message, JSON.stringify(error)).not.toMatch(/\$|\[|ownIdeas|checkins|favourites:|prefs|damaged|beschädigt|undefined/);
      }
    }
  });
});

describe('file names carry the local date', () => {
  // Just after midnight and just before it: in every zone but UTC, one of the two has another UTC date.
  for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Tokyo']) {
    it(`in ${zone}`, () => {
      inTimeZone(zone, () => {
        for (const [h, m] of [[0, 20], [23, 50]] as const) {
          const now = new Date(2026, 0, 9, h, m).getTime();
          expect(backupFileName(now)).toBe('tend-backup-2026-01-09.json');
          expect(ownIdeasFileName(now)).toBe('tend-ideas-2026-01-09.txt');
        }
      });
    });
  }
});
