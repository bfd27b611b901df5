/**
 * The store's seldom-used verbs (import, export, "Delete all data", check-in, own-idea and
 * conversation writes). `createTendStore` in db.ts keeps them on its object, but loads this file
 * only when one is called, so the popup's usual opening does not carry them. Callers use the
 * store object, never this file.
 */
import { ALL_STORES, KEEP_LIMITS, putMark, valid, type Replacement, type Snapshot, type StoreCore } from './schema';
import {
  compareHistory,
  parseCheckIn,
  parseHistoryEntry,
  parseMark,
  parseOwnIdea,
  parsePickerState,
  parseTalkRecord,
  type CheckIn,
  type OwnIdea,
} from '../model/records';
import { validatePrefs } from '../model/prefs';
import { PAIR_KEY, parsePairState, type PairState } from '../model/pair';
import { KEPT_WISHES_KEY, parseKeptWishes } from '../model/kept-wishes';
import { PARTNER_WORDS_KEY, parsePartnerWords } from '../model/partner-words';
import { parseTrackProgress, type TrackProgress } from '../model/track-progress';
import { CHECKIN_STATE_KEY, parseCheckInState } from '../model/records';
import { dayKeyBefore, newestDays } from '../lib/day';
import { renewGeneration } from './db-undo';

/** State records that are a person's data (export and import carry them); the nudge timing is the browser's. */
const PERSON_STATE_KEYS = ['picker', CHECKIN_STATE_KEY, KEPT_WISHES_KEY, PARTNER_WORDS_KEY] as const;

/** Every hidden idea shown again, in one transaction. */
export async function unhideAll({ write }: StoreCore): Promise<void> {
  await write(['marks'], 'marks', async (tx) => {
    for (const mark of valid(await tx.objectStore('marks').getAll(), parseMark)) {
      if (!mark.hidden) continue;
      await putMark(tx.objectStore('marks'), { ...mark, hidden: false });
    }
  });
}

/** Adds a check-in (or puts one back after Undo); the oldest go beyond the limit. */
export async function putCheckIn({ write }: StoreCore, checkIn: CheckIn): Promise<void> {
  await write(['checkins'], 'checkins', async (tx) => {
    await tx.objectStore('checkins').put(checkIn);
    const all = valid(await tx.objectStore('checkins').getAll(), parseCheckIn).sort((a, b) => b.at - a.at);
    for (const old of all.slice(KEEP_LIMITS.checkIns)) await tx.objectStore('checkins').delete(old.id);
  });
}

export async function deleteCheckIn({ write }: StoreCore, id: string): Promise<void> {
  await write(['checkins'], 'checkins', (tx) => tx.objectStore('checkins').delete(id));
}

export async function clearCheckIns({ write }: StoreCore): Promise<void> {
  await write(['checkins', 'state'], 'checkins', async (tx) => {
    await tx.objectStore('checkins').clear();
    // Every Undo of a single check-in ends: none brings one back after "Delete all check-ins".
    await renewGeneration(tx as never);
  });
}

/** How many stored own-idea records could not be read (shown as a note in Settings). */
export async function countDamagedOwnIdeas({ db }: StoreCore): Promise<number> {
  const raw = await (await db()).getAll('ownIdeas');
  return raw.filter((r) => parseOwnIdea(r) === null).length;
}

/**
 * Adds or replaces own ideas in one transaction. Refuses (returns false, writes nothing) when the
 * result would hold more than the limit.
 */
export async function putOwnIdeas({ write }: StoreCore, ideas: OwnIdea[]): Promise<boolean> {
  return write(['ownIdeas'], 'ownIdeas', async (tx) => {
    const stored = await tx.objectStore('ownIdeas').getAll();
    const keys = new Set(stored.map((raw) => (raw as { id?: unknown } | null)?.id));
    // A new idea with the words of one already stored is there already (a second click, another tab).
    const texts = new Set(valid(stored, parseOwnIdea).map((o) => o.text));
    const wanted = ideas.filter((idea) => keys.has(idea.id) || !texts.has(idea.text.trim()));
    const added = wanted.filter((idea) => !keys.has(idea.id)).length;
    if (keys.size + added > KEEP_LIMITS.ownIdeas) return false;
    for (const idea of wanted) await tx.objectStore('ownIdeas').put(idea);
    return true;
  });
}

