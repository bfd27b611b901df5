/**
 * Two people, two browsers: two Chromium profiles in two time zones pair through the pages (the code
 * copied from one, pasted into the other), then for seven days, both clocks moved together (pages and
 * workers), both popups show the same idea and both alarms lie within a minute of each other; then they
 * share their weekly check-in words, sealed on the second Tend until it answered too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_OWN_HOSTS, inWorker, RefusingProxy, waitFor } from './chrome-harness';
import { alarms, ideaText, seriousA11yIssues, useTend } from './chrome-steps';

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

  it('share check-ins: sealed on the second Tend until it answers, then both words show on both', async () => {
    // A Wednesday of the pair's week, the same for both.
    const time = START + 9 * DAY_MS;
    await Promise.all([anna.tend.setTime(time), ben.tend.setTime(time)]);
    const checkIns = (page: Page) => page.locator('section[aria-labelledby="checkins"]');
    const shared = (page: Page) => checkIns(page).locator('.shared-words');
    const sideBySide = (page: Page) => shared(page).locator('.shared-both dl > div').evaluateAll((divs) => divs.map((d) => [...d.children].map((c) => c.textContent).join(': ')));
    const answer = async (page: Page, word: string, note = '') => {
      await checkIns(page).getByRole('button', { name: 'Check in now' }).click();
      await checkIns(page).getByLabel(word, { exact: true }).check();
      if (note) await checkIns(page).getByLabel('A private note (optional)').fill(note);
      await checkIns(page).getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => checkIns(page).locator('.checkin-list li').count()).toBe(1);
    };
    const copied = async (page: Page) => {
      await page.evaluate(() => {
        (window as unknown as { copied: string }).copied = '';
        navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text);
      });
      await shared(page).getByRole('button', { name: 'Share with my partner' }).click();
      await shared(page).getByRole('button', { name: 'Copy' }).click();
      return expect.poll(() => page.evaluate(() => (window as unknown as { copied: string }).copied)).toMatch(/^TENDWORD-/).then(() =>
        page.evaluate(() => (window as unknown as { copied: string }).copied),
      );
    };
    try {
      const annaSettings = await anna.tend.open('options', '#checkins');
      await answer(annaSettings, 'Like a job', 'Tired, mostly.');
      await shared(annaSettings).getByLabel('Send my note too').check();
      const annaCode = await copied(annaSettings);

      // Ben takes it in by keyboard before answering: it stays sealed, and nothing of Anna's word shows.
      const benSettings = await ben.tend.open('options', '#checkins');
      const field = shared(benSettings).getByLabel("A word from your partner's Tend");
      await field.focus();
      await benSettings.keyboard.insertText(annaCode);
      await benSettings.keyboard.press('Tab');
      await benSettings.keyboard.press('Enter');
      await expect.poll(() => shared(benSettings).textContent()).toContain('Answer yours first — then you see both.');
      expect(await checkIns(benSettings).textContent()).not.toMatch(/Like a job|Tired, mostly/);

      await answer(benSettings, 'Mixed');
      await expect.poll(() => sideBySide(benSettings)).toEqual(['Your word: Mixed', "Your partner's word: Like a job: Tired, mostly."]);
      expect(await checkIns(benSettings).locator('.checkin-list').textContent()).toContain('Your partner: Like a job');
      expect(await seriousA11yIssues(benSettings, 'section[aria-labelledby="checkins"]')).toEqual([]);
      await benSettings.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => benSettings.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
      expect(await seriousA11yIssues(benSettings, 'section[aria-labelledby="checkins"]')).toEqual([]);

      // Ben shares back; Anna answered already, so both words show at once.
      const benCode = await copied(benSettings);
      await shared(annaSettings).getByLabel("A word from your partner's Tend").fill(benCode);
      await shared(annaSettings).getByRole('button', { name: 'Take it in' }).click();
      await expect.poll(() => sideBySide(annaSettings)).toEqual(['Your word: Like a job', "Your partner's word: Mixed"]);
      expect(await shared(annaSettings).getByRole('link', { name: /Pressure and permission/ }).count()).toBe(1);

      // A word taken in twice is there already; Anna's own code is not Ben's to open twice over.
      await shared(benSettings).getByLabel("A word from your partner's Tend").fill(annaCode);
      await shared(benSettings).getByRole('button', { name: 'Take it in' }).click();
      await expect.poll(() => shared(benSettings).getByRole('status').allTextContents()).toContain('This word is here already.');
      await Promise.all([annaSettings.close(), benSettings.close()]);
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
