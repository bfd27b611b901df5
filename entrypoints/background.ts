import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createTendStore, DbOpenError, type TendStore } from '../utils/db';
import { parseSetup, SETUP_KEY } from '../utils/setup';
import {
  IDLE_SECONDS,
  NOTIFICATION_ID,
  NUDGE_ALARM,
  changeNudgeState,
  ensureNudgeAlarm,
  onNudgeAlarm,
  onUserBack,
  openTodaysIdea,
} from '../utils/nudges-browser';
import { snooze } from '../utils/schedule';

export default defineBackground(() => {
  const store = createTendStore();
  const log = (error: unknown) => console.warn('Tend:', error);
  // When Tend's database cannot be opened (made by a newer Tend, or damaged), nudges go on with
  // default settings from a database of their own until the person chooses a way out in Settings.
  let fallback: TendStore | null = null;
  const withStore = (work: (s: TendStore) => Promise<unknown>) =>
    void work(store)
      .catch(async (error: unknown) => {
        if (!(error instanceof DbOpenError)) throw error;
        fallback ??= createTendStore('tend-fallback', { channel: null });
        const f = fallback;
        await f.updateState(SETUP_KEY, parseSetup, (s) => (s.finishedAt === null ? { finishedAt: Date.now() } : s));
        await work(f);
      })
      .catch(log);

  // Listeners first and synchronously, so the event that woke the worker is not missed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new install meets the welcome first; nothing is planned until it is finished. Only while it is
    // unfinished: Chromium reports an extension loaded from the command line as installed anew at every launch.
    if (reason === 'install') {
      withStore(async (s) => {
        if ((await s.readState(SETUP_KEY, parseSetup)).finishedAt !== null) return;
        await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
      });
    }
    withStore((s) => ensureNudgeAlarm(s));
  });
  browser.runtime.onStartup.addListener(() => withStore((s) => ensureNudgeAlarm(s)));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NUDGE_ALARM) withStore((s) => onNudgeAlarm(s));
  });
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'active') withStore((s) => onUserBack(s));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    void openTodaysIdea().catch(log);
  });
  // Chrome only: Firefox notifications have no buttons.
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    if (button === 0) void openTodaysIdea().catch(log);
    else withStore((s) => changeNudgeState(s, (n) => snooze(n, '1h', Date.now())));
  });

  // The welcome finished in a page: plan the first nudge here too, even if that page closed at once.
  store.onChange((change) => {
    if (change === 'setup') withStore((s) => ensureNudgeAlarm(s, true));
  });

  browser.idle.setDetectionInterval(IDLE_SECONDS);
  // Every worker start: make sure the alarm exists (it is kept when it is already right).
  withStore((s) => ensureNudgeAlarm(s));
});
