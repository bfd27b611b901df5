// @vitest-environment happy-dom
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import wishesJson from '../../assets/library/wishes.json';
import ideasJson from '../../assets/library/ideas.json';
import talksJson from '../../assets/library/talks.json';
import { WishesPage, type WishesActions } from '../../wishes/WishesPage';
import { parseWishes, translateWishes } from '../../wishes/wishes';
import wishesDe from '../../assets/library/wishes.de.json';
import de from '../../public/_locales/de/messages.json';
import { createTranslate } from '../../platform/i18n';
import { parseIdeas } from '../../model/vocabulary';
import { parseTalks } from '../../talk/talks';
import { button, click, fakeServices, mount, settle } from '../render';

const DECK = parseWishes(wishesJson);
const IDEAS = parseIdeas(ideasJson);
const TALKS = parseTalks(talksJson);
const services = fakeServices(IDEAS, () => new Date(2026, 11, 3, 12).getTime());
afterEach(() => services.store.clearAll());

function actions(): WishesActions & { talks: string[] } {
  const talks: string[] = [];
  return {
    talks,
    loadWishes: async () => DECK,
    loadTalkTitles: async () => new Map(TALKS.map((talk) => [talk.id, talk.title])),
    openTalk: (id) => void talks.push(id),
  };
}

const wish = (n: number) => DECK[n - 1]!;
const card = (root: HTMLElement) => root.querySelector('.wish-card')?.textContent?.trim() ?? '';

/** One person's turn through the whole deck, "I'd like this" for the wishes numbered in `likes`. */
async function turn(root: HTMLElement, likes: number[]): Promise<void> {
  for (let n = 1; n <= DECK.length; n++) {
    expect(card(root)).toBe(wish(n).text);
    await click(button(root, likes.includes(n) ? "I'd like this" : 'Not now'));
  }
}

/** Everything in the test's IndexedDB, every store, keys and values, as text. */
async function everythingStored(): Promise<string> {
  const db = await openDB(services.dbName);
  const out: unknown[] = [];
  for (const name of db.objectStoreNames) out.push(name, await db.getAllKeys(name), await db.getAll(name));
  db.close();
  return JSON.stringify(out);
}

const FIRST = [1, 3, 10, 20, 30];
const SECOND = [3, 11, 30, 40, 2];
const ALONE = [1, 10, 20, 11, 40, 2];

