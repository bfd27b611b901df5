import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createTendStore } from '../utils/db';
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

  // Listeners first and synchronously, so the event that woke the worker is not missed.
  browser.runtime.onInstalled.addListener(() => void ensureNudgeAlarm(store).catch(log));
  browser.runtime.onStartup.addListener(() => void ensureNudgeAlarm(store).catch(log));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NUDGE_ALARM) void onNudgeAlarm(store).catch(log);
  });
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'active') void onUserBack(store).catch(log);
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
    else void changeNudgeState(store, (s) => snooze(s, '1h', Date.now())).catch(log);
  });

  browser.idle.setDetectionInterval(IDLE_SECONDS);
  // Every worker start: make sure the alarm exists (it is kept when it is already right).
  void ensureNudgeAlarm(store).catch(log);
});
