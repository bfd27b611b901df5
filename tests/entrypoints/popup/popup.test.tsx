// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { pause } from '../../../nudges/pause';
import { parseSetup, SETUP_KEY } from '../../../model/setup';
import type { ViewCache } from '../../../platform/view-cache';
import { makeLibrary } from '../../helpers';
import { button, click, fakeServices, mount, settle, PATIENT } from '../../render';

const library = makeLibrary(12);
const texts = new Set(library.map((i) => i.text));
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

/** The welcome counts as done unless a test says otherwise. */
async function finishSetup(services: ReturnType<typeof fakeServices>, finishedAt: number | null = 1) {
  await services.store.updateState(SETUP_KEY, parseSetup, () => ({ finishedAt }));
}

/** The popup's own polite message (the check-in area has one of its own). */
const statusOf = (root: HTMLElement) => root.querySelector('.status-row .status')?.textContent ?? '';
const nudgeLine = (root: HTMLElement) => root.querySelector('.nudge-line')?.textContent ?? '';

/** Opens a closed disclosure (a list, the pause menu) as a click on its summary does; its contents load then. */
async function openDetails(details: Element | null | undefined): Promise<HTMLElement> {
  if (!(details instanceof HTMLElement)) throw new Error('no disclosure to open');
  (details as HTMLDetailsElement).open = true;
  details.dispatchEvent(new Event('toggle'));
  await settle();
  // The first import of a module takes a moment in tests; the quiet "Loading…" stays until it is there.
  for (let i = 0; i < 40 && details.querySelector('[aria-busy]'); i++) await settle(25);
  return details;
}
const disclosure = (root: HTMLElement, title: string) =>
  openDetails([...root.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === title));

async function openPopup(services = fakeServices(library), setupDone = true) {
  cleanup.push(() => services.store.destroy());
  if (setupDone) await finishSetup(services);
  // The worker planned the next nudge (at the welcome, or when the popup asked on opening).
  await services.replanNudges();
  const root = await mount(<App openOptions={() => {}} />, services);
  await settle();
  // Until today's pick is stored, an action would start from a state the store does not have yet.
  for (let i = 0; i < 40 && (await services.store.readPickerState())?.today == null; i++) await settle(25);
  return { root, services, idea: () => root.querySelector('.idea-text')?.textContent ?? '' };
}

