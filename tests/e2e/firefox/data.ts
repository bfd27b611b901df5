/**
 * Firefox's stack is smaller than Chromium's: an import file nested 10,000 deep inside a settings field once
 * threw "too much recursion" there with no message. Now depth is counted before anything recurses.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

/** Importing in Firefox: tests run in the shared Firefox session of firefox.test.ts. */
export function importingInFirefox(session: FirefoxSession): void {
  describe('importing in Firefox', () => {
    it('a file nested 10,000 deep in a settings field is refused with a message, and nothing changes', async () => {
      const page = await session.tend.open('options', '#data');
      await evaluate(page, async (b) => {
        void b;
        const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
        const text = `{"app":"tend","schema":3,"prefs":{"palette":"clay","windows":${deep}}}`;
        const input = document.querySelector('section[aria-labelledby="data"] input[type=file]') as HTMLInputElement;
        const files = new DataTransfer();
        files.items.add(new File([text], 'deep.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitUntil(page, () => document.querySelector('section[aria-labelledby="data"] [role=alert]') !== null);
      const message = await page.evaluate(() => document.querySelector('section[aria-labelledby="data"] [role=alert]')?.textContent);
      expect(message).toBe('That file says it comes from Tend, but it is not laid out as a Tend backup. Nothing was changed.');
      const palette = await page.evaluate(() => document.documentElement.dataset.palette);
      expect(palette).toBe('dusk');
      await page.close();
    });
  });
}
