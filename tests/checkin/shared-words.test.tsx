// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CheckInsSection } from '../../checkin/CheckInsSection';
import { CheckInArea } from '../../checkin/CheckInArea';
import { defaultPrefs } from '../../model/prefs';
import { parsePartnerWords, PARTNER_WORDS_KEY } from '../../model/partner-words';
import { createTendStore } from '../../store/db';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { wallToEpoch } from '../../together/zone-time';
import { makeLibrary } from '../helpers';
import { button, click, fakeServices, mount, PATIENT, settle, typeInto } from '../render';

// Wednesday evening in the pair's zone, whatever the machine's zone: the pair's week is fixed.
const ZONE = 'Europe/Berlin';
let clock = wallToEpoch(ZONE, '2026-12-02', 19 * 60);
const PAIR = createPair(new Uint8Array(16).map((_, i) => i * 7 + 1), { zone: ZONE, choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 1 });
const paired = { code: encodePairCode(PAIR), pairedAt: clock - 86_400_000, invited: true };

/** Two people, each with a Tend of their own (own database, own change channel). */
const tend = (name: string) => ({ ...fakeServices(makeLibrary(5), () => clock), store: createTendStore(`tend-shared-words-${name}`) });
const ana = tend('ana');
const ben = tend('ben');

async function pairBoth(): Promise<void> {
  for (const { store } of [ana, ben]) await store.updatePair(() => paired);
}

const share = (root: HTMLElement) => root.querySelector('.shared-words') as HTMLElement;
const text = (root: HTMLElement) => (root.textContent ?? '').replace(/\s+/g, ' ');
/** The two words side by side, each as "label: word[: note]". */
const sideBySide = (root: HTMLElement) =>
  [...root.querySelectorAll('.shared-both dl > div')].map((d) => [...d.children].map((c) => c.textContent).join(': '));

afterEach(async () => {
  // The popup's card was asked for with #checkin: the next test (or file, in this worker) starts without it.
  history.replaceState(null, '', '/');
  for (const { store } of [ana, ben]) await store.clearAll();
  ana.copied.length = 0;
  ben.copied.length = 0;
  ana.opened.length = 0;
  ben.opened.length = 0;
  clock = wallToEpoch(ZONE, '2026-12-02', 19 * 60);
});
afterAll(async () => {
  await ana.store.destroy();
  await ben.store.destroy();
});

