/**
 * Pairing from a code in a real Firefox: the partner's code (made here, as their Tend makes it) pasted
 * into Settings › Together; then the popup shows the pair's idea of the pair's day, and the one alarm
 * lies at one of the pair's nudge moments. Then a check-in word sealed by the partner's Tend is taken in,
 * stays sealed until this Tend answered, and opens with Firefox's own WebCrypto.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import ideasJson from '../../../assets/library/ideas.json';
import nudgesJson from '../../../assets/library/nudges.json';
import { parseIdeas, parseNudgeLines } from '../../../model/vocabulary';
import { defaultPrefs } from '../../../model/prefs';
import { createPair, encodePairCode } from '../../../together/code/pair-code';
import { pairChoicesFrom } from '../../../together/code/pair-payload';
import { pairIdea } from '../../../together/pair-pick';
import { pairNudges } from '../../../together/pair-nudges';
import { addDays, zoneDayKey } from '../../../together/zone-time';
import { sealWord } from '../../../together/shared-checkin/sealed-word';
import { pairWeekOf } from '../../../together/shared-checkin/shared-week';
import { evaluate, waitUntil } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const ZONE = 'Pacific/Kiritimati';
const choices = { ...pairChoicesFrom(defaultPrefs(), []), windows: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]), nudgesPerDay: 3 };
const pair = createPair(Uint8Array.from({ length: 16 }, (_, i) => 200 - i), { zone: ZONE, choices, libraryFingerprint: 7 });
const library = parseIdeas(ideasJson);

/** Clicks the button with exactly this text inside the Together section. */
const press = (page: Page, name: string) =>
  page.evaluate((label: string) => {
    const section = document.querySelector('section[aria-labelledby="together"]');
    const button = [...(section?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
  }, name);

/** Firefox: pairing from a code: tests run in the shared Firefox session of firefox.test.ts. */
export function pairingInFirefox(session: FirefoxSession): void {
  describe('Firefox: pairing from a code', () => {
    it('takes in a pasted code after showing what it carries, then shows the pair’s idea and plans the pair’s moment', async () => {
      const settings = await session.tend.open('options', 'section[aria-labelledby="together"] button');
      await press(settings, 'I have a code');
      await waitUntil(settings, 'section[aria-labelledby="together"] textarea');
      await settings.evaluate((code: string) => {
        const field = document.querySelector('section[aria-labelledby="together"] textarea') as HTMLTextAreaElement;
        field.value = code;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }, `  ${encodePairCode(pair).toLowerCase()}\n`);
      await waitUntil(settings, '.pair-summary');
      expect(await settings.evaluate(() => document.querySelector('.pair-summary')?.textContent)).toContain("Your partner's Tend suggests:");
      await press(settings, 'Pair');
      await waitUntil(settings, () => document.querySelector('section[aria-labelledby="together"]')?.textContent?.includes('In step with'));

      const before = zoneDayKey(Date.now(), ZONE);
      const popup = await session.tend.open('popup', '.pair-line');
      const shown = await popup.evaluate(() => document.querySelector('.idea-text')?.textContent?.trim());
      const after = zoneDayKey(Date.now(), ZONE);
      expect(await popup.evaluate(() => document.querySelector('.pair-line')?.textContent)).toBe('The same idea on both your Tends.');
      const expected = await Promise.all([...new Set([before, after])].map((day) => pairIdea({ secret: pair.secret, library, choices, day })));
      expect(expected.map((r) => (r.kind === 'idea' ? r.idea.text : null))).toContain(shown);

      // The one alarm is one of the pair's moments of these days (the worker planned anew on pairing).
      const lines = parseNudgeLines(nudgesJson).map((l) => l.id);
      const moments = new Set((await Promise.all([-1, 0, 1, 2].map((d) => pairNudges(pair.secret, choices, ZONE, addDays(before, d), lines)))).flat().map((n) => n.at));
      const alarmTimes = () => evaluate(popup, async (b) => (await b.alarms.getAll()).map((a) => a.scheduledTime));
      await expect.poll(alarmTimes, { timeout: 15_000 }).toHaveLength(1);
      await expect.poll(async () => moments.has((await alarmTimes())[0] as number), { timeout: 15_000 }).toBe(true);
      await popup.close();
      await settings.close();
    });

    it("keeps the partner's check-in word sealed until this Tend answered, then shows both", async () => {
      const word = await sealWord(pair.secret, pairWeekOf(Date.now(), ZONE), { answer: 'connecting', note: 'A good Sunday.' }, new Uint8Array(12).fill(3));
      const settings = await session.tend.open('options', '.shared-words textarea');
      const inCheckIns = (selector: string, label: string) =>
        settings.evaluate(
          ([s, l]) => {
            const section = document.querySelector('section[aria-labelledby="checkins"]');
            const found = [...(section?.querySelectorAll<HTMLElement>(s) ?? [])].find((e) => e.textContent?.trim() === l);
            if (!found) throw new Error(`no ${s} ${l}`);
            found.click();
          },
          [selector, label] as const,
        );
      await settings.evaluate((code: string) => {
        const field = document.querySelector('.shared-words textarea') as HTMLTextAreaElement;
        field.value = code;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }, word);
      await inCheckIns('button', 'Take it in');
      await waitUntil(settings, () => document.querySelector('.shared-words')?.textContent?.includes('Answer yours first'));
      expect(await settings.evaluate(() => document.querySelector('section[aria-labelledby="checkins"]')?.textContent)).not.toContain('A good Sunday.');

      await inCheckIns('button', 'Check in now');
      await waitUntil(settings, '.checkin-card input[type=radio]');
      await inCheckIns('label', 'Mixed');
      await inCheckIns('button', 'Save');
      await waitUntil(settings, '.shared-both');
      const both = await settings.evaluate(() =>
        [...document.querySelectorAll('.shared-both dl > div')].map((d) => [...d.children].map((c) => c.textContent).join(': ')),
      );
      expect(both).toEqual(['Your word: Mixed', "Your partner's word: Like connecting: A good Sunday."]);
      await settings.close();
    });
  });
}