describe('What we would both like', () => {
  it('two turns and a hand-over show only the wishes both chose; nothing of either alone is kept anywhere', async () => {
    localStorage.clear();
    const href = location.href;
    const root = await mount(<WishesPage actions={actions()} />, services);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe("What we'd both like");
    await click(button(root, "I'll go first"));
    expect(root.querySelector('.wish-progress')?.textContent).toBe(`First turn · wish 1 of ${DECK.length}`);
    await turn(root, FIRST);

    // The hand-over hides everything of the first turn, and takes the focus to its heading.
    expect(root.querySelector('h1')?.textContent).toBe('Pass it over — no peeking');
    expect(document.activeElement).toBe(root.querySelector('h1'));
    for (const w of DECK) expect(root.textContent).not.toContain(w.text);
    expect(await everythingStored()).not.toMatch(/wish-/);

    await click(button(root, 'Start my turn'));
    expect(root.querySelector('.wish-progress')?.textContent).toBe(`Second turn · wish 1 of ${DECK.length}`);
    await turn(root, SECOND);

    expect(root.querySelector('h1')?.textContent).toBe('What you both would like');
    expect(document.activeElement).toBe(root.querySelector('h1'));
    const shown = [...root.querySelectorAll('.wish-common .wish-text')].map((p) => p.textContent);
    expect(shown).toEqual([wish(3).text, wish(30).text]);
    for (const n of ALONE) expect(root.textContent).not.toContain(wish(n).text);
    // Each with its fitting idea or conversation.
    const fits = [...root.querySelectorAll('.wish-common li')].map((li) => li.querySelector('.wish-fit')?.textContent ?? '');
    const fitOf = (w: (typeof DECK)[number]) =>
      w.idea ? IDEAS.find((i) => i.id === w.idea)?.text : TALKS.find((t) => t.id === w.talk)?.title;
    expect(fits[0]).toContain(fitOf(wish(3)));
    expect(fits[1]).toContain(fitOf(wish(30)));

    // Nothing of the round was written anywhere: not IndexedDB, not localStorage, not the address.
    expect(await everythingStored()).not.toMatch(/wish-/);
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/wish-|morning|hug/i);
    expect(location.href).toBe(href);

    // "Keep our list" keeps the common wishes, dated, and only them.
    await click(button(root, 'Keep our list'));
    expect(root.textContent).toContain('Kept, with today');
    const stored = await everythingStored();
    expect(stored).toContain(wish(3).id);
    expect(stored).toContain(wish(30).id);
    for (const n of ALONE) expect(stored).not.toContain(`"${wish(n).id}"`);
    expect((await services.store.readSnapshot()).keptWishes).toEqual([
      { id: expect.any(String), at: new Date(2026, 11, 3, 12).getTime(), wishIds: [wish(3).id, wish(30).id] },
    ]);
    const kept = root.querySelector('.wish-kept')?.textContent ?? '';
    expect(kept).toContain('Kept on December 3, 2026');
    expect(kept).toContain(wish(30).text);

    // Deletable.
    await click(button(root, 'Delete this list'));
    expect(root.querySelector('.wish-kept')).toBeNull();
    expect(root.textContent).toContain('The list is deleted.');
    expect(document.activeElement).toBe(root.querySelector('h1'));
    expect((await services.store.readSnapshot()).keptWishes).toEqual([]);
  });

  it('says kindly when nothing is in common; Back and "That\'s all for me" work by keyboard-reachable buttons', async () => {
    const root = await mount(<WishesPage actions={actions()} />, services);
    await settle();
    await click(button(root, "I'll go first"));
    expect(button(root, 'Back').disabled).toBe(true);
    await click(button(root, "I'd like this"));
    await click(button(root, 'Back'));
    expect(card(root)).toBe(wish(1).text);
    await click(button(root, 'Not now'));
    await click(button(root, "I'd like this"));
    await click(button(root, "That's all for me"));
    await click(button(root, 'Start my turn'));
    await click(button(root, "I'd like this"));
    await click(button(root, "That's all for me"));
    expect(root.textContent).toContain('Nothing in common this time — that is fine; try again another week.');
    expect(root.querySelector('.wish-common')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Keep our list');
    await click(button(root, 'Start a new round'));
    expect(card(root)).toBe(wish(1).text);
  });

  it('a fitting conversation opens from the result', async () => {
    const act_ = actions();
    const root = await mount(<WishesPage actions={act_} />, services);
    await settle();
    const n = DECK.findIndex((w) => w.talk) + 1;
    await click(button(root, "I'll go first"));
    for (let i = 1; i < n; i++) await click(button(root, 'Not now'));
    await click(button(root, "I'd like this"));
    await click(button(root, "That's all for me"));
    await click(button(root, 'Start my turn'));
    for (let i = 1; i < n; i++) await click(button(root, 'Not now'));
    await click(button(root, "I'd like this"));
    await click(button(root, "That's all for me"));
    await click(root.querySelector('.wish-fit a'));
    expect(act_.talks).toEqual([wish(n).talk]);
  });

  it('speaks German: the page, the turns and the wishes', async () => {
    const german = translateWishes(DECK, wishesDe);
    const root = await mount(<WishesPage actions={{ ...actions(), loadWishes: async () => german }} />, { ...services, t: createTranslate(de), locale: 'de' });
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Was wir uns beide wünschen');
    await click(button(root, 'Ich fange an'));
    expect(root.querySelector('.wish-progress')?.textContent).toBe(`Erste Runde · Wunsch 1 von ${DECK.length}`);
    expect(card(root)).toBe(german[0]?.text);
    await click(button(root, 'Das war\'s für mich'));
    expect(root.querySelector('h1')?.textContent).toBe('Weitergeben – nicht spicken');
  });
});
