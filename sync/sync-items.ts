/**
 * What travels through sync, one key an item: the settings in three groups ('p:look', 'p:nudges', 'p:ideas'),
 * an idea's marks ('m:<idea>': favourite, tried, set aside), an own idea ('o:<id>'), a conversation had
 * ('t:<talk>') and the pairing ('pair'). Check-ins and their notes, the history of ideas shown, the picker,
 * tracks and wishes never travel. Every value coming in is checked as an import's would be. Pure.
 */
import { validatePrefs, type Prefs } from '../model/prefs';
import { parseMark, parseOwnIdea, parseTalkRecord, type Mark, type OwnIdea, type TalkRecord } from '../model/records';
import { parsePairState, type PairState } from '../model/pair';
import type { Entries, Entry } from './merge';
import type { LocalChanges, SyncableData } from '../model/sync-state';

export type { LocalChanges, SyncableData } from '../model/sync-state';

export const PREF_GROUPS = {
  look: ['themeMode', 'palette', 'textScale', 'motion'],
  nudges: ['nudgesEnabled', 'nudgesPerDay', 'windows', 'spacingMinutes', 'discreet', 'deferWhenIdle', 'stickyNotifications'],
  ideas: ['hiddenCategories', 'modeFilter', 'maxIntensity', 'maxMinutes', 'showOwnIdeas', 'livingApart'],
} as const satisfies Record<string, readonly (keyof Prefs)[]>;
type Group = keyof typeof PREF_GROUPS;
const GROUPS = Object.keys(PREF_GROUPS) as Group[];


const pick = (prefs: Prefs, group: Group) => Object.fromEntries(PREF_GROUPS[group].map((key) => [key, prefs[key]]));

/** The items that travel, by key. */
export function syncItems(data: SyncableData): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const group of GROUPS) items[`p:${group}`] = pick(data.prefs, group);
  for (const mark of data.marks) items[`m:${mark.ideaId}`] = { favourite: mark.favourite, hidden: mark.hidden, triedOn: mark.triedOn };
  for (const idea of data.ownIdeas) items[`o:${idea.id}`] = idea;
  for (const talk of data.talks) items[`t:${talk.talkId}`] = { days: talk.days };
  if (data.pair) items.pair = data.pair;
  return items;
}

/** One item's value checked for its key: the value as Tend stores it, or null when it cannot be used. */
export function checkItem(key: string, value: unknown): unknown {
  if (typeof key !== 'string' || key.length > 100) return null;
  if (key === 'pair') return parsePairState(value);
  const [kind, id] = [key.slice(0, 2), key.slice(2)];
  if (id.length === 0) return null;
  if (kind === 'p:') {
    const group = GROUPS.find((g) => g === id);
    if (!group || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const checked = validatePrefs(value);
    if (PREF_GROUPS[group].some((field) => checked.replaced.includes(field))) return null;
    return pick(checked.prefs, group);
  }
  if (kind === 'm:') {
    const mark = parseMark({ ...(value as object), ideaId: id });
    return mark && typeof value === 'object' && value !== null ? { favourite: mark.favourite, hidden: mark.hidden, triedOn: mark.triedOn } : null;
  }
  if (kind === 'o:') {
    const idea = parseOwnIdea(value);
    return idea && idea.id === id ? idea : null;
  }
  if (kind === 't:') {
    const talk = parseTalkRecord({ ...(value as object), talkId: id });
    return talk && typeof value === 'object' && value !== null ? { days: talk.days } : null;
  }
  return null;
}

/** An entry read from `storage.sync`, checked: its version, and its value checked for its key. */
function checkEntry(key: string, raw: unknown): Entry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { t, d, v } = raw as Record<string, unknown>;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || typeof d !== 'string' || !/^[0-9a-f]{1,32}$/.test(d)) return null;
  if (v === undefined) return { t, d };
  const value = checkItem(key, v);
  return value === null ? null : { t, d, v: value };
}

/** Everything `storage.sync` holds, checked: the usable entries, and the keys that could not be read. */
export function readRemote(raw: unknown): { entries: Entries; unreadable: Set<string> } {
  const entries: Entries = {};
  const unreadable = new Set<string>();
  if (typeof raw !== 'object' || raw === null) return { entries, unreadable };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = checkEntry(key, value);
    if (entry) entries[key] = entry;
    else unreadable.add(key);
  }
  return { entries, unreadable };
}


/** A round's local writes, as the records of each store (values were checked on the way in). */
export function localChanges(put: Readonly<Record<string, unknown>>, remove: readonly string[]): LocalChanges {
  const out: LocalChanges = { prefs: null, putMarks: [], removeMarks: [], putOwnIdeas: [], removeOwnIdeas: [], putTalks: [], removeTalks: [], pair: undefined };
  for (const [key, value] of Object.entries(put)) {
    if (key === 'pair') out.pair = value as PairState;
    else if (key.startsWith('p:')) out.prefs = { ...out.prefs, ...(value as Partial<Prefs>) };
    else if (key.startsWith('m:')) out.putMarks.push({ ideaId: key.slice(2), ...(value as Omit<Mark, 'ideaId'>) });
    else if (key.startsWith('o:')) out.putOwnIdeas.push(value as OwnIdea);
    else if (key.startsWith('t:')) out.putTalks.push({ talkId: key.slice(2), ...(value as Omit<TalkRecord, 'talkId'>) });
  }
  for (const key of remove) {
    if (key === 'pair') out.pair = null;
    else if (key.startsWith('m:')) out.removeMarks.push(key.slice(2));
    else if (key.startsWith('o:')) out.removeOwnIdeas.push(key.slice(2));
    else if (key.startsWith('t:')) out.removeTalks.push(key.slice(2));
  }
  return out;
}
