/**
 * The weekly check-in in a real Chromium, with the extension's clock (pages and service worker alike)
 * moved a week on at a time: when it comes, what an answer says, the counsellor card, Settings' list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROME_DIR, inWorker } from './chrome-harness';
import { patchPrefs, patchState, seriousA11yIssues, useTend } from './chrome-steps';

const DAY = 24 * 3600_000;
const QUESTION = 'How has closeness felt this week?';
const session = useTend();


async function storedCheckIns(page: Page): Promise<{ answer: string; note: string; at: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('tend');
      r.onsuccess = () => ok(r.result);
    });
    const all = await new Promise<unknown[]>((ok) => {
      const r = db.transaction('checkins').objectStore('checkins').getAll();
      r.onsuccess = () => ok(r.result as unknown[]);
    });
    db.close();
    return all as { answer: string; note: string; at: number }[];
  });
}

/** Opens the popup with the extension's clock at `time`, once today's idea has been read. */
async function popupAt(time: number, hash = ''): Promise<Page> {
  await session.tend.setTime(time);
  const popup = await session.tend.open('popup', hash);
  await popup.waitForSelector('main:not([aria-busy]) .idea-text');
  return popup;
}

/** A card that came by itself waits as one line under today's idea: its button opens it. */
async function openInvited(popup: Page, button: 'Answer' | 'Read'): Promise<void> {
  await expect.poll(() => popup.locator('.checkin-invite').getByRole('button', { name: button }).count()).toBe(1);
  await popup.locator('.checkin-invite').getByRole('button', { name: button }).click();
}

/**
 * Counts `text` in the popup once a card that was wrongly due would have shown: the check-in loads and reads its
 * own few records a moment after today's idea, and nothing signals that it stays away, so a short pause stands.
 */
async function countLater(popup: Page, text: string): Promise<number> {
  await popup.waitForTimeout(300);
  return popup.getByText(text).count();
}

/** The focused element's outline style, with the question the focus should be on. */
async function focusOutline(popup: Page): Promise<{ on: string; outline: string }> {
  return popup.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    return { on: focused.textContent ?? '', outline: getComputedStyle(focused).outlineStyle };
  });
}

async function answer(popup: Page, words: string, note = ''): Promise<void> {
  await popup.getByLabel(words, { exact: true }).check();
  if (note) await popup.getByLabel('A private note (optional)').fill(note);
  await popup.getByRole('button', { name: 'Save' }).click();
}

