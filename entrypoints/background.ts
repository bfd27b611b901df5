import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createTendStore, type TendStore } from '../store/db';
import { DbOpenError } from '../store/open-db';
import { t } from '../platform/i18n-browser';
import { loadIdeas } from '../ideas/library-browser';
import { loadTracks } from '../tracks/tracks-browser';
import { answerPopup } from '../ideas/popup-view';
import { parseSetup, SETUP_KEY } from '../model/setup';
import { parseWorkerRequest } from '../platform/worker-request';
import {
  clearBadge,
  IDLE_SECONDS,
  NOTIFICATION_ID,
  NUDGE_ALARM,
  changeNudgeState,
  ensureNudgeAlarm,
  onNudgeAlarm,
  onUserBack,
  openTodaysIdea,
} from '../nudges/nudges-browser';
import { snooze } from '../nudges/pause';
import { createSyncer } from '../sync/sync-worker';

export default defineBackground(() => {
  const store = createTendStore();
  const log = (error: unknown) => console.warn('Tend:', error);
  // When Tend's database cannot be opened (made by a newer Tend, or damaged), nudges go on with
  // default settings from a database of their own until the person chooses a way out in Settings.
  let fallback: TendStore | null = null;
  const attempt = async (work: (s: TendStore) => Promise<unknown>) => {
    try {
      await work(store);
    } catch (error) {
      if (!(error instanceof DbOpenError)) throw error;
      fallback ??= createTendStore('tend-fallback', { channel: null });
      const f = fallback;
      await f.updateState(SETUP_KEY, parseSetup, (s) => (s.finishedAt === null ? { finishedAt: Date.now() } : s));
      await work(f);
    }
  };
  // One job at a time: two plans made side by side (a page's request and a setup change) could
  // leave the alarm at one time and the stored plan at the other.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const job = queue.then(work);
    queue = job.catch(log);
    return job;
  };
  const serially = (work: (s: TendStore) => Promise<unknown>): Promise<void> => inOrder(() => attempt(work));
  const withStore = (work: (s: TendStore) => Promise<unknown>) => void serially(work).catch(() => {});

  // Opt-in sync through the browser's own sync (sync/): a change here goes out, one from elsewhere comes in.
  const syncer = createSyncer({ store, area: browser.storage.sync, now: Date.now, log });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') syncer.heardRemote();
  });

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

  // Pages change what is stored and ask the worker to plan; the popup asks for what it shows and
  // what its buttons do (popup-view.ts). The answer comes once the job is done.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = parseWorkerRequest(message);
    if (request === null) return undefined;
    if (typeof request === 'object') {
      const locale = browser.i18n.getUILanguage();
      // A replan inside this job, not queued behind it; the popup's own answer never goes to the fallback
      // database: a popup whose data cannot be opened says so and offers the ways out.
      const replan = () => attempt((s) => ensureNudgeAlarm(s, true));
      return inOrder(() => answerPopup(request.popup, { store, loadIdeas, loadTracks, now: Date.now, random: Math.random, t, locale, replan }));
    }
    if (request === 'sync-now') return syncer.round().then(() => true);
    if (request === 'sync-clear') return syncer.clear().then(() => true);
    return serially(async (s) => {
      if (request === 'popup-opened') await Promise.all([clearBadge(), ensureNudgeAlarm(s)]);
      else await ensureNudgeAlarm(s, true);
    }).then(() => true);
  });

  // The welcome finished, or the pairing changed (paired, updated, ended), in a page: plan anew here too,
  // even if that page closed at once.
  store.onChange((change) => {
    // 'all': also what sync brought in from another browser (hours, how often, the pairing).
    if (change === 'setup' || change === 'pair' || change === 'all') withStore((s) => ensureNudgeAlarm(s, true));
    syncer.heardLocal(change);
  });

  browser.idle.setDetectionInterval(IDLE_SECONDS);
  // Every worker start: make sure the alarm exists (it is kept when it is already right), and sync is in step.
  withStore((s) => ensureNudgeAlarm(s));
  void syncer.round().catch(log);
});
