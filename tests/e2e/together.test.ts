/**
 * Two people, two browsers: two Chromium profiles in two time zones pair through the pages (the code
 * copied from one, pasted into the other), then for seven days, both clocks moved together (pages and
 * workers), both popups show the same idea and both alarms lie within a minute of each other.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_OWN_HOSTS, inWorker, RefusingProxy, waitFor } from './chrome-harness';
import { alarms, ideaText, useTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());

const DAY_MS = 86_400_000;
/** Noon UTC on a Monday years ahead: 13:00 in Berlin and 07:00 in New York, the same calendar day in both. */
const START = Date.UTC(2031, 0, 6, 12, 0);

const together = (page: Page) => page.locator('section[aria-labelledby="together"]');

/** Asks the worker to plan anew, as a page does after a change, and reads the one nudge alarm's time. */
async function plannedAlarm(tend: ReturnType<typeof useTend>['tend'], page: Page): Promise<number> {
  await page.evaluate(() => chrome.runtime.sendMessage({ tend: 'replan' }));
  const list = await alarms(tend);
  expect(list.map((a) => a.name)).toEqual(['tend-nudge']);
  return list[0]?.scheduledTime as number;
}

describe('two Tends in step', () => {
  const anna = useTend(() => ({ proxy, timezone: 'Europe/Berlin' }));
  const ben = useTend(() => ({ proxy, timezone: 'America/New_York' }));

  it('pair by a code sent from one to the other; a code with a typo is refused first', async () => {
    await anna.tend.setTime(START);
    await ben.tend.setTime(START);
    const annaSettings = await anna.tend.open('options', '#together');
    // What Copy puts on the clipboard is what the other person pastes (headless Chromium gives extension pages no clipboard to read).
    await annaSettings.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    await together(annaSettings).getByRole('button', { name: 'Pair with your partner' }).click();
    await together(annaSettings).getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => together(annaSettings).getByText('Copied', { exact: true }).count()).toBe(1);
    const code = await annaSettings.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(code).toMatch(/^TEND-[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
    expect(code).toBe((await together(annaSettings).locator('.pair-code').textContent())?.trim());

    const benSettings = await ben.tend.open('options', '#together');
    await together(benSettings).getByRole('button', { name: 'I have a code' }).click();
    const field = together(benSettings).getByLabel("Your partner's code");
    const typo = code.slice(0, 8) + (code[8] === 'X' ? 'Y' : 'X') + code.slice(9);
    await field.fill(typo);
    await together(benSettings).getByRole('button', { name: 'Check code' }).click();
    await expect.poll(() => together(benSettings).getByRole('alert').textContent()).toContain('mistyped');
    expect(await together(benSettings).getByRole('button', { name: 'Pair', exact: true }).count()).toBe(0);

    // A whole code is read as it is pasted: what pairing means and what the code carries show at once.
    await field.fill(code);
    await expect.poll(() => together(benSettings).textContent()).toContain("Your partner's Tend suggests:");
    // Anna's evenings, 6:30–9:30 PM in Berlin, are 12:30–3:30 PM in New York, and the page says whose clock counts.
    expect(await together(benSettings).textContent()).toContain('Berlin');
    await together(benSettings).getByRole('button', { name: 'Pair', exact: true }).click();
    await expect.poll(() => together(benSettings).textContent()).toContain('In step with your partner');
    await annaSettings.close();
    await benSettings.close();
  });

  it('for seven days both show the same idea and plan their nudge within the same minute', async () => {
    try {
      for (let day = 0; day < 7; day++) {
        // Each opens the popup at a different hour of the same pair day.
        const time = START + day * DAY_MS;
        await anna.tend.setTime(time);
        await ben.tend.setTime(time + 2 * 3_600_000);
        const [annaPopup, benPopup] = await Promise.all([anna.tend.open('popup'), ben.tend.open('popup')]);
        const [annaIdea, benIdea] = await Promise.all([ideaText(annaPopup), ideaText(benPopup)]);
        expect(benIdea, `day ${day}`).toBe(annaIdea);
        await expect.poll(() => benPopup.locator('.pair-line').textContent()).toBe('The same idea on both your Tends.');
        await ben.tend.setTime(time);
        const [annaAt, benAt] = await Promise.all([plannedAlarm(anna.tend, annaPopup), plannedAlarm(ben.tend, benPopup)]);
        expect(Math.abs(annaAt - benAt), `day ${day}: ${new Date(annaAt).toISOString()} and ${new Date(benAt).toISOString()}`).toBeLessThan(60_000);
        expect(annaAt).toBeGreaterThan(time);
        await Promise.all([annaPopup.close(), benPopup.close()]);
      }
    } finally {
      await Promise.all([anna.tend.setTime(null), ben.tend.setTime(null)]);
    }
  });

  it('"Another idea" goes one Tend its own way for the day, and "Back to our idea" returns', async () => {
    const time = START + 8 * DAY_MS;
    await Promise.all([anna.tend.setTime(time), ben.tend.setTime(time)]);
    try {
      const benPopup = await ben.tend.open('popup');
      const ours = await ideaText(benPopup);
      await benPopup.getByRole('button', { name: 'Another idea' }).click();
      await expect.poll(() => benPopup.locator('.pair-line').textContent()).toContain('Your own pick for today.');
      expect(await ideaText(benPopup)).not.toBe(ours);
      await benPopup.getByRole('button', { name: 'Back to our idea' }).click();
      await expect.poll(() => ideaText(benPopup)).toBe(ours);
      await benPopup.close();
    } finally {
      await Promise.all([anna.tend.setTime(null), ben.tend.setTime(null)]);
    }
  });

  it('stopping on one Tend asks first, then that Tend goes back to its own rhythm', async () => {
    const benSettings = await ben.tend.open('options', '#together');
    await together(benSettings).getByRole('button', { name: 'Stop being in step' }).click();
    await together(benSettings).getByRole('button', { name: 'Yes, stop' }).click();
    await expect.poll(() => together(benSettings).getByRole('button', { name: 'Pair with your partner' }).count()).toBe(1);
    const popup = await ben.tend.open('popup');
    await ideaText(popup);
    expect(await popup.locator('.pair-line').count()).toBe(0);
    expect(await inWorker(ben.tend, () => chrome.alarms.getAll())).toHaveLength(1);
    await waitFor(async () => ben.tend.pageErrors, (errors) => errors.length === 0);
    expect([...anna.tend.pageErrors, ...ben.tend.pageErrors]).toEqual([]);
  });

  it('no request left either browser', () => {
    expect(proxy.seen.filter((line) => !BROWSER_OWN_HOSTS.some((host) => line.includes(host)))).toEqual([]);
    for (const tend of [anna.tend, ben.tend]) {
      expect(tend.requests.filter((url) => !url.startsWith(`chrome-extension://${tend.extensionId}/`))).toEqual([]);
    }
  });
});
