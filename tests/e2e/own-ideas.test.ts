/** Settings › Your ideas in a real Chromium: add, markup as text, a relaunch, bulk import, sharing by file, axe (German: german.test.ts). */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Media, Tend } from './chrome-harness';
import { ideaText, openAs, seriousA11yIssues, useTend, withTend } from './chrome-steps';

const MARKUP = '<img src=x onerror=alert(1)>';
const TEA = 'Make tea and sit together for five minutes';

const session = useTend();

/** Opens Settings at "Your ideas", noting any dialog a script might open (there must be none). */
async function openSection(tend: Tend, media?: Media): Promise<{ page: Page; dialogs: string[] }> {
  const page = media ? await openAs(tend, 'options', media, '#own') : await tend.open('options', '#own');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.waitForSelector('section[aria-labelledby="own"] h2');
  return { page, dialogs };
}

const section = (page: Page) => page.getByRole('region', { name: 'Your ideas' });
const listed = (page: Page) => page.locator('.own-list .own-text').allTextContents();

async function addIdea(page: Page, text: string): Promise<void> {
  await section(page).getByLabel('Your idea', { exact: true }).fill(text);
  await section(page).getByRole('button', { name: 'Add idea' }).click();
  await expect.poll(() => listed(page)).toContain(text);
}

/** Everything the section can show at once: a listed idea, an open edit form, a bulk preview with every note. */
async function showEverything(page: Page): Promise<void> {
  await addIdea(page, TEA);
  await section(page).getByLabel('Ideas, one per line').fill(`One\n\nOne\n${'x'.repeat(170)}\nTwo\n`);
  await section(page).getByRole('button', { name: 'Edit' }).first().click();
  await page.waitForSelector('form[aria-label="Edit this idea"]');
}

describe('your own ideas', () => {
  it('adds an idea in Settings and lists it; markup shows as its characters, nothing runs', async () => {
    const { page, dialogs } = await openSection(session.tend);
    await expect.poll(() => section(page).textContent()).toContain('No ideas of your own yet');
    await addIdea(page, MARKUP);
    expect(await page.locator('.own-list img').count()).toBe(0);
    await expect.poll(() => section(page).getByRole('status').first().textContent()).toBe('Added');

    const form = section(page);
    await form.getByLabel('Your idea', { exact: true }).fill(TEA);
    await form.getByLabel('Kind').first().selectOption('care');
    await form.getByRole('group', { name: "Who it's for" }).first().getByLabel('For one').check();
    await form.getByLabel('Minutes (optional)').first().fill('5');
    await form.getByRole('group', { name: 'How close' }).first().getByLabel('Warm').check();
    await form.getByRole('button', { name: 'Add idea' }).click();
    await expect.poll(() => listed(page)).toEqual([TEA, MARKUP]);
    expect(await page.locator('.own-list li').first().textContent()).toContain('Care · For one · about 5 min · Warm');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('a new idea of your own comes with the next "Another idea" in the popup, marked Yours, as text', async () => {
    const popup = await session.tend.open('popup');
    const first = await ideaText(popup);
    const { page } = await openSection(session.tend);
    await addIdea(page, 'Our own <b>walk</b> after dinner');
    await popup.getByRole('button', { name: 'Another idea' }).click();
    await expect.poll(() => ideaText(popup)).toBe('Our own <b>walk</b> after dinner');
    expect(first).not.toBe('Our own <b>walk</b> after dinner');
    expect(await popup.textContent('.own-mark')).toBe('Yours');
    expect(await popup.locator('.idea-text b').count()).toBe(0);
    await popup.close();
    // The tests below expect the two ideas of the first one.
    await page.locator('.own-list li').filter({ hasText: 'Our own <b>walk</b>' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => listed(page)).toEqual([TEA, MARKUP]);
    await page.close();
  });

  it('keeps them across a browser restart', async () => {
    await session.relaunch();
    const { page } = await openSection(session.tend);
    await expect.poll(() => listed(page)).toEqual([TEA, MARKUP]);
    await page.close();
  });

  it('edits and deletes with Undo', async () => {
    const { page } = await openSection(session.tend);
    await expect.poll(() => listed(page)).toEqual([TEA, MARKUP]);
    const markupItem = page.locator('.own-list li').filter({ hasText: MARKUP });
    await markupItem.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => listed(page)).toEqual([TEA]);
    await section(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => listed(page)).toEqual([TEA, MARKUP]);
    await page.locator('.own-list li').filter({ hasText: TEA }).getByRole('button', { name: 'Edit' }).click();
    await page.locator('#own-edit-text').fill(`${TEA}, slowly`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => listed(page)).toEqual([`${TEA}, slowly`, MARKUP]);
    await page.reload();
    await expect.poll(() => listed(page)).toEqual([`${TEA}, slowly`, MARKUP]);
    await page.close();
  });

  it('brings in a text file: a too-long line is named by number, the rest is added', async () => {
    const { page } = await openSection(session.tend);
    await expect.poll(() => listed(page)).toHaveLength(2);
    const lines = ['\uFEFFHold hands on the stairs', '', 'x'.repeat(170), 'Hold hands on the stairs', MARKUP, 'Ask one question and just listen'];
    await section(page).getByLabel('Choose a text file').setInputFiles({
      name: 'ideas.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'),
    });
    const preview = page.locator('.own-preview');
    await expect.poll(() => preview.textContent()).toContain('Line 3 is longer than 160 characters, so it is not added.');
    expect(await preview.textContent()).toContain('Blank lines skipped: 1');
    expect(await preview.textContent()).toContain('Duplicates skipped: 2');
    expect(await preview.locator('li').allTextContents()).toEqual(['Hold hands on the stairs', 'Ask one question and just listen']);
    await section(page).getByRole('button', { name: 'Add 2 ideas' }).click();
    await expect.poll(() => section(page).textContent()).toContain('Added 2 ideas.');
    await expect.poll(() => listed(page)).toEqual(['Ask one question and just listen', 'Hold hands on the stairs', `${TEA}, slowly`, MARKUP]);
    await page.close();
  });

  it('"Save our ideas as a text file" downloads a file that a fresh profile brings in', async () => {
    const { page } = await openSection(session.tend);
    await expect.poll(() => listed(page)).toHaveLength(4);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section(page).getByRole('button', { name: 'Save our ideas as a text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tend-ideas-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text).toBe([MARKUP, `${TEA}, slowly`, 'Hold hands on the stairs', 'Ask one question and just listen'].join('\n') + '\n');
    await page.close();

    await withTend({}, async (partner) => {
      const { page: theirs, dialogs } = await openSection(partner);
      await section(theirs).getByLabel('Choose a text file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
      await section(theirs).getByRole('button', { name: 'Add 4 ideas' }).click();
      await expect.poll(() => listed(theirs)).toEqual(['Ask one question and just listen', 'Hold hands on the stairs', `${TEA}, slowly`, MARKUP]);
      await theirs.reload();
      await expect.poll(() => listed(theirs)).toHaveLength(4);
      expect(dialogs).toEqual([]);
      expect(partner.pageErrors).toEqual([]);
    });
  });

  it('has no serious accessibility issues (light)', async () => {
    const { page } = await openSection(session.tend);
    await showEverything(page);
    expect(await seriousA11yIssues(page, 'section[aria-labelledby="own"]')).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility issues (dark)', async () => {
    const { page } = await openSection(session.tend, { colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await showEverything(page);
    expect(await seriousA11yIssues(page, 'section[aria-labelledby="own"]')).toEqual([]);
    await page.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});
