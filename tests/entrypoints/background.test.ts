/** The background worker's wiring, against WXT's fake browser (which never fires alarms by itself). */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ideas from '../../assets/library/ideas.json';
import nudges from '../../assets/library/nudges.json';
import background from '../../entrypoints/background';
import { createTendStore } from '../../store/db';
import { ensureNudgeAlarm } from '../../nudges/nudges-browser';
import { defaultPrefs } from '../../model/prefs';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { tEn } from '../helpers';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { nextPairMoment, pairRhythmOf } from '../../together/pair-schedule';

type IdleListener = (state: 'active' | 'idle' | 'locked') => void;

/**
 * The store's change channel, kept to this file: Node's BroadcastChannel reaches every worker thread, so a
 * write to a 'tend' database in another test file would otherwise make this file's background replan.
 * Every channel opened here is closed after each test, so a background started by an earlier test (it
 * listens to the store's changes) is gone and cannot replan behind the next one.
 */
const RealChannel = globalThis.BroadcastChannel;
const openChannels = new Set<BroadcastChannel>();
const FILE_CHANNEL = `#background-test-${process.pid}-${Math.random()}`;
class FileChannel extends RealChannel {
  constructor(name: string) {
    super(name + FILE_CHANNEL);
    openChannels.add(this);
  }
  override close(): void {
    openChannels.delete(this);
    super.close();
  }
}
globalThis.BroadcastChannel = FileChannel;
afterAll(() => {
  globalThis.BroadcastChannel = RealChannel;
});
let idleListeners: IdleListener[] = [];
let idleState: 'active' | 'idle' | 'locked' = 'active';
const store = createTendStore();
const NOON = new Date(2026, 4, 4, 12, 0).getTime();
const settle = () => new Promise((r) => setTimeout(r, 100));
/** Waits for what the worker does, long enough for a busy machine (vitest's own default is one second). */
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 20 });
// A test here fires the alarm several times, each through IndexedDB: allow a busy machine for it too.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** Waits until the worker has finished handling: no claim held and a new alarm planned. */
async function handled(previousAlarm: number) {
  await eventually(async () => {
    const state = await store.readNudgeState();
    expect(state.handlingSince).toBeNull();
    expect(state.plannedAt).not.toBeNull();
    expect(state.plannedAt).not.toBe(previousAlarm);
  });
}

async function nudgeAlarm() {
  const alarms = await fakeBrowser.alarms.getAll();
  expect(alarms.map((a) => a.name)).toEqual(['tend-nudge']);
  return alarms[0] as { name: string; scheduledTime: number };
}

async function fireAlarmAt(time: number) {
  vi.setSystemTime(time);
  const alarm = await nudgeAlarm();
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await handled(alarm.scheduledTime);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOON);
  fakeBrowser.reset();
  await store.clearAll();
  // These tests start after the welcome; the welcome's own tests below start before it.
  await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: NOON }));
  idleListeners = [];
  idleState = 'active';
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string, subs?: string[]) => tEn(key as never, subs), getUILanguage: () => 'en' });
  Object.assign(fakeBrowser, {
    idle: {
      queryState: vi.fn(async () => idleState),
      setDetectionInterval: vi.fn(),
      onStateChanged: { addListener: (l: IdleListener) => idleListeners.push(l) },
    },
  });
  vi.stubGlobal('fetch', vi.fn(async (url: unknown) => new Response(JSON.stringify(String(url).includes('/ideas.') ? ideas : nudges))));
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
  // Every test starts from the first nudge planned: the alarm set and stored as the plan.
  await eventually(async () => {
    const [alarm] = await fakeBrowser.alarms.getAll();
    expect((await store.readNudgeState()).plannedAt).toBe(alarm?.scheduledTime);
  });
  await settle();
  vi.setSystemTime(NOON); // waiting moved the faked clock on a little
});

