// @vitest-environment happy-dom
/** The popup while its worker is slow or restarting: asked again, the idea stays, never "damaged data". */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { createTendStore } from '../../../store/db';
import { answerPopup } from '../../../ideas/popup-view';
import type { WorkerRequest } from '../../../platform/worker-request';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import { makeLibrary, tEn } from '../../helpers';
import { button, click, fakeServices, mount, settle } from '../../render';

const library = makeLibrary(12);
const texts = new Set(library.map((i) => i.text));
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

let databases = 0;

/** The fake worker's runtime, whose next `fails` popup messages fail as a stopped worker's do. */
async function flakyPopup() {
  // A database and change channel of its own: fakeServices' numbered names repeat in every test file, and
  // Node's BroadcastChannel reaches across the workers that run the files side by side.
  const services = fakeServices(library);
  const store = createTendStore(`tend-popup-restart-${++databases}`);
  const { now, random } = services;
  Object.assign(services, { store, onStoreChange: (listener: () => void) => store.onChange(listener) });
  cleanup.push(() => store.destroy());
  await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
  const answer = async (request: WorkerRequest) =>
    typeof request === 'object'
      ? answerPopup(request.popup, { store, loadIdeas: async () => library, now, random, t: tEn, locale: 'en', replan: async () => {} })
      : undefined;
  const runtime = { fails: 0, sent: 0 };
  services.askWorker = async (request: WorkerRequest) => {
    if (typeof request === 'object') {
      runtime.sent++;
      if (runtime.fails > 0) {
        runtime.fails--;
        // Alternately: the channel closed while the worker answered, and no answer at all.
        if (runtime.fails % 2 === 0) throw new Error('The message port closed before a response was received.');
        return undefined;
      }
    }
    return answer(request);
  };
  return { services, runtime };
}

const ideaText = (root: HTMLElement) => root.querySelector('.idea-text')?.textContent ?? '';
const trouble = (root: HTMLElement) => root.querySelector('.trouble');

async function until(ok: () => boolean, ms = 3000) {
  for (let waited = 0; !ok() && waited < ms; waited += 50) await settle(50);
}

describe('popup while the worker restarts', () => {
  it('opening: the cached idea stays while the worker is asked again, then the stored view shows; no data notice', async () => {
    const { services, runtime } = await flakyPopup();
    runtime.fails = 3;
    const cached = { ...library[3]!, text: 'Cached from this morning.' };
    const root = await mount(<App openOptions={() => {}} cachedIdea={cached} />, services);
    await settle();
    expect(trouble(root)).toBeNull();
    expect(ideaText(root)).toBe('Cached from this morning.');
    await until(() => !root.querySelector('main')?.hasAttribute('aria-busy'));
    expect(trouble(root)).toBeNull();
    expect(texts.has(ideaText(root))).toBe(true);
    expect(runtime.sent).toBeGreaterThanOrEqual(4);
  });

  it('"Another idea" while the worker is stopped twice in a row: the idea stays meanwhile, and the action lands', async () => {
    const { services, runtime } = await flakyPopup();
    const root = await mount(<App openOptions={() => {}} />, services);
    await until(() => texts.has(ideaText(root)) && !root.querySelector('main')?.hasAttribute('aria-busy'));
    const first = ideaText(root);
    runtime.fails = 2;
    await click(button(root, 'Another idea'));
    expect(trouble(root)).toBeNull();
    expect(ideaText(root)).toBe(first);
    await until(() => ideaText(root) !== first);
    expect(trouble(root)).toBeNull();
    expect(ideaText(root)).not.toBe(first);
    expect((await services.store.readPickerState())?.today?.ideaId).toBe(library.find((i) => i.text === ideaText(root))?.id);
  });

  it('a worker that never answers: the idea stays with a quiet "did not answer" and a way to try again', async () => {
    const { services, runtime } = await flakyPopup();
    runtime.fails = 100;
    const cached = { ...library[5]!, text: 'Cached idea.' };
    const root = await mount(<App openOptions={() => {}} cachedIdea={cached} />, services);
    await until(() => root.querySelector('.away') !== null, 6000);
    expect(trouble(root)).toBeNull();
    expect(ideaText(root)).toBe('Cached idea.');
    expect(root.querySelector('.away')?.textContent).toContain('Tend did not answer just now.');
    runtime.fails = 0;
    await click(button(root, 'Try again'));
    await until(() => root.querySelector('.away') === null);
    expect(texts.has(ideaText(root))).toBe(true);
  });

  it('the data notice shows when the database itself says it is damaged, at once', async () => {
    const { services } = await flakyPopup();
    services.askWorker = async () => ({ trouble: 'damaged' });
    const root = await mount(<App openOptions={() => {}} cachedIdea={library[0]!} />, services);
    await until(() => trouble(root) !== null, 1000);
    expect(trouble(root)?.textContent).toContain('Tend cannot open its data');
  });
});