/** Saves an edit of one own idea, only while it is still stored: an edit from a page that missed its deletion brings nothing back. */
export async function editOwnIdea({ write, announce }: StoreCore, idea: OwnIdea): Promise<'saved' | 'gone'> {
  const result = await write(['ownIdeas'], null, async (tx) => {
    const ideas = tx.objectStore('ownIdeas');
    if ((await ideas.getKey(idea.id)) === undefined) return 'gone' as const;
    await ideas.put(idea);
    return 'saved' as const;
  });
  if (result === 'saved') announce('ownIdeas');
  return result;
}

export async function deleteOwnIdea({ write }: StoreCore, id: string): Promise<void> {
  await write(['ownIdeas', 'marks'], 'ownIdeas', async (tx) => {
    await tx.objectStore('ownIdeas').delete(id);
    await tx.objectStore('marks').delete(id);
  });
}

export async function recordTalk({ write }: StoreCore, talkId: string, day: string): Promise<void> {
  await write(['talks'], 'talks', async (tx) => {
    const current = parseTalkRecord(await tx.objectStore('talks').get(talkId)) ?? { talkId, days: [] };
    const days = newestDays([...current.days, day], KEEP_LIMITS.talkDays);
    await tx.objectStore('talks').put({ talkId, days });
  });
}

export async function readSnapshot({ db }: StoreCore): Promise<Snapshot> {
  const database = await db();
  const tx = database.transaction(ALL_STORES);
  const [prefs, picker, checkinState, history, marks, checkins, ownIdeas, talks, pair, keptWishes, partnerWords, tracks] = await Promise.all([
    tx.objectStore('prefs').get('prefs'),
    tx.objectStore('state').get('picker'),
    tx.objectStore('state').get(CHECKIN_STATE_KEY),
    tx.objectStore('history').getAll(),
    tx.objectStore('marks').getAll(),
    tx.objectStore('checkins').getAll(),
    tx.objectStore('ownIdeas').getAll(),
    tx.objectStore('talks').getAll(),
    tx.objectStore('state').get(PAIR_KEY),
    tx.objectStore('state').get(KEPT_WISHES_KEY),
    tx.objectStore('state').get(PARTNER_WORDS_KEY),
    tx.objectStore('tracks').getAll(),
  ]);
  await tx.done;
  return snapshotFrom({ prefs, picker, checkinState, history, marks, checkins, ownIdeas, talks, pair, keptWishes, partnerWords, tracks });
}

/** Records as stored (or as far as they could be read) turned into a snapshot; what cannot be read is left out. */
export function snapshotFrom(raw: {
  prefs: unknown;
  picker: unknown;
  checkinState: unknown;
  history: unknown[];
  marks: unknown[];
  checkins: unknown[];
  ownIdeas: unknown[];
  talks: unknown[];
  pair?: unknown;
  keptWishes?: unknown;
  partnerWords?: unknown;
  tracks?: unknown[];
}): Snapshot {
  return {
    prefs: validatePrefs(raw.prefs).prefs,
    picker: parsePickerState(raw.picker),
    checkinState: parseCheckInState(raw.checkinState),
    history: valid(raw.history, parseHistoryEntry).sort(compareHistory),
    marks: valid(raw.marks, parseMark),
    checkins: valid(raw.checkins, parseCheckIn).sort((a, b) => a.at - b.at),
    ownIdeas: valid(raw.ownIdeas, parseOwnIdea).sort((a, b) => a.createdAt - b.createdAt),
    talks: valid(raw.talks, parseTalkRecord),
    pair: parsePairState(raw.pair),
    keptWishes: parseKeptWishes(raw.keptWishes),
    partnerWords: parsePartnerWords(raw.partnerWords),
    tracks: valid(raw.tracks ?? [], parseTrackProgress),
  };
}

/**
 * Replaces everything a person keeps in one transaction: if any write fails, nothing changes.
 * Settings are replaced only when the snapshot brings them; `prefs: null` leaves the stored ones as they are.
 * History keeps the year before today, counted from the present (a file dated ahead cuts nothing).
 */
