/**
 * Tend in a real Firefox (headless firefox-esr over WebDriver BiDi), in one browser on one profile, as one
 * person uses it over a while: the welcome, today's idea, preferences and IndexedDB across a relaunch, the nudge alarm, a
 * preview notification, importing, text going in, a conversation, one idea a day, pairing from a code, shared
 * check-in words, the wishes page, a track's step, and no outside requests over the whole run. (A Firefox start costs about 8 s here, so the parts in ./firefox/ share it.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { alarms, clickShown, describeWholeRun, FIREFOX_DIR, evaluate, useFirefoxTend, waitUntil } from './firefox-harness';
import { importingInFirefox } from './firefox/data';
import { oneIdeaADayInFirefox } from './firefox/one-idea-a-day';
import { talkAfterRelaunchInFirefox, talkInFirefox } from './firefox/talk';
import { welcomeAfterRelaunchInFirefox, welcomeInFirefox } from './firefox/welcome';
import { textInputInFirefox } from './firefox/text-input';
import { pairingInFirefox } from './firefox/together';
import { wishesInFirefox } from './firefox/wishes';
import { tracksInFirefox } from './firefox/tracks';
import { syncInFirefox } from './firefox/sync';
import { libraryTexts } from './shared';
import { productDirs } from '../structure';

const NUDGE = 'tend-nudge';
const ideaTexts = libraryTexts('ideas.json');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

/** Builds the Firefox package when it is missing or older than the code it is built from. */
function ensureBuild(): void {
  const manifest = join(FIREFOX_DIR, 'manifest.json');
  const sources = [...productDirs(), 'assets', 'public', 'wxt.config.ts'];
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...sources.map(newestSource))) return;
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`"npx wxt build -b firefox" failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

async function ideaText(page: Page): Promise<string> {
  // A cached idea may show a moment before the popup has read its data: wait for the data.
  await waitUntil(page, () => (document.querySelector('main:not([aria-busy]) .idea-text')?.textContent ?? '').trim() !== '');
  return page.evaluate(() => (document.querySelector('.idea-text')?.textContent ?? '').trim());
}

const scheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.scheme ?? null);
const checkedTheme = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLInputElement>('input[name=theme]:checked')?.value ?? null);

function expectOneEveningNudgeAlarm(list: { name: string; scheduledTime: number }[]): void {
  expect(list.map((a) => a.name)).toEqual([NUDGE]);
  const scheduledTime = list[0]?.scheduledTime ?? 0;
  expect(scheduledTime).toBeGreaterThan(Date.now());
  // Default "together hours": every evening 18:30–21:30, local time.
  const at = new Date(scheduledTime);
  const minute = at.getHours() * 60 + at.getMinutes();
  expect(minute).toBeGreaterThanOrEqual(18 * 60 + 30);
  expect(minute).toBeLessThanOrEqual(21 * 60 + 30);
}

describe('Tend in Firefox', () => {
  // Launched as installed: the welcome comes first, and finishing it is what plans the first nudge.
  const session = useFirefoxTend({ before: ensureBuild, setUp: false });
  let firstIdea = '';

  welcomeInFirefox(session);

  describe('first launch', () => {
    // Right after the welcome, and in the options page (no page plans the alarm; the popup only asks the worker): the background must have made it.
    it('has exactly one nudge alarm after install', async () => {
      const options = await session.tend.open('options', 'input[name=theme]');
      expectOneEveningNudgeAlarm(await alarms(options));
      await options.close();
    });

    it("shows today's idea from the library in the popup", async () => {
      const popup = await session.tend.open('popup', '.idea-text, .notice');
      firstIdea = await ideaText(popup);
      expect(ideaTexts.has(firstIdea), `"${firstIdea}" is not in ideas.json`).toBe(true);
      await popup.close();
    });

    it('shows a notification for "Send a preview nudge", and pages still open while it shows', async () => {
      const options = await session.tend.open('options', 'input[name=theme]');
      expect(Object.keys(await evaluate(options, (browser) => browser.notifications.getAll()))).toEqual([]);
      await clickShown(options, () =>
        [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send a preview nudge'),
      );
      await waitUntil(options, async (browser) => 'tend-nudge' in (await browser.notifications.getAll()));
      expect(Object.keys(await evaluate(options, (browser) => browser.notifications.getAll()))).toContain(NUDGE);
      await waitUntil(options, () => document.body.textContent?.includes('A preview nudge is on its way.'));
      // The notification's own little window is now Firefox's newest: a page still opens (in the main window).
      const popup = await session.tend.open('popup', '.idea-text, .notice');
      await popup.close();
      await evaluate(options, (browser) => browser.notifications.clear('tend-nudge'));
      await options.close();
    });

    it('saves the dark theme chosen in the options', async () => {
      const options = await session.tend.open('options', 'input[name=theme]');
      // The default follows the system, and headless Firefox is light: the choice below is what makes it dark.
      expect(await checkedTheme(options)).toBe('system');
      expect(await scheme(options)).toBe('light');
      const legend = await options.evaluate(
        () => document.querySelector('input[name=theme][value=dark]')?.closest('fieldset')?.querySelector('legend')?.textContent,
      );
      expect(legend?.trim()).toBe('Theme');
      await clickShown(options, 'input[name=theme][value=dark]');
      await waitUntil(options, () => document.documentElement.dataset.scheme === 'dark');
      // A fresh popup reads the prefs from IndexedDB, so the choice is stored before Firefox closes.
      const popup = await session.tend.open('popup', () => document.documentElement.dataset.scheme === 'dark');
      expect(await scheme(popup)).toBe('dark');
      await popup.close();
      await options.close();
    });
  });

  importingInFirefox(session);
  textInputInFirefox(session);
  talkInFirefox(session);

  describe('after closing and relaunching with the same profile', () => {
    beforeAll(async () => {
      await session.tend.relaunch();
    });

    it('has exactly one nudge alarm again (Firefox keeps none across a restart)', async () => {
      const options = await session.tend.open('options', 'input[name=theme]');
      expectOneEveningNudgeAlarm(await alarms(options));
      await options.close();
    });

    it('shows the same idea', async () => {
      const popup = await session.tend.open('popup', '.idea-text, .notice');
      expect(firstIdea).not.toBe('');
      expect(await ideaText(popup)).toBe(firstIdea);
      await popup.close();
    });

    it('keeps the dark theme in the popup and in the options', async () => {
      const popup = await session.tend.open('popup', () => document.documentElement.dataset.scheme !== undefined);
      expect(await scheme(popup)).toBe('dark');
      await popup.close();
      const options = await session.tend.open('options', 'input[name=theme]:checked');
      expect(await checkedTheme(options)).toBe('dark');
      await options.close();
    });

    it("the background answers the popup's buttons: Another idea, Favourite, and a pause with Resume", async () => {
      const popup = await session.tend.open('popup', '.idea-text, .notice');
      const before = await ideaText(popup);
      const text = (selector: string) => popup.evaluate((s: string) => document.querySelector(s)?.textContent?.trim() ?? '', selector);
      const until = async (read: () => Promise<string>, ok: (value: string) => boolean) => {
        for (let i = 0; i < 150 && !ok(await read()); i++) await new Promise((r) => setTimeout(r, 100));
        expect(ok(await read()), `last: ${await read()}`).toBe(true);
      };
      const click = (label: string) =>
        popup.evaluate((l: string) => [...document.querySelectorAll<HTMLElement>('button, summary')].find((b) => b.textContent?.trim() === l)?.click(), label);

      await click('Another idea');
      await until(() => text('.idea-text'), (t) => t !== '' && t !== before);
      await click('Favourite');
      await until(() => text('.toggle[aria-pressed=true]'), (t) => t === 'In favourites');
      await click('Pause nudges');
      await until(() => text('.nudge-menu button'), (t) => t !== '');
      await click('1 day');
      await until(() => text('.nudge-line p'), (t) => /^Nudges paused until .* · Resume$/.test(t));
      await click('Resume');
      await until(() => text('.nudge-line p'), (t) => t.startsWith('Next nudge: '));
      expectOneEveningNudgeAlarm(await alarms(popup));
      await popup.close();
    });
  });

  welcomeAfterRelaunchInFirefox(session);
  talkAfterRelaunchInFirefox(session);

  describe('nudges in Firefox', () => {
    it('a nudge that comes due shows a notification (without buttons) and the next alarm is set', async () => {
      const options = await session.tend.open('options', 'input[name=theme]');
      const due = await evaluate(options, async (browser) => {
        const open = () =>
          new Promise<IDBDatabase>((ok) => {
            const r = indexedDB.open('tend');
            r.onsuccess = () => ok(r.result);
          });
        const db = await open();
        const tx = db.transaction(['prefs', 'state'], 'readwrite');
        const get = (store: string, key: string) =>
          new Promise<Record<string, unknown>>((ok) => {
            const r = tx.objectStore(store).get(key);
            r.onsuccess = () => ok((r.result as Record<string, unknown>) ?? {});
          });
        const prefs = await get('prefs', 'prefs');
        const allDay = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);
        tx.objectStore('prefs').put({ ...prefs, windows: allDay, deferWhenIdle: false }, 'prefs');
        const when = Date.now() + 3000;
        const nudge = await get('state', 'nudge');
        tx.objectStore('state').put({ ...nudge, plannedAt: when, lastNudgeAt: null }, 'nudge');
        await new Promise((ok) => (tx.oncomplete = ok));
        db.close();
        await browser.notifications.clear('tend-nudge');
        await browser.alarms.create('tend-nudge', { when });
        return when;
      });
      await waitUntil(options, async (browser) => 'tend-nudge' in (await browser.notifications.getAll()), 20_000);
      // Firefox answers with each notification's options (Chrome only with `true`).
      const shown = (await evaluate(options, (browser) => browser.notifications.getAll())) as unknown as Record<string, { title: string; buttons?: unknown }>;
      expect(shown[NUDGE]?.title).toBe('Tend');
      expect(shown[NUDGE]?.buttons).toBeUndefined();
      await waitUntil(options, async (browser) => {
        const [alarm] = await browser.alarms.getAll();
        return alarm !== undefined && alarm.scheduledTime > Date.now() + 60_000;
      });
      const list = await evaluate(options, (browser) => browser.alarms.getAll());
      expect(list.map((a) => a.name)).toEqual([NUDGE]);
      expect((list[0]?.scheduledTime ?? 0) - due).toBeGreaterThanOrEqual(90 * 60_000 - 1000);
      await evaluate(options, (browser) => browser.notifications.clear('tend-nudge'));
      await options.close();
    });
  });

  oneIdeaADayInFirefox(session);
  // Last: from here on the idea is the pair's.
  pairingInFirefox(session);
  wishesInFirefox(session);
  tracksInFirefox(session);
  syncInFirefox(session);

  describeWholeRun(() => session.tend);
});
