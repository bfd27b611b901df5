// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { WeekPicture } from '../../../nudges/hours/WeekPicture';
import { WindowsEditor } from '../../../nudges/hours/WindowsEditor';
import { NudgesSection } from '../../../nudges/NudgesSection';
import type { OptionsActions } from '../../../platform/settings-section';
import type { PrefsPatch } from '../../../store/schema';
import { defaultPrefs, defaultWindows, type Prefs, type WeekWindows } from '../../../model/prefs';
import { presetWindows } from '../../../nudges/hours/presets';
import { makeLibrary, englishTracks, noSync } from '../../helpers';
import { button, click, fakeServices, mount, settle } from '../../render';
import { copyFrom } from './copy-from';

const TUESDAY_NOON = new Date(2026, 4, 5, 12).getTime();

const actions: OptionsActions = {
  previewNudge: async () => true,
  notificationsBlocked: async () => false,
  shortcut: async () => '',
  download: () => {},
  loadTracks: englishTracks,
  sync: noSync,
};

/** NudgesSection the way the options page holds it: stored prefs, and a save that writes and re-renders. */
function Section({ initial, saves }: { initial: Prefs; saves: PrefsPatch[] }) {
  const [prefs, setPrefs] = useState(initial);
  const save = async (patch: PrefsPatch) => {
    saves.push(patch);
    setPrefs((p) => ({ ...p, ...(typeof patch === 'function' ? patch(p) : patch) }));
  };
  return <NudgesSection prefs={prefs} save={save} actions={actions} />;
}

const radio = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.closest('label')?.textContent?.startsWith(name)) as HTMLInputElement;



describe('WeekPicture', () => {
  it('lists every day\'s windows in words, and the next three windows', async () => {
    const week = defaultWindows();
    week[0] = [];
    week[5] = [{ start: 22 * 60, end: 25 * 60 }];
    const root = await mount(<WeekPicture windows={week} nextAt={null} />, fakeServices(makeLibrary(3), () => TUESDAY_NOON));
    const text = [...root.querySelectorAll('[data-testid="week-text"] li')].map((li) => li.textContent?.replace(/\u2060/g, '').replace(/[\u202f\u00a0]/g, ' '));
    expect(text).toEqual([
      'Monday: 6:30–9:30 PM',
      'Tuesday: 6:30–9:30 PM',
      'Wednesday: 6:30–9:30 PM',
      'Thursday: 6:30–9:30 PM',
      'Friday: 10:00 PM–1:00 AM',
      'Saturday: 6:30–9:30 PM',
      'Sunday: none',
    ]);
    // The picture itself is hidden from assistive tech; the list is its text.
    expect(root.querySelector('.week-grid')?.getAttribute('aria-hidden')).toBe('true');
    // Friday's late window continues into Saturday's row.
    const rows = root.querySelectorAll('.week-row');
    expect(rows[5]?.querySelectorAll('.week-bar')).toHaveLength(2);
    const next = [...root.querySelectorAll('.week-next li')].map((li) => li.textContent?.replace(/\u2060/g, '').replace(/[\u202f\u00a0]/g, ' '));
    expect(next).toEqual(['tonight, 6:30–9:30 PM', 'tomorrow, 6:30–9:30 PM', 'Thu 6:30–9:30 PM']);
  });

  it('marks the window of the next nudge and says so', async () => {
    const at = new Date(2026, 4, 6, 19, 10).getTime(); // Wednesday evening
    const root = await mount(<WeekPicture windows={defaultWindows()} nextAt={at} />, fakeServices(makeLibrary(3), () => TUESDAY_NOON));
    const marked = root.querySelectorAll('.week-bar[data-next]');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.closest('.week-row')?.textContent).toBe('Wed');
    expect(root.textContent).toContain('The next nudge comes in the marked window, Wednesday');
  });
});

