/**
 * The welcome in a real Firefox, in the shared session of firefox.test.ts: it opens by itself after the install,
 * nothing is planned before "Start Tend", exactly one alarm after it, and it does not open again once finished.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { alarms, clickShown, evaluate, waitUntil, type FirefoxSession, type FirefoxTend } from '../firefox-harness';

/** Tabs showing the welcome (puppeteer may not see where Firefox itself navigated a tab, so each is asked). */
async function welcomePages(tend: FirefoxTend): Promise<Page[]> {
  const pages = await tend.browser.pages();
  const urls = await Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => p.url())));
  return pages.filter((_, i) => urls[i]?.includes('/welcome.html'));
}

/**
 * Asks the background to check its alarm, as an opened popup does. It does one job at a time, so it answers once
 * every job queued before this one (install, start-up, a plan) has run.
 */
async function backgroundSettled(page: Page): Promise<void> {
  await evaluate(page, (b) => b.runtime.sendMessage({ tend: 'popup-opened' }));
}

async function openedWelcome(tend: FirefoxTend): Promise<Page> {
  const end = Date.now() + 15_000;
  for (;;) {
    const [page] = await welcomePages(tend);
    if (page) {
      await waitUntil(page, 'input[name="when"]');
      return page;
    }
    if (Date.now() > end) throw new Error(`The welcome did not open; tabs: ${(await tend.browser.pages()).map((p) => p.url()).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** First in the session (launched with the welcome left unfinished): the welcome, up to "Start Tend". */
export function welcomeInFirefox(session: FirefoxSession): void {
  describe('Firefox: welcome on install', () => {
    let welcome: Page;

    it('opens by itself, with the Firefox way to find the button, and plans nothing yet', async () => {
      welcome = await openedWelcome(session.tend);
      expect(await welcomePages(session.tend)).toHaveLength(1);
      const text = await welcome.evaluate(() => document.querySelector('main')?.textContent ?? '');
      expect(text).toContain('Welcome to Tend');
      expect(text).toContain('extensions button');
      // Once the background answers, its install and start-up work has run.
      await backgroundSettled(welcome);
      expect(await evaluate(welcome, (b) => b.alarms.getAll())).toEqual([]);
    });

    it('"Start Tend" plans exactly one nudge', async () => {
      await clickShown(welcome, 'input[name="per-day"][value="2"]');
      await welcome.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start Tend')?.click(),
      );
      await waitUntil(welcome, '.done-line');
      await waitUntil(welcome, async (b) => (await b.alarms.getAll()).length > 0);
      // Every plan asked for by then has been made: still one alarm.
      await backgroundSettled(welcome);
      const list = await evaluate(welcome, (b) => b.alarms.getAll());
      expect(list.map((a) => a.name)).toEqual(['tend-nudge']);
      const at = new Date(list[0]?.scheduledTime ?? 0);
      const minute = at.getHours() * 60 + at.getMinutes();
      expect(minute >= 18 * 60 + 30 && minute < 21 * 60 + 30).toBe(true);
      await welcome.close();
    });
  });
}

/** After the session's relaunch: the finished welcome stays closed, and the popup speaks of the next nudge. */
export function welcomeAfterRelaunchInFirefox(session: FirefoxSession): void {
  describe('Firefox: the welcome after a restart', () => {
    it('does not open again after a restart once finished', async () => {
      const page = await session.tend.open('options', 'main');
      // Once the background answers, its install and start-up work (which would open the welcome) has run; a tab
      // it opened takes a moment more to be listed, so a short pause still stands after it.
      await backgroundSettled(page);
      await new Promise((r) => setTimeout(r, 300));
      expect(await welcomePages(session.tend)).toEqual([]);
      expect((await alarms(page)).map((a) => a.name)).toEqual(['tend-nudge']);
      await page.close();
      expect(session.tend.proxyConnections).toBe(0);
    });

    it("the popup says calmly when the next nudge comes, and shows a week's check-in only when asked", async () => {
      const popup = await session.tend.open('popup', '.idea-text');
      await waitUntil(popup, () => /^Next nudge: (tonight|today|tomorrow|[A-Z][a-z]+), /.test((document.querySelector('.nudge-line p')?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ')));
      expect(await popup.evaluate(() => document.querySelector('.checkin-card'))).toBeNull();
      await popup.close();
      const asked = await session.tend.open('popup', '.idea-text', { query: '#checkin' });
      await waitUntil(asked, () => document.body.textContent?.includes('How has closeness felt this week?') ?? false);
      await asked.close();
    });
  });
}
