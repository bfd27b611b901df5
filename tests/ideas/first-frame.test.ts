/**
 * The first frame of a new day paints the idea the hour will get: the render cache's idea picked
 * ahead (without an hour) is painted only at an hour it fits, and then it is the very idea the day's
 * first opening picks.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTendStore, type TendStore } from '../../store/db';
import { dayKey } from '../../lib/day';
import { TIMES_OF_DAY, type Idea } from '../../model/vocabulary';
import { fitsHour, todaysIdea } from '../../ideas/picker';
import { type PickerState } from '../../model/records';
import { answerPopup } from '../../ideas/popup-view';
import type { PopupAnswer, PopupView } from '../../ideas/popup-answer';
import { defaultPrefs } from '../../model/prefs';
import { readViewCache, writeViewCache } from '../../platform/view-cache';
import { makeLibrary, tEn } from '../helpers';

/** A library where most ideas name a time of day. */
const library: Idea[] = makeLibrary(24).map((idea, i) => ({ ...idea, when: i % 5 === 4 ? undefined : TIMES_OF_DAY[i % 4] }));
const ids = library.map((i) => i.id);

describe('the picker and the hour', () => {
  it('the idea picked without an hour is the idea picked at any hour it fits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }),
        fc.nat(3),
        fc.subarray(ids),
        fc.subarray(ids),
        fc.subarray(ids, { maxLength: 3 }),
        fc.option(fc.subarray(['play', 'talk', 'care', 'solo', 'myths', 'touch'] as never[], { maxLength: 2 })),
        fc.integer({ min: 0, max: 23 }),
        (salt, cycle, shown, deferredAll, priority, lean, hour) => {
          const deferred = deferredAll.filter((id) => !shown.includes(id));
          const state: PickerState = { salt, cycle, shown, deferred, today: { day: '2026-12-01', ideaId: shown[0] ?? 'x' } };
          const options = { lean: lean ? { categories: lean } : null, priority };
          const ahead = todaysIdea(library, defaultPrefs(), new Set(), state, '2026-12-02', options);
          const atHour = todaysIdea(library, defaultPrefs(), new Set(), state, '2026-12-02', { ...options, hour });
          if (ahead.kind === 'idea' && fitsHour(ahead.idea.when, hour)) expect(atHour).toEqual(ahead);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the render cache on the first opening of a new day', () => {
  const stores: TendStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.destroy();
  });

  it('paints the idea the worker then shows, or nothing until it answers: never another idea', async () => {
    let counter = 0;
    let painted = 0;
    for (const salt of [0.1, 0.5, 0.9]) {
      for (const hour of [1, 7, 11, 13, 17, 21]) {
        const store = createTendStore(`tend-first-frame-${++counter}`, { channel: null });
        stores.push(store);
        const clock = { now: new Date(2026, 11, 1, 22, 30).getTime() };
        const ctx = { store, loadIdeas: async () => library, now: () => clock.now, random: () => salt, t: tEn, locale: 'en', replan: async () => {} };
        const view = async () => ((await answerPopup({ kind: 'view', day: dayKey(clock.now) }, ctx)) as { view: PopupView } & PopupAnswer).view;
        const evening = await view();
        const storage = new Map<string, string>();
        const local = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
        writeViewCache(local, clock.now, { theme: evening.theme, idea: evening.idea, tomorrow: evening.tomorrow, tomorrowHours: evening.tomorrowHours });
        clock.now = new Date(2026, 11, 2, hour, 10).getTime();
        const firstFrame = readViewCache(local, clock.now)?.idea ?? null;
        const answer = await view();
        if (firstFrame !== null) {
          painted++;
          expect(firstFrame.id).toBe(answer.idea?.id);
        }
      }
    }
    // The cache is worth having: most first frames paint.
    expect(painted).toBeGreaterThan(0);
  });
});
