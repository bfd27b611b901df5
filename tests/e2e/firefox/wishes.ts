/**
 * "What we'd both like" in a real Firefox: two turns on one screen, the hand-over hiding the first, and
 * only the wishes both chose on the result; the page keeps nothing of the round.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { parseWishes } from '../../../wishes/wishes';
import { waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const DECK = parseWishes(JSON.parse(readFileSync('assets/library/wishes.json', 'utf8')));
const FIRST = [3, 9, 20];
const SECOND = [9, 12, 20];

const text = (page: Page, selector: string) => page.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').trim(), selector);

/** Clicks the button with exactly this text. */
const press = (page: Page, name: string) =>
  page.evaluate((label: string) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
  }, name);

async function turn(page: Page, likes: readonly number[]): Promise<void> {
  for (let n = 1; n <= DECK.length; n++) {
    await expect.poll(() => text(page, '.wish-card')).toBe(DECK[n - 1]?.text);
    await press(page, likes.includes(n) ? "I'd like this" : 'Not now');
  }
}

/** Firefox: the wishes page; tests run in the shared Firefox session of firefox.test.ts. */
export function wishesInFirefox(session: FirefoxSession): void {
  describe("Firefox: what we'd both like", () => {
    it('shows only the wishes both chose, after a hand-over that hides the first turn', async () => {
      const page = await session.tend.open('wishes', 'main:not([aria-busy]) h1');
      await press(page, "I'll go first");
      await turn(page, FIRST);
      await waitUntil(page, () => document.querySelector('h1')?.textContent === 'Pass it over — no peeking');
      const handover = await text(page, 'body');
      for (const wish of DECK) expect(handover).not.toContain(wish.text);
      await press(page, 'Start my turn');
      await turn(page, SECOND);
      await waitUntil(page, () => document.querySelector('h1')?.textContent === 'What you both would like');
      const shown = await page.evaluate(() => [...document.querySelectorAll('.wish-common .wish-text')].map((p) => p.textContent));
      expect(shown).toEqual([DECK[8]?.text, DECK[19]?.text]);
      const body = await text(page, 'body');
      for (const n of [3, 12]) expect(body).not.toContain(DECK[n - 1]?.text);
      await page.close();
    });
  });
}
