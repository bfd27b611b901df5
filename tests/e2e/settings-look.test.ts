/**
 * Settings as a person sees it, in a real Chromium: a bar of section chips at phone width with nothing
 * wider than the screen, the current section marked, no serious axe findings in light and dark, unticked
 * controls with visible edges in every palette, "Saved" in the section that changed, the hours greyed
 * while nudges are off, and the share button that cannot act yet saying why.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PALETTE_IDS } from '../../model/prefs';
import { contrastRatio } from '../../look/theme';
import { openAs, patchPrefs, readStored, seriousA11yIssues, useTend } from './chrome-steps';

const session = useTend();
const PHONE = { width: 360, height: 740 };

/** The section links, each with whether it is marked current and where it sits. */
const chips = (page: Page) =>
  page.$$eval('.section-nav a', (links) =>
    links.map((a) => ({ text: a.textContent, current: a.getAttribute('aria-current'), top: a.getBoundingClientRect().top })),
  );
const currentSection = async (page: Page) => (await chips(page)).filter((c) => c.current).map((c) => c.text);

/** "#rrggbb" from a computed "rgb(r, g, b)". */
const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

describe('Settings at phone width', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the sections as one row of chips, fits 360 px, and has no serious axe findings (${scheme})`, async () => {
      const options = await openAs(session.tend, 'options', { colorScheme: scheme });
      await options.setViewportSize(PHONE);
      await options.waitForSelector('main h1');
      const row = await chips(options);
      // One chip for each section of the page, and nothing else.
      const sections = await options.locator('main.options h2').allTextContents();
      expect(row.map((c) => c.text)).toEqual(sections.map((h) => h.trim()));
      // One row: every chip at the same height; the bar scrolls sideways inside itself.
      expect(new Set(row.map((c) => Math.round(c.top))).size).toBe(1);
      expect(await options.evaluate(() => getComputedStyle(document.querySelector('.section-nav') as Element).position)).toBe('sticky');
      // Opened, "Edit by day" (the widest part) still fits.
      await options.getByText('Edit by day').click();
      await expect.poll(() => options.getByRole('group', { name: 'Monday, window 1' }).isVisible()).toBe(true);
      expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousA11yIssues(options), scheme).toEqual([]);
      // A chip jumps to its section: the heading shows just below the bar, and that chip is marked.
      await options.getByRole('navigation').getByRole('link', { name: 'Your data' }).click();
      await expect
        .poll(() =>
          options.evaluate(() => {
            const bar = (document.querySelector('.section-nav') as Element).getBoundingClientRect().bottom;
            const heading = (document.getElementById('data') as Element).getBoundingClientRect().top;
            return heading >= bar && heading < bar + 80;
          }),
        )
        .toBe(true);
      expect(await currentSection(options)).toEqual(['Your data']);
      await options.close();
    });
  }
});

describe('Settings: where am I, and what changed', () => {
  it('marks the current section in the side list (aria-current), after a jump and while scrolling', async () => {
    const options = await session.tend.open('options');
    await options.setViewportSize({ width: 1100, height: 800 });
    await options.waitForSelector('main h1');
    expect(await currentSection(options)).toEqual(['Nudges']);
    await options.getByRole('navigation').getByRole('link', { name: 'Look' }).click();
    await expect.poll(() => currentSection(options)).toEqual(['Look']);
    expect((await chips(options)).find((c) => c.text === 'Look')?.current).toBe('location');
    await options.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => currentSection(options)).toEqual(['Nudges']);
    await options.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => currentSection(options)).toEqual(['About Tend']);
    await options.close();
  });

  it('says "Saved" as quiet text in the section that changed, not in a corner', async () => {
    const options = await session.tend.open('options');
    await options.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
    const look = options.locator('section[aria-labelledby="look"] .saved');
    await expect.poll(() => look.textContent()).toBe('Saved');
    expect(await options.locator('section[aria-labelledby="nudges"] .saved').textContent()).toBe('');
    const style = await look.evaluate((el) => {
      const s = getComputedStyle(el);
      return { position: s.position, border: s.borderTopStyle, background: s.backgroundColor };
    });
    expect(style).toEqual({ position: 'static', border: 'none', background: 'rgba(0, 0, 0, 0)' });
    await options.getByRole('group', { name: 'Theme' }).getByLabel('System').check();
    await options.close();
  });
});

describe('Settings: controls', () => {
  it('an unticked checkbox and radio keep an edge of at least 3:1 against their card, in every palette, light and dark', async () => {
    const options = await session.tend.open('options');
    await options.waitForSelector('main h1');
    for (const themeMode of ['light', 'dark'] as const) {
      for (const palette of PALETTE_IDS) {
        await patchPrefs(options, { palette, themeMode }, { announce: true });
        await expect.poll(() => options.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ palette, scheme: themeMode });
        await options.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
        const seen = await options.evaluate(() => {
          const card = document.querySelector('section[aria-labelledby="nudges"]') as Element;
          const edge = (selector: string) => getComputedStyle(card.querySelector(selector) as Element).borderTopColor;
          return {
            checkbox: edge('input[type=checkbox]:not(:checked)'),
            radio: edge('input[type=radio]:not(:checked)'),
            card: getComputedStyle(card).backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
          };
        });
        for (const control of [seen.checkbox, seen.radio]) {
          for (const background of [seen.card, seen.page]) {
            expect(contrastRatio(hex(control), hex(background)), `${palette} ${themeMode}`).toBeGreaterThanOrEqual(3);
          }
        }
      }
    }
    await patchPrefs(options, { palette: 'dusk', themeMode: 'system' }, { announce: true });
    await options.close();
  });

  it('a palette is chosen by its swatch: a real radio over the whole swatch, named, reachable by keyboard', async () => {
    const options = await session.tend.open('options');
    const palettes = options.getByRole('group', { name: 'Palette' });
    await palettes.locator('.choice', { hasText: 'Sage' }).click();
    await expect.poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { palette: string }).palette).toBe('sage');
    expect(await palettes.getByLabel('Sage').isChecked()).toBe(true);
    // The arrow keys move along the swatches, as in any radio group.
    await palettes.getByLabel('Sage').focus();
    await options.keyboard.press('ArrowRight');
    await expect.poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { palette: string }).palette).toBe('clay');
    const ring = await palettes.locator('.choice', { hasText: 'Clay' }).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    await palettes.getByLabel('Dusk').check();
    await options.close();
  });

  it('"No nudges for now" greys out the hours, with one line that says why; choosing how often brings them back', async () => {
    const options = await session.tend.open('options');
    const hours = options.locator('.when-part');
    await options.getByRole('group', { name: 'How often?' }).getByLabel('No nudges for now').check();
    await expect.poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { nudgesEnabled: boolean }).nudgesEnabled).toBe(false);
    expect(await hours.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    expect(await options.textContent('#when-off')).toBe('Nudges are off, so these hours wait. Choose how often above to use them again.');
    // Still readable: shown, its words in the muted colour, not faded away.
    expect(await hours.isVisible()).toBe(true);
    expect(await hours.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await seriousA11yIssues(options, 'section[aria-labelledby="nudges"]')).toEqual([]);
    await options.getByRole('group', { name: 'How often?' }).getByLabel('Twice a day').check();
    await expect.poll(() => hours.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    expect(await options.locator('#when-off').count()).toBe(0);
    await expect
      .poll(async () => (await readStored(options, 'prefs', 'prefs')) as { nudgesEnabled: boolean; nudgesPerDay: number })
      .toMatchObject({ nudgesEnabled: true, nudgesPerDay: 2 });
    await options.getByRole('group', { name: 'How often?' }).getByLabel('Once a day').check();
    await options.close();
  });

  it('with no ideas of one\'s own, the share button stays, disabled, with its reason beside it', async () => {
    const options = await session.tend.open('options');
    const share = options.getByRole('button', { name: 'Save our ideas as a text file' });
    expect(await share.isDisabled()).toBe(true);
    expect(await share.getAttribute('aria-describedby')).toBe('own-share-none');
    expect(await options.textContent('#own-share-none')).toBe('Write or bring in an idea first: there is nothing to save yet.');
    await options.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});
