/**
 * The welcome in a real Chromium: it opens by itself on a fresh install (and never again), nothing
 * is planned before "Start Tend", exactly one alarm after it; readable in light and dark (German: german.test.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusingProxy, requestsThatLeft, waitFor } from './chrome-harness';
import { alarms, notifications, openedWelcome, readStored, seriousA11yIssues, useTend, welcomePages, workerSettled } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());

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
    // Once the worker answers, its install and start-up work has run.
    await workerSettled(welcome);
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
    // Every plan asked for by then has been made: still one alarm.
    await workerSettled(welcome);
    expect(await alarms(session.tend)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('"See today\'s idea" opens today\'s idea: the popup, or where the browser refuses it, its page in this tab', async () => {
    expect(await welcome.locator('button.primary').allTextContents()).toEqual(["See today's idea"]);
    const picked = async () => ((await readStored(welcome, 'state', 'picker')) as { today?: unknown } | undefined)?.today ?? null;
    expect(await picked()).toBeNull();
    await welcome.getByRole('button', { name: "See today's idea" }).click();
    // The toolbar popup (a target the test's page list does not hold), or today's idea in a tab.
    const cdp = await session.tend.context.newCDPSession(welcome);
    const popupOpen = async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      if (targetInfos.some((target) => target.type === 'page' && target.url.endsWith('/popup.html'))) return true;
      for (const page of session.tend.context.pages()) {
        if (page.url().includes('/popup.html') && (await page.locator('.idea-text').count()) > 0) return true;
      }
      return false;
    };
    await expect.poll(popupOpen, { timeout: 10_000 }).toBe(true);
    // The popup asked for today's idea, so it is picked and stored now.
    await expect.poll(picked, { timeout: 10_000 }).not.toBeNull();
    await cdp.detach();
    expect(errors).toEqual([]);
  });

  it('does not open again after a restart, and the one alarm stays', async () => {
    await welcome.close();
    await session.relaunch();
    // Once the worker answers, its install and start-up work (which would open the welcome) has run; a tab it
    // opened would reach the browser's list of pages a moment later, so a short pause still stands after it.
    const options = await session.tend.open('options');
    await workerSettled(options);
    await options.waitForTimeout(300);
    await options.close();
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

describe('privacy', () => {
  it('no request left the browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
