// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/options/App';
import type { OptionsActions } from '../../platform/settings-section';
import { createTranslate } from '../../platform/i18n';
import de from '../../public/_locales/de/messages.json';
import { createTendStore } from '../../store/db';
import { createPair, decodePairCode, encodePairCode } from '../../together/code/pair-code';
import { pairChoicesFrom, type PairPayload } from '../../together/code/pair-payload';
import { defaultPrefs } from '../../model/prefs';
import { makeLibrary, englishTracks, noSync } from '../helpers';
import { button, click, fakeServices, mount, settleUntil, typeInto } from '../render';

const actions: OptionsActions = {
  previewNudge: async () => true,
  notificationsBlocked: async () => false,
  shortcut: async () => '',
  download: () => {},
  loadTracks: englishTracks,
  sync: noSync,
};
const LIBRARY = makeLibrary(20);
/** One person's Tend: its own database, its own Settings page. */
const person = () => fakeServices(LIBRARY);
type Person = ReturnType<typeof person>;

async function openSettings(services: Person): Promise<HTMLElement> {
  const root = await mount(<App actions={actions} />, services);
  await settleUntil(() => section(root) !== null && !section(root)?.querySelector('[aria-busy="true"]'));
  return root;
}
const section = (root: HTMLElement) => root.querySelector<HTMLElement>('section[aria-labelledby="together"]');
const inSection = (root: HTMLElement) => section(root) as HTMLElement;
const text = (root: HTMLElement) => inSection(root).textContent ?? '';
const shownCode = (root: HTMLElement) => inSection(root).querySelector('.pair-code')?.textContent ?? '';
const statusText = (root: HTMLElement) => inSection(root).querySelector('.together > p[role=status]')?.textContent ?? '';
/** The status line says `words` (after the write and the worker's re-plan: a busy machine may take a while). */
const says = (root: HTMLElement, words: string) => settleUntil(() => statusText(root) === words);
const alertText = (root: HTMLElement) => inSection(root).querySelector('[role=alert]')?.textContent ?? '';
const payload = (code: string | undefined): PairPayload => {
  const decoded = decodePairCode(code ?? '');
  if (!('ok' in decoded)) throw new Error(`not a code: ${decoded.error}`);
  return decoded.ok;
};

/** "Pair with your partner", then Copy: the code as the messenger gets it. */
async function invite(services: Person): Promise<{ root: HTMLElement; code: string }> {
  const root = await openSettings(services);
  await click(button(inSection(root), 'Pair with your partner'));
  await settleUntil(() => shownCode(root) !== '');
  await click(button(inSection(root), 'Copy'));
  return { root, code: services.copied.at(-1) as string };
}

/** Pastes `code` into the take-in field (opened with `opener`). */
async function paste(root: HTMLElement, code: string, opener = 'I have a code'): Promise<void> {
  await click(button(inSection(root), opener));
  await typeInto(inSection(root), 'textarea', code);
}

