// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckInArea } from '../../checkin/CheckInArea';
import { CheckInNowLink } from '../../checkin/CheckInNowLink';
import { CHECKIN_STATE_KEY, parseCheckInState, type CheckIn } from '../../model/records';
import { DAY } from '../../lib/day';
import { createTendStore } from '../../store/db';
import { parseSetup, SETUP_KEY } from '../../model/setup';
import { CheckInsSection } from '../../checkin/CheckInsSection';
import { makeLibrary } from '../helpers';
import { button, click, fakeServices, mount, settle } from '../render';

// Local noon: "the next day" and "later today" are the same local days in every time zone.
const START = new Date(2026, 4, 4, 12).getTime();
let clock = START;
// A database and change channel of its own: fakeServices' numbered names repeat in every test file, and
// Node's BroadcastChannel reaches across the workers that run the files side by side.
const services = { ...fakeServices(makeLibrary(5), () => clock), store: createTendStore('tend-checkin-components') };
const { store } = services;

async function finishWelcome(at: number): Promise<void> {
  await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: at }));
}
async function addCheckIn(answer: CheckIn['answer'], at: number, note = ''): Promise<void> {
  await store.putCheckIn({ id: `t-${at}`, at, answer, note });
}
function radio(root: HTMLElement, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.querySelector('input');
  if (!found) throw new Error(`no choice "${label}" in: ${root.textContent}`);
  return found;
}
const QUESTION = 'How has closeness felt this week?';

beforeEach(() => {
  clock = START;
  history.replaceState(null, '', '/popup.html');
  services.opened.length = 0;
});
afterEach(async () => {
  await store.clearAll();
  await store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt: null }));
});

describe('the check-in in the popup', () => {
  it('stays away before the welcome is finished, and for the first week after it', async () => {
    let root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).not.toContain(QUESTION);
    await finishWelcome(START - 6 * DAY);
    root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).not.toContain(QUESTION);
  });

  it('offers three answers of one look with none chosen ahead, and Save as the one filled button', async () => {
    await finishWelcome(START - 7 * DAY);
    const root = await mount(<CheckInArea />, services);
    await settle();
    const answers = [...root.querySelectorAll('.checkin-answer')];
    expect(answers.map((a) => a.textContent?.trim())).toEqual(['Like connecting', 'Mixed', 'Like a job']);
    expect(new Set(answers.map((a) => a.className)).size).toBe(1);
    expect(answers.every((a) => !a.querySelector('input')?.checked)).toBe(true);
    expect(answers.some((a) => a.contains(document.activeElement))).toBe(false);
    expect([...root.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Save']);
    expect(button(root, 'Not now').classList.contains('primary')).toBe(false);
  });

  it('moves the focus to the question when opened by a click, marked to show no ring', async () => {
    await finishWelcome(START - 7 * DAY);
    const root = await mount(<CheckInArea invite />, services);
    await settle();
    await click(button(root, 'Answer'));
    const heading = root.querySelector('.checkin-question');
    expect(document.activeElement).toBe(heading);
    expect(heading?.hasAttribute('data-quiet-focus')).toBe(true);
  });

  it('after a key on "Answer" (its focus ring showing), the question takes the focus with its ring', async () => {
    await finishWelcome(START - 7 * DAY);
    const root = await mount(<CheckInArea invite />, services);
    await settle();
    const answer = button(root, 'Answer');
    // happy-dom counts any focus as visible: the focus a key leaves on a control.
    answer.focus();
    await click(answer);
    const heading = root.querySelector('.checkin-question');
    expect(document.activeElement).toBe(heading);
    expect(heading?.hasAttribute('data-quiet-focus')).toBe(false);
  });

  it('comes a week after the welcome; an answer shows its sentence and a conversation, and is stored', async () => {
    await finishWelcome(START - 7 * DAY);
    const root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.querySelector('h2')?.textContent).toBe(QUESTION);
    expect([...root.querySelectorAll('input[type=radio]')].map((r) => r.closest('label')?.textContent)).toEqual([
      'Like connecting',
      'Mixed',
      'Like a job',
    ]);
    // Nothing chosen yet: a clear word, nothing stored.
    await click(button(root, 'Save'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Choose one of the three answers');
    await click(radio(root, 'Like a job'));
    const note = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(note.maxLength).toBe(280);
    await act(() => {
      note.value = '  a long week  ';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(root, 'Save'));
    expect(root.textContent).toContain('This week Tend leans toward presence, easing stress');
    expect(root.textContent).toContain('letting go of scripts');
    const stored = await store.readCheckIns();
    expect(stored).toMatchObject([{ answer: 'job', note: 'a long week', at: START }]);
    // The conversation opens in its page.
    await click(root.querySelector('a[href^="/talk.html#"]'));
    expect(services.opened).toEqual(['/talk.html#talk-pressure']);
    await click(button(root, 'Close'));
    expect(root.textContent).not.toContain(QUESTION);
  });

  it('"Like connecting" shows its sentence and no conversation', async () => {
    await finishWelcome(START - 8 * DAY);
    const root = await mount(<CheckInArea />, services);
    await settle();
    await click(radio(root, 'Like connecting'));
    await click(button(root, 'Save'));
    expect(root.textContent).toContain('This week Tend leans toward play, touch, appreciation');
    expect(root.querySelector('a')).toBeNull();
  });

  it('"Not now" hides it until the next day, and says so', async () => {
    await finishWelcome(START - 10 * DAY);
    let root = await mount(<CheckInArea />, services);
    await settle();
    await click(button(root, 'Not now'));
    expect(root.textContent).not.toContain(QUESTION);
    expect(root.querySelector('[role=status]')?.textContent).toContain('comes back tomorrow');
    clock = START + 3 * 3600_000;
    root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).not.toContain(QUESTION);
    clock = START + DAY;
    root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).toContain(QUESTION);
  });

  it('opens at once with #checkin, even when it is not due, and from a "Check in now" link', async () => {
    await finishWelcome(START - DAY);
    history.replaceState(null, '', '/popup.html#checkin');
    let root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).toContain(QUESTION);
    await click(button(root, 'Not now'));
    expect(location.hash).toBe('');

    root = await mount(
      <>
        <CheckInArea />
        <CheckInNowLink />
      </>,
      services,
    );
    await settle();
    expect(root.textContent).not.toContain(QUESTION);
    const link = root.querySelector('a.checkin-now') as HTMLAnchorElement;
    expect(link.textContent).toBe('Check in now');
    await act(() => {
      location.hash = 'checkin';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(root.textContent).toContain(QUESTION);
    expect(document.activeElement?.textContent).toBe(QUESTION);
  });

  it('is never due with weekly check-ins off', async () => {
    await finishWelcome(START - 30 * DAY);
    await store.updateState(CHECKIN_STATE_KEY, parseCheckInState, (s) => ({ ...s, weekly: false }));
    const root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).not.toContain(QUESTION);
  });
});

