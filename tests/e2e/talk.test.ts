/**
 * "Talk together" in a real Chromium with the built extension: the list, a conversation walked to
 * its end by keyboard (with Pass), the day remembered across a restart, the look, axe, and
 * no request leaving the browser.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE_IDS } from '../../model/prefs';
import { parseTalks, type Talk } from '../../talk/talks';
import { RefusingProxy, requestsThatLeft, type Tend } from './chrome-harness';
import { ideaText, openAs, patchPrefs, readStored, seriousA11yIssues, useTend } from './chrome-steps';

const readJson = (file: string): unknown => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8'));
const TALKS = parseTalks(readJson('talks.json'));
const byId = (talks: Talk[], id: string) => talks.find((t) => t.id === id) as Talk;
const CHANGED = byId(TALKS, 'talk-changed');

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const session = useTend(() => ({ proxy }));

/** The harness names the popup and options; the talk page opens the same way. */
const openTalk = (tend: Tend, hash = '') => tend.open('talk', hash);

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** Presses Tab until the focused control reads `name`, as a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('talk together', () => {

  it('lists the conversations with title, why and minutes, nothing counted', async () => {
    const page = await openTalk(session.tend);
    await page.waitForSelector('.talk-item');
    expect(await page.title()).toBe('Talk together');
    expect(await text(page, 'h1')).toBe('Talk together');
    expect(await page.locator('.talk-item').count()).toBe(TALKS.length);
    expect(TALKS.length).toBeGreaterThanOrEqual(12);
    const first = page.locator('.talk-item').first();
    expect(await first.locator('h2').textContent()).toBe(TALKS[0]?.title);
    expect(await first.textContent()).toContain(TALKS[0]?.why);
    expect(await page.locator('.talked-on').count()).toBe(0);
    // The whole card opens its conversation: a click on its words, not only on its title.
    await first.locator('.talk-why').click();
    await expect.poll(() => text(page, 'h1')).toBe(TALKS[0]?.title);
    await page.close();
  });

  it('walks "What has changed between us" to its end by keyboard, with Pass, and remembers the day', async () => {
    const page = await openTalk(session.tend);
    await page.waitForSelector('.talk-item');
    await tabTo(page, CHANGED.title);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.talk-rules');
    await expect.poll(() => focused(page)).toBe(CHANGED.title);
    await tabTo(page, 'Start');
    await page.keyboard.press('Enter');

    const total = CHANGED.prompts.length;
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.prompts[0]);
    expect(await text(page, '[role=status]')).toBe(`1 of ${total}`);
    expect(await text(page, '#who-first')).toBe('The reader reads this aloud. The other one answers first, then the reader.');
    await expect.poll(() => focused(page)).toBe(CHANGED.prompts[0]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.prompts[1]);
    expect(await text(page, '[role=status]')).toBe(`2 of ${total}`);
    expect(await text(page, '#who-first')).toBe('The reader reads this aloud and answers first, then the other one.');
    await expect.poll(() => focused(page)).toBe(CHANGED.prompts[1]);

    // Pass, from the keyboard: Tab to it and press Enter; focus comes back to the new prompt.
    await tabTo(page, 'Pass');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.prompts[2]);
    await expect.poll(() => focused(page)).toBe(CHANGED.prompts[2]);
    expect(await text(page, '.talk-passed')).toBe("Passed — that's fine.");

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.prompts[1]);
    expect(await text(page, '[role=status]')).toBe(`2 of ${total}`);

    for (let step = 2; step <= total; step++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.prompts[step] ?? CHANGED.closing);
    }
    expect(await text(page, '[role=status]')).toBe('The closing');
    await expect.poll(() => focused(page)).toBe(CHANGED.closing);
    // → does nothing more on the closing.
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '.talk-prompt')).toBe(CHANGED.closing);

    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await expect.poll(() => readStored(page, 'talks', 'talk-changed')).toEqual({ talkId: 'talk-changed', days: [today] });
    await page.close();
  });

  it('shows "talked on" that day after the browser restarts, for that conversation only', async () => {
    await session.relaunch();
    const page = await openTalk(session.tend);
    await page.waitForSelector('.talked-on');
    const expected = await page.evaluate(
      () => `talked on ${new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'short' }).format(new Date())}`,
    );
    expect(await page.locator('.talked-on').count()).toBe(1);
    const item = page.locator('.talk-item', { hasText: CHANGED.title });
    expect(await item.locator('.talked-on').textContent()).toBe(expected);
    await page.close();
  });

  it('opens a conversation\'s start screen from #talk-changed, and its end leads back to today\'s idea in the same tab', async () => {
    const page = await openTalk(session.tend, '#talk-changed');
    await page.waitForSelector('.talk-rules');
    expect(await text(page, 'h1')).toBe(CHANGED.title);
    await page.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < CHANGED.prompts.length; i++) await page.getByRole('button', { name: 'Pass' }).click();
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.closing);
    const pages = session.tend.context.pages().length;
    await page.getByRole('button', { name: "Back to today's idea" }).click();
    await page.waitForURL(/\/popup\.html$/);
    expect(await ideaText(page)).not.toBe('');
    expect(session.tend.context.pages().length).toBe(pages);
    await page.close();
  });

  it('made no page errors, and asked only for the extension\'s own files', () => {
    expect(session.tend.pageErrors).toEqual([]);
    expect(session.tend.requests.filter((url) => url.includes('/talk.html')).length).toBeGreaterThan(0);
    expect(session.tend.requests.filter((url) => !url.startsWith(`chrome-extension://${session.tend.extensionId}/`))).toEqual([]);
  });
});

