// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { App, type WelcomeActions } from '../../../entrypoints/welcome/App';
import type { Idea } from '../../../model/vocabulary';
import { presetWindows } from '../../../nudges/hours/presets';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settleUntil } from '../../render';

const EXAMPLES: Idea[] = [
  { id: 'touch-002', category: 'touch', text: 'Hold hands on a walk.', minutes: 5, mode: 'together', intensity: 'gentle' },
  { id: 'touch-009', category: 'touch', text: 'A long hug at the door.', minutes: 2, mode: 'together', intensity: 'warm' },
  { id: 'touch-015', category: 'touch', text: 'Foreheads together.', minutes: 2, mode: 'together', intensity: 'close' },
];

function setUp() {
  const services = fakeServices([...makeLibrary(30), ...EXAMPLES], () => 1_000_000);
  const replan = vi.fn(async () => {});
  services.replanNudges = replan;
  const actions = { previewNudge: vi.fn(async () => true), openToday: vi.fn(() => {}), firefox: false } satisfies WelcomeActions;
  return { services, replan, actions };
}

const checked = (root: HTMLElement, name: string) =>
  (root.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.closest('label')?.textContent ?? '';
const choose = (root: HTMLElement, name: string, value: string) => click(root.querySelector(`input[name="${name}"][value="${value}"]`));

describe('welcome', () => {
  it('preselects every evening, once a day, up to warm, with one example idea per level', async () => {
    const { services, actions } = setUp();
    const root = await mount(<App actions={actions} />, services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    await settleUntil(() => root.querySelectorAll('.example').length === 3);
    expect(checked(root, 'when')).toContain('Every evening');
    expect(checked(root, 'per-day')).toBe('Once a day');
    expect(checked(root, 'intensity')).toContain('Up to warm');
    expect(root.textContent).toContain('For example: Hold hands on a walk.');
    expect(root.textContent).toContain('For example: A long hug at the door.');
    expect(root.textContent).toContain('For example: Foreheads together.');
    expect(root.textContent).toContain('puzzle-piece menu');
    expect(root.textContent).toContain('Nothing leaves this browser');
    await click(button(root, 'Send a preview nudge'));
    expect(actions.previewNudge).toHaveBeenCalledOnce();
    expect(root.textContent).toContain('A preview nudge is on its way.');
  });

  it('"Start Tend" saves the choices (living apart too), finishes setup, plans once, and says it is ready', async () => {
    const { services, replan, actions } = setUp();
    const root = await mount(<App actions={actions} />, services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    await choose(root, 'when', 'weekends');
    await choose(root, 'per-day', '2');
    await choose(root, 'intensity', 'gentle');
    const apart = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith('We live apart for now'))?.querySelector('input');
    expect(apart?.checked).toBe(false);
    await click(apart);
    expect(replan).not.toHaveBeenCalled();
    await click(button(root, 'Start Tend'));
    const prefs = await services.store.readPrefs();
    expect(prefs.windows).toEqual(presetWindows('weekends'));
    expect(prefs).toMatchObject({ nudgesEnabled: true, nudgesPerDay: 2, maxIntensity: 'gentle', livingApart: true });
    expect(await services.store.readState(SETUP_KEY, parseSetup)).toEqual({ finishedAt: 1_000_000 });
    expect(replan).toHaveBeenCalledOnce();
    expect(root.textContent).toContain("Tend is ready. Click the Tend button in your toolbar for today's idea.");
    expect(root.querySelector('input[name="when"]')).toBeNull();
    expect(services.opened).toEqual([]);
  });

  it('ends at today\'s idea: after "Start Tend", "See today\'s idea" is the one filled button, settings beside it', async () => {
    const { services, actions } = setUp();
    const root = await mount(<App actions={actions} />, services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    expect(root.textContent).not.toContain("See today's idea");
    await click(button(root, 'Start Tend'));
    // The pairing step (loaded after Start) offers itself without a filled button of its own.
    await settleUntil(() => root.textContent?.includes('Pair with your partner') ?? false);
    const done = root.querySelector('.welcome-done') as HTMLElement;
    expect([...root.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(["See today's idea"]);
    expect([...done.querySelectorAll('button')].map((b) => b.textContent)).toEqual(["See today's idea", 'Open settings']);
    await click(button(root, "See today's idea"));
    expect(actions.openToday).toHaveBeenCalledOnce();
    expect(services.opened).toEqual([]);
    await click(button(root, 'Open settings'));
    expect(services.opened).toEqual(['/options.html']);
  });

  it('names the way to pin the button for the browser it was built for, and where to talk together', async () => {
    const chrome = setUp();
    let root = await mount(<App actions={chrome.actions} />, chrome.services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    const pin = () => root.querySelector('[aria-labelledby="pin"] p')?.textContent ?? '';
    expect(pin()).toContain('puzzle-piece menu');
    expect(pin()).not.toContain('extensions button');
    expect(root.querySelector('.welcome-intro')?.textContent).toContain('“Talk together” in the popup');

    const firefox = setUp();
    root = await mount(<App actions={{ ...firefox.actions, firefox: true }} />, firefox.services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    expect(pin()).toContain('extensions button');
    expect(pin()).toContain('Pin to Toolbar');
    expect(pin()).not.toContain('puzzle');
  });

  it('"off" turns nudges off, and own hours open settings at the nudges after finishing', async () => {
    const { services, actions } = setUp();
    const root = await mount(<App actions={actions} />, services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    await choose(root, 'when', 'custom');
    await choose(root, 'per-day', '0');
    await click(button(root, 'Start Tend'));
    const prefs = await services.store.readPrefs();
    expect(prefs.nudgesEnabled).toBe(false);
    expect(services.opened).toEqual(['/options.html#nudges']);
  });

  it('says so when Tend is already set up, and offers settings', async () => {
    const { services, actions } = setUp();
    await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 5 }));
    const root = await mount(<App actions={actions} />, services);
    await settleUntil(() => root.querySelector('main.welcome') !== null);
    expect(root.textContent).toContain('Tend is already set up.');
    expect(root.querySelector('input[name="when"]')).toBeNull();
    await click(button(root, 'Open settings'));
    expect(services.opened).toEqual(['/options.html']);
  });
});
