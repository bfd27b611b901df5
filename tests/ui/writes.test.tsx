// @vitest-environment happy-dom
/** Double clicks write once, an Undo ends when its records change elsewhere, a stale page writes nothing old. */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckInsSection } from '../../checkin/CheckInsSection';
import { OwnIdeasSection } from '../../ideas/own/OwnIdeasSection';
import { App as Popup } from '../../entrypoints/popup/App';
import { App as Welcome } from '../../entrypoints/welcome/App';
import { createTendStore, type TendStore } from '../../store/db';
import type { OwnIdea } from '../../model/records';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { makeLibrary } from '../helpers';
import { button, click, fakeServices, mount, settle } from '../render';

const library = makeLibrary(12);
const opened: TendStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.destroy();
});

/** A page's services on a database of its own (names no other test file uses), with ids that differ. */
function page() {
  const base = fakeServices(library);
  let n = 0;
  const services = { ...base, random: () => ((n += 0.137) % 1) };
  opened.push(services.store);
  return services;
}
/** Another tab on the same database: its writes are announced to the page. */
function otherTab(dbName: string, channel?: null): TendStore {
  const store = createTendStore(dbName, channel === null ? { channel: null } : {});
  opened.push(store);
  return store;
}
/** Two clicks before any re-render: a double click, or Enter pressed twice. */
async function doubleClick(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
    (element as HTMLElement).click();
  });
  await settle(150);
}
const undoButton = (root: HTMLElement) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Undo');
async function waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60 && !(await check()); i++) await settle(25);
}

