/**
 * "Talk together" in a real Firefox (headless firefox-esr over WebDriver BiDi): the page opens,
 * a conversation is walked to its end by keyboard with Pass, and the day is remembered across a relaunch.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { parseTalks, type Talk } from '../../../talk/talks';
import { evaluate, waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const TALKS = parseTalks(JSON.parse(readFileSync('assets/library/talks.json', 'utf8')));
const CHANGED = TALKS.find((talk) => talk.id === 'talk-changed') as Talk;

const textOf = (page: Page, selector: string) =>
  page.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').trim(), selector);
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** Clicks the button whose text is `name`. */
async function clickButton(page: Page, name: string): Promise<void> {
  const found = await page.evaluate((label: string) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    button?.click();
    return Boolean(button);
  }, name);
  if (!found) throw new Error(`no button "${name}"`);
}

async function promptIs(page: Page, text: string): Promise<void> {
  await waitUntil(page, `.talk-prompt`);
  const end = Date.now() + 10_000;
  while ((await textOf(page, '.talk-prompt')) !== text) {
    if (Date.now() > end) throw new Error(`prompt is "${await textOf(page, '.talk-prompt')}", not "${text}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Talk together in Firefox, in the shared session of firefox.test.ts (before its relaunch). */
export function talkInFirefox(session: FirefoxSession): void {
  describe('Talk together in Firefox', () => {
    it('opens the list of conversations', async () => {
      const page = await session.tend.open('talk', '.talk-item');
      expect(await textOf(page, 'h1')).toBe('Talk together');
      expect(await page.evaluate(() => document.querySelectorAll('.talk-item').length)).toBe(TALKS.length);
      expect(await page.evaluate(() => document.querySelectorAll('.talked-on').length)).toBe(0);
      await page.close();
    });

    it('walks "What has changed between us" to its end by keyboard, with Pass, and stores the day', async () => {
      const page = await session.tend.open('talk', '.talk-rules', { query: '#talk-changed' });
      expect(await textOf(page, 'h1')).toBe(CHANGED.title);
      await clickButton(page, 'Start');
      await promptIs(page, CHANGED.prompts[0] as string);
      expect(await textOf(page, '[role=status]')).toBe(`1 of ${CHANGED.prompts.length}`);

      await page.keyboard.press('ArrowRight');
      await promptIs(page, CHANGED.prompts[1] as string);
      expect(await focusedText(page)).toBe(CHANGED.prompts[1]);
      // Pass from the keyboard: Tab past Back to Pass, then Enter.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Pass');
      await page.keyboard.press('Enter');
      await promptIs(page, CHANGED.prompts[2] as string);
      await page.keyboard.press('ArrowLeft');
      await promptIs(page, CHANGED.prompts[1] as string);
      for (let step = 2; step <= CHANGED.prompts.length; step++) {
        await page.keyboard.press('ArrowRight');
        await promptIs(page, CHANGED.prompts[step] ?? CHANGED.closing);
      }
      expect(await textOf(page, '[role=status]')).toBe('The closing');

      await waitUntil(page, async () => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open('tend');
          r.onsuccess = () => ok(r.result);
        });
        const record = await new Promise<{ days?: string[] } | undefined>((ok) => {
          const r = db.transaction('talks').objectStore('talks').get('talk-changed');
          r.onsuccess = () => ok(r.result as { days?: string[] } | undefined);
        });
        db.close();
        return (record?.days?.length ?? 0) === 1;
      });
      await page.close();
    });

  });
}

/** After the shared session's relaunch: the day of the conversation walked before it is still there. */
export function talkAfterRelaunchInFirefox(session: FirefoxSession): void {
  describe('Talk together in Firefox, after a relaunch', () => {
    it('shows "talked on" for the conversation walked before the relaunch, and only for it', async () => {
      const page = await session.tend.open('talk', '.talked-on');
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.talk-item')]
          .filter((item) => item.querySelector('.talked-on'))
          .map((item) => [item.querySelector('h2')?.textContent, item.querySelector('.talked-on')?.textContent]),
      );
      const expected = await evaluate(
        page,
        () => `talked on ${new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'short' }).format(new Date())}`,
      );
      expect(shown).toEqual([[CHANGED.title, expected]]);
      await page.close();
    });
  });
}
