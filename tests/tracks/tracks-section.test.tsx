// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { TracksSection } from '../../tracks/TracksSection';
import { englishTracks, makeLibrary } from '../helpers';
import { dayKey } from '../../lib/day';
import type { ViewCache } from '../../platform/view-cache';
import { button, click, fakeServices, mount, PATIENT, settle } from '../render';

// Local noon of a fixed day, whatever the machine's zone; "the next day" is a day later.
let clock = new Date(2026, 11, 2, 12).getTime();
const services = fakeServices(makeLibrary(12), () => clock);
/** What the popup left for its next opening's first frame. */
const saved: ViewCache[] = [];
services.saveView = (view) => void saved.push(view);
const TRACKS = await englishTracks();
const touch = TRACKS.find((t) => t.id === 'track-touch')!;
const talking = TRACKS.find((t) => t.id === 'track-talking')!;

afterAll(async () => {
  await services.store.destroy();
});

const itemOf = (root: HTMLElement, title: string) =>
  [...root.querySelectorAll('.track-item')].find((li) => li.querySelector('h3')?.textContent === title) as HTMLElement;
const popupText = async () => {
  const popup = await mount(<App openOptions={() => {}} />, services);
  await settle();
  for (let i = 0; i < 40 && popup.querySelector('[aria-busy]'); i++) await settle(25);
  return popup;
};

describe('tracks: started in Settings, walked in the popup', () => {
  it('a step shows in the popup in place of the idea, "We did this" rests until the next day, then the next step; stopping brings the idea back', async () => {
    await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
    let settings = await mount(<TracksSection loadTracks={englishTracks} />, services);
    await settle();
    expect(settings.querySelectorAll('.track-item')).toHaveLength(TRACKS.length);
    expect(itemOf(settings, touch.title).textContent).toContain(`${touch.steps.length} small steps`);
    await click(button(itemOf(settings, touch.title), 'Start this track'));
    // The confirmation comes once the write (which may first load the store's rarer verbs) is done.
    await vi.waitFor(() => expect(settings.textContent).toContain(`Started: “${touch.title}”. Its first step is in the popup.`), PATIENT);
    expect(itemOf(settings, touch.title).textContent).toContain(`step 1 of ${touch.steps.length} is in the popup`);

    let popup = await popupText();
    expect(popup.querySelector('#today-heading')?.textContent).toBe(`${touch.title} · step 1 of ${touch.steps.length}`);
    expect(popup.querySelector('.idea-text')?.textContent).toBe(touch.steps[0]?.text);
    expect(popup.textContent).not.toContain("Today's idea");
    // The next opening paints no idea the step would replace, nor tomorrow's.
    expect(saved.at(-1)).toMatchObject({ idea: null, tomorrow: null });
    await click(button(popup, 'We did this'));
    // Done for today: today's idea is back, with one quiet line.
    expect(popup.querySelector('#today-heading')?.textContent).toBe("Today's idea");
    expect(popup.querySelector('.track-line')?.textContent).toBe(`${touch.title}: the next step comes tomorrow.`);
    expect((await services.store.readTracks())[0]).toMatchObject({ step: 1 });

    clock += 24 * 3600_000;
    popup = await popupText();
    expect(popup.querySelector('#today-heading')?.textContent).toBe(`${touch.title} · step 2 of ${touch.steps.length}`);
    await click(button(popup, 'Skip this step'));
    expect(popup.querySelector('.track-line')).not.toBeNull();

    // Another track starts: the first waits, paused, and says where it is.
    settings = await mount(<TracksSection loadTracks={englishTracks} />, services);
    await settle();
    await click(button(itemOf(settings, talking.title), 'Start this track'));
    await vi.waitFor(() => expect(settings.textContent).toContain(`Started: “${talking.title}”. “${touch.title}” waits, paused.`), PATIENT);
    expect(itemOf(settings, touch.title).textContent).toContain(`Paused at step 3 of ${touch.steps.length}.`);
    await click(button(itemOf(settings, talking.title), 'Stop'));
    await vi.waitFor(() => expect(settings.textContent).toContain(`Stopped: “${talking.title}”. Today's idea is back in the popup.`), PATIENT);
    popup = await popupText();
    expect(popup.querySelector('#today-heading')?.textContent).toBe("Today's idea");
    expect(popup.querySelector('.track-line')).toBeNull();

    // Resumed, it goes on where it was.
    settings = await mount(<TracksSection loadTracks={englishTracks} />, services);
    await settle();
    await click(button(itemOf(settings, touch.title), 'Go on'));
    // Step 2 was skipped today: step 3 waits for tomorrow.
    expect(itemOf(settings, touch.title).textContent).toContain(`step 3 of ${touch.steps.length} comes tomorrow`);
    clock += 24 * 3600_000;
    popup = await popupText();
    expect(popup.querySelector('#today-heading')?.textContent).toBe(`${touch.title} · step 3 of ${touch.steps.length}`);
  });

  it('a repeated "We did this" (a double click, a stale popup) takes one step; the last step ends on the closing', async () => {
    await services.store.updateTracks(() => [{ trackId: 'track-touch', step: touch.steps.length - 1, lastStepDay: null, state: 'running', startedAt: 1 }]);
    const popup = await popupText();
    expect(popup.querySelector('#today-heading')?.textContent).toBe(`${touch.title} · step ${touch.steps.length} of ${touch.steps.length}`);
    const day = dayKey(clock);
    await click(button(popup, 'We did this'));
    // The same step again, as a second click or another popup still showing it would send.
    await services.askWorker({ popup: { kind: 'track', day, trackId: 'track-touch', step: touch.steps.length - 1, outcome: 'done' } });
    await services.askWorker({ popup: { kind: 'track', day, trackId: 'track-touch', step: touch.steps.length, outcome: 'done' } });
    expect(await services.store.readTracks()).toEqual([
      { trackId: 'track-touch', step: touch.steps.length, lastStepDay: expect.any(String), state: 'finished', startedAt: 1 },
    ]);
    await settle();
    expect(popup.querySelector('.track-line')?.textContent).toContain(`That was the last step of “${touch.title}”.`);
    expect(popup.querySelector('.track-line')?.textContent).toContain(touch.closing);
    // The day after, the closing has said its piece: today's idea alone.
    clock += 24 * 3600_000;
    expect((await popupText()).querySelector('.track-line')).toBeNull();
  });
});
