// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import talksJson from '../../assets/library/talks.json';
import { App, type TalkActions } from '../../entrypoints/talk/App';
import { parseTalks } from '../../talk/talks';
import { englishTracks, makeLibrary } from '../helpers';
import { button, click, fakeServices, mount, settle, settleUntil } from '../render';

const TALKS = parseTalks(talksJson);
const CHANGED = TALKS.find((talk) => talk.id === 'talk-changed');
if (!CHANGED) throw new Error('talks.json has no talk-changed');

// 3 Dec 2026, midday: the day a conversation is remembered on.
const services = fakeServices(makeLibrary(3), () => new Date(2026, 11, 3, 12).getTime());
afterEach(() => services.store.clearAll());

function actions(): TalkActions & { todayOpened: number } {
  const result = {
    todayOpened: 0,
    loadTalks: async () => TALKS,
    loadTracks: englishTracks,
    openToday: () => void (result.todayOpened += 1),
  };
  return result;
}

const prompt = (root: HTMLElement) => root.querySelector('.talk-prompt')?.textContent?.trim() ?? '';
const progress = (root: HTMLElement) => root.querySelector('[role=status]')?.textContent?.trim() ?? '';
const who = (root: HTMLElement) => root.querySelector('#who-first')?.textContent?.trim() ?? '';

