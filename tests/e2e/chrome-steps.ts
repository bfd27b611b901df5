/** Small steps the Chrome tests share: reading and writing Tend's data the way the extension stores it. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Prefs } from '../../model/prefs';
import { afterAll, beforeAll } from 'vitest';
import { inWorker, launchTend, tempProfile, type LaunchOptions, type Tend } from './chrome-harness';
import { libraryTexts } from './shared';

export const IDEA_TEXTS = libraryTexts('ideas.json');

/** One browser on its own profile for a describe block; `relaunch` restarts it on the same profile. */
export function useTend(options: () => LaunchOptions = () => ({})) {
  const profile = tempProfile();
  const session = {
    tend: null as unknown as Tend,
    async relaunch() {
      await session.tend.close();
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

/** Writes preferences straight into Tend's IndexedDB, as set-up for a test. */
export async function patchPrefs(page: Page, patch: Partial<Prefs>): Promise<void> {
  await patchRecord(page, 'prefs', 'prefs', patch);
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
  await page.evaluate(AXE);
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
