/**
 * The popup in a real Chromium: the status line in each state, the empty state's way out,
 * favourites that can be used, accessibility in light and dark (German labels: german.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../model/vocabulary';
import { RefusingProxy, requestsThatLeft } from './chrome-harness';
import { ideaText, IDEA_TEXTS, nudgeLineText as lineText, openReady as openReadyIn, patchPrefs, patchState, seriousA11yIssues, useTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());

describe('the popup', () => {
  const session = useTend(() => ({ proxy }));
  const openReady = () => openReadyIn(session.tend);

  it('says when the next nudge comes, that nudges are off (Turn on), paused (Resume), or that setup is unfinished', async () => {
    const page = await openReady();
    await expect.poll(() => lineText(page)).toMatch(/^Next nudge: (tonight|today|tomorrow|[A-Z][a-z]+day), \d{1,2}:\d\d/);

    await patchPrefs(page, { nudgesEnabled: false });
    await page.reload();
    await expect.poll(() => lineText(page)).toBe('Nudges are off · Turn on');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => lineText(page)).toMatch(/^Next nudge: /);
    await expect.poll(() => page.textContent('.status-row .status')).toBe('Nudges are on.');

    await patchState(page, 'nudge', { pausedUntil: Date.now() + 2 * 86_400_000, pausedIndefinitely: false });
    await page.reload();
    await expect.poll(() => lineText(page)).toMatch(/^Nudges paused until [A-Z][a-z]{2} \d{1,2}:\d\d [AP]M · Resume$/);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => lineText(page)).toMatch(/^Next nudge: /);

    // Pause from the quiet menu, one click after opening it; no "Later" when no nudge came.
    await page.locator('.nudge-menu summary').click();
    expect(await page.getByRole('button', { name: 'in 15 min' }).count()).toBe(0);
    await page.getByRole('button', { name: '1 hour' }).click();
    // An hour late in the evening reaches into the next day, which then names its weekday.
    await expect.poll(() => lineText(page)).toMatch(/^Nudges paused until ([A-Z][a-z]{2} )?\d{1,2}:\d\d [AP]M · Resume$/);
    await page.getByRole('button', { name: 'Resume' }).click();

    // A nudge shown an hour ago: "Later" is offered.
    await patchState(page, 'nudge', { lastNudgeAt: Date.now() - 3_600_000 });
    await page.reload();
    await page.locator('.nudge-menu summary', { hasText: 'Later, or pause nudges' }).click();
    await page.getByRole('button', { name: 'in 15 min' }).click();
    await expect.poll(() => page.textContent('.status-row .status')).toBe('All right, the nudge comes later.');

    await patchState(page, 'setup', { finishedAt: null });
    await page.reload();
    await expect.poll(() => lineText(page)).toBe('No nudges until setup is done · Finish setting up');
    const [welcome] = await Promise.all([
      session.tend.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Finish setting up' }).click(),
    ]);
    expect(welcome.url()).toContain('/welcome.html');
    await welcome.close();
  });

  it('brings an idea back at once when the filters leave none', async () => {
    const page = await openReady();
    await patchPrefs(page, { modeFilter: 'solo', hiddenCategories: [...CATEGORIES] });
    await page.reload();
    await page.getByRole('button', { name: 'Show all kinds again' }).click();
    expect(IDEA_TEXTS.has(await ideaText(page))).toBe(true);
    await expect.poll(() => page.textContent('.status-row .status')).toBe('Ideas are back.');
    await page.close();
  });

  it('favourites: a toggle that reads differently when on; shown again, copied, removed from the list', async () => {
    const page = await openReady();
    const first = await ideaText(page);
    await page.getByRole('button', { name: 'Favourite', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'In favourites' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Another idea' }).click();
    await expect.poll(() => ideaText(page)).not.toBe(first);

    const favourites = page.locator('details:has(summary:has-text("Favourites"))');
    await favourites.locator('summary').click();
    await favourites.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.textContent('.status-row .status')).toContain('Copied');
    await favourites.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => ideaText(page)).toBe(first);
    // Today's idea is not offered to be shown again, and the recent list leaves it out.
    expect(await favourites.getByRole('button', { name: 'Show' }).count()).toBe(0);
    const recent = page.locator('details:has(summary:has-text("Recent ideas"))');
    await recent.locator('summary').click();
    expect(await recent.locator('.idea-list-text').allTextContents()).not.toContain(expect.stringContaining(first));
    await favourites.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => favourites.textContent()).toContain('Ideas you mark as favourite');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility issues in ${scheme} mode, menus and lists open`, async () => {
      const page = await openReady();
      await page.emulateMedia({ colorScheme: scheme });
      // Both toggles on, as they look when pressed.
      for (const label of ['Favourite', 'We tried this', 'I did this']) {
        const off = page.getByRole('button', { name: label, exact: true });
        if ((await off.count()) > 0) await off.click();
      }
      await expect.poll(() => page.locator('button.toggle[aria-pressed="true"]').count()).toBe(2);
      await page.locator('.nudge-menu summary').click();
      for (const summary of await page.locator('.more summary').all()) await summary.click();
      // What the disclosures hold loads when they open: checked once it is there, not its "Loading…".
      await expect.poll(() => page.locator('details [aria-busy]').count()).toBe(0);
      await expect.poll(() => page.locator('.nudge-menu .choice-row').count()).toBeGreaterThan(0);
      expect(await seriousA11yIssues(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('privacy', () => {
  it('no request left the browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
