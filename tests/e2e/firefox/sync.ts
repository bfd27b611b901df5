/**
 * Sync in a real Firefox, with the add-on's own id: turned on in Settings, Tend's items go into
 * `browser.storage.sync` (never a check-in); an own idea arriving there, as Firefox Sync delivers one from
 * another computer, comes into Settings. Turned off and emptied again after, for the tests that follow.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { evaluate, waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const ARRIVING = 'A postcard from the other computer';

const syncBox = (page: Page) =>
  page.evaluate(() => {
    const label = [...document.querySelectorAll('.sync-part label')].find((l) => l.textContent?.startsWith('Keep Tend the same'));
    (label?.querySelector('input') as HTMLInputElement).click();
  });
const status = (page: Page) => page.evaluate(() => document.querySelector('.sync-part [role=status]')?.textContent ?? '');

export function syncInFirefox(session: FirefoxSession): void {
  describe('Firefox: on your other browsers', () => {
    it('turned on, Tend writes its items into Firefox Sync’s storage and takes in one arriving there', async () => {
      const settings = await session.tend.open('options', '.sync-part input[type=checkbox]');
      expect(await settings.evaluate(() => document.querySelector('.sync-part')?.textContent)).toContain('Firefox Sync encrypts it end to end');
      await syncBox(settings);
      await waitUntil(settings, () => (document.querySelector('.sync-part [role=status]')?.textContent ?? '').startsWith('Last in step'));
      const keys = Object.keys(await evaluate(settings, (browser) => browser.storage.sync.get(null)));
      expect(keys).toEqual(expect.arrayContaining(['p:palette', 'p:windows', 'p:livingApart']));
      expect(keys.some((k) => k.includes('ci-'))).toBe(false);

      // As Firefox Sync delivers an own idea written on another computer (written in the page: no closure crosses).
      await evaluate(settings, (browser) =>
        browser.storage.sync.set({
          'o:own-from-laptop': {
            t: Date.now() + 1000,
            d: 'cccccccccccccccc',
            v: { id: 'own-from-laptop', text: 'A postcard from the other computer', category: 'care', mode: 'together', minutes: 10, intensity: 'gentle', createdAt: Date.now() },
          },
        }),
      );
      await waitUntil(settings, () => [...document.querySelectorAll('.own-list .own-text')].some((el) => el.textContent === 'A postcard from the other computer'));
      expect(await settings.evaluate(() => [...document.querySelectorAll('.own-list .own-text')].map((el) => el.textContent))).toContain(ARRIVING);

      // Off and emptied again: the shared Firefox session goes on as before this test.
      await syncBox(settings);
      await waitUntil(settings, () => (document.querySelector('.sync-part [role=status]')?.textContent ?? '').startsWith('Sync is off'));
      expect(await status(settings)).toBe("Sync is off: Tend's data stays on this browser.");
      await evaluate(settings, (browser) => browser.storage.sync.clear());
      await settings.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open('tend');
          r.onsuccess = () => ok(r.result);
        });
        const tx = db.transaction('ownIdeas', 'readwrite');
        tx.objectStore('ownIdeas').delete('own-from-laptop');
        await new Promise((ok) => (tx.oncomplete = ok));
        db.close();
        new BroadcastChannel('tend:tend').postMessage('ownIdeas');
      });
      await settings.close();
    });
  });
}
