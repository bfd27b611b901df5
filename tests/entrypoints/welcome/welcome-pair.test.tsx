// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { App, type WelcomeActions } from '../../../entrypoints/welcome/App';
import { createPair, encodePairCode } from '../../../together/code/pair-code';
import { pairChoicesFrom } from '../../../together/code/pair-payload';
import { defaultPrefs } from '../../../model/prefs';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settleUntil, typeInto } from '../../render';

async function started() {
  const services = fakeServices(makeLibrary(30), () => 1_000_000);
  const replan = vi.fn(async () => {});
  services.replanNudges = replan;
  const actions: WelcomeActions = { previewNudge: async () => true, openToday: () => {}, firefox: false };
  const root = await mount(<App actions={actions} />, services);
  await settleUntil(() => root.querySelector('main.welcome') !== null);
  await click(button(root, 'Start Tend'));
  await settleUntil(() => root.querySelector('section[aria-labelledby="pair-step"]')?.textContent?.includes('Pair with your partner') ?? false);
  replan.mockClear();
  return { services, replan, root, step: () => root.querySelector<HTMLElement>('section[aria-labelledby="pair-step"]') };
}

describe("the welcome's last step: pairing", () => {
  it('comes after Start Tend, and Not now leaves everything as it is and says where pairing waits', async () => {
    const { services, root, step } = await started();
    const offer = step() as HTMLElement;
    expect(offer.textContent).toContain('Pair your two Tends: the same idea on both each day');
    button(offer, 'Pair with your partner');
    button(offer, 'I have a code');
    await click(button(offer, 'Not now'));
    expect(step()).toBeNull();
    const later = 'You can pair your two Tends any time in Settings, under Together.';
    expect(root.textContent).toContain(later);
    expect(document.activeElement?.textContent).toBe(later);
    expect(await services.store.readPair()).toBeNull();
  });

  it('Pair with your partner shows the code to send, and the worker plans again', async () => {
    const { services, replan, step } = await started();
    await click(button(step() as HTMLElement, 'Pair with your partner'));
    await settleUntil(() => (step()?.querySelector('.pair-code')?.textContent ?? '') !== '');
    const code = step()?.querySelector('.pair-code')?.textContent;
    expect((await services.store.readPair())?.code).toBe(code);
    expect(step()?.textContent).toContain('In step with your partner');
    // The welcome keeps it short: no stopping or newer codes here.
    expect(step()?.textContent).not.toContain('Stop being in step');
    await click(button(step() as HTMLElement, 'Copy'));
    expect(services.copied).toEqual([code]);
    expect(replan).toHaveBeenCalled();
  });

  it("I have a code takes in the partner's code, and its choices replace the ones just made", async () => {
    const { services, step } = await started();
    const theirs = createPair(new Uint8Array(16).fill(2), {
      zone: 'UTC',
      choices: pairChoicesFrom({ ...defaultPrefs(), nudgesPerDay: 3, maxIntensity: 'close' }, []),
      libraryFingerprint: 1,
    });
    await click(button(step() as HTMLElement, 'I have a code'));
    await typeInto(step() as HTMLElement, 'textarea', encodePairCode(theirs));
    await click(button(step() as HTMLElement, 'Pair'));
    await settleUntil(() => step()?.textContent?.includes('In step with your partner') ?? false);
    expect(await services.store.readPrefs()).toMatchObject({ nudgesPerDay: 3, maxIntensity: 'close' });
  });
});
