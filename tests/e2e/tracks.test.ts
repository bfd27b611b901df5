/**
 * Tracks over weeks in a real Chromium, with the extension's clock (pages and service worker alike) set
 * on a late evening in Berlin: a track started in Settings shows its first step in the popup in place of
 * today's idea; "We did this" brings the idea back with a quiet line; just after midnight the next step
 * shows; stopping it brings today's idea back. Axe in light and dark, no request leaving the browser. And
 * "We live apart for now": the popup's idea that needs one place gives way to one that works apart.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracks } from '../../tracks/tracks';
import { wallToEpoch } from '../../together/zone-time';
import { RefusingProxy, requestsThatLeft } from './chrome-harness';
import { patchState, readStored, seriousA11yIssues, useTend } from './chrome-steps';
import { parseIdeas, placeOf } from '../../model/vocabulary';
import { zoneDayKey } from '../../together/zone-time';

const TRACKS = parseTracks(JSON.parse(readFileSync('assets/library/tracks.json', 'utf8')));
const TOUCH = TRACKS.find((t) => t.id === 'track-touch')!;
const IDEAS = parseIdeas(JSON.parse(readFileSync('assets/library/ideas.json', 'utf8')));
const HAND_IN_HAND = IDEAS.find((idea) => idea.id === 'touch-002')!;
const WORKS_APART = new Set(IDEAS.filter((idea) => placeOf(idea) !== 'together').map((idea) => idea.text));
const ZONE = 'Europe/Berlin';
/** 23:40 on a Tuesday in Berlin: the next step's day begins twenty minutes later. */
const EVENING = wallToEpoch(ZONE, '2031-03-04', 23 * 60 + 40);

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const session = useTend(() => ({ proxy, timezone: ZONE }));

const heading = (page: Page) => page.locator('#today-heading').textContent();
const item = (page: Page, title: string) => page.locator('.track-item').filter({ has: page.getByRole('heading', { name: title }) });

async function popupAt(time: number): Promise<Page> {
  await session.tend.setTime(time);
  const popup = await session.tend.open('popup');
  await popup.waitForSelector('main:not([aria-busy]) .idea-text');
  return popup;
}

describe('tracks over weeks', () => {
  it('started in Settings, a step shows in the popup; "We did this" rests until the next day; stopping brings the idea back', async () => {
    try {
      await session.tend.setTime(EVENING);
      const settings = await session.tend.open('options', '#tracks');
      await item(settings, TOUCH.title).getByRole('button', { name: 'Start this track' }).click();
      await expect.poll(() => settings.locator('section[aria-labelledby="tracks"] [role=status]').textContent()).toContain(`Started: “${TOUCH.title}”`);

      let popup = await popupAt(EVENING + 60_000);
      await expect.poll(() => heading(popup)).toBe(`${TOUCH.title} · step 1 of ${TOUCH.steps.length}`);
      expect(await popup.textContent('.idea-text')).toBe(TOUCH.steps[0]?.text);
      expect(await seriousA11yIssues(popup)).toEqual([]);
      await popup.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
      expect(await seriousA11yIssues(popup)).toEqual([]);
      // Keyboard: the one primary action is reached and pressed without a pointer.
      await popup.getByRole('button', { name: 'We did this' }).focus();
      await popup.keyboard.press('Enter');
      await expect.poll(() => heading(popup)).toBe("Today's idea");
      expect(await popup.textContent('.track-line')).toBe(`${TOUCH.title}: the next step comes tomorrow.`);
      await popup.close();

      // Twenty minutes later it is the next day in Berlin: the next step.
      popup = await popupAt(EVENING + 20 * 60_000);
      await expect.poll(() => heading(popup)).toBe(`${TOUCH.title} · step 2 of ${TOUCH.steps.length}`);
      expect(await popup.textContent('.idea-text')).toBe(TOUCH.steps[1]?.text);
      await popup.close();

      await settings.reload();
      await expect.poll(() => item(settings, TOUCH.title).textContent()).toContain(`step 2 of ${TOUCH.steps.length} is in the popup`);
      expect(await seriousA11yIssues(settings, 'section[aria-labelledby="tracks"]')).toEqual([]);
      await item(settings, TOUCH.title).getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => item(settings, TOUCH.title).textContent()).toContain(`${TOUCH.steps.length} small steps`);
      popup = await popupAt(EVENING + 30 * 60_000);
      await expect.poll(() => heading(popup)).toBe("Today's idea");
      expect(await popup.locator('.track-line').count()).toBe(0);
      await Promise.all([popup.close(), settings.close()]);
      expect(session.tend.pageErrors).toEqual([]);
    } finally {
      await session.tend.setTime(null);
    }
  });

  it('"We live apart for now" in Settings: the popup\'s idea that needs one place gives way to one that works apart', async () => {
    const LATER = EVENING + 3 * 86_400_000;
    try {
      await session.tend.setTime(LATER);
      let popup = await popupAt(LATER);
      // Today's idea is one for a walk hand in hand: it needs one place.
      await patchState(popup, 'picker', { today: { day: zoneDayKey(LATER, ZONE), ideaId: HAND_IN_HAND.id } });
      await popup.reload();
      await expect.poll(() => popup.textContent('.idea-text')).toBe(HAND_IN_HAND.text);
      await popup.close();

      const settings = await session.tend.open('options', '#ideas');
      const apart = settings.getByRole('checkbox', { name: /We live apart for now/ });
      await apart.check();
      await expect.poll(() => settings.locator('#ideas').locator('..').textContent()).toContain('Saved');

      popup = await popupAt(LATER + 60_000);
      const text = await popup.textContent('.idea-text');
      expect(text).not.toBe(HAND_IN_HAND.text);
      expect(WORKS_APART.has(text ?? '')).toBe(true);
      await popup.close();
      await apart.uncheck();
      await expect.poll(() => readStored(settings, 'prefs', 'prefs')).toMatchObject({ livingApart: false });
      await settings.close();
      expect(session.tend.pageErrors).toEqual([]);
    } finally {
      await session.tend.setTime(null);
    }
  });

  it('no request left the browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
