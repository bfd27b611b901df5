/**
 * Sync's one write: a round of merging read and written in one transaction over everything that travels,
 * with this browser's sync record, so a page's write in between is never overwritten by an older value
 * (the round works on what is stored at that moment). Loaded only by the worker and Settings.
 */
import { putMark, valid, type StoreCore } from './schema';
import { sameJson } from '../lib/same-json';
import { blankMark, parseMark, parseOwnIdea, parseTalkRecord } from '../model/records';
import { validatePrefs } from '../model/prefs';
import { PAIR_KEY, parsePairState } from '../model/pair';
import { parseSyncState, SYNC_KEY, type LocalChanges, type SyncableData, type SyncState } from '../model/sync-state';
import { isRecord } from '../lib/record';

export type SyncCompute = (data: SyncableData, state: SyncState) => { changes: LocalChanges; state: SyncState } | null;

const changesAnything = (c: LocalChanges): boolean =>
  c.prefs !== null || c.pair !== undefined || [c.markPatches, c.putOwnIdeas, c.removeOwnIdeas, c.putTalks, c.removeTalks].some((list) => list.length > 0);

/** The ids (by `field`) of stored records `parse` cannot read. */
function damagedIds(records: unknown[], parse: (raw: unknown) => unknown, field: string): string[] {
  return records
    .filter((raw) => parse(raw) === null)
    .map((raw) => (isRecord(raw) ? raw[field] : undefined))
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** Runs `compute` on what is stored and writes what it returns, in one transaction; null: it wrote nothing. */
export async function syncRoundIn({ write, announce }: StoreCore, compute: SyncCompute): Promise<SyncState | null> {
  let localChanged = false;
  let quiet = false;
  const state = await write(['prefs', 'marks', 'ownIdeas', 'talks', 'state'], null, async (tx) => {
    const [prefsRaw, marks, ownIdeas, talks, pairRaw, syncRaw] = await Promise.all([
      tx.objectStore('prefs').get('prefs'),
      tx.objectStore('marks').getAll(),
      tx.objectStore('ownIdeas').getAll(),
      tx.objectStore('talks').getAll(),
      tx.objectStore('state').get(PAIR_KEY),
      tx.objectStore('state').get(SYNC_KEY),
    ]);
    const checked = validatePrefs(prefsRaw);
    const prefs = checked.prefs;
    const pair = parsePairState(pairRaw);
    // Records stored here that cannot be read: held back, so a damaged copy never deletes the healthy ones elsewhere.
    const held = [
      ...(checked.unreadable ? Object.keys(prefs) : checked.damaged).map((field) => `p:${field}`),
      ...damagedIds(marks, parseMark, 'ideaId').flatMap((id) => [`f:${id}`, `h:${id}`, `y:${id}`]),
      ...damagedIds(ownIdeas, parseOwnIdea, 'id').map((id) => `o:${id}`),
      ...damagedIds(talks, parseTalkRecord, 'talkId').map((id) => `t:${id}`),
      ...(pairRaw !== undefined && pair === null ? ['pair'] : []),
    ];
    const data: SyncableData = { prefs, marks: valid(marks, parseMark), ownIdeas: valid(ownIdeas, parseOwnIdea), talks: valid(talks, parseTalkRecord), pair, held };
    const stored = parseSyncState(syncRaw);
    const result = compute(data, stored);
    if (!result) return null;
    const c = result.changes;
    localChanged = changesAnything(c);
    // Nothing to write here (a round that found everything in step): no write, no announcement.
    if (!localChanged && sameJson(result.state, stored)) {
      quiet = true;
      return result.state;
    }
    if (localChanged) {
      if (c.prefs) await tx.objectStore('prefs').put(validatePrefs({ ...prefs, ...c.prefs }).prefs, 'prefs');
      // Each changed mark on top of what is stored for that idea; a record with nothing left in it goes.
      for (const { ideaId, ...change } of c.markPatches) {
        const stored = parseMark(await tx.objectStore('marks').get(ideaId)) ?? blankMark(ideaId);
        await putMark(tx.objectStore('marks'), { ...stored, ...change });
      }
      for (const idea of c.putOwnIdeas) await tx.objectStore('ownIdeas').put(idea);
      for (const id of c.removeOwnIdeas) await tx.objectStore('ownIdeas').delete(id);
      for (const talk of c.putTalks) await tx.objectStore('talks').put(talk);
      for (const id of c.removeTalks) await tx.objectStore('talks').delete(id);
      if (c.pair) await tx.objectStore('state').put(c.pair, PAIR_KEY);
      else if (c.pair === null) await tx.objectStore('state').delete(PAIR_KEY);
    }
    await tx.objectStore('state').put(result.state, SYNC_KEY);
    return result.state;
  });
  if (state && !quiet) announce(localChanged ? 'all' : 'sync');
  return state;
}