describe('Settings › Together', () => {
  it('pairs two Tends: one invites and copies the code, the other pastes it, reads what it carries and pairs', async () => {
    const inviter = person();
    await inviter.store.patchPrefs({ nudgesPerDay: 2, maxIntensity: 'gentle' });
    const { root, code } = await invite(inviter);
    await says(root, 'Paired');
    expect(code).toBe(shownCode(root));
    expect(code).toMatch(/^TEND-[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
    // What the code tells is said before Copy is offered.
    expect(text(root)).toContain('Whoever reads this code learns:');
    expect(text(root)).toContain('The pairing secret');
    expect(text(root)).toContain(`Your time zone (${payload(code).zone.replace(/_/g, ' ')})`);
    expect(text(root)).toContain('anyone with the code can pair with you');
    expect(text(root)).toContain('Copied');

    const partner = person();
    const other = await openSettings(partner);
    expect(text(other)).toContain('Does your partner use Tend too? Pair your two Tends');
    await paste(other, code);
    expect(text(other)).toContain("Your partner's Tend suggests:");
    // Intl puts a narrow no-break space before "PM".
    const lines = [...inSection(other).querySelectorAll('.pair-summary li')].map((li) => li.textContent?.replace(/\u2060/g, '').replace(/\s/gu, ' '));
    expect(lines).toEqual(['Every day: 6:30–9:30 PM', 'Twice a day, at least 90 minutes apart', 'Gentle only']);
    // Same zone, same library: nothing more to say.
    expect(text(other)).not.toContain('local time');
    expect(text(other)).not.toContain('different idea libraries');
    await click(button(inSection(other), 'Pair'));
    await settleUntil(() => text(other).includes('In step with your partner'));
    expect(text(other)).toContain("In step with your partner's Tend since May 4, 2026.");
    await says(other, 'Paired');

    const [mine, theirs] = await Promise.all([inviter.store.readPair(), partner.store.readPair()]);
    expect(theirs?.code).toBe(mine?.code);
    expect(payload(theirs?.code)).toEqual(payload(mine?.code));
    expect(await partner.store.readPrefs()).toMatchObject({ nudgesPerDay: 2, maxIntensity: 'gentle' });
    // Nothing new to send either way.
    expect(text(other)).not.toContain("doesn't know yet");
  });

  it('a code with one character changed is refused with the typo message, and pairs nothing', async () => {
    const { code } = await invite(person());
    const at = code.length - 2;
    const typo = code.slice(0, at) + (code[at] === '7' ? '8' : '7') + code.slice(at + 1);
    const partner = person();
    const root = await openSettings(partner);
    await paste(root, typo);
    // A code still being typed is not judged yet.
    expect(alertText(root)).toBe('');
    await click(button(inSection(root), 'Check code'));
    expect(alertText(root)).toBe('One character looks mistyped — check the code and paste it again.');
    expect(inSection(root).querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect([...inSection(root).querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Pair');
    expect(await partner.store.readPair()).toBeNull();
    // Cut short, then not a code at all: each says what is wrong.
    await typeInto(inSection(root), 'textarea', code.slice(0, 24));
    expect(alertText(root)).toBe('This code is cut short — copy all of it.');
    await typeInto(inSection(root), 'textarea', 'see you tonight');
    expect(alertText(root)).toBe("That's not a Tend pairing code.");
    await typeInto(inSection(root), 'textarea', code);
    expect(alertText(root)).toBe('');
  });

  it('after a shared choice changes, an update code (counter one up) carries it to the partner; the older code is then refused', async () => {
    const inviter = person();
    const { code: first } = await invite(inviter);
    const partner = person();
    const other = await openSettings(partner);
    await paste(other, first);
    await click(button(inSection(other), 'Pair'));
    await settleUntil(() => text(other).includes('In step'));

    // Back at the inviter's: a change to how often, made in the Nudges section.
    const page = await openSettings(inviter);
    await settleUntil(() => text(page).includes('In step'));
    expect(text(page)).not.toContain("doesn't know yet");
    await click(page.querySelector('input[name="per-day"][value="3"]'));
    await settleUntil(() => text(page).includes("doesn't know yet"));
    await click(button(inSection(page), 'Make the new code'));
    await settleUntil(() => shownCode(page) !== '');
    const update = shownCode(page);
    expect(payload(update).counter).toBe(payload(first).counter + 1);
    expect(payload(update).choices.nudgesPerDay).toBe(3);
    expect(text(page)).not.toContain("doesn't know yet");
    await says(page, 'A new code is ready — send it to your partner\'s Tend.');

    const back = await openSettings(partner);
    await paste(back, update, 'I have a newer code');
    expect(text(back)).toContain("A newer code from your partner's Tend.");
    await click(button(inSection(back), 'Update'));
    await settleUntil(() => statusText(back) === 'Updated');
    expect((await partner.store.readPrefs()).nudgesPerDay).toBe(3);
    expect((await partner.store.readPair())?.code).toBe(update);

    await paste(back, first, 'I have a newer code');
    expect(alertText(back)).toBe('This code is older than what you have.');
    expect([...inSection(back).querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Update');
    expect((await partner.store.readPair())?.code).toBe(update);
  });

  it('stopping asks first, then removes only the pairing', async () => {
    const services = person();
    await services.store.patchPrefs({ nudgesPerDay: 2 });
    await services.store.updateMark('talk-001', (m) => ({ ...m, hidden: true }));
    const { root } = await invite(services);
    await click(button(inSection(root), 'Stop being in step'));
    expect(text(root)).toContain('This Tend goes back to its own rhythm; nothing else changes.');
    expect(document.activeElement?.textContent).toBe('Stay in step');
    await click(button(inSection(root), 'Stay in step'));
    expect(await services.store.readPair()).not.toBeNull();
    await click(button(inSection(root), 'Stop being in step'));
    await click(button(inSection(root), 'Yes, stop'));
    await settleUntil(() => statusText(root) === 'No longer in step');
    expect(await services.store.readPair()).toBeNull();
    expect((await services.store.readPrefs()).nudgesPerDay).toBe(2);
    expect((await services.store.readAllMarks()).map((m) => m.ideaId)).toEqual(['talk-001']);
    expect(text(root)).toContain('Pair with your partner');
  });

  it('a double click on Pair with your partner pairs once', async () => {
    const services = person();
    const root = await openSettings(services);
    await act(() => {
      button(inSection(root), 'Pair with your partner').click();
      button(inSection(root), 'Pair with your partner').click();
    });
    await settleUntil(() => shownCode(root) !== '');
    await says(root, 'Paired');
    expect((await services.store.readPair())?.code).toBe(shownCode(root));
  });

  it('hears a pairing made on another page, and its end', async () => {
    const services = person();
    const root = await openSettings(services);
    const otherTab = createTendStore(services.dbName);
    const code = encodePairCode(createPair(new Uint8Array(16).fill(3), { zone: 'UTC', choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 1 }));
    await otherTab.updatePair(() => ({ code, pairedAt: services.now(), invited: false }));
    await settleUntil(() => text(root).includes('In step'));
    await otherTab.updatePair(() => null);
    await settleUntil(() => text(root).includes('Pair with your partner'));
    await otherTab.close();
  });

  it("says the pair's zone when it is not this machine's, with the hours in local time, and a library that differs", async () => {
    const berlin = createPair(new Uint8Array(16).fill(5), { zone: 'Europe/Berlin', choices: pairChoicesFrom(defaultPrefs(), ['care-001']), libraryFingerprint: 42 });
    const root = await openSettings(person());
    await paste(root, encodePairCode(berlin));
    // 18:30 in Berlin on May 4, 2026 (summer time, UTC+2) in this machine's clock.
    const start = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2026, 4, 4, 16, 30));
    const hours = inSection(root).querySelector('.pair-summary li')?.textContent ?? '';
    expect(hours.startsWith(`Every day: ${start.replace(/\s?[AP]M$/, '')}`)).toBe(true);
    expect(text(root)).toContain('The times are in your local time. Your two Tends count their days by Europe/Berlin time.');
    expect(text(root)).toContain('Ideas set aside as “not for us”: 1');
    expect(text(root)).toContain('Your Tends have different idea libraries — update Tend on both. Pairing still works.');
    await click(button(inSection(root), 'Pair'));
    await settleUntil(() => text(root).includes('In step'));
  });

  it('speaks German', async () => {
    const { code } = await invite(person());
    const services = person();
    services.t = createTranslate(de);
    services.locale = 'de';
    const root = await openSettings(services);
    expect(inSection(root).querySelector('h2')?.textContent).toBe('Gemeinsam');
    expect(text(root)).toContain('Nutzt ihr beide Tend? Dann könnt ihr eure beiden Tends verbinden');
    await paste(root, 'TEND-', 'Ich habe einen Code');
    await click(button(inSection(root), 'Code prüfen'));
    expect(alertText(root)).toBe('Dieser Code ist abgeschnitten – kopiert ihn ganz.');
    await typeInto(inSection(root), 'textarea', code);
    expect(text(root)).toContain('Das andere Tend schlägt vor:');
    const lines = [...inSection(root).querySelectorAll('.pair-summary li')].map((li) => li.textContent?.replace(/\u2060/g, ''));
    expect(lines).toEqual([expect.stringMatching(/^Jeden Tag: 18:30–21:30/), 'Einmal am Tag', 'Sanft bis warm']);
    await click(button(inSection(root), 'Verbinden'));
    await settleUntil(() => text(root).includes('seit dem'));
    expect(text(root)).toContain('Eure beiden Tends sind seit dem 4. Mai 2026 verbunden.');
    await says(root, 'Verbunden');
    await click(button(inSection(root), 'Verbindung beenden'));
    expect(text(root)).toContain('Dieses Tend folgt wieder seinem eigenen Rhythmus; sonst ändert sich nichts.');
  });
});

describe('Settings › Nudges while paired with a Tend in another zone', () => {
  it('says the together hours are on the pair’s clock; in the pair’s own zone, or unpaired, it says nothing', async () => {
    const services = person();
    const root = await openSettings(services);
    const nudges = () => root.querySelector('section[aria-labelledby="nudges"]')?.textContent ?? '';
    const code = encodePairCode(createPair(new Uint8Array(16).fill(9), { zone: 'Europe/Berlin', choices: pairChoicesFrom(defaultPrefs(), []), libraryFingerprint: 1 }));
    // Written by another page (the worker, another tab): this page hears it.
    const other = createTendStore(services.dbName);
    await other.updatePair(() => ({ code, pairedAt: 1, invited: false }));
    await settleUntil(() => nudges().includes('these hours are on Europe/Berlin time'));
    await other.updatePair(() => null);
    await settleUntil(() => !nudges().includes('Europe/Berlin'));
    await other.close();
    await services.store.destroy();
  });
});
