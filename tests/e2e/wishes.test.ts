/**
 * "What we'd both like" in a real Chromium with the built extension: two people on one screen choose five
 * wishes each with two in common; only those two show, and IndexedDB and localStorage hold neither person's
 * others. Keyboard-only turns, axe in light and dark, and no request leaving the browser.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWishes } from '../../wishes/wishes';
import { RefusingProxy, requestsThatLeft } from './chrome-harness';
import { openAs, seriousA11yIssues, useTend } from './chrome-steps';

const readJson = (file: string): unknown => JSON.parse(readFileSync(`assets/library/${file}`, 'utf8'));
const DECK = parseWishes(readJson('wishes.json'));

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const session = useTend(() => ({ proxy }));

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** Everything in Tend's IndexedDB (every store, keys and values) and in the page's localStorage, as text. */
const everythingKept = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all: unknown[] = [];
    for (const name of db.objectStoreNames) {
      const store = db.transaction(name).objectStore(name);
      all.push(
        name,
        await new Promise((ok) => (store.getAllKeys().onsuccess = (e) => ok((e.target as IDBRequest).result))),
        await new Promise((ok) => (store.getAll().onsuccess = (e) => ok((e.target as IDBRequest).result))),
      );
    }
    db.close();
    return JSON.stringify({ db: all, local: { ...localStorage }, url: location.href });
  });

/** One turn by keyboard: Enter on "I'd like this" for the chosen wishes, Tab to "Not now" for the rest. */
async function turn(page: Page, likes: readonly number[]): Promise<void> {
  for (let n = 1; n <= DECK.length; n++) {
    await expect.poll(() => text(page, '.wish-card')).toBe(DECK[n - 1]?.text);
    const name = likes.includes(n) ? "I'd like this" : 'Not now';
    await page.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  }
}

const FIRST = [2, 7, 15, 23, 31];
const SECOND = [4, 7, 18, 31, 40];
const ALONE = [2, 15, 23, 4, 18, 40];

describe("what we'd both like", () => {
  it('two people choose five wishes each, two in common: only those two show, and nothing of either alone is kept', async () => {
    const page = await session.tend.open('wishes');
    await page.waitForSelector('main:not([aria-busy]) h1');
    expect(await page.title()).toBe("What we'd both like");
    await page.getByRole('button', { name: "I'll go first" }).click();
    await expect.poll(() => text(page, '.wish-progress')).toBe(`First turn · wish 1 of ${DECK.length}`);
    await turn(page, FIRST);

    await expect.poll(() => text(page, 'h1')).toBe('Pass it over — no peeking');
    await expect.poll(() => focused(page)).toBe('Pass it over — no peeking');
    const handover = await text(page, 'body');
    for (const wish of DECK) expect(handover).not.toContain(wish.text);
    expect(await everythingKept(page)).not.toMatch(/wish-/);

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Start my turn');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '.wish-progress')).toBe(`Second turn · wish 1 of ${DECK.length}`);
    await turn(page, SECOND);

    await expect.poll(() => text(page, 'h1')).toBe('What you both would like');
    const shown = await page.locator('.wish-common .wish-text').allTextContents();
    expect(shown).toEqual([DECK[6]?.text, DECK[30]?.text]);
    const body = await text(page, 'body');
    for (const n of ALONE) expect(body).not.toContain(DECK[n - 1]?.text);
    const kept = await everythingKept(page);
    expect(kept).not.toMatch(/wish-/);
    for (const n of ALONE) expect(kept).not.toContain(DECK[n - 1]?.text as string);

    // "Keep our list" keeps the two, dated; nothing else.
    await page.getByRole('button', { name: 'Keep our list' }).click();
    await page.waitForSelector('.wish-kept');
    const after = await everythingKept(page);
    expect(after).toContain(DECK[6]?.id);
    expect(after).toContain(DECK[30]?.id);
    for (const n of ALONE) expect(after).not.toContain(`"${DECK[n - 1]?.id}"`);
    // A new page shows the kept list; deleting it leaves nothing.
    await page.reload();
    await page.waitForSelector('.wish-kept');
    expect(await text(page, '.wish-kept')).toContain(DECK[30]?.text);
    await page.getByRole('button', { name: 'Delete this list' }).click();
    await expect.poll(() => page.locator('.wish-kept').count()).toBe(0);
    expect(await everythingKept(page)).not.toMatch(/wish-0/);
    expect(session.tend.pageErrors).toEqual([]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe findings in ${scheme} mode, on each screen`, async () => {
      const page = await openAs(session.tend, 'wishes', { colorScheme: scheme });
      await page.waitForSelector('main:not([aria-busy]) h1');
      expect(await seriousA11yIssues(page), 'intro').toEqual([]);
      await page.getByRole('button', { name: "I'll go first" }).click();
      await page.waitForSelector('.wish-card');
      await page.getByRole('button', { name: "I'd like this" }).click();
      expect(await seriousA11yIssues(page), 'deck').toEqual([]);
      await page.getByRole('button', { name: "That's all for me" }).click();
      await page.waitForSelector('.wishes-handover');
      expect(await seriousA11yIssues(page), 'hand-over').toEqual([]);
      await page.getByRole('button', { name: 'Start my turn' }).click();
      await page.getByRole('button', { name: "I'd like this" }).click();
      await page.getByRole('button', { name: "That's all for me" }).click();
      await page.waitForSelector('.wish-common');
      expect(await seriousA11yIssues(page), 'result').toEqual([]);
      await page.close();
      expect(session.tend.pageErrors).toEqual([]);
    });
  }
});

describe("what we'd both like: privacy", () => {
  it('no request left the browser while the wishes page was used', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
