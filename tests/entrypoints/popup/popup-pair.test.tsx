// @vitest-environment happy-dom
/** The popup while paired: the quiet line under the idea, and "Back to our idea" after "Another idea". */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import { defaultPrefs } from '../../../model/prefs';
import { createPair, encodePairCode } from '../../../together/code/pair-code';
import { pairChoicesFrom } from '../../../together/code/pair-payload';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settleUntil, whenIdle } from '../../render';

const library = makeLibrary(40);
const code = encodePairCode(
  createPair(new Uint8Array(16).fill(3), { zone: 'Europe/Berlin', choices: { ...pairChoicesFrom(defaultPrefs(), []), maxIntensity: 'close' }, libraryFingerprint: 1 }),
);
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** The page goes first (once the fake worker has answered), then its database: nothing renders after the test. */
async function mountPopup(services: ReturnType<typeof fakeServices>): Promise<HTMLElement> {
  const root = await mount(<App openOptions={() => {}} />, services);
  cleanup.push(async () => {
    await whenIdle();
    await act(() => render(null, root));
    await services.store.destroy();
  });
  return root;
}

describe('popup, paired', () => {
  it('says both Tends show the idea; after "Another idea" it offers the shared one back, which returns', async () => {
    const services = fakeServices(library);
    await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
    await services.store.updatePair(() => ({ code, pairedAt: 1, invited: true }));
    const root = await mountPopup(services);
    const line = () => root.querySelector('.pair-line')?.textContent ?? '';
    const idea = () => root.querySelector('.idea-text')?.textContent ?? '';
    await settleUntil(() => line() !== '');
    expect(line()).toBe('The same idea on both your Tends.');
    const shared = idea();
    await click(button(root, 'Another idea'));
    await settleUntil(() => line().startsWith('Your own pick'));
    expect(idea()).not.toBe(shared);
    await click(button(root, 'Back to our idea'));
    await settleUntil(() => idea() === shared);
    expect(line()).toBe('The same idea on both your Tends.');
  });

  it('shows no pair line on a Tend that is not paired', async () => {
    const services = fakeServices(library);
    const root = await mountPopup(services);
    await settleUntil(() => (root.querySelector('.idea-text')?.textContent ?? '') !== '' && root.querySelector('.nudge-line') !== null);
    expect(root.querySelector('.pair-line')).toBeNull();
  });
});
