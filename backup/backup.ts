/**
 * Export and import files. Pure: turns a snapshot into text and text into a snapshot, or
 * into a clear error. Nothing is written until a whole file has passed. Depth and size are
 * checked before anything recurses, so no file can exhaust a browser's stack.
 */
import { KEEP_LIMITS, type Replacement, type Snapshot } from '../store/schema';
import { blankMark, parseCheckInState } from '../model/records';
import { localDatedFileName, newestDays } from '../lib/day';
import { defaultPrefs, validatePrefs } from '../model/prefs';
import { parsePairState } from '../model/pair';
import { KEPT_LISTS_MAX, parseKeptWishList, parseKeptWishes } from '../model/kept-wishes';
import { PARTNER_WORDS_MAX, parsePartnerWord, parsePartnerWords } from '../model/partner-words';
import { parseTrackProgress } from '../model/track-progress';
import { decodePairCode } from '../together/code/pair-code';
import {
  compareHistory,
  parseCheckIn,
  parseHistoryEntry,
  parseMark,
  parseOwnIdea,
  parsePickerState,
  parseTalkRecord,
  type HistoryEntry,
  type Mark,
} from '../model/records';
import { isRecord } from '../lib/record';

/** 7: tracks. 6: check-in words from the partner's Tend (sealed). 5: kept lists of wishes both chose. 4: the pairing (its code). 3: check-ins, own ideas and conversations had. 2: marks. 1: Tend 0.1. */
export const BACKUP_SCHEMA = 7;
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
/** No Tend file nests deeper than this; a deeper one is not laid out as a backup, found without recursing. */
export const BACKUP_MAX_DEPTH = 32;
const APP = 'tend';

/** The lists a file carries (`favourites` and `hidden` in files of Tend 0.1), each with the most an import takes. */
export const BACKUP_LISTS = {
  marks: 20_000,
  history: 200_000,
  checkins: KEEP_LIMITS.checkIns,
  ownIdeas: KEEP_LIMITS.ownIdeas,
  talks: 1000,
  wishes: KEPT_LISTS_MAX,
  partnerWords: PARTNER_WORDS_MAX,
  tracks: 100,
  favourites: 10_000,
  hidden: 10_000,
} as const;
export type BackupList = keyof typeof BACKUP_LISTS;
/** A part of a file, as messages name it in words. */
export type BackupPart = BackupList | 'settings' | 'picker' | 'pair';

/**
 * Why a file cannot be imported. Each names what a person can recognise: a part of the file, how
 * many of its entries could not be read, or the limit it is over — never a field of the format.
 */
export type BackupError =
  | { code: 'too-large' }
  | { code: 'empty' }
  | { code: 'not-json' }
  | { code: 'not-tend' }
  | { code: 'nothing' }
  | { code: 'future-version'; version: number }
  /** Says it is Tend's, but is not laid out as a backup (no format number, nested past any backup). */
  | { code: 'malformed' }
  /** A part that could not be read as a whole. */
  | { code: 'unreadable'; part: BackupPart }
  /** `count` entries of a list could not be read. */
  | { code: 'unreadable-entries'; part: BackupList; count: number }
  /** Readable, but more than Tend keeps: not damaged. */
  | { code: 'over-limit'; part: BackupList; limit: number };

export interface ParsedFile {
  /** `prefs` is null when the file holds no settings: an import keeps the current ones. */
  snapshot: Replacement;
  fromSchema: number;
  /** When the file was made, if it says. */
  exportedAt: number | null;
  /** Whether the file holds settings (a file may hold only data). */
  hasPrefs: boolean;
}

export type ParsedBackup = ({ ok: true } & ParsedFile) | { ok: false; error: BackupError };

