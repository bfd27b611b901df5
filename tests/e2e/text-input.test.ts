/**
 * Text that goes in is text, in a real Chromium: a .txt file of ideas is decoded by its byte-order mark or as
 * checked UTF-8 (Latin-1 and binary files say so and offer nothing), a backup file too, and an idea of only
 * invisible characters is refused in both forms.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTend } from './chrome-steps';

const session = useTend();
const NOT_PLAIN = 'This file is not plain UTF-8 text, so nothing was taken from it.';
const ZERO_WIDTH = '\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F';

async function openSection(): Promise<Page> {
  const page = await session.tend.open('options', '#own');
  await page.waitForSelector('section[aria-labelledby="own"] h2');
  return page;
}
const section = (page: Page) => page.getByRole('region', { name: 'Your ideas' });
const listed = (page: Page) => page.locator('.own-list .own-text').allTextContents();
const choose = (page: Page, name: string, bytes: Uint8Array) =>
  section(page).getByLabel('Choose a text file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(bytes) });
/** The words as UTF-16 with the mark first, in either byte order. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const units = [0xfeff, ...[...text].join('').split('').map((c) => c.charCodeAt(0))];
  const bytes = Buffer.alloc(units.length * 2);
  units.forEach((u, i) => (littleEndian ? bytes.writeUInt16LE(u, i * 2) : bytes.writeUInt16BE(u, i * 2)));
  return bytes;
}
const addButtons = (page: Page) => section(page).getByRole('button', { name: /^Add \d+ ideas?$/ }).count();

describe('text that goes in is text', () => {
  it('a Latin-1 file says it is not plain UTF-8 text and offers nothing to add; "Café" never turns into "Caf�"', async () => {
    const page = await openSection();
    await choose(page, 'latin1.txt', Buffer.from('Café au lait together\nCrêpes for two\n', 'latin1'));
    await expect.poll(() => section(page).textContent()).toContain(NOT_PLAIN);
    expect(await section(page).getByLabel('Ideas, one per line').inputValue()).toBe('');
    expect(await addButtons(page)).toBe(0);
    expect(await section(page).textContent()).not.toContain('\uFFFD');
    await page.close();
  });

  it('a binary file says the same and offers nothing', async () => {
    const page = await openSection();
    const binary = Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256);
    await choose(page, 'photo.txt', binary);
    await expect.poll(() => section(page).textContent()).toContain(NOT_PLAIN);
    expect(await addButtons(page)).toBe(0);
    await page.close();
  });

  it('UTF-16 files with their mark (both byte orders) are read as the words they hold', async () => {
    const page = await openSection();
    await choose(page, 'le.txt', utf16('Café au lait together\r\nTee für zwei 🌿\r\n', true));
    await expect.poll(() => page.locator('.own-preview li').allTextContents()).toEqual(['Café au lait together', 'Tee für zwei 🌿']);
    await choose(page, 'be.txt', utf16('Crêpes for two\n', false));
    await expect.poll(() => page.locator('.own-preview li').allTextContents()).toEqual(['Crêpes for two']);
    await section(page).getByRole('button', { name: 'Add 1 idea' }).click();
    await expect.poll(() => listed(page)).toEqual(['Crêpes for two']);
    await page.close();
  });

  it('an idea of only zero-width characters is refused with a message in the single form, and counted blank in the bulk form', async () => {
    const page = await openSection();
    await section(page).getByLabel('Your idea', { exact: true }).fill(ZERO_WIDTH);
    await section(page).getByRole('button', { name: 'Add idea' }).click();
    await expect.poll(() => section(page).textContent()).toContain('Only invisible characters here. Write a few words first.');
    expect(await listed(page)).toEqual(['Crêpes for two']);
    await section(page).getByLabel('Ideas, one per line').fill(`${ZERO_WIDTH}\n\u200B\u200B\n`);
    await expect.poll(() => section(page).textContent()).toContain('Blank lines skipped: 2');
    expect(await addButtons(page)).toBe(0);
    await page.close();
  });

  it('a backup file that is not plain UTF-8 text is refused before it is read', async () => {
    const page = await session.tend.open('options');
    const json = Buffer.from('{"app":"tend","note":"Café"}', 'latin1');
    await page.getByLabel('Import from a file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: json });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(NOT_PLAIN);
    await page.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});
