// @vitest-environment happy-dom
/** Settings › Your data: a failure ends the busy state and says what happened. */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DbTrouble } from '../../ui/DbTrouble';
import { DataSection } from '../../backup/DataSection';
import { makeLibrary, noSync } from '../helpers';
import { button, fakeServices, mount, settle } from '../render';

const services = fakeServices(makeLibrary(5));
afterEach(() => services.store.clearAll());

async function choose(root: HTMLElement, file: File): Promise<HTMLInputElement> {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  return input;
}

describe('your data', () => {
  it('a file that cannot be read says so, and Import works again', async () => {
    const root = await mount(<DataSection download={() => {}} sync={noSync} />, services);
    const unreadable = new File(['{}'], 'gone.json', { type: 'application/json' });
    // As when the file was moved or deleted after it was chosen.
    unreadable.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
    const input = await choose(root, unreadable);
    expect(root.textContent).not.toContain('Reading the file');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('That file could not be read. Nothing was changed.');
    expect(input.disabled).toBe(false);

    // The next file is read as usual.
    await choose(root, new File(['{"app":"other"}'], 'other.json', { type: 'application/json' }));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('That file is not a Tend backup. Nothing was changed.');
  });

  it('a failed "Delete all data" says so and keeps the data', async () => {
    await services.store.patchPrefs({ palette: 'tide' });
    const failing = { ...services, store: { ...services.store, clearAll: () => Promise.reject(new Error('aborted')) } };
    const root = await mount(<DataSection download={() => {}} sync={noSync} />, failing);
    await act(() => button(root, 'Delete all data').click());
    await act(() => button(root, 'Yes, delete everything').click());
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toBe("Tend's data could not be deleted. Nothing was changed.");
    // Back to the plain button: nothing waits on a write that failed.
    expect(button(root, 'Delete all data').disabled).toBe(false);
    expect((await services.store.readPrefs()).palette).toBe('tide');
  });

  it('a failed "Start fresh" says so, instead of leaving the question open', async () => {
    const failing = { ...services, rescue: { ...services.rescue, startFresh: () => Promise.reject(new Error('blocked')) } };
    const root = await mount(<DbTrouble error={{ reason: 'damaged' }} />, failing);
    await act(() => button(root, 'Start fresh…').click());
    await act(() => button(root, 'Yes, start fresh').click());
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/^The stored data could not be removed\. Nothing was changed/);
    expect(button(root, 'Start fresh…').disabled).toBe(false);
  });
});