export async function replaceAll({ write, now }: StoreCore, snapshot: Replacement): Promise<void> {
  const cutoff = dayKeyBefore(now(), KEEP_LIMITS.historyDays);
  const history = snapshot.history.filter((e) => e.day >= cutoff);
  await write(ALL_STORES, 'all', async (tx) => {
    const pending: Promise<unknown>[] = [];
    // Each request is watched from the start, so an abort does not leave unhandled rejections behind.
    const queue = (request: Promise<unknown>) => {
      request.catch(() => {});
      pending.push(request);
    };
    if (snapshot.prefs) queue(tx.objectStore('prefs').put(snapshot.prefs, 'prefs'));
    for (const store of ['history', 'marks', 'checkins', 'ownIdeas', 'talks', 'tracks'] as const) queue(tx.objectStore(store).clear());
    for (const { day, ideaId, at } of history) queue(tx.objectStore('history').add({ day, ideaId, at }));
    for (const mark of snapshot.marks) queue(tx.objectStore('marks').put(mark));
    for (const checkIn of snapshot.checkins) queue(tx.objectStore('checkins').put(checkIn));
    for (const idea of snapshot.ownIdeas) queue(tx.objectStore('ownIdeas').put(idea));
    for (const talk of snapshot.talks) queue(tx.objectStore('talks').put(talk));
    for (const track of snapshot.tracks) queue(tx.objectStore('tracks').put(track));
    for (const key of PERSON_STATE_KEYS) queue(tx.objectStore('state').delete(key));
    if (snapshot.picker) queue(tx.objectStore('state').put(snapshot.picker, 'picker'));
    queue(tx.objectStore('state').put(snapshot.checkinState, CHECKIN_STATE_KEY));
    if (snapshot.pair) queue(tx.objectStore('state').put(snapshot.pair, PAIR_KEY));
    if (snapshot.keptWishes.length > 0) queue(tx.objectStore('state').put(snapshot.keptWishes, KEPT_WISHES_KEY));
    if (snapshot.partnerWords.length > 0) queue(tx.objectStore('state').put(snapshot.partnerWords, PARTNER_WORDS_KEY));
    // Every pending Undo (of a deleted own idea or check-in, "Not for us") ends with the data it referred to.
    queue(renewGeneration(tx as never));
    await Promise.all(pending);
  });
}

/** "Delete all data": every store emptied, as on a fresh install (the welcome counts as done). */
export async function clearAll({ write }: StoreCore): Promise<void> {
  await write(ALL_STORES, 'all', async (tx) => {
    const setup = await tx.objectStore('state').get('setup');
    await Promise.all(ALL_STORES.map((s) => tx.objectStore(s).clear()));
    if (setup !== undefined) await tx.objectStore('state').put(setup, 'setup');
    // No Undo brings deleted data back.
    await renewGeneration(tx as never);
  });
}

export async function updatePair({ write, announce }: StoreCore, change: (pair: PairState | null) => PairState | null): Promise<PairState | null> {
  let wrote = false;
  const next = await write(['state'], null, async (tx) => {
    const current = parsePairState(await tx.objectStore('state').get(PAIR_KEY));
    const changed = change(current);
    wrote = changed !== current;
    if (wrote && changed) await tx.objectStore('state').put(changed, PAIR_KEY);
    else if (wrote) await tx.objectStore('state').delete(PAIR_KEY);
    return changed;
  });
  if (wrote) announce('pair');
  return next;
}

/**
 * Read-change-write of the tracks' records: `change` gets them as stored and returns them as they are
 * to be (the same array: nothing is written). Only records that changed are put; records it left out go.
 */
export async function updateTracks({ write, announce }: StoreCore, change: (all: TrackProgress[]) => TrackProgress[]): Promise<TrackProgress[]> {
  let wrote = false;
  const next = await write(['tracks'], null, async (tx) => {
    const store = tx.objectStore('tracks');
    const current = valid(await store.getAll(), parseTrackProgress);
    const changed = change(current);
    if (changed === current) return current;
    const kept = new Set(changed.map((p) => p.trackId));
    for (const old of current) if (!kept.has(old.trackId)) await store.delete(old.trackId);
    for (const p of changed) if (!current.includes(p)) await store.put(p);
    wrote = true;
    return changed;
  });
  if (wrote) announce('tracks');
  return next;
}
