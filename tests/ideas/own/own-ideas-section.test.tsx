// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnIdeasSection } from '../../../ideas/own/OwnIdeasSection';
import { createOwnIdea } from '../../../ideas/own/own-ideas';
import type { OwnIdea } from '../../../model/records';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settle, settleUntil, typeInto, PATIENT } from '../../render';

const services = fakeServices(makeLibrary(5));
const downloads: { fileName: string; text: string; type?: string }[] = [];
const download = (fileName: string, text: string, type?: string) => void downloads.push({ fileName, text, type });
afterEach(async () => {
  // Unmount, so earlier sections stop listening and re-rendering.
  const root = document.body.firstElementChild;
  if (root) await act(() => render(null, root));
  await services.store.clearAll();
  downloads.length = 0;
});

async function choose(root: HTMLElement, selector: string, value: string): Promise<void> {
  const field = root.querySelector<HTMLSelectElement>(selector);
  if (!field) throw new Error(`no select ${selector}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const texts = (root: HTMLElement) => [...root.querySelectorAll('.own-list .own-text')].map((p) => p.textContent);
const own = (text: string, at: number, extra: Partial<OwnIdea> = {}): OwnIdea => ({
  ...createOwnIdea({ text, category: 'talk', mode: 'together', minutes: null, intensity: 'gentle' }, at, Math.random),
  ...extra,
});

async function open(): Promise<HTMLElement> {
  const root = await mount(<OwnIdeasSection download={download} />, services);
  // The list reads the store first; a busy machine takes longer than one short pause.
  await settleUntil(() => !(root.textContent ?? '').includes('Loading…'));
  return root;
}

describe('Settings › Your ideas', () => {
  it('says how to add one when there are none', async () => {
    const root = await open();
    expect(root.querySelector('h2#own')?.textContent).toBe('Your ideas');
    expect(root.textContent).toContain('No ideas of your own yet. Write one above, or bring in many at once below.');
    expect(root.querySelector('#own-search')).toBeNull();
    // The share button stays, unable to act, with its reason beside it.
    const share = button(root, 'Save our ideas as a text file');
    expect(share.disabled).toBe(true);
    const reason = root.querySelector(`#${share.getAttribute('aria-describedby')}`);
    expect(reason?.textContent).toBe('Write or bring in an idea first: there is nothing to save yet.');
    expect(reason?.parentElement).toBe(share.parentElement);
  });

  it('adds an idea with its kind, who it is for, minutes and closeness, and confirms', async () => {
    const root = await open();
    await typeInto(root, '#own-add-text', '  Read to each other before sleep ');
    expect(root.querySelector('#own-add-count')?.textContent).toBe('31 of 160 characters');
    await choose(root, '#own-add-kind', 'presence');
    await click(root.querySelector('input[name=own-add-mode][value=solo]'));
    await typeInto(root, '#own-add-minutes', '15');
    await click(root.querySelector('input[name=own-add-intensity][value=warm]'));
    await click(button(root, 'Add idea'));
    const [stored] = await services.store.readOwnIdeas();
    expect(stored).toMatchObject({ text: 'Read to each other before sleep', category: 'presence', mode: 'solo', minutes: 15, intensity: 'warm' });
    expect(texts(root)).toEqual(['Read to each other before sleep']);
    expect(root.textContent).toContain('Presence · For one · about 15 min · Warm');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Added');
    // The form is ready for the next one.
    expect(root.querySelector<HTMLInputElement>('#own-add-text')?.value).toBe('');
  });

  it('defaults to gentle, for two, no minutes', async () => {
    const root = await open();
    expect(root.querySelector<HTMLInputElement>('input[name=own-add-intensity][value=gentle]')?.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name=own-add-mode][value=together]')?.checked).toBe(true);
    await typeInto(root, '#own-add-text', 'Tea');
    await click(button(root, 'Add idea'));
    expect((await services.store.readOwnIdeas())[0]).toMatchObject({ intensity: 'gentle', mode: 'together', minutes: null });
  });

  it('refuses an empty text, a text over 160 characters, bad minutes and a duplicate, with messages', async () => {
    const root = await open();
    await click(button(root, 'Add idea'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Write a few words first.');
    await typeInto(root, '#own-add-text', 'y'.repeat(163));
    expect(root.querySelector('#own-add-count')?.textContent).toBe('3 characters too many: an idea holds up to 160.');
    expect(root.querySelector('#own-add-text')?.getAttribute('aria-invalid')).toBe('true');
    await click(button(root, 'Add idea'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('3 characters too many');
    await typeInto(root, '#own-add-text', 'Tea');
    await typeInto(root, '#own-add-minutes', '90');
    await click(button(root, 'Add idea'));
    expect(root.textContent).toContain('Minutes: a whole number from 1 to 60, or leave it empty.');
    await typeInto(root, '#own-add-minutes', '');
    await click(button(root, 'Add idea'));
    await typeInto(root, '#own-add-text', 'Tea');
    await click(button(root, 'Add idea'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('This idea is already in your list.');
    expect(await services.store.readOwnIdeas()).toHaveLength(1);
  });

  it('shows markup as text', async () => {
    const root = await open();
    await typeInto(root, '#own-add-text', '<img src=x onerror=alert(1)>');
    await click(button(root, 'Add idea'));
    expect(texts(root)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(root.querySelector('.own-list img')).toBeNull();
  });

  it('edits an idea in place, keeping its id', async () => {
    const first = own('Walk after dinner', 1000);
    await services.store.putOwnIdeas([first]);
    const root = await open();
    await click(button(root, 'Edit'));
    expect(root.querySelector('form[aria-label="Edit this idea"]')).not.toBeNull();
    expect(document.activeElement?.id).toBe('own-edit-text');
    await typeInto(root, '#own-edit-text', 'Walk after dinner, slowly');
    await click(root.querySelector('input[name=own-edit-intensity][value=close]'));
    await click(button(root, 'Save'));
    expect(await services.store.readOwnIdeas()).toEqual([{ ...first, text: 'Walk after dinner, slowly', intensity: 'close' }]);
    expect(texts(root)).toEqual(['Walk after dinner, slowly']);
    expect(root.textContent).toContain('Saved');
    expect(document.activeElement?.textContent).toBe('Edit');
  });

  it('cancelling an edit changes nothing', async () => {
    await services.store.putOwnIdeas([own('Walk', 1000)]);
    const root = await open();
    await click(button(root, 'Edit'));
    await typeInto(root, '#own-edit-text', 'Run');
    await click(button(root, 'Cancel'));
    expect(texts(root)).toEqual(['Walk']);
    expect((await services.store.readOwnIdeas())[0]?.text).toBe('Walk');
  });

  it('deletes an idea, and Undo brings it back with its favourite mark', async () => {
    const idea = own('Slow dance in the kitchen', 1000);
    await services.store.putOwnIdeas([idea, own('Tea', 2000)]);
    await services.store.updateMark(idea.id, (m) => ({ ...m, favourite: true }));
    const root = await open();
    const item = [...root.querySelectorAll('.own-list li')].find((li) => li.textContent?.includes('Slow dance')) as HTMLElement;
    await click(button(item, 'Delete'));
    expect(texts(root)).toEqual(['Tea']);
    expect(root.textContent).toContain('Deleted');
    expect((await services.store.readAllMarks()).some((m) => m.ideaId === idea.id)).toBe(false);
    expect(document.activeElement?.textContent).toBe('Undo');
    await click(button(root, 'Undo'));
    expect(texts(root)).toEqual(['Tea', 'Slow dance in the kitchen']);
    expect((await services.store.readOwnIdeas()).map((o) => o.id)).toContain(idea.id);
    expect((await services.store.readAllMarks()).find((m) => m.ideaId === idea.id)?.favourite).toBe(true);
    expect(root.textContent).toContain('Back again.');
  });

  it('lists newest first; the search filters as you type and offers clearing it', async () => {
    await services.store.putOwnIdeas([own('Walk to the lake', 1000), own('Tea on the balcony', 2000), own('A LAKE picnic', 3000)]);
    const root = await open();
    expect(texts(root)).toEqual(['A LAKE picnic', 'Tea on the balcony', 'Walk to the lake']);
    await typeInto(root, '#own-search', 'lake');
    expect(texts(root)).toEqual(['A LAKE picnic', 'Walk to the lake']);
    await typeInto(root, '#own-search', 'mountains');
    expect(texts(root)).toEqual([]);
    expect(root.textContent).toContain('None of your ideas contains “mountains”.');
    await click(button(root, 'Clear the search'));
    expect(texts(root)).toHaveLength(3);
    expect(document.activeElement?.id).toBe('own-search');
  });

  it('notes damaged records quietly and lists the rest', async () => {
    await services.store.putOwnIdeas([own('Fine', 1000)]);
    const { openDB } = await import('idb');
    const raw = await openDB(services.dbName);
    await raw.put('ownIdeas', { id: 'own-broken', text: 42 });
    raw.close();
    const root = await open();
    expect(root.textContent).toContain('1 idea could not be read and is left out.');
    expect(texts(root)).toEqual(['Fine']);
  });

  it('follows changes made on another page', async () => {
    const root = await open();
    // A second store on the same database plays the other page.
    const { createTendStore } = await import('../../../store/db');
    const other = createTendStore(services.dbName);
    await other.putOwnIdeas([own('From the other tab', 5000)]);
    await settle(100);
    expect(texts(root)).toEqual(['From the other tab']);
    await other.close();
  });
});

describe('bringing in many at once', () => {
  it('previews what will be added, counts skipped lines, lists too-long lines, and adds the rest in one go', async () => {
    await services.store.putOwnIdeas([own('Tea', 1000)]);
    const root = await open();
    const long = 'z'.repeat(161);
    await typeInto(root, '#own-bulk-text', `\uFEFFHold hands\r\n\r\nTea\r\nHold hands\r\n${long}\r\nSing badly together\r\n`);
    const preview = root.querySelector('.own-preview')?.textContent ?? '';
    expect(preview).toContain('Will be added: 2');
    expect([...root.querySelectorAll('.own-preview li')].map((li) => li.textContent)).toEqual(['Hold hands', 'Sing badly together']);
    expect(preview).toContain('Blank lines skipped: 1');
    expect(preview).toContain('Duplicates skipped: 2');
    expect(preview).toContain('Line 5 is longer than 160 characters, so it is not added.');
    await choose(root, '#own-bulk-kind', 'play');
    await click(root.querySelector('input[name=own-bulk-intensity][value=warm]'));
    await click(button(root, 'Add 2 ideas'));
    const stored = await services.store.readOwnIdeas();
    expect(stored.map((o) => o.text)).toEqual(['Tea', 'Hold hands', 'Sing badly together']);
    expect(stored.slice(1).every((o) => o.category === 'play' && o.intensity === 'warm' && o.mode === 'together' && o.minutes === null)).toBe(true);
    expect(new Set(stored.map((o) => o.id)).size).toBe(3);
    expect(root.textContent).toContain('Added 2 ideas.');
    expect(root.querySelector<HTMLTextAreaElement>('#own-bulk-text')?.value).toBe('');
    expect(root.querySelector('.own-preview')).toBeNull();
  });

  it('defaults to talk, for two, gentle', async () => {
    const root = await open();
    await typeInto(root, '#own-bulk-text', 'One');
    expect(root.querySelector<HTMLSelectElement>('#own-bulk-kind')?.value).toBe('talk');
    expect(root.querySelector<HTMLInputElement>('input[name=own-bulk-mode][value=together]')?.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name=own-bulk-intensity][value=gentle]')?.checked).toBe(true);
    await click(button(root, 'Add 1 idea'));
    expect(root.textContent).toContain('Added 1 idea.');
  });

  it('lists several too-long lines by number', async () => {
    const root = await open();
    const long = 'z'.repeat(200);
    await typeInto(root, '#own-bulk-text', `${long}\nok\n${long}\n`);
    expect(root.textContent).toContain('Lines 1, 3 are longer than 160 characters, so they are not added.');
    expect(root.textContent).toContain('Add 1 idea');
  });

  it('reads a chosen text file', async () => {
    const root = await open();
    const input = root.querySelector<HTMLInputElement>('.own-ideas input[type=file]');
    if (!input) throw new Error('no file input');
    const file = new File(['First idea\nSecond idea\n'], 'ours.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>('#own-bulk-text')?.value).toBe('First idea\nSecond idea\n');
    expect(root.textContent).toContain('Read “ours.txt”.');
    expect(root.textContent).toContain('Add 2 ideas');
  });

  it('beyond 1,000 ideas says so clearly and adds nothing', async () => {
    await services.store.putOwnIdeas(Array.from({ length: 999 }, (_, i) => own(`Idea ${i}`, 1000 + i)));
    const root = await open();
    await typeInto(root, '#own-bulk-text', 'New one\nNew two\n');
    expect(root.textContent).toContain('Tend keeps up to 1,000 ideas of your own; with these it would be 1,001. Bring in fewer, or delete some first.');
    await click(button(root, 'Add 2 ideas'));
    // The store reads the stored words first (an idea is never stored twice): give it the time.
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toBe('Tend keeps up to 1,000 ideas of your own; with these it would be 1,001. Nothing was added.'),
    );
    expect(await services.store.readOwnIdeas()).toHaveLength(999);
    // One fits.
    await typeInto(root, '#own-bulk-text', 'New one\n');
    await click(button(root, 'Add 1 idea'));
    await vi.waitFor(async () => expect(await services.store.readOwnIdeas()).toHaveLength(1000), PATIENT);
    // A single idea beyond the limit is refused too.
    await typeInto(root, '#own-add-text', 'One too many');
    await click(button(root, 'Add idea'));
    await vi.waitFor(() => expect(root.textContent).toContain('with these it would be 1,001. Nothing was added.'), PATIENT);
    expect(await services.store.readOwnIdeas()).toHaveLength(1000);
  });
});

describe('sharing', () => {
  it('"Save our ideas as a text file" downloads them one per line as UTF-8 text', async () => {
    await services.store.putOwnIdeas([own('Tea für zwei', 1000), own('Walk', 2000)]);
    const root = await open();
    await click(button(root, 'Save our ideas as a text file'));
    expect(downloads).toEqual([{ fileName: 'tend-ideas-2026-05-04.txt', text: 'Tea für zwei\nWalk\n', type: 'text/plain;charset=utf-8' }]);
    expect(root.textContent).toContain('Saved to your downloads.');
  });
});
