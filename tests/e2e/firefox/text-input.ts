/**
 * Text that goes in is text, in Firefox: a .txt file of ideas is decoded by its byte-order mark or as checked
 * UTF-8 (Latin-1 and binary files say so and offer nothing), and an idea of only invisible characters is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {  } from '../firefox-harness';
import type { FirefoxSession } from '../firefox-harness';

const NOT_PLAIN = 'This file is not plain UTF-8 text, so nothing was taken from it.';
const OWN = 'section[aria-labelledby="own"]';
/** Where the files a test chooses are written: made and removed by `textInputInFirefox`'s hooks. */
let files = '';

/** Chooses a file with these bytes in the bulk form's file button, as a person does. */
async function choose(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, bytes);
  const input = (await page.$(`${OWN} input[type=file]`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}
const sectionText = (page: Page) => page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', OWN);
const preview = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.own-preview li')].map((li) => li.textContent));
const listed = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.own-list .own-text')].map((e) => e.textContent));
const addButtons = (page: Page) =>
  page.evaluate((s: string) => [...document.querySelectorAll(`${s} button`)].filter((b) => /^Add \d+ ideas?$/.test(b.textContent?.trim() ?? '')).length, OWN);
async function textShows(page: Page, words: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await sectionText(page)).includes(words)) {
    if (Date.now() > end) throw new Error(`"${words}" never showed; the section says: ${await sectionText(page)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const units = [0xfeff, ...text.split('').map((c) => c.charCodeAt(0))];
  const bytes = Buffer.alloc(units.length * 2);
  units.forEach((u, i) => (littleEndian ? bytes.writeUInt16LE(u, i * 2) : bytes.writeUInt16BE(u, i * 2)));
  return bytes;
}
/** Puts text into a field and tells the page, as typing does. */
const fill = (page: Page, selector: string, text: string) =>
  page.evaluate(
    (sel: string, value: string) => {
      const field = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    text,
  );

/** Text that goes in is text, in Firefox: tests run in the shared Firefox session of firefox.test.ts. */
export function textInputInFirefox(session: FirefoxSession): void {
  describe('text that goes in is text, in Firefox', () => {
    beforeAll(() => {
      files = mkdtempSync(join(tmpdir(), 'tend-text-'));
    });
    afterAll(() => rmSync(files, { recursive: true, force: true }));
    const openSection = () => session.tend.open('options', OWN, { query: '#own' });

    it('a Latin-1 file says it is not plain UTF-8 text and offers nothing; "Café" never turns into "Caf�"', async () => {
      const page = await openSection();
      await choose(page, 'latin1.txt', Buffer.from('Café au lait together\nCrêpes for two\n', 'latin1'));
      await textShows(page, NOT_PLAIN);
      expect(await page.evaluate(() => (document.querySelector('#own-bulk-text') as HTMLTextAreaElement).value)).toBe('');
      expect(await addButtons(page)).toBe(0);
      expect(await sectionText(page)).not.toContain('\uFFFD');
      await page.close();
    });

    it('a binary file says the same and offers nothing', async () => {
      const page = await openSection();
      await choose(page, 'photo.txt', Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256));
      await textShows(page, NOT_PLAIN);
      expect(await addButtons(page)).toBe(0);
      await page.close();
    });

    it('a UTF-16 file with its mark is read as the words it holds, and added', async () => {
      const page = await openSection();
      await choose(page, 'utf16.txt', utf16('Café au lait together\r\nTee für zwei\r\n', true));
      await textShows(page, 'Add 2 ideas');
      expect(await preview(page)).toEqual(['Café au lait together', 'Tee für zwei']);
      await choose(page, 'utf16be.txt', utf16('Crêpes for two\n', false));
      await textShows(page, 'Add 1 idea');
      expect(await preview(page)).toEqual(['Crêpes for two']);
      await page.close();
    });

    it('an idea of only zero-width characters is refused with a message, and nothing is added', async () => {
      const page = await openSection();
      await fill(page, '#own-add-text', '\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F');
      await page.evaluate(() => (document.querySelector('#own-add-text') as HTMLInputElement).form?.querySelector<HTMLButtonElement>('button[type=submit]')?.click());
      await textShows(page, 'Only invisible characters here. Write a few words first.');
      expect(await listed(page)).toEqual([]);
      await page.close();
    });
  });
}
