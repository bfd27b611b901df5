/** The settings page in a real Chromium: inline validation, filters, export and import, delete all. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA } from '../../backup/backup';
import { waitFor } from './chrome-harness';
import { alarms, ideaText, readStored, useTend } from './chrome-steps';

const session = useTend();

describe('settings', () => {
  it('offers how often as choices from none to six a day (nothing more to mistype), and saves 3', async () => {
    const options = await session.tend.open('options');
    const often = options.getByRole('group', { name: 'How often?' });
    const values = await often.locator('input[type=radio]').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
    expect(values).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(await often.getByLabel('Once a day').isChecked()).toBe(true);
    await often.getByLabel('Three times a day').check();
    await expect.poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { nudgesPerDay: number }).nudgesPerDay).toBe(3);
    expect(await options.getByRole('alert').count()).toBe(0);
    await often.getByLabel('Once a day').check();
    await expect.poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { nudgesPerDay: number }).nudgesPerDay).toBe(1);
    await options.close();
  });

  it('shows an inline message for a window that ends before it starts, and does not save it', async () => {
    const options = await session.tend.open('options');
    await options.getByText('Edit by day').click();
    const monday = options.getByRole('group', { name: 'Monday, window 1' });
    await monday.getByLabel('to').fill('17:00');
    await expect.poll(() => monday.getByRole('alert').textContent()).toContain('The end is before the start');
    const saved = (await readStored(options, 'prefs', 'prefs')) as { windows: { start: number; end: number }[][] };
    expect(saved.windows[1]).toEqual([{ start: 18 * 60 + 30, end: 21 * 60 + 30 }]);
    // Ticking "ends the next day" makes it a valid overnight window, saved at once.
    await monday.getByLabel('ends the next day').check();
    await expect
      .poll(async () => ((await readStored(options, 'prefs', 'prefs')) as { windows: { end: number }[][] }).windows[1])
      .toEqual([{ start: 18 * 60 + 30, end: 17 * 60 + 1440 }]);
    await options.close();
  });

  it('filters change the popup at once: only "Just for you" ideas, then a clear message when nothing fits', async () => {
    const options = await session.tend.open('options');
    const kinds = options.getByRole('group', { name: 'Kinds of ideas' });
    for (const label of ['Touch', 'Talk', 'Presence', 'Honesty', 'Play', 'Care', 'Appreciation', 'Letting go of scripts', 'Easing stress']) {
      await kinds.getByLabel(label, { exact: true }).uncheck();
    }
    const popup = await session.tend.open('popup');
    await ideaText(popup);
    expect(await popup.textContent('.idea-category')).toBe('Just for you');
    await expect.poll(() => options.textContent('#ideas-count')).toMatch(/^\d+ ideas match your choices\.$/);
    // A change that leaves nothing asks first; "Keep as it was" changes nothing.
    await kinds.getByLabel('Just for you').click();
    await options.getByRole('button', { name: 'Keep as it was' }).click();
    expect(await kinds.getByLabel('Just for you').isChecked()).toBe(true);
    // The open popup follows at once, without reopening.
    await kinds.getByLabel('Just for you').click();
    await options.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('No idea fits the kinds, length or company you chose.');
    for (const label of ['Just for you', 'Touch']) await kinds.getByLabel(label, { exact: true }).check();
    await popup.close();
    await options.close();
  });

  it('a theme chosen in settings shows at once in an open popup', async () => {
    const popup = await session.tend.open('popup');
    await ideaText(popup);
    const options = await session.tend.open('options');
    await options.getByRole('group', { name: 'Palette' }).getByLabel('Sage').check();
    await options.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(await popup.evaluate(() => document.documentElement.dataset.palette)).toBe('sage');
    await options.getByRole('group', { name: 'Theme' }).getByLabel('System').check();
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.scheme)).toBe('light');
    await popup.close();
    await options.close();
  });

  it('exports a file that imports back; a damaged file gets a message and changes nothing', async () => {
    const options = await session.tend.open('options');
    await options.getByRole('group', { name: 'Palette' }).getByLabel('Tide').check();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(file).toMatchObject({ app: 'tend', schema: BACKUP_SCHEMA, prefs: { palette: 'tide' } });

    await options.getByRole('group', { name: 'Palette' }).getByLabel('Clay').check();
    const damaged = { ...file, history: [{ day: 'yesterday' }] };
    await options.getByLabel('Import from a file').setInputFiles({
      name: 'session.tend.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });
    await expect.poll(() => options.getByRole('alert').first().textContent()).toBe(
      'One entry in the history of ideas shown in this file could not be read. Nothing was changed.',
    );
    expect(((await readStored(options, 'prefs', 'prefs')) as { palette: string }).palette).toBe('clay');

    await options.getByLabel('Import from a file').setInputFiles({
      name: 'session.tend.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    // Import shows what the file holds and asks first.
    await expect.poll(() => options.textContent('#import-question')).toMatch(/^From .*your settings\.$/);
    await options.getByRole('button', { name: 'Replace what is here' }).click();
    await expect.poll(() => options.textContent('section[aria-labelledby="data"]')).toContain('Imported');
    expect(((await readStored(options, 'prefs', 'prefs')) as { palette: string }).palette).toBe('tide');
    await expect.poll(() => options.getByRole('group', { name: 'Palette' }).getByLabel('Tide').isChecked()).toBe(true);
    await options.close();
  });

  it('"Delete all data" asks first, then leaves a fresh start with one alarm', async () => {
    const options = await session.tend.open('options');
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Keep my data' }).click();
    expect(await readStored(options, 'prefs', 'prefs')).toBeDefined();
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => options.textContent('main')).toContain('All data deleted');
    expect(await readStored(options, 'prefs', 'prefs')).toBeUndefined();
    expect(await options.getByRole('group', { name: 'Theme' }).getByLabel('System').isChecked()).toBe(true);
    const list = await waitFor(() => alarms(session.tend), (a) => a.length === 1);
    const at = new Date(list[0]?.scheduledTime as number);
    expect(at.getHours() * 60 + at.getMinutes()).toBeGreaterThanOrEqual(18 * 60 + 30);
    await options.close();
  });

  it('every control can be reached with Tab, and each shows a visible focus ring', async () => {
    const options = await session.tend.open('options');
    await options.waitForSelector('main');
    // Controls inside a closed disclosure ("Edit by day") are not Tab stops until it is opened, nor is a disabled
    // button (it says why beside it).
    const count = () =>
      options.evaluate(
        () => [...document.querySelectorAll('button:not(:disabled), input, select, summary, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => (el as HTMLElement).checkVisibility() || (el as HTMLElement).matches('.file-button input')).length,
      );
    // Parts of the page come a moment after the rest (the tracks' list, pairing, sync): count once all have come.
    await options.waitForSelector('#sync-heading');
    await expect.poll(() => options.locator('[aria-busy="true"]').count()).toBe(0);
    const total = await count();
    const seen = new Set<string>();
    // Time inputs take a Tab stop per field (hours, minutes…), so go round generously.
    for (let i = 0; i < total * 3; i++) {
      await options.keyboard.press('Tab');
      const focus = await options.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // A hidden file input, and a palette's radio over its swatch, show their ring on the label around them.
        const ringed = el.matches('.file-button input, .swatches input') ? (el.closest('label') as HTMLElement) : el;
        const style = getComputedStyle(ringed);
        const path = [...document.querySelectorAll('button, input, select, summary, a[href]')].indexOf(el);
        return { path, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (focus.path < 0) continue;
      expect(focus.ring, `control #${focus.path} has no focus ring`).toBe(true);
      seen.add(String(focus.path));
    }
    // Radio groups take one Tab stop each; everything else takes its own.
    // Counted again at the end, so a control that came while Tab went round (three times) is counted too.
    const controls = await count();
    const radioGroups = await options.evaluate(() => new Set([...document.querySelectorAll('input[type=radio]')].filter((r) => (r as HTMLElement).checkVisibility()).map((r) => (r as HTMLInputElement).name)).size);
    const radios = await options.evaluate(() => [...document.querySelectorAll('input[type=radio]')].filter((r) => (r as HTMLElement).checkVisibility()).length);
    expect(seen.size).toBe(controls - radios + radioGroups);
    await options.close();
  });

  it('shows the keyboard shortcut', async () => {
    const options = await session.tend.open('options');
    await expect.poll(() => options.textContent('main')).toContain('Open today\'s idea with Alt+Shift+Y');
    await options.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});
