/**
 * Tend's look in a real Chromium: no serious axe findings in light and dark, every palette's contrast, and
 * the system's reduced-motion setting under the choice in settings. The system's colour scheme and motion
 * setting are emulated per tab, so one browser serves every look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE_IDS } from '../../model/prefs';
import { RefusingProxy, requestsThatLeft } from './chrome-harness';
import { ideaText, openAs, patchPrefs, seriousA11yIssues, useTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const session = useTend(() => ({ proxy }));

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`popup and options in ${scheme} mode have no serious or critical axe findings, and every palette's contrast holds`, async () => {
      const tend = session.tend;
      const options = await openAs(tend, 'options', { colorScheme: scheme });
      await options.waitForSelector('main');
      const popup = await openAs(tend, 'popup', { colorScheme: scheme });
      await ideaText(popup);
      for (const palette of PALETTE_IDS) {
        // The whole of axe once per page and scheme; the other palettes change only colours.
        const only = palette === PALETTE_IDS[0] ? undefined : ['color-contrast'];
        // Stored and announced as Settings does: both open pages follow without a reload.
        await patchPrefs(options, { palette, themeMode: 'system' }, { announce: true });
        for (const page of [options, popup]) {
          // A tab in the background runs no transitions, and axe waits for them to end.
          await page.bringToFront();
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.palette)).toBe(palette);
          expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe(scheme);
          expect(await seriousA11yIssues(page, undefined, only), `${palette} ${page.url()}`).toEqual([]);
        }
      }
      await popup.close();
      await options.close();
      expect(tend.pageErrors).toEqual([]);
    });
  }
});

describe('motion', () => {
  it('follows the system\'s reduced-motion setting by default, and the choice in settings over it', async () => {
    const tend = session.tend;
    const popup = await openAs(tend, 'popup', { reducedMotion: 'reduce' });
    await ideaText(popup);
    expect(await popup.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('button') as Element).transitionDuration)).toBe('0s');
    const options = await tend.open('options');
    await options.getByRole('group', { name: 'Motion' }).getByLabel('Gentle transitions').check();
    await popup.reload();
    await ideaText(popup);
    expect(await popup.evaluate(() => document.documentElement.dataset.motion)).toBe('full');
    await popup.close();
    await options.close();
    expect(tend.pageErrors).toEqual([]);
  });
});

describe('privacy', () => {
  it('no request left the browser while the look was checked', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
