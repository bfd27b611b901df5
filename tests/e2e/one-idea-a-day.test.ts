/**
 * One idea a day in a real Chromium, whatever pages are open: a popup opened late on one day and
 * left open, and one opened the next morning. Each hears the other's writes and asks the worker
 * again; the worker writes a pick only for the current day, so history and the picker settle.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusingProxy, requestsThatLeft } from './chrome-harness';
import { ideaText, readStored, useTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());

/** A fixed evening and the morning after, local time, so the test never depends on the real date. */
const LATE = new Date(2027, 2, 10, 23, 50).getTime();
const MORNING = new Date(2027, 2, 11, 8, 30).getTime();

/** Every history entry stored, as the day and idea of each. */
function readHistory(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
    });
    const all = await new Promise<{ day: string; ideaId: string }[]>((ok) => {
      const r = db.transaction('history').objectStore('history').getAll();
      r.onsuccess = () => ok(r.result as { day: string; ideaId: string }[]);
    });
    db.close();
    return all.map((e) => `${e.day} ${e.ideaId}`).sort();
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two popups on two days', () => {
  const session = useTend(() => ({ proxy }));

  it('a popup left open since last night and one opened this morning do not pick in turn: history and the picker stop changing', async () => {
    const { tend } = session;
    try {
      await tend.setTime(LATE);
      const lastNight = await tend.open('popup');
      const nightIdea = await ideaText(lastNight);
      await tend.setTime(MORNING);
      const morning = await tend.open('popup');
      const morningIdea = await ideaText(morning);
      // Both pages hear every write and ask again; give a loop every chance to show.
      await pause(1500);
      const history = await readHistory(morning);
      const picker = await readStored(morning, 'state', 'picker');
      for (let i = 0; i < 6; i++) {
        await pause(500);
        expect(await readHistory(morning)).toEqual(history);
        expect(await readStored(morning, 'state', 'picker')).toEqual(picker);
      }
      // One entry for each day, and the morning's pick is the stored one.
      expect(history.map((e) => e.slice(0, 10))).toEqual(['2027-03-10', '2027-03-11']);
      expect((picker as { today: { day: string } }).today.day).toBe('2027-03-11');
      expect(await ideaText(morning)).toBe(morningIdea);
      // The page left open is answered with what is stored: today's idea, not a pick of its own.
      await expect.poll(() => ideaText(lastNight)).toBe(morningIdea);
      expect(nightIdea.length).toBeGreaterThan(0);
      // "Another idea" on the page left open acts on today, once.
      await lastNight.getByRole('button', { name: 'Another idea' }).click();
      await expect.poll(async () => (await readHistory(morning)).length).toBe(3);
      await pause(1500);
      expect((await readHistory(morning)).length).toBe(3);
      await expect.poll(() => ideaText(morning)).toBe(await ideaText(lastNight));
      expect(tend.pageErrors).toEqual([]);
      await lastNight.close();
      await morning.close();
    } finally {
      await tend.setTime(null);
    }
  });
});

describe('privacy', () => {
  it('no request left the browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
