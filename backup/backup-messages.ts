/**
 * What a person reads about a backup file: why it cannot be imported, and what it holds and what
 * becomes of the settings before anything is replaced. Pure: words come from `t`, numbers are
 * written for `locale`. Parts of a file are named in words, never as fields of the format.
 */
import type { BackupError, BackupList, BackupPart, ParsedFile } from './backup';
import type { MessageKey, Translate } from '../platform/i18n';

const SIMPLE_ERRORS: Record<Exclude<BackupError['code'], 'future-version' | 'unreadable' | 'unreadable-entries' | 'over-limit'>, MessageKey> = {
  'too-large': 'importTooLarge',
  empty: 'importEmpty',
  'not-json': 'importNotJson',
  'not-tend': 'importNotTend',
  nothing: 'importNothing',
  malformed: 'importMalformed',
};

const PARTS: Record<BackupPart, MessageKey> = {
  settings: 'importPart_settings',
  picker: 'importPart_picker',
  marks: 'importPart_marks',
  history: 'importPart_history',
  checkins: 'importPart_checkins',
  ownIdeas: 'importPart_ownIdeas',
  talks: 'importPart_talks',
  pair: 'importPart_pair',
  wishes: 'importPart_wishes',
  partnerWords: 'importPart_partnerWords',
  tracks: 'importPart_tracks',
  favourites: 'importPart_favourites',
  hidden: 'importPart_hidden',
};

/** "One check-in" or "3 check-ins", for each list a file carries. */
const ENTRIES: Record<BackupList, { one: MessageKey; many: MessageKey }> = {
  marks: { one: 'importEntryOne_marks', many: 'importEntryMany_marks' },
  history: { one: 'importEntryOne_history', many: 'importEntryMany_history' },
  checkins: { one: 'importEntryOne_checkins', many: 'importEntryMany_checkins' },
  ownIdeas: { one: 'importEntryOne_ownIdeas', many: 'importEntryMany_ownIdeas' },
  talks: { one: 'importEntryOne_talks', many: 'importEntryMany_talks' },
  wishes: { one: 'importEntryOne_wishes', many: 'importEntryMany_wishes' },
  partnerWords: { one: 'importEntryOne_partnerWords', many: 'importEntryMany_partnerWords' },
  tracks: { one: 'importEntryOne_tracks', many: 'importEntryMany_tracks' },
  favourites: { one: 'importEntryOne_favourites', many: 'importEntryMany_favourites' },
  hidden: { one: 'importEntryOne_hidden', many: 'importEntryMany_hidden' },
};

/** The message for a file that could not be imported: what is wrong, in words, and that nothing changed. */
export function backupErrorMessage(error: BackupError, t: Translate, locale: string): string {
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  switch (error.code) {
    case 'future-version':
      return t('importFuture', String(error.version));
    case 'unreadable':
      return t('importPartUnreadable', t(PARTS[error.part]));
    case 'unreadable-entries': {
      const { one, many } = ENTRIES[error.part];
      return error.count === 1
        ? t('importEntriesUnreadableOne', t(one))
        : t('importEntriesUnreadableMany', t(many, number(error.count)));
    }
    case 'over-limit':
      return t('importOverLimit', t(ENTRIES[error.part].many, number(error.limit)));
    default:
      return t(SIMPLE_ERRORS[error.code]);
  }
}

/** What a file holds, in counts a person recognises, for the question before replacing. */
export interface BackupSummary {
  exportedAt: number | null;
  hasPrefs: boolean;
  favourites: number;
  historyDays: number;
  checkins: number;
  ownIdeas: number;
  talks: number;
  wishLists: number;
  partnerWords: number;
  tracks: number;
  paired: boolean;
}

export function summarizeBackup(parsed: ParsedFile): BackupSummary {
  const { snapshot } = parsed;
  return {
    exportedAt: parsed.exportedAt,
    hasPrefs: parsed.hasPrefs,
    favourites: snapshot.marks.filter((m) => m.favourite).length,
    historyDays: new Set(snapshot.history.map((e) => e.day)).size,
    checkins: snapshot.checkins.length,
    ownIdeas: snapshot.ownIdeas.length,
    talks: snapshot.talks.length,
    wishLists: snapshot.keptWishes.length,
    partnerWords: snapshot.partnerWords.length,
    tracks: snapshot.tracks.length,
    paired: snapshot.pair !== null,
  };
}

/** The question before replacing: what the file holds ("From 3 Dec 2026: 12 favourites, …") and what becomes of the settings. */
export function describeBackup(summary: BackupSummary, t: Translate, locale: string): { holds: string; ask: string } {
  const count = (n: number, one: MessageKey, many: MessageKey) =>
    n === 0 ? false : n === 1 ? t(one) : t(many, new Intl.NumberFormat(locale).format(n));
  const parts = [
    count(summary.favourites, 'importHasFavourite', 'importHasFavourites'),
    count(summary.historyDays, 'importHasDay', 'importHasDays'),
    count(summary.ownIdeas, 'importHasOwnIdea', 'importHasOwnIdeas'),
    count(summary.checkins, 'importHasCheckIn', 'importHasCheckIns'),
    count(summary.talks, 'importHasTalk', 'importHasTalks'),
    count(summary.wishLists, 'importHasWishList', 'importHasWishLists'),
    count(summary.partnerWords, 'importHasPartnerWord', 'importHasPartnerWords'),
    count(summary.tracks, 'importHasTrack', 'importHasTracks'),
    summary.paired && t('importHasPair'),
    summary.hasPrefs && t('importHasPrefs'),
  ].filter((p): p is string => typeof p === 'string');
  const list = parts.join(', ') || t('importHasNone');
  const ask = t(summary.hasPrefs ? 'importAskSettingsReplaced' : 'importAskSettingsKept');
  if (summary.exportedAt === null) return { holds: t('importHolds', list), ask };
  // The local day the person sees, in their language.
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(summary.exportedAt);
  return { holds: t('importHoldsFrom', [date, list]), ask };
}
