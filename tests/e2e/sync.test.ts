/**
 * Sync through the browser's own sync in two real Chromium profiles, one person's home browser and laptop.
 * Headless Chromium signs in nowhere, so the test carries what one browser's `storage.sync` holds into the
 * other, as the browser's sync would deliver it: favourites and own ideas come across and each keeps its own;
 * a deletion travels back and the deleted idea does not return; check-in notes never reach `storage.sync`; with
 * sync off nothing is written there. Nothing leaves either browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusingProxy, requestsThatLeft, type Tend } from './chrome-harness';
import { ideaText, seriousA11yIssues, useTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const home = useTend(() => ({ proxy }));
const laptop = useTend(() => ({ proxy }));

const worker = (tend: Tend) => tend.context.serviceWorkers()[0] ?? tend.worker;
const synced = (tend: Tend) => worker(tend).evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, { t: number; d: string; v?: unknown }>>;
/** What the browser's sync does: one browser's items arrive in the other's `storage.sync`. */
async function deliver(from: Tend, to: Tend): Promise<void> {
  const items = await synced(from);
  await worker(to).evaluate((arrived) => chrome.storage.sync.set(arrived), items);
}

const data = (page: Page) => page.locator('section[aria-labelledby="data"]');
const own = (page: Page) => page.getByRole('region', { name: 'Your ideas' });
const listed = (page: Page) => page.locator('.own-list .own-text').allTextContents();

/** Asks the worker for a round at once (as Settings does when sync is turned on) and waits until it is done. */
const roundNow = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ tend: 'sync-now' }));

async function addIdea(page: Page, text: string): Promise<void> {
  await own(page).getByLabel('Your idea', { exact: true }).fill(text);
  await own(page).getByRole('button', { name: 'Add idea' }).click();
  await expect.poll(() => listed(page)).toContain(text);
}

async function turnOn(page: Page): Promise<void> {
  await data(page).getByRole('checkbox', { name: /Keep Tend the same on your other browsers/ }).check();
  await expect.poll(() => data(page).getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/^Last in step/);
}

describe('Tend on two browsers through the browser’s own sync', () => {
  it('off by default: a favourite made here is not written to the browser’s sync', async () => {
    const popup = await home.tend.open('popup');
    await ideaText(popup);
    await popup.getByRole('button', { name: 'Favourite' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed')).toBe('true');
    // A round now, rather than a few seconds' wait for the one a change brings: sync is off, so it writes nothing.
    await roundNow(popup);
    expect(await synced(home.tend)).toEqual({});
    await popup.close();
  });

  it('on in both: favourites and own ideas come across, each keeps its own; a deletion travels back and stays', async () => {
    const homeSettings = await home.tend.open('options', '#data');
    const laptopSettings = await laptop.tend.open('options', '#data');
    await turnOn(homeSettings);
    expect(await seriousA11yIssues(homeSettings, 'section[aria-labelledby="data"]')).toEqual([]);
    await addIdea(homeSettings, 'Tea on the balcony');
    await addIdea(laptopSettings, 'Dance in the kitchen');
    await turnOn(laptopSettings);
    // A check-in with a note, on the home browser: it never travels.
    await homeSettings.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('tend');
        r.onsuccess = () => ok(r.result);
      });
      const tx = db.transaction('checkins', 'readwrite');
      tx.objectStore('checkins').put({ id: 'ci-private', at: Date.now(), answer: 'job', note: 'only for me, never synced' });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
      new BroadcastChannel('tend:tend').postMessage('checkins');
    });
    await expect.poll(async () => Object.keys(await synced(home.tend)).filter((k) => k.startsWith('o:')).length, { timeout: 15_000 }).toBe(1);
    const favourite = Object.keys(await synced(home.tend)).find((k) => k.startsWith('f:'));
    expect(favourite).toBeDefined();

    await deliver(home.tend, laptop.tend);
    await expect.poll(() => listed(laptopSettings), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Tea on the balcony', 'Dance in the kitchen']));
    await deliver(laptop.tend, home.tend);
    await expect.poll(() => listed(homeSettings), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Tea on the balcony', 'Dance in the kitchen']));
    const laptopPopup = await laptop.tend.open('popup');
    await laptopPopup.locator('summary', { hasText: 'Favourites' }).click();
    await expect.poll(() => laptopPopup.locator('.idea-list').first().textContent()).not.toContain('No favourites');
    await laptopPopup.close();

    // Deleted on the laptop: gone at home too, and it does not come back with the next exchange.
    await own(laptopSettings).locator('.own-list li', { hasText: 'Tea on the balcony' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => listed(laptopSettings)).toEqual(['Dance in the kitchen']);
    await expect.poll(async () => Object.values(await synced(laptop.tend)).filter((e) => e.v === undefined).length, { timeout: 15_000 }).toBe(1);
    await deliver(laptop.tend, home.tend);
    await expect.poll(() => listed(homeSettings), { timeout: 15_000 }).toEqual(['Dance in the kitchen']);
    await deliver(home.tend, laptop.tend);
    await roundNow(laptopSettings);
    await deliver(laptop.tend, home.tend);
    await roundNow(homeSettings);
    expect(await listed(homeSettings)).toEqual(['Dance in the kitchen']);
    expect(await listed(laptopSettings)).toEqual(['Dance in the kitchen']);

    for (const tend of [home.tend, laptop.tend]) expect(JSON.stringify(await synced(tend))).not.toContain('never synced');
    await Promise.all([homeSettings.close(), laptopSettings.close()]);
    expect([...home.tend.pageErrors, ...laptop.tend.pageErrors]).toEqual([]);
  });

  it('turned off: a change here is no longer written there; "Remove" empties it there and keeps everything here', async () => {
    const settings = await laptop.tend.open('options', '#data');
    await data(settings).getByRole('checkbox', { name: /Keep Tend the same on your other browsers/ }).uncheck();
    await expect.poll(() => data(settings).getByRole('status').first().textContent()).toBe("Sync is off: Tend's data stays on this browser.");
    const before = await synced(laptop.tend);
    await settings.goto(settings.url().replace(/#.*$/, '#own'));
    await addIdea(settings, 'A letter by post');
    await roundNow(settings);
    expect(await synced(laptop.tend)).toEqual(before);
    // "Remove Tend's data from your browser's sync": emptied there, everything here stays.
    await settings.goto(settings.url().replace(/#.*$/, '#data'));
    await data(settings).getByRole('button', { name: "Remove Tend's data from your browser's sync" }).click();
    await expect.poll(() => data(settings).textContent()).toContain("Removed from your browser's sync");
    expect(await synced(laptop.tend)).toEqual({});
    await settings.goto(settings.url().replace(/#.*$/, '#own'));
    await expect.poll(() => listed(settings)).toEqual(expect.arrayContaining(['A letter by post', 'Dance in the kitchen']));
    await settings.close();
  });

  it('no request left either browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