describe('popup', () => {
  it('paints the idea cached by the last visit today before its data is read, then takes the stored one', async () => {
    // Every read of the library (the page's and the worker's) waits until `release`; later ones answer at once.
    const waiting: ((ideas: typeof library) => void)[] = [];
    let released: typeof library | null = null;
    const release = (ideas: typeof library) => {
      released = ideas;
      waiting.splice(0).forEach((r) => r(ideas));
    };
    const services = fakeServices(library);
    services.loadIdeas = () => (released ? Promise.resolve(released) : new Promise<typeof library>((r) => waiting.push(r)));
    const saved: ViewCache[] = [];
    services.saveView = (view) => void saved.push(view);
    cleanup.push(() => services.store.destroy());
    const cached = { ...library[3]!, text: 'Cached from this morning.' };
    const root = await mount(<App openOptions={() => {}} cachedIdea={cached} />, services);
    expect(root.querySelector('.idea-text')?.textContent).toBe('Cached from this morning.');
    // Marked busy while the stored data is on its way.
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    release(library);
    await settle();
    // The first answer of a test file also loads the worker's code: wait for it, not a fixed time.
    await vi.waitFor(() => expect(root.querySelector('main')?.hasAttribute('aria-busy')).toBe(false), PATIENT);
    const shown = root.querySelector('.idea-text')?.textContent ?? '';
    expect(texts.has(shown)).toBe(true);
    expect(root.querySelector('main')?.hasAttribute('aria-busy')).toBe(false);
    // The render cache now holds the stored idea, for the next opening's first frame.
    expect(saved.at(-1)?.idea?.text).toBe(shown);
  });

  it('picks tomorrow\'s idea ahead for the render cache, and tomorrow the popup shows exactly that one', async () => {
    let time = new Date(2026, 4, 4, 21).getTime();
    const services = fakeServices(library, () => time);
    const saved: ViewCache[] = [];
    services.saveView = (view) => void saved.push(view);
    const today = await openPopup(services);
    const ahead = saved.at(-1)?.tomorrow;
    expect(ahead?.text).toBeTruthy();
    expect(ahead?.text).not.toBe(today.idea());
    // Closed, as a popup is: an open one keeps its own day and would answer the next one's writes.
    render(null, today.root);
    time = new Date(2026, 4, 5, 8).getTime();
    const tomorrow = await openPopup(services);
    expect(tomorrow.idea()).toBe(ahead?.text);
  });

  it('shows today\'s idea with its category and minutes, the same on reopening', async () => {
    const services = fakeServices(library);
    const { root, idea } = await openPopup(services);
    expect(texts.has(idea())).toBe(true);
    expect(root.querySelector('.idea-meta')?.textContent).toMatch(/about \d+ min/);
    const first = idea();
    const again = await openPopup(services);
    expect(again.idea()).toBe(first);
  });

  it('"Another idea" brings a different one and says the skipped one comes back', async () => {
    const { root, idea } = await openPopup();
    const first = idea();
    await click(button(root, 'Another idea'));
    expect(idea()).not.toBe(first);
    await settle(50);
    expect(statusOf(root)).toContain('comes back later');
  });

  it('"Not for us" hides the idea at once, and Undo brings it back', async () => {
    const { root, idea, services } = await openPopup();
    const first = idea();
    await click(button(root, 'Not for us'));
    expect(idea()).not.toBe(first);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(1);
    await click(button(root, 'Undo'));
    // The Undo is checked against what is stored (its code loads on first use): give it the time.
    await vi.waitFor(() => expect(idea()).toBe(first), PATIENT);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(0);
  });

  it('"Not for us" confirms in words that the idea is set aside, with Undo beside it, and the focus on Undo', async () => {
    const { root } = await openPopup();
    const notForUs = button(root, 'Not for us');
    notForUs.focus();
    await click(notForUs);
    await vi.waitFor(() => expect(statusOf(root)).toBe("Set aside — it won't come up again."));
    const row = root.querySelector('.status-row') as HTMLElement;
    const undo = button(row, 'Undo');
    // Never lost to the page: the focus waits on the way back.
    expect(document.activeElement).toBe(undo);
    expect(document.activeElement).not.toBe(document.body);
  });

  it('"Check in now" is not offered in the first week after the welcome, and is from the seventh day', async () => {
    const checkInNow = (root: HTMLElement) => root.querySelector('a.checkin-now');
    const fresh = fakeServices(library);
    await finishSetup(fresh, fresh.now() - 2 * 3600_000);
    const first = await openPopup(fresh, false);
    expect(first.root.querySelector('.talk-link')).not.toBeNull();
    expect(checkInNow(first.root)).toBeNull();

    const weekOld = fakeServices(library);
    await finishSetup(weekOld, weekOld.now() - 7 * 24 * 3600_000);
    const later = await openPopup(weekOld, false);
    expect(checkInNow(later.root)?.textContent).toBe('Check in now');
  });

  it('Favourite is a toggle that is announced as pressed, and lists the idea under Favourites', async () => {
    const { root, idea } = await openPopup();
    const favourite = button(root, 'Favourite');
    expect(favourite.getAttribute('aria-pressed')).toBe('false');
    await click(favourite);
    expect(button(root, 'In favourites').getAttribute('aria-pressed')).toBe('true');
    const favourites = await disclosure(root, 'Favourites');
    expect(favourites.querySelector('li')?.textContent).toContain(idea());
  });

  it('"Copy to share" copies an invitation with the idea\'s words; "Copy just the words" then copies them plain', async () => {
    const { root, idea, services } = await openPopup(fakeServices(library.map((i) => ({ ...i, mode: 'together' as const }))));
    // The invitation comes with the part loaded after the first frame (its link in the "More" row shows it is there).
    await vi.waitFor(() => button(root, 'Our wishes'), PATIENT);
    expect(root.textContent).not.toContain('Copy just the words');
    await click(button(root, 'Copy to share'));
    expect(services.copied).toEqual([`Would you like to try this with me? — ${idea()}`]);
    await vi.waitFor(() => expect(root.querySelector('.status')?.textContent).toBe('Copied as an invitation, ready to send.'), PATIENT);
    await click(button(root, 'Copy just the words'));
    expect(services.copied).toEqual([`Would you like to try this with me? — ${idea()}`, idea()]);
    await vi.waitFor(() => expect(root.querySelector('.status')?.textContent).toBe('Copied: just the words, ready to send.'), PATIENT);
  });

  it('an idea for one is shared as its plain words: no invitation', async () => {
    const { root, idea, services } = await openPopup(fakeServices(library.map((i) => ({ ...i, mode: 'solo' as const }))));
    await vi.waitFor(() => button(root, 'Our wishes'), PATIENT);
    await click(button(root, 'Copy to share'));
    expect(services.copied).toEqual([idea()]);
    expect(root.textContent).not.toContain('Copy just the words');
  });

  it('"Our wishes" in the "More" row opens "What we\'d both like"', async () => {
    const { root, services } = await openPopup();
    await vi.waitFor(() => button(root, 'Our wishes'), PATIENT);
    await click(button(root, 'Our wishes'));
    expect(services.opened).toEqual(['/wishes.html']);
  });

  it('gives a clear message instead of an empty card when the filters leave nothing', async () => {
    const services = fakeServices(library);
    await services.store.patchPrefs({ maxMinutes: 1, modeFilter: 'solo', maxIntensity: 'gentle' });
    const { root } = await openPopup(services);
    expect(root.querySelector('.idea-text')).toBeNull();
    expect(root.textContent).toContain('No idea fits the kinds, length or company you chose');
  });

  it('shows a pause with its end time and a Resume button that ends it', async () => {
    const services = fakeServices(library);
    await services.store.updateNudgeState((s) => pause(s, '1d', services.now()));
    const { root } = await openPopup(services);
    expect(nudgeLine(root)).toMatch(/Nudges paused until .*\d:\d\d/);
    await click(button(root, 'Resume'));
    expect(nudgeLine(root)).toContain('Next nudge:');
    expect((await services.store.readNudgeState()).pausedUntil).toBeNull();
  });

  it('"We tried this" is the one filled button; Favourite and it read differently when on, and "Another idea" stays quiet', async () => {
    const { root } = await openPopup(fakeServices(library.map((i) => ({ ...i, mode: 'together' as const }))));
    expect([...root.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['We tried this']);
    expect(button(root, 'Another idea').classList.contains('primary')).toBe(false);
    await click(button(root, 'We tried this'));
    const tried = button(root, 'Tried today');
    expect(tried.getAttribute('aria-pressed')).toBe('true');
    expect(tried.querySelector('svg')).not.toBeNull();
    await click(button(root, 'Favourite'));
    const favourite = button(root, 'In favourites');
    expect(favourite.querySelector('path')?.getAttribute('fill')).toBe('currentColor');
    // A toggle that is on keeps the surface: it never looks like the filled invitation.
    for (const toggle of [favourite, tried]) expect(toggle.classList.contains('primary')).toBe(false);
    await click(button(root, 'Tried today'));
    expect(button(root, 'We tried this').getAttribute('aria-pressed')).toBe('false');
    expect(button(root, 'We tried this').classList.contains('primary')).toBe(true);
  });

  it('an idea for one says "I did this", and "Did this today" once done', async () => {
    const { root } = await openPopup(fakeServices(library.map((i) => ({ ...i, mode: 'solo' as const }))));
    expect(root.textContent).not.toContain('We tried this');
    await click(button(root, 'I did this'));
    expect(button(root, 'Did this today').getAttribute('aria-pressed')).toBe('true');
  });

  it('favourites can be copied and removed (with Undo)', async () => {
    const { root, idea, services } = await openPopup();
    const first = idea();
    await click(button(root, 'Favourite'));
    await click(button(root, 'Another idea'));
    const favourites = await disclosure(root, 'Favourites');
    await click(button(favourites, 'Copy'));
    expect(services.copied).toEqual([first]);
    await click(button(favourites, 'Remove'));
    expect((await services.store.readAllMarks()).filter((m) => m.favourite)).toHaveLength(0);
    expect(statusOf(root)).toBe('Removed from favourites.');
    expect(favourites.textContent).toContain('Ideas you mark as favourite');
    await click(button(root, 'Undo'));
    expect((await services.store.readAllMarks()).filter((m) => m.favourite)).toHaveLength(1);
  });

  it('an idea from the favourites or recent ideas can be shown again as today\'s idea', async () => {
    const { root, idea } = await openPopup();
    const first = idea();
    await click(button(root, 'Favourite'));
    await click(button(root, 'Another idea'));
    expect(idea()).not.toBe(first);
    const favourites = await disclosure(root, 'Favourites');
    await click(button(favourites, 'Show'));
    expect(idea()).toBe(first);
    expect(statusOf(root)).toBe("This is today's idea now.");
  });

  it('recent ideas leave today\'s idea out', async () => {
    const { root, idea } = await openPopup();
    const first = idea();
    await click(button(root, 'Another idea'));
    const recent = await disclosure(root, 'Recent ideas');
    const listed = [...recent.querySelectorAll('.idea-list-text')].map((li) => li.textContent ?? '');
    expect(listed.some((text) => text.endsWith(first))).toBe(true);
    expect(listed.some((text) => text.endsWith(idea()))).toBe(false);
  });

  it('"Show all kinds again" brings an idea back at once when the filters leave nothing', async () => {
    const services = fakeServices(library);
    await services.store.patchPrefs({ maxMinutes: 1, modeFilter: 'solo', hiddenCategories: ['touch', 'talk'] });
    const { root, idea } = await openPopup(services);
    await click(button(root, 'Show all kinds again'));
    await settle();
    expect(texts.has(idea())).toBe(true);
    const prefs = await services.store.readPrefs();
    expect(prefs).toMatchObject({ hiddenCategories: [], modeFilter: 'both', maxMinutes: 60, maxIntensity: 'warm' });
    expect(statusOf(root)).toBe('Ideas are back.');
  });

  it('"Show ideas set aside again" brings an idea back when every fitting idea was marked "not for us"', async () => {
    const services = fakeServices(library);
    for (const i of library) await services.store.updateMark(i.id, (m) => ({ ...m, hidden: true }));
    const { root, idea } = await openPopup(services);
    expect(root.textContent).toContain('set aside as “not for us”');
    await click(button(root, 'Show ideas set aside again'));
    await settle();
    expect(texts.has(idea())).toBe(true);
    expect((await services.store.readAllMarks()).filter((m) => m.hidden)).toHaveLength(0);
  });

  it('the status line: next nudge, off with Turn on, unfinished setup with a way back to the welcome', async () => {
    const services = fakeServices(library);
    await services.store.patchPrefs({ nudgesEnabled: false });
    const { root } = await openPopup(services);
    expect(nudgeLine(root)).toBe('Nudges are off · Turn on');
    expect(root.querySelector('.nudge-menu')).toBeNull();
    await click(button(root, 'Turn on'));
    expect((await services.store.readPrefs()).nudgesEnabled).toBe(true);
    expect(nudgeLine(root)).toMatch(/^Next nudge: (tonight|today|tomorrow), /);
    expect(statusOf(root)).toBe('Nudges are on.');

    const fresh = fakeServices(library);
    await finishSetup(fresh, null);
    const unfinished = await openPopup(fresh, false);
    expect(nudgeLine(unfinished.root)).toBe('No nudges until setup is done · Finish setting up');
    await click(button(unfinished.root, 'Finish setting up'));
    expect(fresh.opened).toEqual(['/welcome.html']);
  });

  it('offers "Later" only after a nudge was really shown, and a snooze never claims one is coming back', async () => {
    const services = fakeServices(library);
    const quiet = await openPopup(services);
    expect(quiet.root.querySelector('.nudge-menu summary')?.textContent).toBe('Pause nudges');
    await openDetails(quiet.root.querySelector('.nudge-menu'));
    expect(quiet.root.textContent).toContain('1 day');
    expect(quiet.root.textContent).not.toContain('in 15 min');

    const shown = fakeServices(library);
    await shown.store.updateNudgeState((s) => ({ ...s, lastNudgeAt: shown.now() - 60 * 60_000 }));
    const { root } = await openPopup(shown);
    expect(root.querySelector('.nudge-menu summary')?.textContent).toBe('Later, or pause nudges');
    await openDetails(root.querySelector('.nudge-menu'));
    await click(button(root, 'in 15 min'));
    expect((await shown.store.readNudgeState()).snoozedUntil).toBe(shown.now() + 15 * 60_000);
    expect(statusOf(root)).toBe('All right, the nudge comes later.');
    expect(root.textContent).not.toContain('come back at');
    expect(nudgeLine(root)).toContain('Next nudge:');
  });

  it('a pause from the quiet menu shows in the status line, with Resume', async () => {
    const { root, services } = await openPopup();
    await openDetails(root.querySelector('.nudge-menu'));
    await click(button(root, '1 day'));
    expect((await services.store.readNudgeState()).pausedUntil).toBe(services.now() + 24 * 3600_000);
    expect(nudgeLine(root)).toMatch(/^Nudges paused until .* · Resume$/);
    // One pause line: no "Nudges paused." above it; the line itself is what screen readers hear.
    expect(statusOf(root)).toBe('');
    expect(root.querySelector('.nudge-line p')?.getAttribute('role')).toBe('status');
    expect(root.querySelector('.nudge-menu')).toBeNull();
  });

  it('an idea of your own carries a small "Yours" mark, as text', async () => {
    const own = library.map((i) => ({ ...i, own: true as const }));
    const { root } = await openPopup(fakeServices(own));
    expect(root.querySelector('.own-mark')?.textContent).toBe('Yours');
  });
});
