/**
 * The pair's idea of the day: the same on both Tends of a pair, with no history exchanged. Pure
 * (WebCrypto's HMAC aside): a function of the secret, the library, the shared choices and the
 * pair's day.
 *
 * The pool is the together ideas that fit the shared choices. Its order for a cycle is the ideas
 * sorted by HMAC-SHA-256(secret, "cycle:id"); one idea a day, so cycle and position follow from the
 * number of days since a fixed epoch. No repeat until the pool is used up; each cycle has a new order.
 * A change of the pool (an update code with a new set-aside idea) moves the walk to where the new
 * pool's count puts it: a repeat is then possible once, never within a cycle of an unchanged pool.
 */
import { intensityRank } from '../ideas/library';
import { fitsPlace, type Idea } from '../model/vocabulary';
import { compareBytes, hmac, hmacKey } from './hmac';
import type { PairChoices } from './code/pair-payload';
import { dayNumberOfKey } from './zone-time';
import { hexOf } from '../lib/random';

/** Day 0 of every pair's walk (a Monday). */
export const PAIR_EPOCH = '2024-01-01';

export type PoolChoices = Pick<PairChoices, 'maxIntensity' | 'maxMinutes' | 'hiddenCategories' | 'setAside' | 'apart'>;

/** The ideas the pair's idea is chosen among, in id order. */
export function pairPool(library: readonly Idea[], choices: PoolChoices): Idea[] {
  const aside = new Set(choices.setAside);
  return library
    .filter(
      (idea) =>
        !idea.own &&
        idea.mode === 'together' &&
        !aside.has(idea.id) &&
        !choices.hiddenCategories.includes(idea.category) &&
        intensityRank(idea.intensity) <= intensityRank(choices.maxIntensity) &&
        idea.minutes <= choices.maxMinutes &&
        fitsPlace(idea, choices.apart),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Orders of cycles already worked out; one per pair page or worker, so a day's pick costs no HMACs. */
export type PairOrderCache = Map<string, Promise<string[]>>;

export function createPairOrderCache(): PairOrderCache {
  return new Map();
}

const CACHE_SIZE = 4;

/** The pool's ids in the order of one cycle. */
export async function pairCycleOrder(secret: Uint8Array, ids: readonly string[], cycle: number): Promise<string[]> {
  const key = await hmacKey(secret);
  const macs = await Promise.all(ids.map((id) => hmac(key, `idea:${cycle}:${id}`)));
  return ids
    .map((id, i) => ({ id, mac: macs[i] as Uint8Array }))
    .sort((a, b) => compareBytes(a.mac, b.mac) || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

function cachedOrder(cache: PairOrderCache | undefined, secret: Uint8Array, ids: string[], cycle: number): Promise<string[]> {
  if (!cache) return pairCycleOrder(secret, ids, cycle);
  const key = `${hexOf(secret)}|${cycle}|${ids.join(',')}`;
  let order = cache.get(key);
  if (!order) {
    order = pairCycleOrder(secret, ids, cycle);
    cache.set(key, order);
    for (const old of cache.keys()) if (cache.size > CACHE_SIZE) cache.delete(old);
  }
  return order;
}

export interface PairIdeaInput {
  secret: Uint8Array;
  /** This Tend's library (own ideas are left out: the partner does not have them). */
  library: readonly Idea[];
  choices: PoolChoices;
  /** The pair's day, 'YYYY-MM-DD' in the pair's zone (zoneDayKey). */
  day: string;
  /** Ideas set aside here and not yet in the shared choices: this Tend passes over them. */
  localAside?: ReadonlySet<string>;
  cache?: PairOrderCache;
}

export type PairIdeaResult =
  | {
      kind: 'idea';
      idea: Idea;
      cycle: number;
      position: number;
      poolSize: number;
      /** True when the pair's idea of the day was set aside here: this Tend shows the pair's next one. */
      passedOver: boolean;
    }
  /** `choices`: the shared choices leave no idea; `aside`: every one left was set aside here. */
  | { kind: 'empty'; reason: 'choices' | 'aside' };

/** Where day `index` (days since the epoch) falls in the walk: which cycle, which place. */
export function walkPlace(index: number, poolSize: number): { cycle: number; position: number } {
  const cycle = Math.floor(index / poolSize);
  return { cycle, position: index - cycle * poolSize };
}

export async function pairIdea(input: PairIdeaInput): Promise<PairIdeaResult> {
  const pool = pairPool(input.library, input.choices);
  if (pool.length === 0) return { kind: 'empty', reason: 'choices' };
  const ids = pool.map((idea) => idea.id);
  const byId = new Map(pool.map((idea) => [idea.id, idea]));
  const index = dayNumberOfKey(input.day) - dayNumberOfKey(PAIR_EPOCH);
  if (!Number.isFinite(index)) return { kind: 'empty', reason: 'choices' };
  const aside = input.localAside ?? new Set<string>();
  // The next place whose idea is not set aside here; the first one is the pair's own.
  for (let step = 0; step < pool.length; step++) {
    const { cycle, position } = walkPlace(index + step, pool.length);
    const order = await cachedOrder(input.cache, input.secret, ids, cycle);
    const id = order[position] as string;
    if (!aside.has(id)) {
      return { kind: 'idea', idea: byId.get(id) as Idea, cycle, position, poolSize: pool.length, passedOver: step > 0 };
    }
  }
  return { kind: 'empty', reason: 'aside' };
}
