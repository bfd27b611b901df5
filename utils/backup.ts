/**
 * Export and import files. Pure: turns a snapshot into text and text into a snapshot, or
 * into a clear error. Nothing is written until a whole file has passed.
 */
import type { Snapshot } from './db';
import type { MessageKey, Translate } from './i18n';
import { validatePrefs } from './prefs';
import { parseHistoryEntry, parseMark, parsePickerState, type HistoryEntry, type Mark } from './records';

export const BACKUP_SCHEMA = 2;
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
const APP = 'tend';

export type BackupError =
  | { code: 'too-large' }
  | { code: 'empty' }
  | { code: 'not-json' }
  | { code: 'not-tend' }
  | { code: 'future-version'; version: number }
  | { code: 'damaged'; where: string };

export type ParsedBackup = { ok: true; snapshot: Snapshot; fromSchema: number } | { ok: false; error: BackupError };

export function createBackup(snapshot: Snapshot, now: number): string {
  const file = {
    app: APP,
    schema: BACKUP_SCHEMA,
    exportedAt: new Date(now).toISOString(),
    prefs: snapshot.prefs,
    marks: snapshot.marks,
    history: snapshot.history,
    picker: snapshot.picker,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function backupFileName(now: number): string {
  return `tend-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseList<T>(raw: unknown, name: string, parse: (item: unknown) => T | null): T[] | BackupError {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return { code: 'damaged', where: name };
  const out: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item = parse(raw[i]);
    if (item === null) return { code: 'damaged', where: `${name}[${i}]` };
    out.push(item);
  }
  return out;
}

/** Schema 1 (Tend 0.1) kept favourites and hidden ideas as id lists and called themeMode "theme". */
function migrateV1(file: Record<string, unknown>): Record<string, unknown> | BackupError {
  const favourites = file.favourites ?? [];
  const hidden = file.hidden ?? [];
  const ids = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
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

export function parseBackup(text: string): ParsedBackup {
  const fail = (error: BackupError): ParsedBackup => ({ ok: false, error });
  if (text.length > BACKUP_MAX_BYTES) return fail({ code: 'too-large' });
  if (text.trim() === '') return fail({ code: 'empty' });
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

  if (file.prefs !== undefined && !isRecord(file.prefs)) return fail({ code: 'damaged', where: 'prefs' });
  const { prefs, replaced } = validatePrefs(file.prefs ?? {});
  const wrongField = replaced.find((key) => isRecord(file.prefs) && key in file.prefs);
  if (wrongField) return fail({ code: 'damaged', where: `prefs.${wrongField}` });

  const marks = parseList(file.marks, 'marks', parseMark);
  if (!Array.isArray(marks)) return fail(marks);
  const history = parseList<HistoryEntry>(file.history, 'history', parseHistoryEntry);
  if (!Array.isArray(history)) return fail(history);
  const picker = file.picker === undefined || file.picker === null ? null : parsePickerState(file.picker);
  if (file.picker && !picker) return fail({ code: 'damaged', where: 'picker' });

  return { ok: true, fromSchema: schema, snapshot: { prefs, marks, history, picker } };
}

const ERROR_MESSAGES: Record<BackupError['code'], MessageKey> = {
  'too-large': 'importTooLarge',
  empty: 'importEmpty',
  'not-json': 'importNotJson',
  'not-tend': 'importNotTend',
  'future-version': 'importFuture',
  damaged: 'importDamaged',
};

/** The message a person sees for a file that could not be imported: what is wrong, and that nothing changed. */
export function backupErrorMessage(error: BackupError, t: Translate): string {
  const detail = error.code === 'damaged' ? error.where : error.code === 'future-version' ? String(error.version) : '';
  return t(ERROR_MESSAGES[error.code], detail);
}
