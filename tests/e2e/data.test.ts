/** Nothing lost, in a real Chromium: two tabs, stale pages, import that asks, a database from a newer Tend. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA } from '../../backup/backup';
import { alarms, ideaText, readStored, seriousA11yIssues, useTend } from './chrome-steps';
import { waitFor } from './chrome-harness';

const session = useTend();
type StoredPrefs = { themeMode?: string; palette?: string; motion?: string };

describe('two settings tabs and a stale popup', () => {
  it('two tabs changing different settings keep both; each tab shows the other tab\'s change', async () => {
    const a = await session.tend.open('options');
    const b = await session.tend.open('options');
    await a.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
    await b.getByRole('group', { name: 'Palette' }).getByLabel('Clay').check();
    await expect.poll(async () => (await readStored(a, 'prefs', 'prefs')) as StoredPrefs).toMatchObject({ themeMode: 'dark', palette: 'clay' });
    await expect.poll(() => a.getByRole('group', { name: 'Palette' }).getByLabel('Clay').isChecked()).toBe(true);
    await expect.poll(() => b.getByRole('group', { name: 'Theme' }).getByLabel('Dark').isChecked()).toBe(true);
    // Each change says so politely.
    await expect.poll(() => b.textContent('section[aria-labelledby="look"] .saved')).toBe('Saved');
    await a.close();
    await b.close();
  });

  it('a tab open during "Delete all data" cannot write the old settings back', async () => {
    const a = await session.tend.open('options');
    const b = await session.tend.open('options');
    await a.getByRole('group', { name: 'Palette' }).getByLabel('Tide').check();
    await expect.poll(async () => ((await readStored(a, 'prefs', 'prefs')) as StoredPrefs).palette).toBe('tide');
    await a.getByRole('button', { name: 'Delete all data' }).click();
    await a.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => a.textContent('main')).toContain('All data deleted');
    await b.getByRole('group', { name: 'Motion' }).getByLabel('Reduce motion').check();
    await expect.poll(async () => ((await readStored(b, 'prefs', 'prefs')) as StoredPrefs).motion).toBe('reduce');
    expect(((await readStored(b, 'prefs', 'prefs')) as StoredPrefs).palette).toBe('dusk');
    await a.close();
    await b.close();
  });

  it('a settings change clears the idea the popup cached for its first frame, and keeps the new look', async () => {
    const popup = await session.tend.open('popup');
    await ideaText(popup);
    const cached = () => popup.evaluate(() => JSON.parse(localStorage.getItem('tend:view') ?? 'null') as { idea: unknown; theme: { palette: string } } | null);
    await expect.poll(async () => (await cached())?.idea ?? null).not.toBeNull();
    const options = await session.tend.open('options');
    await options.getByRole('group', { name: 'Palette' }).getByLabel('Sage').check();
    await expect.poll(async () => (await cached())?.theme.palette).toBe('sage');
    // Cleared, or already the idea the open popup picked again under the new settings.
    const idea = (await cached())?.idea as { text: string } | null;
    if (idea !== null) expect(idea.text).toBe(await ideaText(popup));
    await options.close();
    await popup.close();
  });

  it('a second, stale popup does not undo a favourite', async () => {
    const first = await session.tend.open('popup');
    const second = await session.tend.open('popup');
    const idea = await ideaText(first);
    expect(await ideaText(second)).toBe(idea);
    await first.getByRole('button', { name: /^Favourite|^In favourites/ }).click();
    await expect.poll(() => first.getByRole('button', { name: /In favourites/ }).count()).toBe(1);
    // The other popup heard of it and shows it as favourite too; its click would now un-favourite on purpose.
    await expect.poll(() => second.getByRole('button', { name: /In favourites/ }).count()).toBe(1);
    await first.close();
    await second.close();
  });
});

describe('import asks first', () => {
  it('Cancel changes nothing; a file with nothing of Tend\'s is refused', async () => {
    const options = await session.tend.open('options');
    await options.getByRole('group', { name: 'Palette' }).getByLabel('Sage').check();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    // Compact: one line.
    expect(text.trim().split('\n')).toHaveLength(1);
    await options.getByRole('group', { name: 'Palette' }).getByLabel('Clay').check();
    await options.getByLabel('Import from a file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => options.textContent('#import-question')).toContain('your settings');
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => options.textContent('main')).toContain('Nothing was changed.');
    expect(((await readStored(options, 'prefs', 'prefs')) as StoredPrefs).palette).toBe('clay');

    await options.getByLabel('Import from a file').setInputFiles({ name: 'e.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"tend","schema":2}') });
    await expect.poll(() => options.getByRole('alert').first().textContent()).toContain('holds no settings and no data');
    expect(((await readStored(options, 'prefs', 'prefs')) as StoredPrefs).palette).toBe('clay');
    await options.close();
  });
});

describe('what a person keeps travels in the file', () => {
  it('a check-in, an own idea, a conversation had and the weekly switch are exported, and come back on import', async () => {
    const popup = await session.tend.open('popup', '#checkin');
    await popup.getByLabel('Mixed', { exact: true }).check();
    await popup.getByLabel('A private note (optional)').fill('A full week.');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('This week Tend leans');
    await popup.close();
    const options = await session.tend.open('options');
    await options.getByLabel('Ask once a week').uncheck();
    await options.evaluate(async () => {
      // A conversation had, as the talk page records it, and an idea of one's own, as Settings stores it.
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('tend'); r.onsuccess = () => ok(r.result); });
      const tx = db.transaction(['talks', 'ownIdeas'], 'readwrite');
      tx.objectStore('talks').put({ talkId: 'talk-changed', days: ['2026-12-01'] });
      tx.objectStore('ownIdeas').put({ id: 'own-e2e', text: 'Our own small thing', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 1 });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    const file = JSON.parse(text);
    expect(file.checkins).toMatchObject([{ answer: 'mixed', note: 'A full week.' }]);
    expect(file.checkin).toMatchObject({ weekly: false });
    expect(file.talks).toEqual([{ talkId: 'talk-changed', days: ['2026-12-01'] }]);
    expect(file.ownIdeas).toMatchObject([{ id: 'own-e2e', text: 'Our own small thing' }]);
    // Delete all, then the file brings everything back.
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => options.textContent('main')).toContain('All data deleted');
    await options.getByLabel('Import from a file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => options.textContent('#import-question')).toContain('1 check-in');
    await options.getByRole('button', { name: 'Replace what is here' }).click();
    await expect.poll(() => options.textContent('section[aria-labelledby="data"]')).toContain('Imported');
    await expect.poll(() => options.getByLabel('Ask once a week').isChecked()).toBe(false);
    expect(await options.textContent('section[aria-labelledby="checkins"]')).toContain('A full week.');
    await options.close();
  });
});

describe('a database from a newer Tend', () => {
  it('popup and settings say why and offer a way out; nudges go on; start fresh brings Tend back', async () => {
    const page = await session.tend.open('options');
    await page.waitForSelector('main');
    await page.close();
    // What going back to an older build looks like: the database is at a higher version than Tend knows.
    const raw = await session.tend.open('popup');
    await ideaText(raw);
    await raw.evaluate(async () => {
      const current = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('tend'); r.onsuccess = () => ok(r.result); });
      const version = current.version;
      current.close();
      await new Promise<void>((ok, fail) => {
        const r = indexedDB.open('tend', version + 1);
        r.onupgradeneeded = () => r.result.createObjectStore('fromTheFuture');
        r.onsuccess = () => { r.result.close(); ok(); };
        r.onerror = () => fail(r.error);
        r.onblocked = () => ok();
      });
    });
    await raw.close();
    const errorsBefore = session.tend.pageErrors.length;
    const options = await session.tend.open('options');
    await expect.poll(() => options.textContent('body')).toContain('newer version of Tend');
    expect(await seriousA11yIssues(options)).toEqual([]);
    const popup = await session.tend.open('popup');
    await expect.poll(() => popup.textContent('body')).toContain('Tend cannot open its data');
    // A copy of what can be read.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Save a copy of what can be read' }).click(),
    ]);
    expect(JSON.parse(readFileSync((await download.path()) as string, 'utf8'))).toMatchObject({ app: 'tend', schema: BACKUP_SCHEMA });
    // Nudges go on meanwhile (on defaults): the alarm is still there.
    expect((await alarms(session.tend)).length).toBe(1);
    await options.getByRole('button', { name: 'Start fresh…' }).click();
    await options.getByRole('button', { name: 'Yes, start fresh' }).click();
    await expect.poll(() => options.textContent('h1')).toBe('Tend settings');
    await popup.reload();
    expect((await ideaText(popup)).length).toBeGreaterThan(0);
    // No unhandled rejections or errors along the way.
    const errors = session.tend.pageErrors.slice(errorsBefore).filter((e) => !e.includes('Failed to load resource'));
    expect(errors).toEqual([]);
    await waitFor(() => alarms(session.tend), (a) => a.length <= 1);
    await popup.close();
    await options.close();
  });
});