export function createBackup(snapshot: Snapshot, now: number): string {
  const file = {
    app: APP,
    schema: BACKUP_SCHEMA,
    exportedAt: new Date(now).toISOString(),
    prefs: snapshot.prefs,
    marks: snapshot.marks,
    history: snapshot.history,
    picker: snapshot.picker,
    checkin: snapshot.checkinState,
    checkins: snapshot.checkins,
    ownIdeas: snapshot.ownIdeas,
    talks: snapshot.talks,
    // The pairing travels as its code, the only form in which its secret ever leaves the device.
    pair: snapshot.pair,
    // Only lists a couple chose to keep: what one person chose alone is never stored, so never here.
    wishes: snapshot.keptWishes,
    // Sealed as they came: only a Tend of the pair opens them.
    partnerWords: snapshot.partnerWords,
    tracks: snapshot.tracks,
  };
  // Compact: a year of everything stays far below the import limit.
  return `${JSON.stringify(file)}\n`;
}

/** `tend-backup-2026-05-04.json`, dated the local day a person sees. */
export function backupFileName(now: number): string {
  return localDatedFileName('tend-backup', now, 'json');
}

/** The deepest nesting of arrays and objects in a JSON text, counted in one pass without recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function parseList<T>(raw: unknown, part: BackupList, parse: (item: unknown) => T | null): T[] | BackupError {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return { code: 'unreadable', part };
  if (raw.length > BACKUP_LISTS[part]) return { code: 'over-limit', part, limit: BACKUP_LISTS[part] };
  const out: T[] = [];
  for (const entry of raw) {
    const item = parse(entry);
    if (item !== null) out.push(item);
  }
  const count = raw.length - out.length;
  return count > 0 ? { code: 'unreadable-entries', part, count } : out;
}

/**
 * History as Tend keeps it: one entry per idea per day, at most `historyPerDay` a day (the newest).
 * Older backups may hold more; it is folded here. How far back it reaches is bounded by the store
 * from the present when the file is imported (`replaceAll`), never from the newest day in the file:
 * a file dated ahead would cut a whole history.
 */
export function boundHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const byDayIdea = new Map<string, HistoryEntry>();
  for (const entry of entries) {
    const key = `${entry.day} ${entry.ideaId}`;
    const seen = byDayIdea.get(key);
    if (!seen || entry.at >= seen.at) byDayIdea.set(key, entry);
  }
  const kept = [...byDayIdea.values()];
  const perDay = new Map<string, HistoryEntry[]>();
  for (const e of kept) perDay.set(e.day, [...(perDay.get(e.day) ?? []), e]);
  return [...perDay.values()]
    .flatMap((day) => day.sort(compareHistory).slice(-KEEP_LIMITS.historyPerDay))
    .sort(compareHistory);
}

/** Schema 1 (Tend 0.1) kept favourites and hidden ideas as id lists and called themeMode "theme". */
function migrateV1(file: Record<string, unknown>): Record<string, unknown> | BackupError {
  const id = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const favourites = parseList(file.favourites ?? [], 'favourites', id);
  if (!Array.isArray(favourites)) return favourites;
  const hidden = parseList(file.hidden ?? [], 'hidden', id);
  if (!Array.isArray(hidden)) return hidden;
  const marks = new Map<string, Mark>();
  const mark = (id: string) => marks.get(id) ?? blankMark(id);
  for (const id of favourites) marks.set(id, { ...mark(id), favourite: true });
  for (const id of hidden) marks.set(id, { ...mark(id), hidden: true });
  const { theme, ...prefs } = isRecord(file.prefs) ? file.prefs : {};
  return {
    ...file,
    prefs: theme === undefined ? prefs : { themeMode: theme, ...prefs },
    marks: [...marks.values()],
  };
}

/** Keys a file of any schema uses for a person's data; a file with none of them holds nothing of Tend's. */
const DATA_KEYS = ['marks', 'history', 'picker', 'checkin', 'checkins', 'ownIdeas', 'talks', 'pair', 'wishes', 'partnerWords', 'tracks', 'favourites', 'hidden'];

/** Whether a file holds settings: a settings record with at least one setting Tend knows. */
function holdsPrefs(file: Record<string, unknown>): boolean {
  const prefs = file.prefs;
  return isRecord(prefs) && Object.keys(defaultPrefs()).some((key) => Object.hasOwn(prefs, key));
}

function holdsSomething(file: Record<string, unknown>): boolean {
  return holdsPrefs(file) || DATA_KEYS.some((key) => file[key] !== undefined && file[key] !== null);
}

