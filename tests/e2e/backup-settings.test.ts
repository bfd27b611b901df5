/**
 * Backups in a real Chromium: a file without settings keeps the current ones and the question says so,
 * a file over a limit gets a message in words, and exported file names carry the local date — in a
 * zone far ahead of UTC and one far behind, at a moment when the UTC date is another day.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readStored, withTend } from './chrome-steps';

/** Runs `fn` with this process, and the Chromium it starts, in `zone`; then restores the zone. */
async function inZone<T>(zone: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

async function exportFile(options: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export to a file' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
}

async function importFile(options: Page, file: object): Promise<void> {
  await options.getByLabel('Import from a file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
}

const palette = async (options: Page) => ((await readStored(options, 'prefs', 'prefs')) as { palette: string }).palette;

// Kiritimati is UTC+14: just after local midnight, UTC is still the day before.
// Adak is UTC−10 (−9 in summer): just before local midnight, UTC is already the next day.
const ZONES = [
  { zone: 'Pacific/Kiritimati', local: [2026, 2, 10, 0, 30] as const },
  { zone: 'America/Adak', local: [2026, 2, 10, 23, 30] as const },
];

describe('backups and settings', () => {
  for (const { zone, local } of ZONES) {
    it(`in ${zone}: file names carry the local date; a file without settings keeps them; a file over a limit is named in words`, async () => {
      await inZone(zone, () =>
        withTend({}, async (tend) => {
          const [year, month, day, hour, minute] = local;
          const now = new Date(year, month, day, hour, minute).getTime();
          // The moment really is another day in UTC, so the test can tell the two dates apart.
          expect(new Date(now).toISOString().slice(0, 10)).not.toBe('2026-03-10');
          await tend.setTime(now);
          const options = await tend.open('options');
          expect(await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
          expect(await options.evaluate(() => new Date().getDate())).toBe(10);

          // An own idea, so "Save our ideas as a text file" can act.
          await options.getByLabel('Your idea', { exact: true }).fill('Tea on the steps before the day starts');
          await options.getByRole('button', { name: 'Add idea' }).click();
          await expect.poll(() => options.getByRole('button', { name: 'Save our ideas as a text file' }).isEnabled()).toBe(true);
          const [ideasFile] = await Promise.all([
            options.waitForEvent('download'),
            options.getByRole('button', { name: 'Save our ideas as a text file' }).click(),
          ]);
          expect(ideasFile.suggestedFilename()).toBe('tend-ideas-2026-03-10.txt');

          await options.getByRole('group', { name: 'Palette' }).getByLabel('Tide').check();
          await expect.poll(() => palette(options)).toBe('tide');
          const exported = await exportFile(options);
          expect(exported.name).toBe('tend-backup-2026-03-10.json');

          // A file without settings: the question says they stay, and they do.
          const { prefs: _prefs, ...withoutSettings } = JSON.parse(exported.text);
          await options.getByRole('group', { name: 'Palette' }).getByLabel('Clay').check();
          await expect.poll(() => palette(options)).toBe('clay');
          await importFile(options, withoutSettings);
          await expect.poll(() => options.textContent('#import-settings')).toContain('It holds no settings, so yours stay as they are.');
          expect(await options.textContent('#import-question')).not.toContain('settings');
          await options.getByRole('button', { name: 'Replace what is here' }).click();
          await expect
            .poll(() => options.textContent('section[aria-labelledby="data"]'))
            .toContain('Imported. What the file held is here now, and your settings stayed as they were.');
          expect(await palette(options)).toBe('clay');
          expect(await options.getByRole('group', { name: 'Palette' }).getByLabel('Clay').isChecked()).toBe(true);

          // Over a limit: said in words, not "damaged", and nothing changes.
          const idea = withoutSettings.ownIdeas[0];
          const tooMany = { ...withoutSettings, ownIdeas: Array.from({ length: 1001 }, (_, i) => ({ ...idea, id: `own-${i}`, createdAt: i })) };
          await importFile(options, tooMany);
          await expect
            .poll(() => options.getByRole('alert').first().textContent())
            .toBe('This file holds more than 1,000 ideas of your own, more than Tend keeps. Nothing was changed.');
          expect(await options.locator('#import-question').count()).toBe(0);

          // A file with settings says they will be replaced, and replaces them.
          await importFile(options, JSON.parse(exported.text));
          await expect.poll(() => options.textContent('#import-settings')).toContain("your settings become the file's.");
          await options.getByRole('button', { name: 'Replace what is here' }).click();
          await expect.poll(() => palette(options)).toBe('tide');
          expect(tend.pageErrors).toEqual([]);
          await options.close();
        }),
      );
    });
  }
});
