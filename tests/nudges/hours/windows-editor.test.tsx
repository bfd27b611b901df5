// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { WindowsEditor } from '../../../nudges/hours/WindowsEditor';
import { defaultWindows, type WeekWindows } from '../../../model/prefs';
import { makeLibrary } from '../../helpers';
import { button, fakeServices, mount } from '../../render';
import { copyFrom } from './copy-from';

async function setInput(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function mondayWindow(root: HTMLElement) {
  const group = root.querySelector('[aria-label="Monday, window 1"]') as HTMLElement;
  const inputs = group.querySelectorAll('input');
  return { group, from: inputs[0] as HTMLInputElement, to: inputs[1] as HTMLInputElement, nextDay: inputs[2] as HTMLInputElement };
}



describe('WindowsEditor', () => {
  it('shows the end-before-start problem next to the window and does not save it', async () => {
    const onSave = vi.fn();
    const root = await mount(<WindowsEditor windows={defaultWindows()} onSave={onSave} />, fakeServices(makeLibrary(3)));
    const monday = mondayWindow(root);
    await setInput(monday.to, '17:00');
    expect(monday.group.querySelector('[role="alert"]')?.textContent).toContain('The end is before the start');
    expect(monday.to.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();

    await act(() => monday.nextDay.click());
    expect(onSave).toHaveBeenCalledOnce();
    const saved = onSave.mock.calls[0]?.[0] as WeekWindows;
    expect(saved[1]).toEqual([{ start: 18 * 60 + 30, end: 17 * 60 + 1440 }]);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('refuses overlapping windows, then saves once they are apart', async () => {
    const onSave = vi.fn();
    const root = await mount(<WindowsEditor windows={defaultWindows()} onSave={onSave} />, fakeServices(makeLibrary(3)));
    await act(() => button(root, 'Add a window').click()); // Monday gets 12:00–13:00
    expect(onSave).toHaveBeenCalledTimes(1);
    const second = root.querySelector('[aria-label="Monday, window 2"]') as HTMLElement;
    await setInput(second.querySelectorAll('input')[0] as HTMLInputElement, '19:00');
    await setInput(second.querySelectorAll('input')[1] as HTMLInputElement, '20:00');
    expect(second.querySelector('[role="alert"]')?.textContent).toContain('overlaps');
    expect(onSave).toHaveBeenCalledTimes(1);
    await setInput(second.querySelectorAll('input')[0] as HTMLInputElement, '07:00');
    await setInput(second.querySelectorAll('input')[1] as HTMLInputElement, '08:00');
    expect(onSave).toHaveBeenCalledTimes(2);
    expect((onSave.mock.calls[1]?.[0] as WeekWindows)[1]).toEqual([
      { start: 18 * 60 + 30, end: 21 * 60 + 30 },
      { start: 7 * 60, end: 8 * 60 },
    ]);
  });

  it('copies one day\'s hours to every day, and a removed window leaves a day without nudges', async () => {
    const onSave = vi.fn();
    const week = defaultWindows();
    week[3] = [{ start: 600, end: 660 }];
    const root = await mount(<WindowsEditor windows={week} onSave={onSave} />, fakeServices(makeLibrary(3)));
    await copyFrom(root, 'Wednesday');
    expect(onSave.mock.calls[0]?.[0]).toEqual(Array.from({ length: 7 }, () => [{ start: 600, end: 660 }]));
    await act(() => (root.querySelector('[aria-label="Remove Sunday window 1"]') as HTMLElement).click());
    expect((onSave.mock.calls[1]?.[0] as WeekWindows)[0]).toEqual([]);
    expect(root.textContent).toContain('No together hours on this day, so no nudges.');
  });
});