export function parseBackup(text: string): ParsedBackup {
  const fail = (error: BackupError): ParsedBackup => ({ ok: false, error });
  if (text.length > BACKUP_MAX_BYTES) return fail({ code: 'too-large' });
  if (text.trim() === '') return fail({ code: 'empty' });
  if (jsonDepth(text) > BACKUP_MAX_DEPTH) return fail({ code: 'malformed' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail({ code: 'not-json' });
  }
  if (!isRecord(raw) || raw.app !== APP) return fail({ code: 'not-tend' });
  const schema = raw.schema;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) return fail({ code: 'malformed' });
  if (schema > BACKUP_SCHEMA) return fail({ code: 'future-version', version: schema });

  const file = schema === 1 ? migrateV1(raw) : raw;
  if ('code' in file) return fail(file as BackupError);
  if (!holdsSomething(file)) return fail({ code: 'nothing' });

  if (file.prefs !== undefined && !isRecord(file.prefs)) return fail({ code: 'unreadable', part: 'settings' });
  const { prefs, damaged } = validatePrefs(file.prefs ?? {});
  if (damaged.length > 0) return fail({ code: 'unreadable', part: 'settings' });
  const hasPrefs = holdsPrefs(file);

  const marks = parseList(file.marks, 'marks', parseMark);
  if (!Array.isArray(marks)) return fail(marks);
  const history = parseList<HistoryEntry>(file.history, 'history', parseHistoryEntry);
  if (!Array.isArray(history)) return fail(history);
  const checkins = parseList(file.checkins, 'checkins', parseCheckIn);
  if (!Array.isArray(checkins)) return fail(checkins);
  const ownIdeas = parseList(file.ownIdeas, 'ownIdeas', parseOwnIdea);
  if (!Array.isArray(ownIdeas)) return fail(ownIdeas);
  const talks = parseList(file.talks, 'talks', parseTalkRecord);
  if (!Array.isArray(talks)) return fail(talks);
  const wishes = parseList(file.wishes, 'wishes', parseKeptWishList);
  if (!Array.isArray(wishes)) return fail(wishes);
  const partnerWords = parseList(file.partnerWords, 'partnerWords', parsePartnerWord);
  if (!Array.isArray(partnerWords)) return fail(partnerWords);
  const tracks = parseList(file.tracks, 'tracks', parseTrackProgress);
  if (!Array.isArray(tracks)) return fail(tracks);
  const picker = file.picker === undefined || file.picker === null ? null : parsePickerState(file.picker);
  if (file.picker && !picker) return fail({ code: 'unreadable', part: 'picker' });
  const pair = file.pair === undefined || file.pair === null ? null : parsePairState(file.pair);
  if (file.pair && (!pair || !('ok' in decodePairCode(pair.code)))) return fail({ code: 'unreadable', part: 'pair' });

  const exported = typeof file.exportedAt === 'string' ? Date.parse(file.exportedAt) : NaN;
  return {
    ok: true,
    fromSchema: schema,
    exportedAt: Number.isFinite(exported) ? exported : null,
    hasPrefs,
    snapshot: {
      // A file without settings keeps the current ones: nothing in it asks for defaults.
      prefs: hasPrefs ? prefs : null,
      marks: marks.map((m) => ({ ...m, triedOn: newestDays(m.triedOn, KEEP_LIMITS.triedDays) })),
      history: boundHistory(history),
      picker,
      // The check-in's switch and "Not now": missing in older files, so the defaults.
      checkinState: parseCheckInState(file.checkin),
      checkins: [...new Map(checkins.map((c) => [c.id, c])).values()].sort((a, b) => a.at - b.at),
      ownIdeas: [...new Map(ownIdeas.map((o) => [o.id, o])).values()].sort((a, b) => a.createdAt - b.createdAt),
      talks: [...new Map(talks.map((r) => [r.talkId, r])).values()],
      pair,
      // Missing in older files: no kept lists.
      keptWishes: parseKeptWishes(wishes),
      partnerWords: parsePartnerWords(partnerWords),
      // At most one runs: should a file say otherwise, the newest started runs and the others wait.
      tracks: [...new Map(tracks.map((p) => [p.trackId, p])).values()],
    },
  };
}
