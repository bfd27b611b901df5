/** Renders components into happy-dom with fake services: a real Tend store on fake-indexeddb, English text. */
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { ServicesContext, type Services } from '../platform/services';
import { createTendStore } from '../store/db';
import type { Idea } from '../model/vocabulary';
import { answerPopup } from '../ideas/popup-view';
import { nextNudgeAt } from '../nudges/schedule';
import { readSchedulePrefs } from '../nudges/nudges-browser';
import { englishTracks, tEn } from './helpers';

let counter = 0;

/** What fake services are still doing for a page (the worker's answers, a replan): a click waits for it. */
const inFlight = new Set<Promise<unknown>>();
function track<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const done = () => void inFlight.delete(work);
  work.then(done, done);
  return work;
}

export function fakeServices(
  library: Idea[],
  // Local noon of a fixed day: the same local day in every time zone, whatever the machine's clock says.
  now = () => new Date(2026, 4, 4, 12).getTime(),
): Services & { copied: string[]; opened: string[]; dbName: string } {
  const copied: string[] = [];
  const opened: string[] = [];
  const dbName = `tend-component-${++counter}`;
  const store = createTendStore(dbName);
  const replanNudges = () => track(planLikeTheWorker(store, now));
  const random = () => 0.42;
  const services: Services & { copied: string[]; opened: string[]; dbName: string } = {
    t: tEn,
    store,
    now,
    random,
    locale: 'en',
    loadIdeas: async () => library,
    copyText: async (text) => void copied.push(text),
    replanNudges,
    // The worker's own answers, over this store: the popup's requests go through the same code as in the browser.
    // The library is read through `services`, so a test can replace loadIdeas.
    askWorker: (request) =>
      track(
        (async () => {
          if (request === 'replan' || request === 'popup-opened') return replanNudges();
          if (request === 'sync-now' || request === 'sync-clear') return true;
          const loadIdeas = () => services.loadIdeas();
          return answerPopup(request.popup, { store, loadIdeas, loadTracks: englishTracks, now, random, t: tEn, locale: 'en', replan: replanNudges });
        })(),
      ),
    onStoreChange: (listener) => store.onChange(listener),
    full: async () => services,
    saveView: () => {},
    rescue: { exportReadable: async () => ({ fileName: 'x.json', text: '{}' }), startFresh: () => store.destroy(), download: () => {} },
    openPage: (path, hash = '') => void opened.push(path + hash),
    opened,
    copied,
    dbName,
  };
  return services;
}

/**
 * Plays the background worker, which pages ask to plan: the next nudge by the pure scheduler (its
 * earliest minute), stored as the worker stores it; none before the welcome is finished.
 */
async function planLikeTheWorker(store: ReturnType<typeof createTendStore>, now: () => number): Promise<void> {
  const prefs = await readSchedulePrefs(store);
  await store.updateNudgeState((s) => ({ ...s, plannedAt: nextNudgeAt(prefs, s, now(), () => 0) }));
}

/**
 * Pages mounted by a test are unmounted after it (tests/setup-each.ts calls this after every test of every
 * file), so work still on its way (a lazy part, a store announcement) does not render into a document that is
 * gone when the test file ends, and no page's listener (a key handler on window) outlives its test. Not an
 * `afterEach` here: files share this module (vitest.config.ts), and a hook registered at its first import would
 * run only for the first file.
 */
const mounted: HTMLElement[] = [];
export async function unmountAll(): Promise<void> {
  if (mounted.length === 0 && inFlight.size === 0) return;
  await whenIdle();
  for (const root of mounted.splice(0)) await act(() => render(null, root));
  // A request a test left unanswered on purpose (a library that never loads) is not the next test's.
  inFlight.clear();
}

/** Settles until the fake worker has answered everything asked of it (`settle` waits for that), then once more. */
export async function whenIdle(): Promise<void> {
  await settle(15);
  await settle(15);
}

export async function mount(node: ComponentChildren, services?: Services): Promise<HTMLElement> {
  const root = document.createElement('div');
  mounted.push(root);
  document.body.replaceChildren(root);
  await act(() => {
    render(services ? <ServicesContext.Provider value={services}>{node}</ServicesContext.Provider> : node, root);
  });
  return root;
}

const pause = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const idbBusy = () => (globalThis as { tendIdb?: { busy(): number } }).tendIdb?.busy() ?? 0;

/**
 * Lets effects, IndexedDB and re-renders settle: `ms` at least, then until no IndexedDB work and no request
 * to the fake worker is under way for two turns in a row (a busy machine takes longer; at most 3 s more).
 */
export async function settle(ms = 60): Promise<void> {
  await pause(ms);
  const end = Date.now() + 3000;
  for (let quiet = 0; quiet < 2 && Date.now() < end; ) {
    quiet = idbBusy() === 0 && inFlight.size === 0 ? quiet + 1 : 0;
    if (quiet < 2) await pause(5);
  }
}

/** Settles until `done()` holds (a busy machine may take longer than a fixed pause), at most `timeoutMs`. */
export async function settleUntil(done: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('settleUntil: timed out');
    await settle(20);
  }
}

/** Types `value` into the field at `selector`, as a person's input event. */
export async function typeInto(root: HTMLElement, selector: string, value: string): Promise<void> {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`no field ${selector}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(10);
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => (element as HTMLElement).click());
  await settle();
  // What the click asked of the worker is answered and drawn, however busy the machine is.
  await whenIdle();
}

export function button(root: HTMLElement, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}" in: ${root.textContent}`);
  return found;
}

/** For `vi.waitFor`: a busy machine may take seconds where an idle one takes milliseconds. */
export const PATIENT = { timeout: 10_000, interval: 20 };
