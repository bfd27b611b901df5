/**
 * A worker that is slow or restarting is not damaged data: the popup asks again, keeps today's idea on
 * screen meanwhile, and its action lands. Only the database itself says "newer" or "damaged".
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RefusingProxy, requestsThatLeft, type Tend, waitFor } from './chrome-harness';
import { ideaText, IDEA_TEXTS, patchState, readStored, withTend } from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const IDEA_IDS = new Map((JSON.parse(readFileSync('assets/library/ideas.json', 'utf8')) as { id: string; text: string }[]).map((i) => [i.text, i.id]));

/** Stops every service worker (as Chrome does when one is idle); `stopWhenRunning(n)` stops it the next n times it runs. */
async function workerStopper(tend: Tend, page: Page) {
  const cdp = await tend.context.newCDPSession(page);
  const states: string[] = [];
  let pending = 0;
  const stop = () => cdp.send('ServiceWorker.stopAllWorkers');
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      states.push(v.runningStatus);
      // At once, from the event: the worker runs because a message woke it, and is now answering it.
      if (v.runningStatus === 'running' && pending > 0) {
        pending--;
        void stop();
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  return { states, stop, stopWhenRunning: (n: number) => void (pending = n), stopsLeft: () => pending };
}

describe('the popup while the worker restarts', () => {
  it('the worker stopped twice while clicking: no damaged-data notice, the idea stays, the action lands', async () => {
    await withTend({ proxy }, async (tend) => {
      const page = await tend.open('popup');
      await patchState(page, 'setup', { finishedAt: Date.now() });
      await page.reload();
      const first = await ideaText(page);
      const options = await tend.open('options');
      const worker = await workerStopper(tend, options);
      await worker.stop();
      await waitFor(async () => worker.states, (s) => s.at(-1) === 'stopped');
      // The click's message wakes the worker; it is stopped as soon as it runs (while it answers), and
      // once more when the popup asks again: twice in a row.
      worker.stopWhenRunning(2);
      await page.getByRole('button', { name: 'Another idea' }).click();
      // At least once mid-answer; the second stop needs the retry to wake the worker after the event of the
      // first has arrived, which a busy machine does not always give, so it is not waited for past 10 s.
      await waitFor(async () => worker.stopsLeft(), (n) => n < 2, 10_000);
      await waitFor(async () => worker.stopsLeft(), (n) => n === 0, 10_000).catch(() => worker.stopWhenRunning(0));
      // Meanwhile the idea stays on screen and nothing says the data is damaged.
      for (let i = 0; i < 10; i++) {
        expect(await page.locator('.trouble').count()).toBe(0);
        expect(IDEA_TEXTS.has(((await page.textContent('.idea-text')) ?? '').trim())).toBe(true);
        await page.waitForTimeout(100);
      }
      // The action lands: another idea is shown, and it is the one stored as today's.
      const next = await waitFor(() => ideaText(page), (text) => text !== first);
      expect(IDEA_TEXTS.has(next)).toBe(true);
      const picked = (await readStored(options, 'state', 'picker')) as { today?: { ideaId?: string } } | undefined;
      expect(picked?.today?.ideaId).toBe(IDEA_IDS.get(next));
      expect(await page.locator('.trouble').count()).toBe(0);
      expect(worker.states.lastIndexOf('running')).toBeGreaterThan(worker.states.indexOf('stopped'));
      expect(tend.pageErrors).toEqual([]);
    });
  });
});

describe('privacy', () => {
  it('no request left the browser', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