afterEach(async () => {
  // Let the background finish what it was doing, then stop it hearing the store: a background of this
  // test never acts in the next one.
  await settle();
  for (const channel of [...openChannels]) if (channel.onmessage) channel.close();
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('background', () => {
  it('on install sets exactly one nudge alarm, inside the evening window', async () => {
    const { scheduledTime } = await nudgeAlarm();
    const at = new Date(scheduledTime);
    expect(at.getHours() * 60 + at.getMinutes()).toBeGreaterThanOrEqual(18 * 60 + 30);
    expect(at.getHours() * 60 + at.getMinutes()).toBeLessThan(21 * 60 + 30);
    expect((await store.readNudgeState()).plannedAt).toBe(scheduledTime);
  });

  it('a worker restart keeps the alarm where it was (it is not pushed forward)', async () => {
    const before = await nudgeAlarm();
    vi.setSystemTime(NOON + 3_600_000);
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await nudgeAlarm()).toEqual(before);
  });

  it('when the alarm fires, a discreet notification appears and the next alarm is set', async () => {
    const first = await nudgeAlarm();
    await fireAlarmAt(first.scheduledTime);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['tend-nudge']);
    expect(shown['tend-nudge']).toMatchObject({ title: 'Tend', message: 'A small moment, whenever it suits.' });
    const next = await nudgeAlarm();
    expect(next.scheduledTime).toBeGreaterThan(first.scheduledTime + 90 * 60_000);
  });

  it('a nudge is recorded before it is shown: a worker stopped while showing it gives no second one', async () => {
    const first = await nudgeAlarm();
    vi.setSystemTime(first.scheduledTime);
    // The worker is stopped while the notification is being created: that call never returns.
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(() => new Promise(() => {}));
    await fakeBrowser.alarms.onAlarm.trigger(first);
    await eventually(async () => expect(create).toHaveBeenCalled());
    const recorded = (await store.readNudgeState()).lastNudgeAt ?? 0;
    expect(recorded).toBeGreaterThanOrEqual(first.scheduledTime);
    expect(recorded).toBeLessThan(first.scheduledTime + 5000);
    create.mockRestore();
    // The alarm again (a restarted worker), a minute later: the spacing holds it back.
    await store.updateNudgeState((s) => ({ ...s, handlingSince: null }));
    vi.setSystemTime(first.scheduledTime + 60_000);
    await fakeBrowser.alarms.onAlarm.trigger(first);
    await settle();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('an alarm firing twice shows one nudge', async () => {
    const first = await nudgeAlarm();
    await fireAlarmAt(first.scheduledTime);
    await fakeBrowser.notifications.clear('tend-nudge');
    await fakeBrowser.alarms.onAlarm.trigger(first);
    await settle();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('with discreet mode off, shows a line from the library, never the same twice in a row', async () => {
    await store.patchPrefs({ ...defaultPrefs(), discreet: false, spacingMinutes: 30, windows: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]) });
    const texts = new Set(nudges.map((n) => n.text));
    let last = '';
    for (let i = 0; i < 6; i++) {
      const alarm = await nudgeAlarm();
      await fireAlarmAt(alarm.scheduledTime);
      const message = ((await fakeBrowser.notifications.getAll())['tend-nudge'] as { message: string }).message;
      expect(texts.has(message)).toBe(true);
      expect(message).not.toBe(last);
      last = message;
    }
  });

  it('once paired in a page, the alarm moves to the pair’s moment, and its nudge shows the pair’s line', async () => {
    await store.patchPrefs({ discreet: false });
    const rhythmCode = encodePairCode(createPair(new Uint8Array(16).fill(5), { zone: 'Asia/Tokyo', choices: { ...pairChoicesFrom(defaultPrefs(), []), nudgesPerDay: 3, spacingMinutes: 45 }, libraryFingerprint: 1 }));
    // Written by a page: its own connection, heard by the worker through the store's channel.
    const page = createTendStore();
    await page.updatePair(() => ({ code: rhythmCode, pairedAt: NOON, invited: true }));
    const rhythm = pairRhythmOf(rhythmCode);
    if (!rhythm) throw new Error('a code Tend wrote reads back');
    const lines = nudges.map((n) => n.id);
    const moment = await nextPairMoment(rhythm, { nudgesEnabled: true }, await store.readNudgeState(), NOON, lines);
    await eventually(async () => expect((await nudgeAlarm()).scheduledTime).toBe(moment?.at));
    await fireAlarmAt(moment?.at as number);
    const message = ((await fakeBrowser.notifications.getAll())['tend-nudge'] as { message: string }).message;
    expect(message).toBe(nudges.find((n) => n.id === moment?.lineId)?.text);
    await page.close();
  });

  it('waits while the person is idle, and shows the nudge when they are back inside the window', async () => {
    const alarm = await nudgeAlarm();
    idleState = 'locked';
    await fireAlarmAt(alarm.scheduledTime);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await store.readNudgeState()).waitingSince).toBe(alarm.scheduledTime);
    idleState = 'active';
    vi.setSystemTime(alarm.scheduledTime + 60_000);
    idleListeners.forEach((l) => l('active'));
    await eventually(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['tend-nudge']));
  });

  it('drops a waiting nudge when the person comes back after the window ended', async () => {
    const alarm = await nudgeAlarm();
    idleState = 'idle';
    await fireAlarmAt(alarm.scheduledTime);
    vi.setSystemTime(new Date(2026, 4, 4, 23, 0).getTime());
    idleListeners.forEach((l) => l('active'));
    await settle();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await store.readNudgeState()).waitingSince).toBeNull();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('when notifications are blocked, shows a quiet badge instead', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('Notifications are disabled'));
    const alarm = await nudgeAlarm();
    await fireAlarmAt(alarm.scheduledTime);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('·');
    expect((await store.readNudgeState()).blockedAt).toBeGreaterThanOrEqual(alarm.scheduledTime);
  });

  it('"Later" on the notification snoozes for an hour; a click opens today\'s idea', async () => {
    await store.patchPrefs({ ...defaultPrefs(), windows: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]) });
    const alarm = await nudgeAlarm();
    await fireAlarmAt(alarm.scheduledTime);
    const planned = (await store.readNudgeState()).plannedAt as number;
    await fakeBrowser.notifications.onButtonClicked.trigger('tend-nudge', 1);
    await handled(planned);
    expect((await nudgeAlarm()).scheduledTime - alarm.scheduledTime).toBeGreaterThanOrEqual(60 * 60_000);
    expect((await nudgeAlarm()).scheduledTime - alarm.scheduledTime).toBeLessThan(62 * 60_000);

    const openPopup = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, { openPopup });
    await fakeBrowser.notifications.onClicked.trigger('tend-nudge');
    await settle();
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('a nudge that came due while the browser was closed is shown once at the next start', async () => {
    await store.patchPrefs({ ...defaultPrefs(), windows: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]) });
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    const alarm = await nudgeAlarm();
    await fakeBrowser.alarms.clearAll(); // Firefox drops alarms on restart
    vi.setSystemTime(alarm.scheduledTime + 10 * 60_000);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await eventually(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['tend-nudge']));
    await handled(alarm.scheduledTime);
    await settle();
    expect(create).toHaveBeenCalledOnce();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });
});