describe('NudgesSection: presets and Undo', () => {
  it('shows the current preset, applies another with one Undo, and opens the editor for own hours', async () => {
    const saves: PrefsPatch[] = [];
    const root = await mount(<Section initial={defaultPrefs()} saves={saves} />, fakeServices(makeLibrary(3), () => TUESDAY_NOON));
    await settle();
    expect(radio(root, 'Every evening').checked).toBe(true);

    await click(radio(root, 'Weekends only'));
    expect(saves.at(-1)).toEqual({ windows: presetWindows('weekends') });
    expect(radio(root, 'Weekends only').checked).toBe(true);
    expect(root.textContent).toContain('Together hours set to “Weekends only”.');
    expect(root.querySelector('[data-testid="week-text"]')?.textContent).toContain('Monday: none');

    await click(button(root, 'Undo'));
    // The Undo puts the hours back only while the stored ones are still those it undoes.
    const undo = saves.at(-1) as Exclude<PrefsPatch, Partial<Prefs>>;
    expect(undo({ ...defaultPrefs(), windows: presetWindows('weekends') })).toEqual({ windows: defaultWindows() });
    expect(undo({ ...defaultPrefs(), windows: presetWindows('evenings') })).toEqual({});
    expect(radio(root, 'Every evening').checked).toBe(true);
    expect(root.textContent).toContain('Your previous hours are back.');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Undo')).toBe(false);

    const details = root.querySelector('details.edit-by-day') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await click(radio(root, "I'll set my own hours"));
    expect(details.open).toBe(true);
    expect(saves).toHaveLength(2);
  });

  it('puts the preview nudge right after how often, as a secondary button', async () => {
    const root = await mount(<Section initial={defaultPrefs()} saves={[]} />, fakeServices(makeLibrary(3)));
    const preview = button(root, 'Send a preview nudge');
    expect(preview.classList.contains('primary')).toBe(false);
    expect(preview.closest('.field')?.previousElementSibling?.id).toBe('per-day-fit');
  });

  it('offers the welcome\'s choices for how often, and "No nudges for now" greys out the hours with a reason', async () => {
    const saves: PrefsPatch[] = [];
    const root = await mount(<Section initial={defaultPrefs()} saves={saves} />, fakeServices(makeLibrary(3)));
    const group = root.querySelector('fieldset:has(input[name="per-day"])') as HTMLFieldSetElement;
    expect(group.querySelector('legend')?.textContent).toBe('How often?');
    expect([...group.querySelectorAll('label')].map((l) => l.textContent).slice(0, 4)).toEqual([
      'No nudges for now', 'Once a day', 'Twice a day', 'Three times a day',
    ]);
    const hours = root.querySelector('.when-part') as HTMLElement;
    expect(hours.hasAttribute('inert')).toBe(false);
    expect(root.querySelector('#when-off')).toBeNull();
    await click(radio(root, 'No nudges for now'));
    expect(saves.at(-1)).toEqual({ nudgesEnabled: false });
    expect(hours.hasAttribute('inert')).toBe(true);
    // Still there to read, with one line that says why it waits.
    expect(hours.textContent).toContain('When may a nudge come?');
    expect(root.querySelector('#when-off')?.textContent).toBe('Nudges are off, so these hours wait. Choose how often above to use them again.');
    await click(radio(root, 'Twice a day'));
    expect(saves.at(-1)).toEqual({ nudgesEnabled: true, nudgesPerDay: 2 });
    expect(hours.hasAttribute('inert')).toBe(false);
  });

  it('says how many nudges a day the hours fit', async () => {
    const root = await mount(
      <Section initial={{ ...defaultPrefs(), nudgesPerDay: 3, spacingMinutes: 90 }} saves={[]} />,
      fakeServices(makeLibrary(3)),
    );
    expect(root.querySelector('#per-day-fit')?.textContent).toBe(
      'Your hours fit 2 a day with 90 minutes between them, so some days may bring fewer.',
    );
  });
});

describe('WindowsEditor: Copy to all days', () => {
  const setInput = async (input: HTMLInputElement, value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });

  it('refuses to copy an invalid window, and copies a valid one with Undo', async () => {
    const onSave = vi.fn();
    const week = defaultWindows();
    const root = await mount(<WindowsEditor windows={week} onSave={onSave} />, fakeServices(makeLibrary(3)));
    const monday = root.querySelector('[aria-label="Monday, window 1"]') as HTMLElement;
    await setInput(monday.querySelectorAll('input')[1] as HTMLInputElement, '17:00'); // ends before it starts
    await copyFrom(root, 'Monday');
    expect(onSave).not.toHaveBeenCalled();
    const refusal = [...root.querySelectorAll('[role="alert"]')].find((a) => a.textContent?.includes('nothing was copied'));
    expect(refusal?.textContent).toContain('A window on Monday is not valid yet');

    await copyFrom(root, 'Wednesday');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual(Array.from({ length: 7 }, () => [{ start: 18 * 60 + 30, end: 21 * 60 + 30 }]));
    expect(root.textContent).toContain('The hours of Wednesday now apply to every day.');
    await click(button(root, 'Undo'));
    expect(onSave.mock.calls[1]?.[0]).toEqual(week);
  });

  it('keeps "ends the next day" ticked for a window ending at midnight', async () => {
    let saved: WeekWindows = defaultWindows();
    const Holder = () => {
      const [windows, setWindows] = useState(saved);
      return <WindowsEditor windows={windows} onSave={(w) => { saved = w; setWindows(w); }} />;
    };
    const root = await mount(<Holder />, fakeServices(makeLibrary(3)));
    const monday = () => root.querySelector('[aria-label="Monday, window 1"]') as HTMLElement;
    await setInput(monday().querySelectorAll('input')[1] as HTMLInputElement, '00:00');
    await act(() => (monday().querySelectorAll('input')[2] as HTMLInputElement).click());
    await settle();
    expect(saved[1]).toEqual([{ start: 18 * 60 + 30, end: 1440 }]);
    expect((monday().querySelectorAll('input')[2] as HTMLInputElement).checked).toBe(true);
    expect((monday().querySelectorAll('input')[1] as HTMLInputElement).value).toBe('00:00');
  });
});
