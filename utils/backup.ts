/**
 * Export and import files. Pure: turns a snapshot into text and text into a snapshot, or
 * into a clear error. Nothing is written until a whole file has passed. Depth and size are
 * checked before anything recurses, so no file can exhaust a browser's stack.
 */
import { LIMITS, type Snapshot } from './db';
import { parseCheckInState } from './checkin';
import type { MessageKey, Translate } from './i18n';
import { defaultPrefs, validatePrefs } from './prefs';
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
} from './records';

/** 3: check-ins, own ideas and conversations had. 2: marks. 1: Tend 0.1. */
export const BACKUP_SCHEMA = 3;
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
/** No Tend file nests deeper than this; a deeper one is damaged, found without recursing. */
export const BACKUP_MAX_DEPTH = 32;
const APP = 'tend';

export type BackupError =
  | { code: 'too-large' }
  | { code: 'empty' }
  | { code: 'not-json' }
  | { code: 'not-tend' }
  | { code: 'nothing' }
  | { code: 'future-version'; version: number }
  | { code: 'damaged'; where: string };

export interface ParsedFile {
  snapshot: Snapshot;
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
  };
  // Compact: a year of everything stays far below the import limit.
  return `${JSON.stringify(file)}\n`;
}

export function backupFileName(now: number): string {
  return `tend-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

function parseList<T>(raw: unknown, name: string, parse: (item: unknown) => T | null, max: number): T[] | BackupError {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > max) return { code: 'damaged', where: name };
  const out: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item = parse(raw[i]);
    if (item === null) return { code: 'damaged', where: `${name}[${i}]` };
    out.push(item);
  }
  return out;
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
    .flatMap((day) => day.sort(compareHistory).slice(-LIMITS.historyPerDay))
    .sort(compareHistory);
}

/** Schema 1 (Tend 0.1) kept favourites and hidden ideas as id lists and called themeMode "theme". */
function migrateV1(file: Record<string, unknown>): Record<string, unknown> | BackupError {
  const favourites = file.favourites ?? [];
  const hidden = file.hidden ?? [];
  const ids = (v: unknown) =>
    Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length > 0);
  if (!ids(favourites)) return { code: 'damaged', where: 'favourites' };
  if (!ids(hidden)) return { code: 'damaged', where: 'hidden' };
  const marks = new Map<string, Mark>();
  const mark = (id: string) => marks.get(id) ?? { ideaId: id, favourite: false, hidden: false, triedOn: [] };
  for (const id of favourites as string[]) marks.set(id, { ...mark(id), favourite: true });
  for (const id of hidden as string[]) marks.set(id, { ...mark(id), hidden: true });
  const { theme, ...prefs } = isRecord(file.prefs) ? file.prefs : {};
  return {
    ...file,
    prefs: theme === undefined ? prefs : { themeMode: theme, ...prefs },
    marks: [...marks.values()],
  };
}

/** Keys a file of any schema uses for a person's data; a file with none of them holds nothing of Tend's. */
const DATA_KEYS = ['marks', 'history', 'picker', 'checkin', 'checkins', 'ownIdeas', 'talks', 'favourites', 'hidden'];

function holdsSomething(file: Record<string, unknown>): boolean {
  const prefs = file.prefs;
  const hasPrefs = isRecord(prefs) && Object.keys(defaultPrefs()).some((key) => Object.hasOwn(prefs, key));
  return hasPrefs || DATA_KEYS.some((key) => file[key] !== undefined && file[key] !== null);
}

export function parseBackup(text: string): ParsedBackup {
  const fail = (error: BackupError): ParsedBackup => ({ ok: false, error });
  if (text.length > BACKUP_MAX_BYTES) return fail({ code: 'too-large' });
  if (text.trim() === '') return fail({ code: 'empty' });
  if (jsonDepth(text) > BACKUP_MAX_DEPTH) return fail({ code: 'damaged', where: 'depth' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail({ code: 'not-json' });
  }
  if (!isRecord(raw) || raw.app !== APP) return fail({ code: 'not-tend' });
  const schema = raw.schema;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) return fail({ code: 'damaged', where: 'schema' });
  if (schema > BACKUP_SCHEMA) return fail({ code: 'future-version', version: schema });

  const file = schema === 1 ? migrateV1(raw) : raw;
  if ('code' in file) return fail(file as BackupError);
  if (!holdsSomething(file)) return fail({ code: 'nothing' });

  if (file.prefs !== undefined && !isRecord(file.prefs)) return fail({ code: 'damaged', where: 'prefs' });
  const { prefs, damaged } = validatePrefs(file.prefs ?? {});
  if (damaged[0]) return fail({ code: 'damaged', where: `prefs.${damaged[0]}` });

  const marks = parseList(file.marks, 'marks', parseMark, 20_000);
  if (!Array.isArray(marks)) return fail(marks);
  const history = parseList<HistoryEntry>(file.history, 'history', parseHistoryEntry, 200_000);
  if (!Array.isArray(history)) return fail(history);
  const checkins = parseList(file.checkins, 'checkins', parseCheckIn, LIMITS.checkIns);
  if (!Array.isArray(checkins)) return fail(checkins);
  const ownIdeas = parseList(file.ownIdeas, 'ownIdeas', parseOwnIdea, LIMITS.ownIdeas);
  if (!Array.isArray(ownIdeas)) return fail(ownIdeas);
  const talks = parseList(file.talks, 'talks', parseTalkRecord, 1000);
  if (!Array.isArray(talks)) return fail(talks);
  const picker = file.picker === undefined || file.picker === null ? null : parsePickerState(file.picker);
  if (file.picker && !picker) return fail({ code: 'damaged', where: 'picker' });

  const exported = typeof file.exportedAt === 'string' ? Date.parse(file.exportedAt) : NaN;
  return {
    ok: true,
    fromSchema: schema,
    exportedAt: Number.isFinite(exported) ? exported : null,
    hasPrefs: isRecord(file.prefs),
    snapshot: {
      prefs,
      marks: marks.map((m) => ({ ...m, triedOn: [...new Set(m.triedOn)].sort().slice(-LIMITS.triedDays) })),
      history: boundHistory(history),
      picker,
      // The check-in's switch and "Not now": missing in older files, so the defaults.
      checkinState: parseCheckInState(file.checkin),
      checkins: [...new Map(checkins.map((c) => [c.id, c])).values()].sort((a, b) => a.at - b.at),
      ownIdeas: [...new Map(ownIdeas.map((o) => [o.id, o])).values()].sort((a, b) => a.createdAt - b.createdAt),
      talks: [...new Map(talks.map((r) => [r.talkId, r])).values()],
    },
  };
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
  };
}

const ERROR_MESSAGES: Record<BackupError['code'], MessageKey> = {
  'too-large': 'importTooLarge',
  empty: 'importEmpty',
  'not-json': 'importNotJson',
  'not-tend': 'importNotTend',
  nothing: 'importNothing',
  'future-version': 'importFuture',
  damaged: 'importDamaged',
};

/** The message a person sees for a file that could not be imported: what is wrong, and that nothing changed. */
export function backupErrorMessage(error: BackupError, t: Translate): string {
  const detail = error.code === 'damaged' ? error.where : error.code === 'future-version' ? String(error.version) : '';
  return t(ERROR_MESSAGES[error.code], detail);
}