describe('the counsellor card', () => {
  it('comes once after two "Like a job" weeks, calm and with a way to talk, and not on the next opening', async () => {
    await finishWelcome(START - 30 * DAY);
    await addCheckIn('job', START - 8 * DAY);
    await addCheckIn('job', START - DAY);
    let root = await mount(<CheckInArea />, services);
    await settle();
    const text = root.textContent ?? '';
    expect(text).toContain('Many couples go through');
    expect(text).toContain('couples counsellor or a sex therapist');
    expect(text).toContain('family doctor');
    expect(text).toContain('register of couple and sex therapists');
    expect(text).toContain('counselling service');
    expect(text).not.toMatch(/warning|urgent|danger|disorder|dysfunction|problem|!/i);
    await click(root.querySelector('a[href="/talk.html#talk-changed"]'));
    expect(services.opened).toEqual(['/talk.html#talk-changed']);
    expect(root.textContent).toContain('Many couples');
    expect((await store.readState(CHECKIN_STATE_KEY, parseCheckInState)).counsellorShownAt).toBe(START);
    await click(button(root, 'Close'));
    expect(root.textContent).not.toContain('Many couples');

    clock = START + HOUR_LATER;
    root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).not.toContain('Many couples');
  });

  it('gives way to a check-in that is due', async () => {
    await finishWelcome(START - 30 * DAY);
    await addCheckIn('job', START - 15 * DAY);
    await addCheckIn('job', START - 8 * DAY);
    const root = await mount(<CheckInArea />, services);
    await settle();
    expect(root.textContent).toContain(QUESTION);
    expect(root.textContent).not.toContain('Many couples');
  });
});

const HOUR_LATER = 3600_000;

