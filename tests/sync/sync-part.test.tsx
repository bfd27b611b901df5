// @vitest-environment happy-dom
/** Settings › Your data › On your other browsers: off by default, explained, turned on and off, emptied. */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncPart } from '../../sync/SyncPart';
import { parseSyncState, SYNC_KEY } from '../../model/sync-state';
import { makeLibrary } from '../helpers';
import { button, fakeServices, mount, settle, settleUntil } from '../render';

const services = fakeServices(makeLibrary(5), () => Date.UTC(2026, 11, 1, 12));
afterEach(() => services.store.clearAll());

const toggle = (root: HTMLElement) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Keep Tend the same on your other browsers'))?.querySelector('input') as HTMLInputElement;
const status = (root: HTMLElement) => root.querySelector('[role=status]')?.textContent;

describe('sync in Settings', () => {
  it('is off by default and says what travels, what never does and how private it is', async () => {
    const sync = { now: vi.fn(async () => true), clear: vi.fn(async () => {}), firefox: false };
    const root = await mount(<SyncPart sync={sync} />, services);
    await settleUntil(() => toggle(root) !== undefined);
    expect(toggle(root).checked).toBe(false);
    expect(status(root)).toBe("Sync is off: Tend's data stays on this browser.");
    expect(root.textContent).toContain('your own ideas, the conversations you had, and the pairing');
    expect(root.textContent).toContain('Never: check-ins and their notes');
    expect(root.textContent).toContain('unless you set a sync passphrase');
    const firefox = await mount(<SyncPart sync={{ ...sync, firefox: true }} />, services);
    await settleUntil(() => firefox.textContent?.includes('end to end') ?? false);
    expect(firefox.textContent).toContain('Firefox for Android does not sync add-on data');
  });

  it('turned on: a browser id from crypto, a round at once, and the time it was last in step', async () => {
    const sync = { now: vi.fn(async () => true), clear: vi.fn(async () => {}), firefox: false };
    const root = await mount(<SyncPart sync={sync} />, services);
    await settleUntil(() => toggle(root) !== undefined);
    await act(() => toggle(root).click());
    await settleUntil(() => sync.now.mock.calls.length === 1);
    const state = await services.store.readState(SYNC_KEY, parseSyncState);
    expect(state.on).toBe(true);
    expect(state.device).toMatch(/^[0-9a-f]{16}$/);
    expect(toggle(root).checked).toBe(true);
    expect(status(root)).toBe('Getting in step…');
    // The worker finished its round: the page hears it and says when.
    await services.store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, lastAt: Date.UTC(2026, 11, 1, 12), ownTravel: { travel: 300, total: 800 } }));
    await settleUntil(() => status(root)?.startsWith('Last in step') ?? false);
    expect(root.textContent).toContain('The newest 300 of your 800 own ideas travel');
    // Off again: the same id stays for next time.
    await act(() => toggle(root).click());
    await settleUntil(() => status(root) === "Sync is off: Tend's data stays on this browser.");
    expect((await services.store.readState(SYNC_KEY, parseSyncState)).device).toBe(state.device);
  });

  it('a read begun before the box is ticked, and answering after, does not untick it', async () => {
    const sync = { now: vi.fn(async () => true), clear: vi.fn(async () => {}), firefox: false };
    // Reads of the sync record wait for `release` while `hold` is on: an old, slow read.
    let hold = false;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const store = new Proxy(services.store, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key !== 'readState' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<typeof target.readState>) => {
          const wait = hold;
          const read = await (value as typeof target.readState).apply(target, args);
          if (wait) await held;
          return read;
        };
      },
    });
    const root = await mount(<SyncPart sync={sync} />, { ...services, store });
    await settleUntil(() => toggle(root) !== undefined);
    hold = true;
    // A change made elsewhere: the part reads the record again (still off), and that read is slow.
    await services.store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, unreadable: 0 }));
    await settle();
    hold = false;
    await act(() => toggle(root).click());
    await settleUntil(() => sync.now.mock.calls.length === 1);
    await settle();
    expect(toggle(root).checked).toBe(true);
    release();
    await settle();
    expect(toggle(root).checked).toBe(true);
    expect(status(root)).toBe('Getting in step…');
  });

  it('"Remove Tend\'s data from your browser\'s sync" turns it off here first, then empties it; a failure says so', async () => {
    const order: string[] = [];
    const sync = {
      now: vi.fn(async () => true),
      clear: vi.fn(async () => {
        order.push(`clear while ${(await services.store.readState(SYNC_KEY, parseSyncState)).on ? 'on' : 'off'}`);
      }),
      firefox: false,
    };
    await services.store.updateState(SYNC_KEY, parseSyncState, (s) => ({ ...s, on: true, device: '0123456789abcdef' }));
    const root = await mount(<SyncPart sync={sync} />, services);
    await settleUntil(() => toggle(root)?.checked === true);
    await act(() => button(root, "Remove Tend's data from your browser's sync").click());
    await settleUntil(() => root.textContent?.includes('Removed from your browser') ?? false);
    expect(order).toEqual(['clear while off']);
    expect(toggle(root).checked).toBe(false);

    const failing = { ...sync, clear: async () => Promise.reject(new Error('offline')) };
    const again = await mount(<SyncPart sync={failing} />, services);
    await settle();
    await act(() => button(again, "Remove Tend's data from your browser's sync").click());
    await settleUntil(() => again.querySelector('[role=alert]') !== null);
    expect(again.querySelector('[role=alert]')?.textContent).toBe('That did not work. Please try again.');
  });
});
