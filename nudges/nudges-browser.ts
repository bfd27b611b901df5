/**
 * Wires the pure scheduler to the browser: the one nudge alarm, notifications, idle
 * state and the toolbar badge. Every function reads what it needs from the db; nothing
 * is kept in memory, because the service worker may be stopped at any moment.
 */
import { browser, type Browser } from 'wxt/browser';
import type { TendStore } from '../store/db';
import { t } from '../platform/i18n-browser';
import { loadNudgeLines } from '../ideas/library-browser';
import { pickNudgeLine } from './nudge-line';
import type { Prefs } from '../model/prefs';
import { parseSetup, SETUP_KEY } from '../model/setup';
import { afterDropped, afterShown, afterWaiting, checkAgainstNow, claimDue, decideOnAlarm, missedWhileClosed, decideOnReturn, planAlarm } from './schedule';
import { type NudgeState } from '../model/nudge-state';
import type { PairRhythm } from '../together/pair-schedule';

export const NUDGE_ALARM = 'tend-nudge';
export const NOTIFICATION_ID = 'tend-nudge';
/** Seconds without input before the person counts as away. */
export const IDLE_SECONDS = 5 * 60;
const isFirefox = import.meta.env.FIREFOX;

/** Makes sure exactly the right alarm exists: keeps a valid one, replaces a wrong one, clears when none is due. */
export async function ensureNudgeAlarm(store: TendStore, replan = false): Promise<number | null> {
  const now = Date.now();
  let clamped = false;
  const [prefs, state, existing] = await Promise.all([
    readSchedulePrefs(store),
    // Times stored in the future (a clock that was once ahead) are clamped, and the alarm planned anew.
    store.updateNudgeState((s) => {
      const checked = checkAgainstNow(s, now);
      clamped = checked !== s;
      return checked;
    }),
    browser.alarms.get(NUDGE_ALARM),
  ]);
  if (clamped) replan = true;
  const existingAt = existing?.scheduledTime ?? null;
  if (!replan && missedWhileClosed(state, existingAt, now)) {
    // At most one nudge for everything missed while closed: handled like the alarm firing now.
    await onNudgeAlarm(store);
    return (await browser.alarms.get(NUDGE_ALARM))?.scheduledTime ?? null;
  }
  const paired = await pairing(store);
  const plan = paired
    ? await paired.module.planPairAlarm(paired.rhythm, prefs, state, now, existingAt, replan, await lineIds())
    : planAlarm(prefs, state, now, Math.random, existingAt, replan);
  const at = plan.action === 'set' ? plan.at : plan.action === 'clear' ? null : existingAt;
  if (plan.action === 'clear') await browser.alarms.clear(NUDGE_ALARM);
  if (plan.action === 'set') await browser.alarms.create(NUDGE_ALARM, { when: plan.at });
  if (state.plannedAt !== at) await store.updateNudgeState((s) => ({ ...s, plannedAt: at }));
  return at;
}

/** While paired: the pair's rhythm and its code (loaded only on a paired Tend); null otherwise. */
async function pairing(store: TendStore): Promise<{ rhythm: PairRhythm; module: typeof import('../together/pair-schedule') } | null> {
  const pair = await store.readPair().catch(() => null);
  if (pair === null) return null;
  const module = await import('../together/pair-schedule');
  const rhythm = module.pairRhythmOf(pair.code);
  return rhythm && { rhythm, module };
}

const lineIds = async () => (await loadNudgeLines()).map((line) => line.id);

/** Preferences as the scheduler sees them: no nudges until the welcome is finished. */
export async function readSchedulePrefs(store: TendStore): Promise<Prefs> {
  const [prefs, setup] = await Promise.all([store.readPrefs(), store.readState(SETUP_KEY, parseSetup)]);
  return setup.finishedAt === null ? { ...prefs, nudgesEnabled: false } : prefs;
}

/** Shows a nudge now. Returns the id of the line shown (null in discreet mode), or throws when blocked. */
export async function showNudge(prefs: Prefs, lastLineId: string | null, pairLineId: string | null = null): Promise<string | null> {
  const lines = prefs.discreet ? [] : await loadNudgeLines();
  // While paired, the line both Tends show at this moment; otherwise any line but the last one.
  const line = lines.find((l) => l.id === pairLineId) ?? (prefs.discreet ? null : pickNudgeLine(lines, lastLineId, Math.random));
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('extName'),
    message: line?.text ?? t('nudgeDiscreet'),
  };
  if (!isFirefox) {
    // Firefox has neither buttons nor sticky notifications; a click there opens the idea.
    Object.assign(options, {
      buttons: [{ title: t('nudgeOpen') }, { title: t('nudgeLater') }],
      requireInteraction: prefs.stickyNotifications,
      silent: true,
    });
  }
  await browser.notifications.clear(NOTIFICATION_ID);
  await browser.notifications.create(NOTIFICATION_ID, options);
  return line?.id ?? null;
}

