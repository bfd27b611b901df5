// @vitest-environment happy-dom
/** Text that goes in is text, in the forms: own ideas (one, or many from a file) and the check-in note. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckInArea } from '../../../checkin/CheckInArea';
import { OwnIdeasSection } from '../../../ideas/own/OwnIdeasSection';
import { DAY } from '../../../lib/day';
import { createTendStore } from '../../../store/db';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settle, typeInto } from '../../render';

const START = Date.UTC(2026, 4, 4, 12);
// A database and change channel of its own (Node's BroadcastChannel reaches across test files).
const services = { ...fakeServices(makeLibrary(5), () => START), store: createTendStore('tend-text-input-components') };
const { store } = services;
afterEach(async () => {
  const root = document.body.firstElementChild;
  if (root) await act(() => render(null, root));
  await store.clearAll();
});

/** Chooses a file in the bulk form, as the file button hands it on. */
async function chooseFile(root: HTMLElement, bytes: Uint8Array<ArrayBuffer>, name = 'ideas.txt'): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const file = new File([bytes], name, { type: 'text/plain' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  // Reading the bytes takes a moment.
  await settle(150);
}
const addButtons = (root: HTMLElement) => [...root.querySelectorAll('button')].filter((b) => /^Add \d+ ideas?$/.test(b.textContent?.trim() ?? ''));
const NOT_PLAIN = 'This file is not plain UTF-8 text, so nothing was taken from it.';

describe('your ideas', () => {
  it('an idea of only zero-width characters and direction marks is refused with a message, and nothing is stored', async () => {
    const root = await mount(<OwnIdeasSection download={() => {}} />, services);
    await settle();
    await typeInto(root, '#own-add-text', '\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F');
    await click(button(root, 'Add idea'));
    expect(root.textContent).toContain('Only invisible characters here. Write a few words first.');
    expect(await store.readOwnIdeas()).toEqual([]);
    // Invisible characters around real words are left out.
    await typeInto(root, '#own-add-text', '\u200BTea for two\u200D');
    await click(button(root, 'Add idea'));
    for (let i = 0; i < 20 && (await store.readOwnIdeas()).length === 0; i++) await settle(25);
    expect((await store.readOwnIdeas()).map((o) => o.text)).toEqual(['Tea for two']);
  });

  it('a Latin-1 file and a binary file say they are not plain UTF-8 text, and nothing is offered to add', async () => {
    const root = await mount(<OwnIdeasSection download={() => {}} />, services);
    await settle();
    await chooseFile(root, Uint8Array.from([...'Café au lait\nCrêpes\n'].map((c) => c.charCodeAt(0))));
    expect(root.textContent).toContain(NOT_PLAIN);
    expect(root.textContent).not.toContain('\uFFFD');
    expect(addButtons(root)).toEqual([]);
    await chooseFile(root, Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256), 'photo.txt');
    expect(root.textContent).toContain(NOT_PLAIN);
    expect(addButtons(root)).toEqual([]);
  });

  it('a UTF-16 file with its mark offers the words it holds', async () => {
    const root = await mount(<OwnIdeasSection download={() => {}} />, services);
    await settle();
    const units = [0xfeff, ...'Café au lait\r\nTee für zwei\r\n'.split('').map((c) => c.charCodeAt(0))];
    await chooseFile(root, new Uint8Array(Uint16Array.from(units).buffer));
    expect([...root.querySelectorAll('.own-preview li')].map((li) => li.textContent)).toEqual(['Café au lait', 'Tee für zwei']);
    expect(addButtons(root).map((b) => b.textContent)).toEqual(['Add 2 ideas']);
  });
});

describe('the check-in note', () => {
  it('a note with control characters is refused with a message; an invisible-only note is stored empty', async () => {
    await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: START - 7 * DAY }));
    const root = await mount(<CheckInArea />, services);
    await settle();
    const mixed = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Mixed')?.querySelector('input');
    await click(mixed);
    await typeInto(root, 'textarea', 'tired\u0000\u001B[31m');
    await click(button(root, 'Save'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('This text holds control characters, so it is not plain text. Typed afresh, it can be saved.');
    expect(await store.readCheckIns()).toEqual([]);
    await typeInto(root, 'textarea', '\u200B\u2060\u200E');
    await click(button(root, 'Save'));
    for (let i = 0; i < 20 && (await store.readCheckIns()).length === 0; i++) await settle(25);
    expect(await store.readCheckIns()).toMatchObject([{ answer: 'mixed', note: '' }]);
  });
});
