import { act } from 'preact/test-utils';

/** "Copy to all days", with the day to copy from picked in its list first. */
export async function copyFrom(root: HTMLElement, day: string): Promise<void> {
  const select = root.querySelector('#copy-from') as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === day) as HTMLOptionElement;
  await act(() => {
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(() => ([...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy to all days') as HTMLButtonElement).click());
}