describe('a check-in shared between paired Tends', () => {
  it('shows nothing of sharing while unpaired', async () => {
    const root = await mount(<CheckInsSection />, ana);
    await settle();
    expect(share(root)).toBeNull();
  });

  it("the popup's card, answered, offers a quiet way to share the word, only while paired", async () => {
    const answerIn = async () => {
      history.replaceState(null, '', '/popup.html#checkin');
      const root = await mount(<CheckInArea />, ben);
      await settle();
      const mixed = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Mixed')?.querySelector('input');
      await click(mixed);
      await click(button(root, 'Save'));
      return root;
    };
    let root = await answerIn();
    expect(root.textContent).toContain('Thank you.');
    expect(root.textContent).not.toContain("Share your word with your partner's Tend");
    await pairBoth();
    root = await answerIn();
    await click(button(root, "Share your word with your partner's Tend"));
    expect(ben.opened.at(-1)).toBe('/options.html#checkins');
  });

  it('is sealed on the second Tend until its own answer, then both words show on both, with one conversation', async () => {
    await pairBoth();
    await ana.store.putCheckIn({ id: 'a-1', at: clock - 3600_000, answer: 'job', note: 'A long week at work.' });

    // Ana shares her word, without the note first, then with it.
    let root = await mount(<CheckInsSection />, ana);
    await settle();
    expect(text(share(root))).toContain("Your word and your partner's");
    const withNote = [...share(root).querySelectorAll('label')].find((l) => l.textContent?.includes('Send my note too'))?.querySelector('input');
    expect(withNote?.checked).toBe(false);
    await click(button(root, 'Share with my partner'));
    await click(button(share(root), 'Copy'));
    const plain = ana.copied.at(-1) as string;
    expect(plain).toMatch(/^TENDWORD-[0-9A-Z-]+$/);
    await click(withNote);
    await click(button(root, 'Share with my partner'));
    await click(button(share(root), 'Copy'));
    const code = ana.copied.at(-1) as string;
    expect(code).not.toBe(plain);
    expect(code).not.toMatch(/job|long week/i);

    // Ben takes it in before answering: it stays sealed, nothing of it shows.
    root = await mount(<CheckInsSection />, ben);
    await settle();
    expect(text(share(root))).toContain('Once you have answered this week');
    await typeInto(share(root), 'textarea', code);
    await click(button(root, 'Take it in'));
    expect(text(share(root))).toContain('Taken in.');
    expect(text(share(root))).toContain('Answer yours first — then you see both.');
    expect(text(root)).not.toMatch(/Like a job|long week/);
    expect(JSON.stringify(await ben.store.readState(PARTNER_WORDS_KEY, parsePartnerWords))).not.toMatch(/job|long week/i);

    // Ben answers in the same section: both words show at once, side by side, and the note Ana chose to send.
    await click(button(root, 'Check in now'));
    const mixed = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Mixed')?.querySelector('input');
    await click(mixed);
    await click(button(root, 'Save'));
    await settle();
    // Opening a word is WebCrypto work, which settle() does not wait for.
    await vi.waitFor(() => expect(sideBySide(root)).toEqual(['Your word: Mixed', "Your partner's word: Like a job: A long week at work."]), PATIENT);
    const both = root.querySelector('.shared-both') as HTMLElement;
    expect(text(root)).not.toContain('Answer yours first');
    expect(text(root.querySelector('.checkin-list') as HTMLElement)).toContain('Your partner: Like a job');
    await click(both.querySelector('a'));
    expect(ben.opened).toEqual(['/talk.html#talk-pressure']);

    // Ben shares back; Ana, who answered already, sees both at once.
    await click(button(root, 'Share with my partner'));
    await click(button(share(root), 'Copy'));
    root = await mount(<CheckInsSection />, ana);
    await settle();
    await typeInto(share(root), 'textarea', ben.copied.at(-1) as string);
    await click(button(root, 'Take it in'));
    await vi.waitFor(() => expect(sideBySide(root)).toEqual(['Your word: Like a job', "Your partner's word: Mixed"]), PATIENT);

    // Three weeks on, the two words are no longer side by side at the top; the list still has the partner's.
    clock += 21 * 86_400_000;
    root = await mount(<CheckInsSection />, ana);
    await settle();
    await vi.waitFor(() => expect(text(root.querySelector('.checkin-list') as HTMLElement)).toContain('Your partner: Mixed'), PATIENT);
    expect(sideBySide(root)).toEqual([]);
  });

  it('says clearly what is wrong with a code, and keeps nothing: another pair, another week, altered, a pairing code', async () => {
    await pairBoth();
    const root = await mount(<CheckInsSection />, ben);
    await settle();
    const tryCode = async (value: string) => {
      await typeInto(share(root), 'textarea', value);
      await click(button(root, 'Take it in'));
      return share(root).querySelector('[role=alert]')?.textContent ?? '';
    };
    expect(await tryCode('')).toBe('Paste the code first.');
    expect(await tryCode('hello')).toContain('starts with TENDWORD');
    expect(await tryCode(paired.code)).toBe('This is a pairing code. It goes under Together.');

    await ana.store.putCheckIn({ id: 'a-1', at: clock - 3600_000, answer: 'mixed', note: '' });
    const anaRoot = await mount(<CheckInsSection />, ana);
    await settle();
    await click(button(anaRoot, 'Share with my partner'));
    await click(button(share(anaRoot), 'Copy'));
    const code = ana.copied.at(-1) as string;

    const again = await mount(<CheckInsSection />, ben);
    await settle();
    const at = code.length - 6;
    await typeInto(share(again), 'textarea', code.slice(0, at) + (code[at] === '7' ? '8' : '7') + code.slice(at + 1));
    await click(button(again, 'Take it in'));
    expect(share(again).querySelector('[role=alert]')?.textContent).toContain('changed or cut short');
    expect(share(again).querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');

    // Two weeks later the code is too old.
    clock += 14 * 86_400_000;
    await typeInto(share(again), 'textarea', code);
    await click(button(again, 'Take it in'));
    expect(share(again).querySelector('[role=alert]')?.textContent).toContain('another week');

    // Paired anew (another secret): the old code belongs to another pairing.
    clock -= 14 * 86_400_000;
    const other = createPair(new Uint8Array(16).fill(9), { zone: ZONE, choices: PAIR.choices, libraryFingerprint: 1 });
    await ben.store.updatePair(() => ({ ...paired, code: encodePairCode(other) }));
    await settle();
    await typeInto(share(again), 'textarea', code);
    await click(button(again, 'Take it in'));
    expect(share(again).querySelector('[role=alert]')?.textContent).toContain('another pairing');
    expect(await ben.store.readState(PARTNER_WORDS_KEY, parsePartnerWords)).toEqual([]);
  });
});
