// @vitest-environment happy-dom
/** What the popup picks, end to end through its data hook: the day it opened on, a check-in's leaning, a new own idea. */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { createTendStore } from '../../../store/db';
import { leaningFor } from '../../../checkin/leaning';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settle } from '../../render';

const library = makeLibrary(60);
const byText = new Map(library.map((i) => [i.text, i]));
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

function setUp(time: { now: number }) {
  const services = fakeServices(library, () => time.now);
  cleanup.push(() => services.store.destroy());
  return services;
}
const ideaOn = (root: HTMLElement) => root.querySelector('.idea-text')?.textContent ?? '';

describe('what the popup picks', () => {
  it('an open popup keeps the idea it showed when midnight passes, even when it reads its data again', async () => {
    const time = { now: new Date(2026, 11, 1, 23, 59, 30).getTime() };
    const services = setUp(time);
    const root = await mount(<App openOptions={() => {}} />, services);
    await settle(150);
    const before = ideaOn(root);
    expect(byText.has(before)).toBe(true);
    time.now = new Date(2026, 11, 2, 0, 0, 30).getTime();
    // Another page writes something: this popup reads everything again.
    const other = createTendStore(services.dbName);
    await other.patchPrefs({ palette: 'sage' });
    await settle(200);
    await other.close();
    expect(ideaOn(root)).toBe(before);
  });

  it('after a "Like a job" check-in, today\'s idea and the next ones come from the kinds it leans toward', async () => {
    const time = { now: new Date(2026, 11, 1, 19, 0).getTime() };
    const services = setUp(time);
    await services.store.putCheckIn({ id: 'c1', at: time.now - 60_000, answer: 'job', note: '' });
    const lean = new Set<string>(leaningFor('job').categories);
    const root = await mount(<App openOptions={() => {}} />, services);
    await settle(150);
    for (let i = 0; i < 5; i++) {
      const idea = byText.get(ideaOn(root));
      expect(idea && lean.has(idea.category)).toBe(true);
      // Capped at warm: nothing closer.
      expect(idea?.intensity).not.toBe('close');
      await click(button(root, 'Another idea'));
      await settle(100);
    }
  });

  it('an idea of your own written now comes with the next "Another idea", marked Yours', async () => {
    const time = { now: new Date(2026, 11, 1, 19, 0).getTime() };
    const services = setUp(time);
    const root = await mount(<App openOptions={() => {}} />, services);
    await settle(150);
    expect(byText.has(ideaOn(root))).toBe(true);
    await services.store.putOwnIdeas([
      { id: 'own-new', text: 'Our Sunday pancakes, <b>slowly</b>.', category: 'play', mode: 'together', minutes: null, intensity: 'gentle', createdAt: time.now },
    ]);
    await settle(100);
    await click(button(root, 'Another idea'));
    await settle(150);
    expect(ideaOn(root)).toBe('Our Sunday pancakes, <b>slowly</b>.');
    expect(root.querySelector('.own-mark')?.textContent).toBe('Yours');
    expect(root.querySelector('.idea-text b')).toBeNull();
  });
});
