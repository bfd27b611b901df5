/**
 * The welcome in a real Chromium: it opens by itself on a fresh install (and never again), nothing
 * is planned before "Start Tend", exactly one alarm after it; readable in light, dark and German.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusingProxy, waitFor } from './chrome-harness';
import { alarms, notifications, readStored, seriousA11yIssues, useTend, withTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());

const welcomePages = (context: BrowserContext) => context.pages().filter((p) => p.url().includes('/welcome.html'));

/** The welcome tab the browser opened by itself after the install. */
async function openedWelcome(context: BrowserContext): Promise<Page> {
  const [page] = await waitFor(async () => welcomePages(context), (pages) => pages.length > 0, 15_000);
  await (page as Page).waitForSelector('h1');
  return page as Page;
}

describe('welcome on install', () => {
  const session = useTend(() => ({ proxy, setUp: false }));
  let welcome: Page;
  const errors: string[] = [];

  it('opens by itself once, and nothing is planned before it is finished', async () => {
    welcome = await openedWelcome(session.tend.context);
    welcome.on('pageerror', (e) => errors.push(e.message));
    expect(welcomePages(session.tend.context)).toHaveLength(1);
    expect(await welcome.textContent('h1')).toBe('Welcome to Tend');
    expect(await welcome.textContent('main')).toContain('Nothing leaves this browser');
    expect(await welcome.textContent('main')).toContain('puzzle-piece menu');
    // The worker has run its install and start-up work by now; give it a moment more anyway.
    await welcome.waitForTimeout(1500);
    expect(await alarms(session.tend)).toEqual([]);
    expect(await readStored(welcome, 'state', 'setup')).toBeUndefined();
  });

  it('has preselected choices, each closeness level shown by an example idea', async () => {
    expect(await welcome.isChecked('input[name="when"][value="evenings"]')).toBe(true);
    expect(await welcome.isChecked('input[name="per-day"][value="1"]')).toBe(true);
    expect(await welcome.isChecked('input[name="intensity"][value="warm"]')).toBe(true);
    await expect.poll(() => welcome.locator('.example').count()).toBe(3);
  });

  it('has no serious accessibility issues, light and dark', async () => {
    expect(await seriousA11yIssues(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => welcome.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await welcome.waitForTimeout(400); // colours ease over; measured once they have settled
    expect(await seriousA11yIssues(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'light' });
  });

  it('sends a preview nudge without planning one', async () => {
    await welcome.getByRole('button', { name: 'Send a preview nudge' }).click();
    await expect.poll(() => welcome.textContent('main')).toContain('A preview nudge is on its way.');
    expect(Object.keys(await notifications(session.tend))).toEqual(['tend-nudge']);
    expect(await alarms(session.tend)).toEqual([]);
  });

  it('"Start Tend" saves the choices and plans exactly one nudge, inside the hours chosen', async () => {
    await welcome.getByLabel('Weekday evenings, weekend afternoons').check();
    await welcome.getByLabel('Twice a day').check();
    await welcome.getByRole('button', { name: 'Start Tend' }).click();
    await expect.poll(() => welcome.textContent('main')).toContain("Tend is ready. Click the Tend button in your toolbar for today's idea.");
    const list = await waitFor(() => alarms(session.tend), (a) => a.length > 0);
    expect(list.map((a) => a.name)).toEqual(['tend-nudge']);
    const at = new Date(list[0]?.scheduledTime as number);
    const minutes = at.getHours() * 60 + at.getMinutes();
    const weekend = at.getDay() === 0 || at.getDay() === 6;
    if (weekend) expect(minutes >= 14 * 60 && minutes < 17 * 60).toBe(true);
    else expect(minutes >= 18 * 60 + 30 && minutes < 21 * 60 + 30).toBe(true);
    const prefs = (await readStored(welcome, 'prefs', 'prefs')) as { nudgesPerDay: number; maxIntensity: string };
    expect(prefs).toMatchObject({ nudgesPerDay: 2, maxIntensity: 'warm' });
    expect(((await readStored(welcome, 'state', 'setup')) as { finishedAt: number }).finishedAt).toBeGreaterThan(0);
    await welcome.waitForTimeout(500);
    expect(await alarms(session.tend)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('does not open again after a restart, and the one alarm stays', async () => {
    await welcome.close();
    await session.relaunch();
    await new Promise((r) => setTimeout(r, 2500));
    expect(welcomePages(session.tend.context)).toEqual([]);
    expect(await alarms(session.tend)).toHaveLength(1);
    // Opened by hand, it says Tend is set up.
    const page = await session.tend.open('welcome');
    await expect.poll(() => page.textContent('main')).toContain('Tend is already set up.');
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.close();
    expect(session.tend.pageErrors).toEqual([]);
  });
});

describe('welcome in German', () => {
  it('speaks German, with lang "de", and has no serious accessibility issues', async () => {
    await withTend({ proxy, setUp: false, lang: 'de' }, async (tend) => {
      // Here the install happens while Chromium starts, and the tab it opens can come up before Chromium hands
      // Tend the browser's language (seen: lang "en-US"); a real install happens in a running browser. The
      // German page is checked as it opens now; the English test above checks the tab the install opens.
      await openedWelcome(tend.context);
      const page = await tend.open('welcome');
      await page.waitForSelector('h1');
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
      expect(await page.textContent('h1')).toBe('Willkommen bei Tend');
      expect(await page.textContent('main')).toContain('Tend starten');
      expect(await page.title()).toBe('Willkommen bei Tend');
      await expect.poll(() => page.locator('.example').first().textContent()).toMatch(/^Zum Beispiel: /);
      expect(await seriousA11yIssues(page)).toEqual([]);
      expect(await alarms(tend)).toEqual([]);
    });
  });
});