/** "Send a preview nudge": shows exactly what a nudge looks like now; false when notifications are blocked. */
export async function previewNudge(store: TendStore): Promise<boolean> {
  try {
    if (await notificationsBlocked()) return false;
    const [prefs, state] = await Promise.all([store.readPrefs(), store.readNudgeState()]);
    await showNudge(prefs, state.lastLineId);
    return true;
  } catch {
    return false;
  }
}

/** Chrome can tell up front that notifications are off; Firefox only fails when creating one. */
export async function notificationsBlocked(): Promise<boolean> {
  const api = browser.notifications as { getPermissionLevel?: () => Promise<string> };
  if (typeof api.getPermissionLevel !== 'function') return false;
  return (await api.getPermissionLevel()) === 'denied';
}

const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

async function showBlockedBadge(): Promise<void> {
  await action().setBadgeBackgroundColor({ color: '#7a4a7e' });
  await action().setBadgeText({ text: '·' });
  await action().setTitle({ title: t('badgeBlocked') });
}

export async function clearBadge(): Promise<void> {
  await action().setBadgeText({ text: '' });
  await action().setTitle({ title: t('actionTitle') });
}

async function deliver(store: TendStore, prefs: Prefs, state: NudgeState, pairLineId: string | null = null): Promise<void> {
  const now = Date.now();
  // Recorded before it is shown: a worker stopped in between gives no nudge rather than a second one.
  await store.updateNudgeState((s) => afterShown(s, now, null));
  try {
    if (await notificationsBlocked()) throw new Error('notifications are blocked');
    const lineId = await showNudge(prefs, state.lastLineId, pairLineId);
    if (lineId !== null) await store.updateNudgeState((s) => ({ ...s, lastLineId: lineId }));
  } catch {
    // Blocked by the system or the browser: a quiet dot on the icon instead, cleared when the popup opens.
    await store.updateNudgeState((s) => ({ ...s, blockedAt: now }));
    await showBlockedBadge();
  }
}

export async function onNudgeAlarm(store: TendStore): Promise<void> {
  const now = Date.now();
  let claimed = false;
  let planned: number | null = null;
  const state = await store.updateNudgeState((s) => {
    planned = s.plannedAt;
    const next = claimDue(checkAgainstNow(s, now), now);
    claimed = next !== null;
    return next ?? s;
  });
  if (!claimed) return;
  try {
    const [own, paired] = await Promise.all([readSchedulePrefs(store), pairing(store)]);
    const prefs = paired ? paired.module.pairedPrefs(own, paired.rhythm) : own;
    const idle = prefs.deferWhenIdle ? await browser.idle.queryState(IDLE_SECONDS) : 'active';
    const decision = decideOnAlarm(prefs, state, now, idle, paired ? paired.module.insidePairHours(paired.rhythm) : undefined);
    const pairLine = paired && decision === 'show' ? await paired.module.pairLineAt(paired.rhythm, planned, await lineIds()) : null;
    if (decision === 'show') await deliver(store, prefs, state, pairLine);
    if (decision === 'wait') await store.updateNudgeState((s) => afterWaiting(s, now));
  } finally {
    await store.updateNudgeState((s) => ({ ...s, handlingSince: null }));
    await ensureNudgeAlarm(store, true);
  }
}

/** The person is back from idle or a locked screen: a waiting nudge comes now, or goes if its window closed. */
export async function onUserBack(store: TendStore): Promise<void> {
  const [own, state, paired] = await Promise.all([readSchedulePrefs(store), store.readNudgeState(), pairing(store)]);
  const prefs = paired ? paired.module.pairedPrefs(own, paired.rhythm) : own;
  const decision = decideOnReturn(prefs, state, Date.now(), paired ? paired.module.insidePairHours(paired.rhythm) : undefined);
  if (decision === 'none') return;
  if (decision === 'show') await deliver(store, prefs, state);
  else await store.updateNudgeState(afterDropped);
  await ensureNudgeAlarm(store, true);
}

/** Changes the nudge state (snooze, pause, resume) and re-plans the alarm to match. */
export async function changeNudgeState(store: TendStore, change: (state: NudgeState) => NudgeState): Promise<void> {
  await store.updateNudgeState(change);
  await ensureNudgeAlarm(store, true);
}

/**
 * Opens today's idea: the toolbar popup where the browser allows it (asked at once: Firefox opens it only while
 * handling a person's input), else `otherwise` (by default the same page in a new tab).
 */
export async function openTodaysIdea(otherwise: () => unknown = () => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') })): Promise<void> {
  try {
    await action().openPopup();
  } catch {
    await otherwise();
  }
}
