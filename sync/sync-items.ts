/**
 * What travels through sync, one key an item: each setting ('p:palette', 'p:windows', …),
 * an idea's marks, each on its own ('f:<idea>' a favourite, 'h:<idea>' set aside, 'y:<idea>' the days it was
 * tried; present only while true or not empty), an own idea ('o:<id>'), a conversation had
 * ('t:<talk>') and the pairing ('pair'). Check-ins and their notes, the history of ideas shown, the picker,
 * tracks and wishes never travel. Every value coming in is checked as an import's would be. Pure.
 */
import { defaultPrefs, validatePrefs, type Prefs } from '../model/prefs';
import { KEEP_LIMITS } from '../store/schema';
import { decodePairCode } from '../together/code/pair-code';
import { parseMark, parseOwnIdea, parseTalkRecord, type OwnIdea, type TalkRecord } from '../model/records';
import { parsePairState, type PairState } from '../model/pair';
import type { Entries, Entry } from './merge';
import { isRecord } from '../lib/record';
import type { LocalChanges, MarkPatch, SyncableData } from '../model/sync-state';
import { newestDays } from '../lib/day';

export type { LocalChanges, SyncableData } from '../model/sync-state';

/** Every setting travels as its own key ('p:palette'), so two settings changed on two browsers both stay. */
const PREF_KEYS = Object.keys(defaultPrefs()) as (keyof Prefs)[];

/** The items that travel, by key. */
export function syncItems(data: SyncableData): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const field of PREF_KEYS) items[`p:${field}`] = data.prefs[field];
  for (const mark of data.marks) {
    if (mark.favourite) items[`f:${mark.ideaId}`] = true;
    if (mark.hidden) items[`h:${mark.ideaId}`] = true;
    if (mark.triedOn.length > 0) items[`y:${mark.ideaId}`] = mark.triedOn;
  }
  for (const idea of data.ownIdeas) items[`o:${idea.id}`] = idea;
  for (const talk of data.talks) items[`t:${talk.talkId}`] = { days: talk.days };
  if (data.pair) items.pair = data.pair;
  return items;
}

/** One item's value checked for its key: the value as Tend stores it, or null when it cannot be used. */
export function checkItem(key: string, value: unknown): unknown {
  if (typeof key !== 'string' || key.length > 100) return null;
  // A pairing is taken in only when its code reads as one, as an import takes it.
  if (key === 'pair') {
    const pair = parsePairState(value);
    return pair && 'ok' in decodePairCode(pair.code) ? pair : null;
  }
  const [kind, id] = [key.slice(0, 2), key.slice(2)];
  if (id.length === 0) return null;
  if (kind === 'p:') {
    const field = PREF_KEYS.find((f) => f === id);
    if (!field) return null;
    const checked = validatePrefs({ [field]: value });
    return checked.replaced.includes(field) ? null : checked.prefs[field];
  }
  if (kind === 'f:' || kind === 'h:') return value === true && parseMark({ ideaId: id }) ? true : null;
  if (kind === 'y:') {
    const mark = parseMark({ ideaId: id, triedOn: value });
    const triedOn = mark ? newestDays(mark.triedOn, KEEP_LIMITS.triedDays) : [];
    return Array.isArray(value) && triedOn.length > 0 ? triedOn : null;
  }
  if (kind === 'o:') {
    const idea = parseOwnIdea(value);
    return idea && idea.id === id ? idea : null;
  }
  if (kind === 't:') {
    const talk = isRecord(value) ? parseTalkRecord({ ...value, talkId: id }) : null;
    return talk ? { days: newestDays(talk.days, KEEP_LIMITS.talkDays) } : null;
  }
  return null;
}

/** An entry read from `storage.sync`, checked: its version, and its value checked for its key. */
function checkEntry(key: string, raw: unknown): Entry | null {
  if (!isRecord(raw)) return null;
  const { t, d, v } = raw;
  // A version is a time in ms (a safe integer, at most the largest date there is): one far beyond would win forever.
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0 || t > 8.64e15 || typeof d !== 'string' || !/^[0-9a-f]{1,32}$/.test(d)) return null;
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
    const entry = key === '__proto__' ? null : checkEntry(key, value);
    if (entry) entries[key] = entry;
    else unreadable.add(key);
  }
  return { entries, unreadable };
}

/** A round's local writes, as the records of each store (values were checked on the way in). */
export function localChanges(put: Readonly<Record<string, unknown>>, remove: readonly string[]): LocalChanges {
  const out: LocalChanges = { prefs: null, markPatches: [], putOwnIdeas: [], removeOwnIdeas: [], putTalks: [], removeTalks: [], pair: undefined };
  const patches = new Map<string, MarkPatch>();
  const patch = (ideaId: string, change: Omit<MarkPatch, 'ideaId'>) => patches.set(ideaId, { ...(patches.get(ideaId) ?? { ideaId }), ...change });
  for (const [key, value] of Object.entries(put)) {
    if (key === 'pair') out.pair = value as PairState;
    else if (key.startsWith('p:')) out.prefs = { ...out.prefs, [key.slice(2)]: value };
    else if (key.startsWith('f:')) patch(key.slice(2), { favourite: true });
    else if (key.startsWith('h:')) patch(key.slice(2), { hidden: true });
    else if (key.startsWith('y:')) patch(key.slice(2), { triedOn: value as string[] });
    else if (key.startsWith('o:')) out.putOwnIdeas.push(value as OwnIdea);
    else if (key.startsWith('t:')) out.putTalks.push({ talkId: key.slice(2), ...(value as Omit<TalkRecord, 'talkId'>) });
  }
  for (const key of remove) {
    if (key === 'pair') out.pair = null;
    else if (key.startsWith('f:')) patch(key.slice(2), { favourite: false });
    else if (key.startsWith('h:')) patch(key.slice(2), { hidden: false });
    else if (key.startsWith('y:')) patch(key.slice(2), { triedOn: [] });
    else if (key.startsWith('o:')) out.removeOwnIdeas.push(key.slice(2));
    else if (key.startsWith('t:')) out.removeTalks.push(key.slice(2));
  }
  out.markPatches = [...patches.values()];
  return out;
}
