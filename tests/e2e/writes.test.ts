/**
 * Writes in a real Chromium: a double click writes once, an Undo has the focus and ends when its
 * records are deleted in another tab, and a second welcome tab never overwrites the first one's choices.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitFor } from './chrome-harness';
import { ideaText, readStored, useTend } from './chrome-steps';

/** Noon on a fixed day: pages and worker share it (no test depends on the machine's hour or date). */
const NOON = new Date(2026, 4, 6, 12).getTime();

async function count(page: Page, store: 'checkins' | 'ownIdeas'): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
    });
    const n = await new Promise<number>((ok) => {
      const r = db.transaction(name).objectStore(name).count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return n;
  }, store);
}
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

// One browser for the file, fresh from its install: the welcome is finished by the first test, and the data is
// deleted by the last.
const session = useTend(() => ({ setUp: false }));

describe('two welcome tabs', () => {

  it('finishing one turns the other into "Tend is set up": the first choices stay', async () => {
    await session.tend.setTime(NOON);
    const first = await session.tend.open('welcome');
    const second = await session.tend.open('welcome');
    await second.getByRole('button', { name: 'Start Tend' }).waitFor();
    await first.getByLabel('Up to close', { exact: false }).check();
    await first.getByRole('button', { name: 'Start Tend' }).click();
    await first.getByText('Tend is ready.', { exact: false }).waitFor();

    await second.getByText('Tend was just set up in another tab', { exact: false }).waitFor();
    expect(await second.getByRole('button', { name: 'Start Tend' }).count()).toBe(0);
    expect(await second.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    expect(((await readStored(second, 'prefs', 'prefs')) as { maxIntensity: string }).maxIntensity).toBe('close');
    await Promise.all([first.close(), second.close()]);
  });
});

describe('a double click writes once', () => {

  it('the check-in Save twice stores one answer', async () => {
    await session.tend.setTime(NOON);
    const popup = await session.tend.open('popup', '#checkin');
    await popup.getByLabel('Like a job', { exact: true }).check();
    await popup.getByRole('button', { name: 'Save' }).dblclick();
    await popup.getByText('Thank you.', { exact: false }).first().waitFor().catch(() => {});
    // A second write, had the second click made one, starts within moments of the first: a short pause for it.
    await popup.waitForTimeout(300);
    expect(await count(popup, 'checkins')).toBe(1);
    await popup.close();
  });

  it('"Not for us" twice leaves one working Undo, and the focus is on it', async () => {
    await session.tend.setTime(NOON);
    const popup = await session.tend.open('popup');
    const first = await ideaText(popup);
    await popup.getByRole('button', { name: 'Not for us' }).dblclick();
    const undo = popup.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await waitFor(() => focusedText(popup), (text) => text === 'Undo', 5_000);
    expect(await focusedText(popup)).toBe('Undo');
    await undo.click();
    await waitFor(() => ideaText(popup), (text) => text === first, 10_000);
    expect(await ideaText(popup)).toBe(first);
    await popup.close();
  });
});

describe('an Undo ends when its records are deleted in another tab', () => {

  it('"Delete all data" in Settings takes away the Undo of a deleted idea of your own', async () => {
    await session.tend.setTime(NOON);
    const ideas = await session.tend.open('options', '#own');
    await ideas.locator('#own-add-text').fill('Read a poem to each other');
    await ideas.getByRole('button', { name: 'Add idea' }).click();
    const item = ideas.locator('.own-list li').filter({ hasText: 'Read a poem to each other' });
    await item.getByRole('button', { name: 'Delete' }).click();
    const undo = ideas.locator('.own-ideas').getByRole('button', { name: 'Undo' });
    await undo.waitFor();

    const data = await session.tend.open('options', '#data');
    await data.getByRole('button', { name: 'Delete all data' }).click();
    await data.getByRole('button', { name: 'Yes, delete everything' }).click();
    await data.getByText('All data deleted', { exact: false }).waitFor().catch(() => {});

    await waitFor(() => undo.count(), (n) => n === 0, 10_000);
    expect(await undo.count()).toBe(0);
    expect(await count(ideas, 'ownIdeas')).toBe(0);
    await Promise.all([ideas.close(), data.close()]);
  });
});
