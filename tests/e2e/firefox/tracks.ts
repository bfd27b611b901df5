/**
 * Tracks over weeks in a real Firefox: started in Settings, the track's first step shows in the popup in
 * today's idea's place; "We did this" brings today's idea back with a quiet line; stopped, no line remains.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { parseTracks } from '../../../tracks/tracks';
import { waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const TRACKS = parseTracks(JSON.parse(readFileSync('assets/library/tracks.json', 'utf8')));
const TALKING = TRACKS.find((t) => t.id === 'track-talking')!;

/** Clicks the button with exactly this text inside `within`. */
const press = (page: Page, within: string, name: string) =>
  page.evaluate(
    ([selector, label]) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>(`${selector} button`)].find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button ${label} in ${selector}`);
      button.click();
    },
    [within, name] as const,
  );
const text = (page: Page, selector: string) => page.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').trim(), selector);

/** Firefox: tracks; tests run in the shared Firefox session of firefox.test.ts. */
export function tracksInFirefox(session: FirefoxSession): void {
  describe('Firefox: tracks over weeks', () => {
    it("a track started in Settings shows its step in the popup; We did this brings today's idea back; Stop ends it", async () => {
      const settings = await session.tend.open('options', '.track-item button');
      const item = `.track-item:nth-child(${TRACKS.indexOf(TALKING) + 1})`;
      await press(settings, item, 'Start this track');
      await waitUntil(settings, () => [...document.querySelectorAll('.track-item button')].some((b) => b.textContent?.trim() === 'Stop'));

      const popup = await session.tend.open('popup', '.track-step');
      expect(await text(popup, '#today-heading')).toBe(`${TALKING.title} · step 1 of ${TALKING.steps.length}`);
      expect(await text(popup, '.idea-text')).toBe(TALKING.steps[0]?.text);
      await press(popup, '.today', 'We did this');
      await waitUntil(popup, '.track-line');
      expect(await text(popup, '#today-heading')).toBe("Today's idea");
      expect(await text(popup, '.track-line')).toBe(`${TALKING.title}: the next step comes tomorrow.`);
      await popup.close();

      await press(settings, item, 'Stop');
      await waitUntil(settings, () => ![...document.querySelectorAll('.track-item button')].some((b) => b.textContent?.trim() === 'Stop'));
      const after = await session.tend.open('popup', 'main:not([aria-busy]) .idea-text');
      expect(await text(after, '#today-heading')).toBe("Today's idea");
      expect(await after.evaluate(() => document.querySelector('.track-line'))).toBeNull();
      await after.close();
      await settings.close();
    });
  });
}
