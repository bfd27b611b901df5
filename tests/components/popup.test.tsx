// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import { defaultPrefs } from '../../utils/prefs';
import { pause } from '../../utils/schedule';
import type { ViewCache } from '../../utils/view-cache';
import { makeLibrary } from '../helpers';
import { button, click, fakeServices, mount, settle } from './render';

const library = makeLibrary(12);
const texts = new Set(library.map((i) => i.text));
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function openPopup(services = fakeServices(library)) {
  cleanup.push(() => services.store.destroy());
  const root = await mount(<App openOptions={() => {}} />, services);
  await settle();
  return { root, services, idea: () => root.querySelector('.idea-text')?.textContent ?? '' };
}

describe('popup', () => {
  it('paints the idea cached by the last visit today before its data is read, then takes the stored one', async () => {
    let release: (ideas: typeof library) => void = () => {};
    const services = { ...fakeServices(library), loadIdeas: () => new Promise<typeof library>((r) => (release = r)) };
    const saved: unknown[] = [];
    services.saveView = (view) => void saved.push(view);
    cleanup.push(() => services.store.destroy());
    const cached = { ...library[3]!, text: 'Cached from this morning.' };
    const root = await mount(<App openOptions={() => {}} cachedIdea={cached} />, services);
    expect(root.querySelector('.idea-text')?.textContent).toBe('Cached from this morning.');
    // Marked busy while the stored data is on its way.
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    release(library);
    await settle();
    expect(texts.has(root.querySelector('.idea-text')?.textContent ?? '')).toBe(true);
    expect(root.querySelector('main')?.hasAttribute('aria-busy')).toBe(false);
    expect(saved).toHaveLength(1);
  });

  it('picks tomorrow\'s idea ahead for the render cache, and tomorrow the popup shows exactly that one', async () => {
    let time = new Date(2026, 4, 4, 21).getTime();
    const services = fakeServices(library, () => time);
    const saved: ViewCache[] = [];
    services.saveView = (view) => void saved.push(view);
    const today = await openPopup(services);
    const ahead = saved.at(-1)?.tomorrow;
    expect(ahead?.text).toBeTruthy();
    expect(ahead?.text).not.toBe(today.idea());
    time = new Date(2026, 4, 5, 8).getTime();
    const tomorrow = await openPopup(services);
    expect(tomorrow.idea()).toBe(ahead?.text);
  });

  it('shows today\'s idea with its category and minutes, the same on reopening', async () => {
    const services = fakeServices(library);
    const { root, idea } = await openPopup(services);
    expect(texts.has(idea())).toBe(true);
    expect(root.querySelector('.idea-meta')?.textContent).toMatch(/about \d+ min/);
    const first = idea();
    const again = await openPopup(services);
    expect(again.idea()).toBe(first);
  });

  it('"Another idea" brings a different one and says the skipped one comes back', async () => {
    const { root, idea } = await openPopup();
    const first = idea();
    await click(button(root, 'Another idea'));
    expect(idea()).not.toBe(first);
    await settle(50);
    expect(root.querySelector('.status')?.textContent).toContain('comes back later');
  });

  it('"Not for us" hides the idea at once, and Undo brings it back', async () => {
    const { root, idea, services } = await openPopup();
    const first = idea();
    await click(button(root, 'Not for us'));
    expect(idea()).not.toBe(first);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(1);
    await click(button(root, 'Undo'));
    expect(idea()).toBe(first);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(0);
  });

  it('Favourite is a toggle that is announced as pressed, and lists the idea under Favourites', async () => {
    const { root, idea } = await openPopup();
    const favourite = button(root, 'Favourite');
    expect(favourite.getAttribute('aria-pressed')).toBe('false');
    await click(favourite);
    expect(button(root, 'Favourite').getAttribute('aria-pressed')).toBe('true');
    const favourites = [...root.querySelectorAll('details')].find((d) => d.textContent?.startsWith('Favourites'));
    expect(favourites?.querySelector('li')?.textContent).toContain(idea());
  });

  it('"Copy to share" copies just the idea\'s words', async () => {
    const { root, idea, services } = await openPopup();
    await click(button(root, 'Copy to share'));
    expect(services.copied).toEqual([idea()]);
  });

  it('gives a clear message instead of an empty card when the filters leave nothing', async () => {
    const services = fakeServices(library);
    await services.store.patchPrefs({ ...defaultPrefs(), maxMinutes: 1, modeFilter: 'solo', maxIntensity: 'gentle' });
    const { root } = await openPopup(services);
    expect(root.querySelector('.idea-text')).toBeNull();
    expect(root.textContent).toContain('No ideas fit your current filters');
  });

  it('shows a pause with its end time and a Resume button that ends it', async () => {
    const services = fakeServices(library);
    await services.store.updateNudgeState((s) => pause(s, '1d', services.now()));
    const { root } = await openPopup(services);
    expect(root.textContent).toMatch(/Nudges are paused until .*5/);
    await click(button(root, 'Resume'));
    expect(root.textContent).toContain('Remind me later, or pause nudges');
    expect((await services.store.readNudgeState()).pausedUntil).toBeNull();
  });
});