describe('the weekly check-in', () => {
  // A chosen local noon (the browser runs in this process's zone): the welcome is finished at T0; days
  // count in local time, so the weeks below fall on the same local days at any hour and in any zone.
  // Ahead of the real date (alarms Chromium holds in real time never come due during the test), in May
  // and June, far from any change to summer time.
  const T0 = new Date(2030, 4, 6, 12).getTime();

  it('does not come in the first week after the welcome, then comes as one line under today\'s idea', async () => {
    const setup = await session.tend.open('options');
    await setup.waitForSelector('main');
    await patchState(setup, 'setup', { finishedAt: T0 });
    await setup.close();

    let popup = await popupAt(T0 + 6 * DAY);
    expect(await countLater(popup, QUESTION)).toBe(0);
    await popup.close();

    popup = await popupAt(T0 + 7 * DAY);
    // One clock: the service worker answers for the same moment as the popup.
    expect(await inWorker(session.tend, () => [Date.now(), new Date().getTime()])).toEqual([T0 + 7 * DAY, T0 + 7 * DAY]);
    await expect.poll(() => popup.locator('.checkin-invite').count()).toBe(1);
    const invite = await popup.locator('.checkin-invite').boundingBox();
    const idea = await popup.locator('.today .idea-card').boundingBox();
    expect((invite?.y ?? 0) > (idea?.y ?? 0) + (idea?.height ?? 0)).toBe(true);
    expect(await seriousA11yIssues(popup)).toEqual([]);
    await openInvited(popup, 'Answer');
    await expect.poll(() => popup.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    // Opened by a click, the page moves the focus to the question, with no ring around it.
    await expect.poll(() => focusOutline(popup)).toEqual({ on: QUESTION, outline: 'none' });
    // Opened, the card takes the place of the idea's quiet actions.
    expect(await popup.getByRole('button', { name: 'Another idea' }).count()).toBe(0);
    expect(await seriousA11yIssues(popup)).toEqual([]);

    await answer(popup, 'Like a job', 'A long week at work');
    await expect.poll(() => popup.textContent('main')).toContain('This week Tend leans toward presence, easing stress');
    expect(await popup.getByRole('link', { name: /Pressure and permission/ }).count()).toBe(1);
    expect(await storedCheckIns(popup)).toMatchObject([{ answer: 'job', note: 'A long week at work', at: T0 + 7 * DAY }]);
    await popup.close();

    // The same day again, and the next: answered, so nothing.
    popup = await popupAt(T0 + 8 * DAY);
    expect(await countLater(popup, QUESTION)).toBe(0);
    await popup.close();
  });

  it('a second "Like a job" week brings the counsellor card once', async () => {
    let popup = await popupAt(T0 + 14 * DAY);
    await openInvited(popup, 'Answer');
    await expect.poll(() => popup.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    await answer(popup, 'Like a job');
    await expect.poll(() => popup.textContent('main')).toContain('This week Tend leans toward presence');
    // What shows is decided as the popup opens: no counsellor card pushed in under the answer.
    expect(await popup.getByText('Many couples go through').count()).toBe(0);
    await popup.close();

    popup = await popupAt(T0 + 14 * DAY + 3600_000);
    await openInvited(popup, 'Read');
    await expect.poll(() => popup.getByText('Many couples go through').count()).toBe(1);
    expect(await popup.textContent('main')).toContain('A couples counsellor or a sex therapist');
    expect(await popup.getByRole('link', { name: /What has changed between us/ }).count()).toBe(1);
    expect(await seriousA11yIssues(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Close' }).click();
    expect(await popup.getByText('Many couples go through').count()).toBe(0);
    await popup.close();

    popup = await popupAt(T0 + 15 * DAY);
    expect(await countLater(popup, 'Many couples go through')).toBe(0);
    expect(await popup.getByText(QUESTION).count()).toBe(0);
    await popup.close();
  });

  it('"Check in now" (#checkin) opens the card any time; "Not now" waits for the next day', async () => {
    let popup = await popupAt(T0 + 16 * DAY, '#checkin');
    await expect.poll(() => popup.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    // The page opened on the card: the focus is on the question, without a ring.
    await expect.poll(() => focusOutline(popup)).toEqual({ on: QUESTION, outline: 'none' });
    await popup.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('comes back tomorrow');
    await popup.close();

    // Due again a week after the last answer; "Not now" holds it back for that day only.
    popup = await popupAt(T0 + 21 * DAY);
    await openInvited(popup, 'Answer');
    await expect.poll(() => popup.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('comes back tomorrow');
    await popup.close();
    popup = await popupAt(T0 + 21 * DAY + 3 * 3600_000);
    expect(await countLater(popup, QUESTION)).toBe(0);
    await popup.close();
    popup = await popupAt(T0 + 22 * DAY);
    // From the keyboard, the moved focus shows its ring.
    const invite = popup.locator('.checkin-invite').getByRole('button', { name: 'Answer' });
    await expect.poll(() => invite.count()).toBe(1);
    await invite.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focusOutline(popup)).toEqual({ on: QUESTION, outline: 'solid' });
    await popup.close();
  });

  it('Settings lists the check-ins, deletes one with Undo, and passes axe in light and dark', async () => {
    await session.tend.setTime(T0 + 22 * DAY);
    const options = await session.tend.open('options');
    const list = options.locator('.checkin-list li');
    await expect.poll(() => list.count()).toBe(2);
    expect(await list.first().textContent()).toContain('Like a job');
    expect(await list.last().textContent()).toContain('A long week at work');
    expect(await seriousA11yIssues(options)).toEqual([]);

    await list.first().getByRole('button', { name: /^Delete the check-in of / }).click();
    await expect.poll(() => list.count()).toBe(1);
    expect(await storedCheckIns(options)).toHaveLength(1);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.count()).toBe(2);
    expect(await storedCheckIns(options)).toHaveLength(2);

    // The card inline, then dark.
    await options.getByRole('button', { name: 'Check in now' }).click();
    await expect.poll(() => options.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    expect(await seriousA11yIssues(options)).toEqual([]);
    await patchPrefs(options, { themeMode: 'dark' });
    await options.reload();
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await expect.poll(() => list.count()).toBe(2);
    await options.getByRole('button', { name: 'Check in now' }).click();
    expect(await seriousA11yIssues(options)).toEqual([]);
    await options.close();

    const popup = await popupAt(T0 + 22 * DAY, '#checkin');
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await expect.poll(() => popup.getByRole('heading', { name: QUESTION }).count()).toBe(1);
    expect(await seriousA11yIssues(popup)).toEqual([]);
    await popup.close();
  });

  it('the counsellor card passes axe in dark too', async () => {
    // Two more "Like a job" weeks, four weeks after the card was shown.
    let popup = await popupAt(T0 + 43 * DAY, '#checkin');
    await answer(popup, 'Like a job');
    await expect.poll(() => popup.textContent('main')).toContain('This week Tend leans toward');
    await popup.close();
    popup = await popupAt(T0 + 43 * DAY + 3600_000);
    await openInvited(popup, 'Read');
    await expect.poll(() => popup.getByText('Many couples go through').count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(await seriousA11yIssues(popup)).toEqual([]);
    await popup.close();
  });

  it('"Delete all data" removes the check-ins', async () => {
    const options = await session.tend.open('options');
    await expect.poll(() => options.locator('.checkin-list li').count()).toBe(3);
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => options.textContent('main')).toContain('All data deleted');
    expect(await storedCheckIns(options)).toEqual([]);
    await expect.poll(() => options.locator('.checkin-list li').count()).toBe(0);
    expect(await options.textContent('main')).toContain('No check-ins yet.');
    await options.close();
  });

  it('never reaches a notification: the worker holds none of its words', () => {
    const worker = readdirSync(CHROME_DIR).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(CHROME_DIR, f), 'utf8'));
    expect(worker.join('')).not.toMatch(/checkInQuestion|leaningJob|counsellorHeading/);
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});
