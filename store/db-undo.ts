/**
 * Writes that a double click or a second page must not repeat, and the Undo of deletions. Each is one
 * read-change-write against what is stored: an add carries its id and adds nothing the second time;
 * a deletion hands back what it removed together with the data's generation; the Undo puts it back
 * only if the record is still gone and nothing wiped the data meanwhile ("Delete all data", an
 * import, "Delete all check-ins" renew the generation). Loaded on first use, like db-rare.ts.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { GENERATION_KEY, KEEP_LIMITS, putMark, valid, type PrefsPatch, type TendDB, type StoreCore } from './schema';
import { type PickerState, parseCheckIn, parseMark, parseOwnIdea, parsePickerState, type CheckIn, type Mark, type OwnIdea } from '../model/records';
import { validatePrefs, type Prefs } from '../model/prefs';
import { sameJson } from '../lib/same-json';
import { parseSetup, SETUP_KEY } from '../model/setup';

type Store = StoreNames<TendDB>;
type WithState = IDBPTransaction<TendDB, Store[], 'readwrite'>;

const newGeneration = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The stored generation, made on first need (so a wipe always leaves a different one, or none). */
async function generationIn(tx: WithState): Promise<string> {
  const stored: unknown = await tx.objectStore('state').get(GENERATION_KEY);
  if (typeof stored === 'string' && stored.length > 0) return stored;
  const made = newGeneration();
  await tx.objectStore('state').put(made, GENERATION_KEY);
  return made;
}

/** Called inside the transaction of every wholesale wipe or replace: every pending Undo ends. */
export function renewGeneration(tx: WithState): Promise<unknown> {
  return tx.objectStore('state').put(newGeneration(), GENERATION_KEY);
}

/** Adds a new check-in once: a second request with the same id (a double click) changes nothing. */
export async function addCheckIn({ write, announce }: StoreCore, checkIn: CheckIn): Promise<boolean> {
  const added = await write(['checkins'], null, async (tx) => {
    const checkins = tx.objectStore('checkins');
    if ((await checkins.getKey(checkIn.id)) !== undefined) return false;
    await checkins.put(checkIn);
    const all = valid(await checkins.getAll(), parseCheckIn).sort((a, b) => b.at - a.at);
    for (const old of all.slice(KEEP_LIMITS.checkIns)) await checkins.delete(old.id);
    return true;
  });
  if (added) announce('checkins');
  return added;
}

export interface RemovedCheckIn {
  checkIn: CheckIn;
  generation: string;
}

/** Deletes one check-in; null when it was already gone (nothing to undo). */
export async function removeCheckIn({ write, announce }: StoreCore, id: string): Promise<RemovedCheckIn | null> {
  const removed = await write(['checkins', 'state'], null, async (tx) => {
    const checkIn = parseCheckIn(await tx.objectStore('checkins').get(id));
    if (!checkIn) return null;
    await tx.objectStore('checkins').delete(id);
    return { checkIn, generation: await generationIn(tx as unknown as WithState) };
  });
  if (removed) announce('checkins');
  return removed;
}

/** Undo of `removeCheckIn`: refused (false) once the check-in is back or the data was wiped since. */
export async function restoreCheckIn({ write, announce }: StoreCore, removed: RemovedCheckIn): Promise<boolean> {
  const restored = await write(['checkins', 'state'], null, async (tx) => {
    if ((await generationIn(tx as unknown as WithState)) !== removed.generation) return false;
    if ((await tx.objectStore('checkins').getKey(removed.checkIn.id)) !== undefined) return false;
    await tx.objectStore('checkins').put(removed.checkIn);
    return true;
  });
  if (restored) announce('checkins');
  return restored;
}

export interface RemovedOwnIdea {
  idea: OwnIdea;
  /** Its favourite and tried days, so Undo brings all of it back. */
  mark: Mark | null;
  generation: string;
}

/** Deletes one own idea and its mark; null when it was already gone (a second click, another page). */
export async function removeOwnIdea({ write, announce }: StoreCore, id: string): Promise<RemovedOwnIdea | null> {
  const removed = await write(['ownIdeas', 'marks', 'state'], null, async (tx) => {
    const idea = parseOwnIdea(await tx.objectStore('ownIdeas').get(id));
    if (!idea) return null;
    const mark = parseMark(await tx.objectStore('marks').get(id));
    await tx.objectStore('ownIdeas').delete(id);
    await tx.objectStore('marks').delete(id);
    return { idea, mark, generation: await generationIn(tx as unknown as WithState) };
  });
  if (removed) announce('ownIdeas');
  return removed;
}

/** Undo of `removeOwnIdea`: refused (false) once the idea is back, the data was wiped, or the list is full. */
export async function restoreOwnIdea({ write, announce }: StoreCore, removed: RemovedOwnIdea): Promise<boolean> {
  const restored = await write(['ownIdeas', 'marks', 'state'], null, async (tx) => {
    if ((await generationIn(tx as unknown as WithState)) !== removed.generation) return false;
    const ideas = tx.objectStore('ownIdeas');
    if ((await ideas.getKey(removed.idea.id)) !== undefined) return false;
    if ((await ideas.count()) >= KEEP_LIMITS.ownIdeas) return false;
    await ideas.put(removed.idea);
    if (removed.mark && (await tx.objectStore('marks').getKey(removed.idea.id)) === undefined) await tx.objectStore('marks').put(removed.mark);
    return true;
  });
  if (restored) announce('ownIdeas');
  return restored;
}

/**
 * Undo of "Not for us": the idea shown again and the pick before it back, only while the stored pick is
 * still the one the hiding made and the idea is still set aside (another page, an import or "Delete all
 * data" since: refused, false).
 */
export async function undoHide(
  { write, announce }: StoreCore,
  ideaId: string,
  before: PickerState,
  after: PickerState,
): Promise<boolean> {
  const undone = await write(['state', 'marks'], null, async (tx) => {
    if (!sameJson(parsePickerState(await tx.objectStore('state').get('picker')), after)) return false;
    const mark = parseMark(await tx.objectStore('marks').get(ideaId));
    if (!mark?.hidden) return false;
    await putMark(tx.objectStore('marks'), { ...mark, hidden: false });
    await tx.objectStore('state').put(before, 'picker');
    return true;
  });
  if (undone) {
    announce('marks');
    announce('picker');
  }
  return undone;
}

/**
 * "Start Tend": the welcome's choices and "set up" in one transaction, only if the welcome was not
 * finished meanwhile (in another tab): then nothing is written and the answer is false.
 */
export async function finishSetup({ write, announce }: StoreCore, patch: PrefsPatch, at: number): Promise<Prefs | null> {
  const next = await write(['prefs', 'state'], null, async (tx) => {
    if (parseSetup(await tx.objectStore('state').get(SETUP_KEY)).finishedAt !== null) return null;
    const stored = validatePrefs(await tx.objectStore('prefs').get('prefs')).prefs;
    const prefs = validatePrefs({ ...stored, ...(typeof patch === 'function' ? patch(stored) : patch) }).prefs;
    await tx.objectStore('prefs').put(prefs, 'prefs');
    await tx.objectStore('state').put({ finishedAt: at }, SETUP_KEY);
    return prefs;
  });
  if (next) {
    announce('prefs');
    announce('setup');
  }
  return next;
}