describe('the welcome comes first', () => {
  it('a new install opens the welcome and plans no nudge until it is finished; then exactly one', async () => {
    fakeBrowser.reset();
    await store.destroy();
    const opened: string[] = [];
    Object.assign(fakeBrowser.tabs, { create: vi.fn(async ({ url }: { url: string }) => void opened.push(url)) });
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settle();
    expect(opened.filter((u) => u.endsWith('/welcome.html'))).toHaveLength(1);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: Date.now() }));
    await ensureNudgeAlarm(store, true);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['tend-nudge']);
  });

  it('an update opens nothing', async () => {
    const opened: string[] = [];
    Object.assign(fakeBrowser.tabs, { create: vi.fn(async ({ url }: { url: string }) => void opened.push(url)) });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await settle();
    expect(opened).toEqual([]);
  });
});

describe('requests from pages', () => {
  /** A page's request as the worker receives it; resolves with the worker's answer. */
  const ask = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, {} as never)).find((r) => r !== undefined);
  const alarmAndPlan = async () => ({ alarm: (await fakeBrowser.alarms.getAll())[0]?.scheduledTime ?? null, plan: (await store.readNudgeState()).plannedAt });

  it('"replan" is answered once the alarm and the stored plan agree: none when nudges are off, one when on', async () => {
    await store.patchPrefs({ nudgesEnabled: false });
    expect(await ask({ tend: 'replan' })).toBe(true);
    expect(await alarmAndPlan()).toEqual({ alarm: null, plan: null });
    await store.patchPrefs({ nudgesEnabled: true });
    await ask({ tend: 'replan' });
    const { alarm, plan } = await alarmAndPlan();
    expect(alarm).not.toBeNull();
    expect(plan).toBe(alarm);
  });

  it('two requests at once leave the alarm at the time stored as the plan (the worker plans one at a time)', async () => {
    // The first request's alarm call returns late (a busy browser): without one job at a time, the
    // second request would set its alarm and store its plan in between, and the first would then
    // store a plan that no alarm holds.
    const create = fakeBrowser.alarms.create.bind(fakeBrowser.alarms);
    let calls = 0;
    vi.spyOn(fakeBrowser.alarms, 'create').mockImplementation(async (...args: Parameters<typeof create>) => {
      await create(...args);
      if (calls++ === 0) await new Promise((r) => setTimeout(r, 50));
    });
    await Promise.all([ask({ tend: 'replan' }), ask({ tend: 'replan' })]);
    const { alarm, plan } = await alarmAndPlan();
    expect(calls).toBe(2);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect(plan).toBe(alarm);
  });

  it('"popup-opened" clears the quiet badge and keeps a valid alarm', async () => {
    const before = await nudgeAlarm();
    await fakeBrowser.action.setBadgeText({ text: '·' });
    await ask({ tend: 'popup-opened' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await nudgeAlarm()).scheduledTime).toBe(before.scheduledTime);
  });

  it('the popup\'s requests are answered with what it shows, and a pause from it is planned at once', async () => {
    const day = '2026-05-04';
    const answer = (await ask({ tend: { popup: { kind: 'view', day } } })) as { view: { idea: { id: string } | null; menu: unknown } };
    expect(answer.view.idea).not.toBeNull();
    expect((await store.readPickerState())?.today).toEqual({ day, ideaId: answer.view.idea?.id });
    expect(answer.view.menu).toEqual({ later: false });
    const paused = (await ask({ tend: { popup: { kind: 'nudges', day, choice: { pause: '1d' } } } })) as { view: { menu: unknown } };
    expect(paused.view.menu).toBeNull();
    const { alarm, plan } = await alarmAndPlan();
    expect(plan).toBe(alarm);
    expect(plan).toBeGreaterThanOrEqual(NOON + 86_400_000);
    // A popup request that is not well formed is answered with null and changes nothing.
    const before = await store.readPickerState();
    expect(await ask({ tend: { popup: { kind: 'another', day, from: 42 } } })).toBeNull();
    expect(await store.readPickerState()).toEqual(before);
  });

  it('anything else gets no answer and changes nothing', async () => {
    const before = await alarmAndPlan();
    for (const message of [null, 'replan', { tend: 'delete-all' }, { tend: ['replan'] }, { type: 'replan' }, JSON.parse('{"__proto__":{"tend":"replan"}}')]) {
      expect(await ask(message)).toBeUndefined();
    }
    expect(await alarmAndPlan()).toEqual(before);
  });
});

describe('a clock that was once ahead', () => {
  it('a last-nudge time a year in the future is clamped, and the next alarm is planned from now', async () => {
    await store.updateNudgeState((s) => ({ ...s, lastNudgeAt: NOON + 365 * 86_400_000 }));
    await ensureNudgeAlarm(store);
    const alarm = await nudgeAlarm();
    expect(alarm.scheduledTime).toBeLessThan(NOON + 2 * 86_400_000);
    expect((await store.readNudgeState()).lastNudgeAt).toBe(NOON);
  });

  it('an alarm left a year away is replaced at the next start', async () => {
    await fakeBrowser.alarms.create('tend-nudge', { when: new Date(2027, 4, 4, 19, 0).getTime() });
    await ensureNudgeAlarm(store);
    expect((await nudgeAlarm()).scheduledTime).toBeLessThan(NOON + 86_400_000);
  });
});
