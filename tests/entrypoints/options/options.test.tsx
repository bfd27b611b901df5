// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/options/App';
import { createTendStore } from '../../../store/db';
import { type OptionsActions } from '../../../platform/settings-section';
import { makeLibrary, englishTracks, noSync } from '../../helpers';
import { button, fakeServices, mount, settle, settleUntil, PATIENT } from '../../render';

const actions: OptionsActions = {
  previewNudge: async () => true,
  notificationsBlocked: async () => false,
  shortcut: async () => 'Alt+Shift+Y',
  download: () => {},
  loadTracks: englishTracks,
  sync: noSync,
};
const services = fakeServices(makeLibrary(5));
afterEach(() => services.store.clearAll());

function checkbox(root: HTMLElement, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const input = found?.querySelector('input');
  if (!input) throw new Error(`no checkbox "${label}"`);
  return input;
}

describe('settings page', () => {
  it('quick changes in a row are all kept', async () => {
    const root = await mount(<App actions={actions} />, services);
    await settle();
    // Two clicks before any re-render: the second builds on the first.
    await act(() => {
      checkbox(root, 'Touch').click();
      checkbox(root, 'Play').click();
    });
    await settle();
    expect((await services.store.readPrefs()).hiddenCategories).toEqual(['touch', 'play']);
  });

  it('says "Saved" beside the heading of the section that changed, and nowhere else', async () => {
    const root = await mount(<App actions={actions} />, services);
    await settle();
    const savedIn = () =>
      [...root.querySelectorAll('section')].filter((s) => s.querySelector('.saved')?.textContent === 'Saved').map((s) => s.getAttribute('aria-labelledby'));
    await act(() => checkbox(root, 'Dark').click());
    await settleUntil(() => savedIn().length > 0);
    expect(savedIn()).toEqual(['look']);
    expect(root.querySelector('#look')?.parentElement?.querySelector('.saved')?.getAttribute('role')).toBe('status');
    await act(() => checkbox(root, 'Touch').click());
    await settleUntil(() => savedIn()[0] === 'ideas');
    expect(savedIn()).toEqual(['ideas']);
  });

  it('a choice stays shown while its write is on its way, whatever is read or saved meanwhile', async () => {
    const slow = fakeServices(makeLibrary(5));
    const real = slow.store;
    let hold: Promise<void> | null = null;
    let release = () => {};
    let reads = 0;
    slow.store = {
      ...real,
      patchPrefs: async (patch) => {
        if (hold) await hold;
        return real.patchPrefs(patch);
      },
      readPrefsChecked: () => {
        reads += 1;
        return real.readPrefsChecked();
      },
    };
    const root = await mount(<App actions={actions} />, slow);
    await settleUntil(() => root.querySelector('fieldset') !== null);
    const shown = () => ['Touch', 'Play'].map((label) => checkbox(root, label).checked);
    // The first change is written and announced while the second one's write waits.
    await act(() => checkbox(root, 'Touch').click());
    hold = new Promise((ok) => (release = ok));
    await act(() => checkbox(root, 'Play').click());
    expect(shown()).toEqual([false, false]);
    await settleUntil(() => reads >= 2);
    // Another page writes too (the palette): its announcement makes this page read what is stored.
    const other = createTendStore(slow.dbName);
    await other.patchPrefs({ palette: 'sage' });
    await settleUntil(() => reads >= 3);
    await settle();
    expect(shown()).toEqual([false, false]);
    release();
    await vi.waitFor(async () => {
      await settle();
      expect(await real.readPrefs()).toMatchObject({ hiddenCategories: ['touch', 'play'], palette: 'sage' });
    }, PATIENT);
    await settle();
    expect(shown()).toEqual([false, false]);
    await other.close();
    await real.clearAll();
  });

  it('says how many ideas match, and asks before saving a choice that leaves none', async () => {
    const root = await mount(<App actions={actions} />, services);
    const matchLine = () => root.querySelector('#ideas-count')?.textContent;
    // The library, own ideas and marks are read after the settings.
    await vi.waitFor(async () => {
      await settle();
      expect(matchLine()).toBe('4 ideas match your choices.');
    }, PATIENT);
    for (const label of ['Touch', 'Talk', 'Honesty']) {
      await act(() => checkbox(root, label).click());
      await settle();
    }
    expect(matchLine()).toBe('1 idea matches your choices.');
    await act(() => checkbox(root, 'Play').click());
    await settle();
    expect(root.textContent).toContain('With this change no idea would match');
    await act(() => button(root, 'Keep as it was').click());
    await settle();
    expect((await services.store.readPrefs()).hiddenCategories).toEqual(['touch', 'talk', 'honesty']);
    expect(checkbox(root, 'Play').checked).toBe(true);
    await act(() => checkbox(root, 'Play').click());
    await settle();
    await act(() => button(root, 'Save anyway').click());
    await settle();
    expect((await services.store.readPrefs()).hiddenCategories).toEqual(['touch', 'talk', 'honesty', 'play']);
    expect(matchLine()).toBe('0 ideas match your choices.');
  });

  it('"We live apart for now" is saved, and leaves out ideas that need one place', async () => {
    const root = await mount(<App actions={actions} />, services);
    const matchLine = () => root.querySelector('#ideas-count')?.textContent;
    const apart = () => [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith('We live apart for now'))?.querySelector('input') as HTMLInputElement;
    await vi.waitFor(async () => {
      await settle();
      expect(matchLine()).toBe('4 ideas match your choices.');
    }, PATIENT);
    expect(apart().checked).toBe(false);
    expect(apart().closest('label')?.textContent).toContain('a call, a letter');
    await act(() => apart().click());
    await vi.waitFor(async () => expect((await services.store.readPrefs()).livingApart).toBe(true), PATIENT);
    await settle();
    expect(apart().checked).toBe(true);
    // Of makeLibrary(5) up to warm, the two for one fit anywhere; the two for two need one place.
    expect(matchLine()).toBe('2 ideas match your choices.');
    expect(root.querySelector('#ideas')?.closest('section')?.textContent).toContain('Saved');
  });

  it('explains blocked notifications when the browser refuses them', async () => {
    const root = await mount(<App actions={{ ...actions, notificationsBlocked: async () => true }} />, services);
    await settle();
    expect(root.textContent).toContain('Notifications are turned off for this browser.');
    expect(root.textContent).toContain('system settings');
  });

  it('says what Tend is for, that nothing leaves the browser, and that a counsellor is a good step', async () => {
    const root = await mount(<App actions={actions} />, services);
    await settle();
    const about = root.querySelector('[aria-labelledby="about"]')?.textContent ?? '';
    expect(about).toContain('Nothing leaves this browser');
    expect(about).toContain('counsellor or therapist');
    expect(root.textContent).toContain("Open today's idea with Alt+Shift+Y.");
  });

  it('opens "What we\'d both like" from the About section', async () => {
    const root = await mount(<App actions={actions} />, services);
    await settle();
    const about = root.querySelector('[aria-labelledby="about"]') as HTMLElement;
    await act(() => button(about, "What we'd both like").click());
    expect(services.opened.at(-1)).toBe('/wishes.html');
  });
});

describe('settings page with damaged data', () => {
  it('names the settings that could not be read, and keeps the rest', async () => {
    const { openDB } = await import('idb');
    await services.store.readPrefs();
    const raw = await openDB(services.dbName);
    await raw.put('prefs', { themeMode: 'dark', palette: 'neon', nudgesPerDay: 'lots' }, 'prefs');
    raw.close();
    const root = await mount(<App actions={actions} />, services);
    await settle();
    expect(root.textContent).toContain('Some settings could not be read, so they use their defaults for now: Palette, Nudges a day.');
    expect((root.querySelector('input[name=theme][value=dark]') as HTMLInputElement).checked).toBe(true);
  });

  it('a stored settings record that is not settings at all (a string) gets its own notice', async () => {
    const { openDB } = await import('idb');
    await services.store.readPrefs();
    const raw = await openDB(services.dbName);
    await raw.put('prefs', 'garbage', 'prefs');
    raw.close();
    const root = await mount(<App actions={actions} />, services);
    await settle();
    expect(root.textContent).toContain('Your stored settings could not be read, so Tend is using its defaults.');
  });
});
