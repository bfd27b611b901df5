// @vitest-environment happy-dom
/** The popup asks the worker for today before its first frame (main.tsx), and takes that answer when it comes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { askEarly, type EarlyView } from '../../../entrypoints/popup/usePopup';
import { dayKey } from '../../../lib/day';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import type { WorkerRequest } from '../../../platform/worker-request';
import { makeLibrary } from '../../helpers';
import { fakeServices, mount, PATIENT } from '../../render';

const library = makeLibrary(12);
const isLibraryIdea = (text: string | null | undefined) => library.some((i) => i.text === text);
// Each test's database goes when the test ends.
const opened: { destroy(): Promise<void> }[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.destroy();
});

/** Services whose worker counts the times it was asked for the view, today's idea picked by an earlier opening. */
async function counted() {
  const services = fakeServices(library);
  opened.push(services.store);
  await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: 1 }));
  const answer = services.askWorker;
  // Today's pick is stored already (an earlier opening), so asking for the view writes nothing that asks again.
  await answer({ popup: { kind: 'view', day: dayKey(services.now()) } });
  const asked: WorkerRequest[] = [];
  services.askWorker = (request) => {
    const popup = typeof request === 'object' ? (request.popup as { kind?: string }) : null;
    if (popup?.kind === 'view') asked.push(request);
    return answer(request);
  };
  return { services, asked };
}

describe('the popup asked early', () => {
  it('shows the answer to the ask made before its first frame, and does not ask the same again', async () => {
    const { services, asked } = await counted();
    const early = askEarly(services.askWorker, services.now());
    const root = await mount(<App openOptions={() => {}} early={early} />, services);
    await vi.waitFor(() => expect(isLibraryIdea(root.querySelector('.idea-text')?.textContent)).toBe(true), PATIENT);
    await vi.waitFor(() => expect(root.querySelector('main')?.hasAttribute('aria-busy')).toBe(false), PATIENT);
    expect(asked).toHaveLength(1);
  });

  it('asks again when the early ask got no answer (a worker stopped while it answered)', async () => {
    const { services, asked } = await counted();
    const early: EarlyView = { day: dayKey(services.now()), answer: Promise.resolve(undefined) };
    const root = await mount(<App openOptions={() => {}} early={early} />, services);
    await vi.waitFor(() => expect(isLibraryIdea(root.querySelector('.idea-text')?.textContent)).toBe(true), PATIENT);
    expect(asked).toHaveLength(1);
    expect(root.textContent).not.toContain('did not answer');
  });
});