async function press(key: string, target: EventTarget = document.body): Promise<void> {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('talk page', () => {
  it('lists every conversation with its title, why and minutes, and nothing counted', async () => {
    const root = await mount(<App actions={actions()} />, services);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Talk together');
    const items = [...root.querySelectorAll('.talk-item')];
    expect(items).toHaveLength(TALKS.length);
    expect(items[0]?.querySelector('h2 button')?.textContent).toBe(TALKS[0]?.title);
    expect(items[0]?.textContent).toContain(TALKS[0]?.why);
    expect(items[0]?.textContent).toContain(`about ${TALKS[0]?.minutes} min`);
    expect(root.textContent).not.toMatch(/talked on|streak|score/i);
  });

  it('starts a track over weeks here, as in Settings, below the conversations', async () => {
    const root = await mount(<App actions={actions()} />, services);
    await settleUntil(() => root.querySelectorAll('.talk-tracks .track-item').length > 0);
    expect(root.querySelector('.talk-tracks h2')?.textContent).toBe('Tracks over weeks');
    const first = root.querySelector('.talk-tracks .track-item') as HTMLElement;
    await click(button(first, 'Start this track'));
    await settleUntil(() => root.querySelector('.talk-tracks')?.textContent?.includes('Started') ?? false);
    expect((await services.store.readTracks()).map((p) => p.state)).toEqual(['running']);
    expect(button(first, 'Pause')).toBeDefined();
  });

  it('walks a conversation from the list to its end, with Pass and Back, then remembers the day', async () => {
    const act = actions();
    const root = await mount(<App actions={act} />, services);
    await settle();
    await click(button(root, CHANGED.title));

    // The start screen: the ground rules and one Start button.
    expect(root.querySelector('h1')?.textContent).toBe(CHANGED.title);
    expect(document.activeElement).toBe(root.querySelector('h1'));
    const rules = root.querySelector('.talk-rules')?.textContent ?? '';
    expect(rules).toContain('One speaks, one listens');
    expect(rules).toContain('No fixing');
    expect(rules).toContain('“Pass” is always fine');
    expect(rules).toContain('Stop whenever you like');
    expect(rules).toContain('reads the questions aloud');
    await click(button(root, 'Start'));

    const total = CHANGED.prompts.length;
    expect(prompt(root)).toBe(CHANGED.prompts[0]);
    expect(progress(root)).toBe(`1 of ${total}`);
    expect(who(root)).toBe('The reader reads this aloud. The other one answers first, then the reader.');
    expect(document.activeElement?.textContent).toBe(CHANGED.prompts[0]);

    await click(button(root, 'Next →'));
    expect(prompt(root)).toBe(CHANGED.prompts[1]);
    expect(progress(root)).toBe(`2 of ${total}`);
    expect(who(root)).toBe('The reader reads this aloud and answers first, then the other one.');
    expect(document.activeElement?.textContent).toBe(CHANGED.prompts[1]);

    await click(button(root, 'Pass'));
    expect(prompt(root)).toBe(CHANGED.prompts[2]);
    expect(progress(root)).toBe(`3 of ${total}`);

    await click(button(root, '← Back'));
    expect(prompt(root)).toBe(CHANGED.prompts[1]);
    expect(document.activeElement?.textContent).toBe(CHANGED.prompts[1]);

    for (let i = 1; i < total; i++) await click(button(root, i % 2 ? 'Pass' : 'Next →'));

    // The closing: no progress, the closing prompt, a way to today's idea and to the list.
    expect(progress(root)).toBe('The closing');
    expect(prompt(root)).toBe(CHANGED.closing);
    expect(document.activeElement?.textContent).toBe(CHANGED.closing);
    expect(root.textContent).not.toMatch(/\d+ of \d+/);
    expect(await services.store.readTalks()).toEqual([{ talkId: 'talk-changed', days: ['2026-12-03'] }]);
    await click(button(root, "Back to today's idea"));
    expect(act.todayOpened).toBe(1);

    await click(button(root, 'All conversations'));
    const item = [...root.querySelectorAll('.talk-item')].find((li) => li.textContent?.includes(CHANGED.title));
    // The services' locale is plain 'en', which writes the month first.
    expect(item?.querySelector('.talked-on')?.textContent).toBe('talked on Dec 3');
  });

  it('Pass is met with a quiet word in a polite live region, gone again after Next', async () => {
    const root = await mount(<App actions={actions()} initialTalkId="talk-changed" />, services);
    await settle();
    await click(button(root, 'Start'));
    const passed = () => root.querySelector('.talk-passed');
    // The live region is there before anything is said in it, so the first Pass is announced too.
    expect(passed()?.getAttribute('role')).toBe('status');
    expect(passed()?.textContent).toBe('');
    await click(button(root, 'Pass'));
    expect(passed()?.textContent).toBe("Passed — that's fine.");
    expect(prompt(root)).toBe(CHANGED.prompts[1]);
    await click(button(root, 'Pass'));
    expect(passed()?.textContent).toBe("Passed — that's fine.");
    await click(button(root, 'Next →'));
    expect(passed()?.textContent).toBe('');
    expect(root.textContent).not.toMatch(/skipped|missed/i);
  });

  it('a conversation for one says so: its own ground rules, no turns, and thanks for time taken alone', async () => {
    const alone = TALKS.find((talk) => talk.forOne);
    if (!alone) throw new Error('talks.json has no conversation for one');
    const root = await mount(<App actions={actions()} />, services);
    await settle();
    const card = [...root.querySelectorAll('.talk-item')].find((li) => li.querySelector('h2')?.textContent === alone.title);
    expect(card?.querySelector('.talk-meta')?.textContent).toContain('for one');
    await click(button(root, alone.title));
    expect(root.querySelector('#rules-heading')?.textContent).toBe('Before you start');
    expect(root.textContent).toContain('This one is for you alone');
    expect(root.textContent).not.toContain('One speaks, one listens');
    await click(button(root, 'Start'));
    expect(prompt(root)).toBe(alone.prompts[0]);
    expect(who(root)).toBe('');
    expect(root.querySelector('.talk-prompt')?.hasAttribute('aria-describedby')).toBe(false);
    for (let i = 0; i < alone.prompts.length; i++) await click(button(root, 'Next →'));
    expect(prompt(root)).toBe(alone.closing);
    expect(root.textContent).toContain('Thank you for taking this time for yourself.');
    // The conversations for two keep their turns.
    await click(button(root, 'All conversations'));
    await click(button(root, CHANGED.title));
    await click(button(root, 'Start'));
    expect(who(root)).not.toBe('');
  });

  it('a whole conversation card opens its conversation, and its one button still does for the keyboard', async () => {
    const root = await mount(<App actions={actions()} />, services);
    await settle();
    const card = (title: string) => [...root.querySelectorAll('.talk-item')].find((li) => li.textContent?.includes(title));
    // One control per card: the title's button.
    expect(card(CHANGED.title)?.querySelectorAll('button, a')).toHaveLength(1);
    await click(card(CHANGED.title)?.querySelector('.talk-why'));
    expect(root.querySelector('h1')?.textContent).toBe(CHANGED.title);
    await click(button(root, 'All conversations'));
    const other = TALKS.find((talk) => talk.id !== CHANGED.id) as (typeof TALKS)[number];
    await click(card(other.title)?.querySelector('.talk-meta'));
    expect(root.querySelector('h1')?.textContent).toBe(other.title);
    await click(button(root, 'All conversations'));
    await click(button(root, CHANGED.title));
    expect(root.querySelector('h1')?.textContent).toBe(CHANGED.title);
  });

  it('moves with the arrow keys, but not while typing in a text field', async () => {
    const root = await mount(<App actions={actions()} initialTalkId="talk-changed" />, services);
    await settle();
    await click(button(root, 'Start'));
    await press('ArrowRight');
    expect(prompt(root)).toBe(CHANGED.prompts[1]);
    expect(document.activeElement?.textContent).toBe(CHANGED.prompts[1]);
    await press('ArrowLeft');
    expect(prompt(root)).toBe(CHANGED.prompts[0]);

    const field = document.createElement('textarea');
    document.body.append(field);
    field.focus();
    await press('ArrowRight', field);
    expect(prompt(root)).toBe(CHANGED.prompts[0]);
    field.remove();

    // With a modifier the browser's own shortcut wins.
    await act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true }));
    });
    await settle();
    expect(prompt(root)).toBe(CHANGED.prompts[0]);

    // Quick presses in a row, before any re-render, each count.
    await act(() => {
      for (let i = 0; i < 3; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await settle();
    expect(prompt(root)).toBe(CHANGED.prompts[3]);
    for (let i = 0; i < 3; i++) await press('ArrowLeft');

    // ← on the first prompt goes back to the ground rules.
    await press('ArrowLeft');
    expect(root.querySelector('.talk-rules')).not.toBeNull();
  });

  it('opens one conversation\'s start screen from the link #talk-changed, and the list for an unknown one', async () => {
    let root = await mount(<App actions={actions()} initialTalkId="talk-changed" />, services);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(CHANGED.title);
    expect(button(root, 'Start')).toBeTruthy();
    root = await mount(<App actions={actions()} initialTalkId="talk-nothing-like-this" />, services);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Talk together');
  });

  it('"Stop for now" goes back to the list without remembering anything', async () => {
    const root = await mount(<App actions={actions()} initialTalkId="talk-changed" />, services);
    await settle();
    await click(button(root, 'Start'));
    await click(button(root, 'Next →'));
    await click(button(root, 'Stop for now'));
    expect(root.querySelectorAll('.talk-item')).toHaveLength(TALKS.length);
    expect(document.activeElement).toBe(root.querySelector('h1'));
    expect(await services.store.readTalks()).toEqual([]);
  });

  it('says so kindly when the conversations cannot be loaded', async () => {
    const root = await mount(<App actions={{ ...actions(), loadTalks: () => Promise.reject(new Error('x')) }} />, services);
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('could not be loaded');
  });

  it('labels every control', async () => {
    const root = await mount(<App actions={actions()} initialTalkId="talk-changed" />, services);
    await settle();
    await click(button(root, 'Start'));
    for (const b of root.querySelectorAll('button')) expect(b.textContent?.trim()).not.toBe('');
    expect(root.querySelector('[role=group]')?.getAttribute('aria-label')).toBe('Conversation');
    expect(root.querySelector('.talk-prompt')?.getAttribute('aria-describedby')).toBe('who-first');
  });
});