describe('talk together: look and accessibility', () => {
  /** Each screen of the page in turn: list, start, a prompt, the closing. */
  async function eachScreen(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
    await page.waitForSelector('.talk-item');
    await check('list');
    await page.getByRole('button', { name: CHANGED.title }).click();
    await page.waitForSelector('.talk-rules');
    await check('start');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('.talk-prompt');
    await check('prompt');
    for (let i = 0; i < CHANGED.prompts.length; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(page, '.talk-prompt')).toBe(CHANGED.closing);
    await check('closing');
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe findings in ${scheme} mode, in every palette, on every screen`, async () => {
      const tend = session.tend;
      const page = await openAs(tend, 'talk', { colorScheme: scheme });
      await eachScreen(page, async (screen) => {
        // The whole of axe once per screen and scheme, in the palette shown; the others change only colours.
        const shown = await page.evaluate(() => document.documentElement.dataset.palette);
        const palettes = [...PALETTE_IDS].sort((a, b) => Number(b === shown) - Number(a === shown));
        for (const palette of palettes) {
          // Stored and announced as Settings does: the open page follows without a reload.
          await patchPrefs(page, { palette, themeMode: 'system' }, { announce: true });
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.palette)).toBe(palette);
          expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe(scheme);
          // Contrast is measured on the settled page, not halfway through a prompt's fade-in.
          await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
          const only = palette === palettes[0] ? undefined : ['color-contrast'];
          expect(await seriousA11yIssues(page, undefined, only), `${palette} ${screen}`).toEqual([]);
        }
      });
      await page.close();
      expect(tend.pageErrors).toEqual([]);
    });
  }

  it('follows the text size, and shows prompts without animation when motion is reduced', async () => {
    const tend = session.tend;
    const page = await openAs(tend, 'talk', { reducedMotion: 'reduce' }, '#talk-changed');
    await page.waitForSelector('.talk-rules');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('.talk-prompt');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.talk-prompt') as Element).animationName)).toBe('none');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.talk-prompt') as Element).fontSize));
    const before = await size();
    await patchPrefs(page, { textScale: 125, motion: 'full' });
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('.talk-prompt');
    await expect.poll(size).toBeGreaterThan(before);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.talk-prompt') as Element).animationName)).toBe('talk-appear');
    expect(tend.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('talk together: privacy', () => {
  it('no request left the browser while the talk page was used', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
