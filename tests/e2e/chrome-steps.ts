/** Small steps the Chrome tests share: reading and writing Tend's data the way the extension stores it. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Prefs } from '../../model/prefs';
import { afterAll, beforeAll, expect } from 'vitest';
import { inWorker, launchTend, tempProfile, waitFor, type LaunchOptions, type Media, type Tend } from './chrome-harness';
import { libraryTexts } from './shared';

export const IDEA_TEXTS = libraryTexts('ideas.json');

/**
 * One browser on its own profile for a describe block (or a file); `relaunch` restarts it on the same profile,
 * running `whileClosed` in between.
 */
export function useTend(options: () => LaunchOptions = () => ({})) {
  const profile = tempProfile();
  const session = {
    tend: null as unknown as Tend,
    async relaunch(whileClosed?: () => Promise<void>) {
      await session.tend.close();
      await whileClosed?.();
      session.tend = await launchTend(profile.dir, options());
    },
  };
  beforeAll(async () => {
    session.tend = await launchTend(profile.dir, options());
  });
  afterAll(async () => {
    await session.tend?.close();
    profile.remove();
  });
  return session;
}

/** Runs `fn` with Tend in a browser on a fresh profile, and always closes it and removes the profile. */
export async function withTend<T>(options: LaunchOptions, fn: (tend: Tend) => Promise<T>): Promise<T> {
  const profile = tempProfile();
  const tend = await launchTend(profile.dir, options);
  try {
    return await fn(tend);
  } finally {
    await tend.close();
    profile.remove();
  }
}

/**
 * Opens one of Tend's pages as a system with this colour scheme or motion setting would show it (emulated in
 * that tab only, so one browser serves every look), and waits until the page follows it.
 */
export async function openAs(tend: Tend, name: Parameters<Tend['open']>[0], media: Media, query = ''): Promise<Page> {
  const page = await tend.open(name, query, media);
  const html = () => page.evaluate(() => ({ ...document.documentElement.dataset }));
  if (media.colorScheme) await expect.poll(async () => (await html()).scheme).toBe(media.colorScheme);
  if (media.reducedMotion) await expect.poll(async () => (await html()).motion).toBe(media.reducedMotion === 'reduce' ? 'reduce' : 'full');
  return page;
}

export const ALL_DAY = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);

export async function alarms(tend: Tend): Promise<{ name: string; scheduledTime: number }[]> {
  return inWorker(tend, () => chrome.alarms.getAll());
}

export async function notifications(tend: Tend): Promise<Record<string, unknown>> {
  return inWorker(tend, () => chrome.notifications.getAll() as Promise<Record<string, unknown>>);
}

/** Merges `patch` into one stored record of Tend's IndexedDB, as set-up for a test. */
async function patchRecord(page: Page, store: 'prefs' | 'state', key: string, patch: object): Promise<void> {
  await page.evaluate(
    async ([storeName, recordKey, changes]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('tend');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const tx = db.transaction(storeName, 'readwrite');
      const records = tx.objectStore(storeName);
      const current = await new Promise<Record<string, unknown>>((ok) => {
        const r = records.get(recordKey);
        r.onsuccess = () => ok((r.result as Record<string, unknown>) ?? {});
      });
      records.put({ ...current, ...changes }, recordKey);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    [store, key, patch] as const,
  );
}

/**
 * Writes preferences straight into Tend's IndexedDB, as set-up for a test; `announce` also tells the open pages,
 * as Tend's own writes do, so they show the change without a reload.
 */
export async function patchPrefs(page: Page, patch: Partial<Prefs>, { announce = false } = {}): Promise<void> {
  await patchRecord(page, 'prefs', 'prefs', patch);
  if (announce) await page.evaluate(() => new BroadcastChannel('tend:tend').postMessage('prefs'));
}

/** Merges `patch` into one record of Tend's 'state' store (nudge, setup…), as set-up for a test. */
export async function patchState(page: Page, key: string, patch: object): Promise<void> {
  await patchRecord(page, 'state', key, patch);
}

/** Does what Tend's scheduler does when it plans a nudge: stores the time and sets the alarm for it. */
export async function scheduleNudgeAt(tend: Tend, page: Page, when: number): Promise<void> {
  await patchRecord(page, 'state', 'nudge', { plannedAt: when, lastNudgeAt: null });
  await tend.worker.evaluate((at) => chrome.alarms.create('tend-nudge', { when: at }), when);
}

export async function readStored(page: Page, store: 'prefs' | 'state' | 'talks', key: string): Promise<unknown> {
  return page.evaluate(
    async ([s, k]) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('tend');
        r.onsuccess = () => ok(r.result);
      });
      const value = await new Promise((ok) => {
        const r = db.transaction(s as string).objectStore(s as string).get(k as string);
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return value;
    },
    [store, key],
  );
}

/** Today's idea once the popup has read its data (a cached idea may show a moment before). */
export async function ideaText(page: Page): Promise<string> {
  await page.waitForSelector('main:not([aria-busy]) .idea-text');
  return ((await page.textContent('.idea-text')) ?? '').trim();
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * axe-core's serious and critical findings on a page, or inside one part of it (injected past the page's CSP);
 * `only` limits the run to some rules (e.g. colour contrast, for a look whose structure a full run already saw).
 */
export async function seriousA11yIssues(page: Page, within?: string, only?: string[]): Promise<string[]> {
  // Colours ease in after a theme change: judge contrast once every transition has ended.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  // axe is about 650 KB of script: brought into a page once, kept for its later runs (a new document has none).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async ([selector, rules]) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Element | Document, o: object) => Promise<Result> } }).axe;
    const context = selector ? (document.querySelector(selector) as Element) : document;
    const result = await axe.run(context, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, [within ?? null, only ?? null] as const);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}

export const welcomePages = (context: BrowserContext) => context.pages().filter((p) => p.url().includes('/welcome.html'));

/**
 * Asks the service worker to check its alarm, as an opened popup does. The worker does one job at a time, so it
 * answers once every job queued before this one (install, start-up, a plan) has run.
 */
export async function workerSettled(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ tend: 'popup-opened' }));
}

/** The welcome tab the browser opened by itself after the install. */
export async function openedWelcome(context: BrowserContext): Promise<Page> {
  const [page] = await waitFor(async () => welcomePages(context), (pages) => pages.length > 0, 15_000);
  await (page as Page).waitForSelector('h1');
  return page as Page;
}

/** Opens the popup with the welcome counted as done, nudges neither paused nor snoozed, and the data read. */
export async function openReady(tend: Tend): Promise<Page> {
  const page = await tend.open('popup');
  await patchState(page, 'setup', { finishedAt: Date.now() });
  // Each test starts from nudges that are neither paused nor snoozed, whatever a test before it left.
  await patchState(page, 'nudge', { pausedUntil: null, pausedIndefinitely: false, snoozedUntil: null, lastNudgeAt: null });
  await page.reload();
  await ideaText(page);
  return page;
}

/** The popup's status line about nudges, with the narrow spaces some locales put in times made plain. */
export const nudgeLineText = async (page: Page): Promise<string> =>
  ((await page.locator('.nudge-line p').first().textContent()) ?? '').replace(/\u2060/g, '').replace(/[\u2009\u202f\u00a0]/g, ' ').trim();