describe('Settings › Check-ins', () => {
  it('lists check-ins newest first with date, words and note; no numbers or grades', async () => {
    await addCheckIn('connecting', START - 14 * DAY, 'we laughed a lot');
    await addCheckIn('job', START - 7 * DAY);
    const root = await mount(<CheckInsSection />, services);
    await settle();
    const items = [...root.querySelectorAll('.checkin-list li')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Like a job');
    expect(items[1]?.textContent).toContain('Like connecting');
    expect(items[1]?.textContent).toContain('we laughed a lot');
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(START - 7 * DAY).toISOString());
    expect(root.querySelector('.checkin-list')?.textContent).not.toMatch(/%|score|streak|better|worse/i);
  });

  it('deletes one with Undo, and all only after a confirmation whose safe choice has the focus', async () => {
    await addCheckIn('mixed', START - 14 * DAY);
    await addCheckIn('job', START - 7 * DAY);
    const root = await mount(<CheckInsSection />, services);
    await settle();
    const del = root.querySelector('.checkin-list li button') as HTMLButtonElement;
    expect(del.getAttribute('aria-label')).toMatch(/^Delete the check-in of /);
    await click(del);
    expect(await store.readCheckIns()).toHaveLength(1);
    expect(root.textContent).toContain('Check-in deleted.');
    expect(document.activeElement?.textContent).toBe('Undo');
    await click(button(root, 'Undo'));
    expect(await store.readCheckIns()).toHaveLength(2);
    expect(root.querySelectorAll('.checkin-list li')).toHaveLength(2);

    await click(button(root, 'Delete all check-ins'));
    expect(document.activeElement?.textContent).toBe('Keep them');
    await click(button(root, 'Keep them'));
    expect(await store.readCheckIns()).toHaveLength(2);
    await click(button(root, 'Delete all check-ins'));
    await click(button(root, 'Yes, delete all check-ins'));
    expect(await store.readCheckIns()).toEqual([]);
    expect(root.textContent).toContain('All check-ins deleted.');
    expect(root.textContent).toContain('No check-ins yet.');
  });

  it('Settings\' "Check in now" moves the focus to the question: quietly after a click, with its ring after a key', async () => {
    let root = await mount(<CheckInsSection />, services);
    await settle();
    await click(button(root, 'Check in now'));
    let heading = root.querySelector('.checkin-question');
    expect(document.activeElement).toBe(heading);
    expect(heading?.hasAttribute('data-quiet-focus')).toBe(true);

    root = await mount(<CheckInsSection />, services);
    await settle();
    const open = button(root, 'Check in now');
    // happy-dom counts any focus as visible: the focus a key leaves on a control.
    open.focus();
    await click(open);
    heading = root.querySelector('.checkin-question');
    expect(document.activeElement).toBe(heading);
    expect(heading?.hasAttribute('data-quiet-focus')).toBe(false);
  });

  it('"Check in now" opens the card inline; weekly check-ins turn off and on with a polite word', async () => {
    const root = await mount(<CheckInsSection />, services);
    await settle();
    await click(button(root, 'Check in now'));
    expect(root.querySelector('h3')?.textContent).toBe(QUESTION);
    await click(radio(root, 'Mixed'));
    await click(button(root, 'Save'));
    expect(root.textContent).toContain('This week Tend leans toward talking');
    expect(root.querySelectorAll('.checkin-list li')).toHaveLength(1);
    await click(button(root, 'Close'));
    expect(root.textContent).not.toContain(QUESTION);

    const weekly = radio(root, 'Ask once a week');
    expect(weekly.checked).toBe(true);
    await click(weekly);
    expect((await store.readState(CHECKIN_STATE_KEY, parseCheckInState)).weekly).toBe(false);
    await settle(30);
    expect(root.textContent).toContain('Weekly check-ins are off.');
    await click(radio(root, 'Ask once a week'));
    expect((await store.readState(CHECKIN_STATE_KEY, parseCheckInState)).weekly).toBe(true);
  });

  it('follows "Delete all data"', async () => {
    await addCheckIn('mixed', START - DAY);
    const root = await mount(<CheckInsSection />, services);
    await settle();
    expect(root.querySelectorAll('.checkin-list li')).toHaveLength(1);
    // As the Data section does it (the same store object).
    await store.clearAll();
    await settle(150);
    expect(root.querySelectorAll('.checkin-list li')).toHaveLength(0);
  });
});