describe('a double click writes once', () => {
  it('the check-in Save twice stores one answer', async () => {
    const services = page();
    const root = await mount(<CheckInsSection />, services);
    await settle();
    await click(button(root, 'Check in now'));
    await click([...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Like a job')?.querySelector('input'));
    await doubleClick(button(root, 'Save'));
    await waitFor(async () => (await services.store.readCheckIns()).length > 0);
    await settle(100);
    expect(await services.store.readCheckIns()).toHaveLength(1);
  });

  it('"Not for us" twice leaves an Undo that has the focus and brings the idea back', async () => {
    const services = page();
    await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
    const root = await mount(<Popup openOptions={() => {}} />, services);
    await waitFor(async () => (await services.store.readPickerState())?.today != null && root.querySelector('.idea-text') !== null);
    const first = root.querySelector('.idea-text')?.textContent;
    await doubleClick(button(root, 'Not for us'));
    await waitFor(() => undoButton(root) !== undefined);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(1);
    expect(document.activeElement).toBe(undoButton(root));
    await click(undoButton(root));
    await waitFor(() => root.querySelector('.idea-text')?.textContent === first);
    expect(root.querySelector('.idea-text')?.textContent).toBe(first);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(0);
  });
});

describe('an Undo ends when what it refers to changes elsewhere', () => {
  const idea = (id: string, text: string): OwnIdea => ({ id, text, category: 'talk', mode: 'together', minutes: null, intensity: 'gentle', createdAt: 5 });

  it('a deleted idea of your own: "Delete all data" in another tab takes its Undo away', async () => {
    const services = page();
    await services.store.putOwnIdeas([idea('own-a', 'Read aloud')]);
    const root = await mount(<OwnIdeasSection download={() => {}} />, services);
    await waitFor(() => root.textContent?.includes('Read aloud') ?? false);
    await doubleClick(button(root, 'Delete'));
    await waitFor(() => undoButton(root) !== undefined);
    expect(document.activeElement).toBe(undoButton(root));
    await otherTab(services.dbName).clearAll();
    await waitFor(() => undoButton(root) === undefined);
    expect(undoButton(root)).toBeUndefined();
    expect(await services.store.readOwnIdeas()).toEqual([]);
  });

  it('a deleted idea of your own: a write to the ideas heard late (its own delete\'s) leaves the Undo; the idea back from another tab ends it', async () => {
    const services = page();
    await services.store.putOwnIdeas([idea('own-a', 'Read aloud'), idea('own-b', 'Cook')]);
    const root = await mount(<OwnIdeasSection download={() => {}} />, services);
    await waitFor(() => root.textContent?.includes('Read aloud') ?? false);
    const item = [...root.querySelectorAll('.own-list li')].find((li) => li.textContent?.includes('Read aloud')) as HTMLElement;
    await click(button(item, 'Delete'));
    await waitFor(() => undoButton(root) !== undefined);
    // Heard after the Undo shows, as a busy page may hear the announcement of its own delete.
    const other = otherTab(services.dbName);
    other.announce('ownIdeas');
    await settle();
    await settle();
    expect(undoButton(root)).toBeDefined();
    await other.putOwnIdeas([idea('own-a', 'Read aloud')]);
    await waitFor(() => undoButton(root) === undefined);
    expect(root.textContent).toContain('Read aloud');
  });

  it('a deleted check-in: another tab\'s "Delete all data" takes its Undo away', async () => {
    const services = page();
    await services.store.addCheckIn({ id: 'ci-1', at: Date.UTC(2026, 4, 1), answer: 'mixed', note: 'just ours' });
    const root = await mount(<CheckInsSection />, services);
    await waitFor(() => root.textContent?.includes('just ours') ?? false);
    await doubleClick(button(root, 'Delete'));
    await waitFor(() => undoButton(root) !== undefined);
    await otherTab(services.dbName).clearAll();
    await waitFor(() => undoButton(root) === undefined);
    expect(undoButton(root)).toBeUndefined();
    expect(await services.store.readCheckIns()).toEqual([]);
  });

  it('"Not for us": "Delete all data" in another tab takes the popup\'s Undo away', async () => {
    const services = page();
    await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
    const root = await mount(<Popup openOptions={() => {}} />, services);
    await waitFor(async () => (await services.store.readPickerState())?.today != null && root.querySelector('.idea-text') !== null);
    await click(button(root, 'Not for us'));
    await waitFor(() => undoButton(root) !== undefined);
    await otherTab(services.dbName).clearAll();
    await waitFor(() => undoButton(root) === undefined);
    expect(undoButton(root)).toBeUndefined();
  });
});

describe('a stale welcome never overwrites newer choices', () => {
  const actions = { previewNudge: async () => true, openToday: () => {}, firefox: false };

  it('hears a setup finished in another tab and says so instead of showing its form', async () => {
    const services = page();
    const root = await mount(<Welcome actions={actions} />, services);
    await waitFor(() => root.textContent?.includes('Start Tend') ?? false);
    await otherTab(services.dbName).finishSetup({ maxIntensity: 'gentle' }, 5);
    await waitFor(() => root.textContent?.includes('set up in another tab') ?? false);
    expect(root.textContent).toContain('Tend was just set up in another tab');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Start Tend')).toBe(false);
  });

  it('Start Tend on a page that missed it writes nothing', async () => {
    const services = page();
    const root = await mount(<Welcome actions={actions} />, services);
    await waitFor(() => root.textContent?.includes('Start Tend') ?? false);
    // Finished elsewhere without this page hearing it (a sleeping tab): its Start must not write.
    await otherTab(services.dbName, null).finishSetup({ maxIntensity: 'gentle', nudgesPerDay: 2 }, 5);
    await click([...root.querySelectorAll('input[name="intensity"]')].find((i) => (i as HTMLInputElement).value === 'close'));
    await doubleClick(button(root, 'Start Tend'));
    await waitFor(() => root.textContent?.includes('set up in another tab') ?? false);
    expect(await services.store.readPrefs()).toMatchObject({ maxIntensity: 'gentle', nudgesPerDay: 2 });
    expect(await services.store.readState(SETUP_KEY, parseSetup)).toEqual({ finishedAt: 5 });
  });
});
