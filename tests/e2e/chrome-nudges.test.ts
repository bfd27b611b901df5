/**
 * Nudges in a real Chromium with the built extension loaded: the preview, turning them off and on, "Later",
 * a pause, an alarm coming due; and nudges that still arrive when the service worker restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusingProxy, requestsThatLeft, waitFor } from './chrome-harness';
import {
  ALL_DAY,
  alarms,
  ideaText,
  notifications,
  patchPrefs,
  patchState,
  readStored,
  scheduleNudgeAt,
  useTend,
} from './chrome-steps';

const proxy = new RefusingProxy();
beforeAll(() => proxy.start());
afterAll(() => proxy.stop());
const session = useTend(() => ({ proxy }));

describe('nudges', () => {

  it('"Send a preview nudge" shows a discreet notification right away', async () => {
    const options = await session.tend.open('options');
    await options.getByRole('button', { name: 'Send a preview nudge' }).click();
    const shown = await waitFor(() => notifications(session.tend), (n) => 'tend-nudge' in n);
    expect(Object.keys(shown)).toEqual(['tend-nudge']);
    await options.close();
  });

  it('turning nudges off removes the alarm; on again brings exactly one back', async () => {
    const options = await session.tend.open('options');
    await waitFor(() => alarms(session.tend), (a) => a.length === 1);
    const often = options.getByRole('group', { name: 'How often?' });
    await often.getByLabel('No nudges for now').check();
    await waitFor(() => alarms(session.tend), (a) => a.length === 0);
    await often.getByLabel('Once a day').check();
    const back = await waitFor(() => alarms(session.tend), (a) => a.length === 1);
    expect(back[0]?.name).toBe('tend-nudge');
    await options.close();
  });

  it('"Later · in 15 min", offered after a nudge, moves the alarm to 15 minutes from now', async () => {
    const popup = await session.tend.open('popup');
    await patchPrefs(popup, { windows: ALL_DAY });
    await patchState(popup, 'nudge', { lastNudgeAt: Date.now() - 30 * 60_000 });
    await popup.reload();
    await ideaText(popup);
    const clicked = Date.now();
    await popup.locator('.nudge-menu summary').click();
    await popup.getByRole('button', { name: 'in 15 min' }).click();
    const [alarm] = await waitFor(
      () => alarms(session.tend),
      (a) => a.length === 1 && Math.abs((a[0]?.scheduledTime ?? 0) - clicked - 15 * 60_000) < 90_000,
    );
    expect(alarm?.name).toBe('tend-nudge');
    await popup.close();
  });

  it('a pause shows when it ends, and Resume ends it', async () => {
    const popup = await session.tend.open('popup');
    await ideaText(popup);
    await popup.locator('.nudge-menu summary').click();
    await popup.getByRole('button', { name: '1 day' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('Nudges paused until');
    await popup.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('Next nudge:');
    expect(await alarms(session.tend)).toHaveLength(1);
    await popup.close();
  });

  it('when the alarm comes due, a notification appears and the next alarm is set', async () => {
    const page = await session.tend.open('options');
    await patchPrefs(page, { windows: ALL_DAY, deferWhenIdle: false, spacingMinutes: 30 });
    await session.tend.worker.evaluate(() => chrome.notifications.clear('tend-nudge'));
    const due = Date.now() + 3000;
    await scheduleNudgeAt(session.tend, page, due);
    await waitFor(() => notifications(session.tend), (n) => 'tend-nudge' in n, 20_000);
    const next = await waitFor(() => alarms(session.tend), (a) => a.length === 1 && (a[0]?.scheduledTime ?? 0) > due + 60_000);
    // The next one respects the 30-minute spacing.
    expect((next[0]?.scheduledTime ?? 0) - due).toBeGreaterThanOrEqual(29 * 60_000);
    const state = (await readStored(page, 'state', 'nudge')) as { lastNudgeAt: number };
    expect(state.lastNudgeAt).toBeGreaterThanOrEqual(due - 1000);
    await page.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});

describe('resilience', () => {
  // These stop the service worker, so they come after every test that drives the first one directly.
  it('a nudge still arrives when the service worker is stopped between scheduling and firing', async () => {
    const tend = session.tend;
    const page = await tend.open('options');
    await patchPrefs(page, { windows: ALL_DAY, deferWhenIdle: false });
    await page.evaluate(() => chrome.notifications.clear('tend-nudge'));
    const due = Date.now() + 5000;
    await scheduleNudgeAt(tend, page, due);
    // Stop the worker the way Chrome does when it is idle: whatever it kept in memory is gone.
    const cdp = await tend.context.newCDPSession(page);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => states.push(...e.versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(async () => states, (s) => s.includes('stopped'));
    const shown = await waitFor(
      () => page.evaluate(() => chrome.notifications.getAll() as Promise<Record<string, unknown>>),
      (n) => 'tend-nudge' in n,
      20_000,
    );
    expect(Object.keys(shown)).toEqual(['tend-nudge']);
    // The alarm woke a fresh worker, which read everything it needed from IndexedDB.
    expect(states.lastIndexOf('running')).toBeGreaterThan(states.indexOf('stopped'));
    const state = (await readStored(page, 'state', 'nudge')) as { lastNudgeAt: number };
    expect(state.lastNudgeAt).toBeGreaterThanOrEqual(due - 1000);
    expect(((await readStored(page, 'prefs', 'prefs')) as { deferWhenIdle: boolean }).deferWhenIdle).toBe(false);
    await cdp.detach();
    await page.close();
  });

  it('the popup opened while the service worker is stopped wakes it: the stored idea, its status line, and "Another idea" work', async () => {
    const tend = session.tend;
    let page = await tend.open('popup');
    await patchState(page, 'setup', { finishedAt: Date.now() });
    await page.reload();
    const first = await ideaText(page);
    await page.close();
    const options = await tend.open('options');
    const cdp = await tend.context.newCDPSession(options);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => states.push(...e.versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(async () => states, (s) => s.includes('stopped'));
    page = await tend.context.newPage();
    // No render cache either: what the popup shows can only come from the worker's answer.
    await page.goto(`chrome-extension://${tend.extensionId}/options.html`);
    await page.evaluate(() => localStorage.removeItem('tend:view'));
    await page.goto(`chrome-extension://${tend.extensionId}/popup.html`);
    expect(await ideaText(page)).toBe(first);
    await waitFor(() => page.locator('.nudge-line p').first().textContent(), (text) => /^Next nudge: /.test(text ?? ''));
    expect(states.lastIndexOf('running')).toBeGreaterThan(states.indexOf('stopped'));
    await page.getByRole('button', { name: 'Another idea' }).click();
    await waitFor(() => ideaText(page), (text) => text !== first);
    await page.close();
    await options.close();
  });

  it('made no page errors', () => {
    expect(session.tend.pageErrors).toEqual([]);
  });
});

describe('privacy', () => {
  it('no request left the browser while nudges came and the worker restarted', () => {
    expect(requestsThatLeft(proxy)).toEqual([]);
  });
});
