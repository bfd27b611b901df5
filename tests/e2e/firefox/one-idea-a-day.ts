/**
 * One idea a day in a real Firefox. Its background page's clock cannot be pinned as Chromium's worker's
 * can, so the popup runs at the real day, and the page of another day is played honestly by an extension
 * page that does what a popup left open since yesterday does: on every store announcement it asks the
 * background for yesterday's view, with the very message the popup sends. The stored pick is from
 * yesterday too. Neither page may make the other pick again: history and the picker settle.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { evaluate, waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

/** Every history entry and the picker state, read in the page. */
function readPicks(page: Page): Promise<{ history: string[]; picker: unknown }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
    });
    const read = <T>(store: string, query: 'all' | string) =>
      new Promise<T>((ok) => {
        const os = db.transaction(store).objectStore(store);
        const r = query === 'all' ? os.getAll() : os.get(query);
        r.onsuccess = () => ok(r.result as T);
      });
    const history = await read<{ day: string; ideaId: string }[]>('history', 'all');
    const picker = await read<unknown>('state', 'picker');
    db.close();
    return { history: history.map((e) => `${e.day} ${e.ideaId}`).sort(), picker };
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One idea a day in Firefox: tests run in the shared Firefox session of firefox.test.ts. */
export function oneIdeaADayInFirefox(session: FirefoxSession): void {
  describe('one idea a day in Firefox', () => {
    it('a page of yesterday and the popup of today do not pick in turn: history and the picker stop changing', async () => {
      const first = await session.tend.open('popup', 'main:not([aria-busy]) .idea-text');
      await first.close();
      const stale = await session.tend.open('options', 'body');
      // What earlier tests of the shared session picked; this test adds to it.
      const before = await readPicks(stale);
      // Today's pick as if stored yesterday, then a "popup" of yesterday that asks again on every announcement.
      await evaluate(stale, async (browser) => {
        const g = globalThis as unknown as { staleAsks: number; staleChannel: BroadcastChannel };
        const pad = (n: number) => String(n).padStart(2, '0');
        const d = new Date();
        d.setDate(d.getDate() - 1);
        const yesterday = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open('tend');
          r.onsuccess = () => ok(r.result);
        });
        await new Promise((ok) => {
          const os = db.transaction('state', 'readwrite').objectStore('state');
          const r = os.get('picker');
          r.onsuccess = () => {
            const picker = r.result as { today: { day: string; ideaId: string } };
            os.put({ ...picker, today: { ...picker.today, day: yesterday } }, 'picker').onsuccess = ok;
          };
        });
        db.close();
        g.staleAsks = 0;
        g.staleChannel = new BroadcastChannel('tend:tend');
        g.staleChannel.onmessage = () => {
          g.staleAsks += 1;
          void browser.runtime.sendMessage({ tend: { popup: { kind: 'view', day: yesterday } } });
        };
      });
      // The popup of today opens again: it picks today's idea, and the page of yesterday hears it.
      const popup = await session.tend.open('popup', 'main:not([aria-busy]) .idea-text');
      // Give a loop every chance to show.
      await pause(2000);
      const settled = await readPicks(stale);
      const asks = await stale.evaluate(() => (globalThis as unknown as { staleAsks: number }).staleAsks);
      for (let i = 0; i < 6; i++) {
        await pause(500);
        expect(await readPicks(stale)).toEqual(settled);
      }
      expect(await stale.evaluate(() => (globalThis as unknown as { staleAsks: number }).staleAsks)).toBe(asks);
      // One pick after the state from yesterday, no more.
      expect(settled.history).toHaveLength(before.history.length + 1);
      expect(asks).toBeLessThanOrEqual(2);
      const today = (settled.picker as { today: { day: string; ideaId: string } }).today;
      // History is read sorted by day and id, so today's pick is one of the two, wherever its id sorts.
      expect(settled.history).toContain(`${today.day} ${today.ideaId}`);
      await waitUntil(popup, () => (document.querySelector('.idea-text')?.textContent ?? '').trim() !== '');
      await stale.evaluate(() => (globalThis as unknown as { staleChannel: BroadcastChannel }).staleChannel.close());
      await popup.close();
      await stale.close();
    });
  });
}
