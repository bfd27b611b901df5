/**
 * "What we'd both like": two people on one screen go through the deck in turn; only the wishes both chose
 * show. Each person's own choices live only in this component's memory (the round) and are gone once the
 * result shows; nothing of a round is written anywhere unless "Keep our list" keeps the common wishes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../platform/services';
import { useTheme } from '../look/useTheme';
import type { Prefs } from '../model/prefs';
import { KEPT_WISHES_KEY, parseKeptWishes, type KeptWishList } from '../model/kept-wishes';
import type { Idea } from '../model/vocabulary';
import { answer, back, finishTurn, startRound, startSecond, type WishRound } from './wish-round';
import type { Wish } from './wishes';
import { WishDeck } from './WishDeck';
import { WishResult, type Fits } from './WishResult';
import { KeptLists } from './KeptLists';

export interface WishesActions {
  loadWishes: () => Promise<Wish[]>;
  /** The guided conversations' titles by id, for a wish whose fitting thing is a conversation. */
  loadTalkTitles: () => Promise<Map<string, string>>;
  openTalk: (id: string) => void;
}

export function WishesPage({ actions }: { actions: WishesActions }) {
  const { t, store, loadIdeas, random, now } = useServices();
  const [deck, setDeck] = useState<Wish[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [kept, setKept] = useState<KeptWishList[]>([]);
  const [fits, setFits] = useState<Fits>({ ideas: new Map(), talks: new Map() });
  const [round, setRound] = useState<WishRound>({ step: 'intro' });
  const [keptNow, setKeptNow] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useTheme(prefs);

  const readStored = async () => {
    const [storedPrefs, lists] = await Promise.all([
      store.readPrefs().catch(() => null),
      store.readState(KEPT_WISHES_KEY, parseKeptWishes).catch(() => []),
    ]);
    if (storedPrefs) setPrefs(storedPrefs);
    setKept(lists);
  };

  useEffect(() => {
    void readStored();
    actions.loadWishes().then(
      (wishes) => (wishes.length > 0 ? setDeck(wishes) : setFailed(true)),
      () => setFailed(true),
    );
    // The fitting ideas and conversations are extras: without them, the wishes still work.
    void Promise.all([loadIdeas().catch((): Idea[] => []), actions.loadTalkTitles().catch(() => new Map<string, string>())]).then(
      ([ideas, talks]) => setFits({ ideas: new Map(ideas.map((idea) => [idea.id, idea.text])), talks }),
    );
    return store.onChange(() => void readStored());
  }, []);

  // A new screen (a turn, the hand-over, the result) brings the focus to its heading.
  useLayoutEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [round.step, round.step === 'choosing' ? round.person : 0]);

  const ids = deck?.map((wish) => wish.id) ?? [];
  const go = (change: (shown: WishRound) => WishRound) => {
    moved.current = true;
    setKeptNow(null);
    setNote('');
    setRound(change);
  };

  const keep = async (common: readonly string[]) => {
    const list: KeptWishList = { id: `kept-${now()}-${Math.floor(random() * 1e9)}`, at: now(), wishIds: [...common] };
    try {
      await store.updateState(KEPT_WISHES_KEY, parseKeptWishes, (lists) => parseKeptWishes([list, ...lists]));
      setKeptNow(list.id);
      await readStored();
    } catch {
      setKeptNow('failed');
    }
  };
  const remove = async (id: string) => {
    await store.updateState(KEPT_WISHES_KEY, parseKeptWishes, (lists) => lists.filter((list) => list.id !== id));
    await readStored();
    // The button is gone with its list: the focus goes back to the page's heading, and the deletion is said.
    heading.current?.focus();
    setNote(t('wishesListDeleted'));
  };

  if (failed) {
    return (
      <main class="page wishes">
        <h1>{t('wishesPageTitle')}</h1>
        <p class="notice" role="alert">
          {t('wishesNoneLoaded')}
        </p>
      </main>
    );
  }
  if (!deck) {
    return (
      <main class="page wishes" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  }

  if (round.step === 'choosing') {
    return (
      <WishDeck
        key={round.person}
        deck={deck}
        person={round.person}
        index={round.index}
        heading={heading}
        onAnswer={(like) => go((shown) => answer(shown, ids, like))}
        onBack={() => setRound((shown) => back(shown, ids))}
        onDone={() => go((shown) => finishTurn(shown, ids))}
      />
    );
  }
  if (round.step === 'handover') {
    // Nothing of the first turn shows here: only the way to hand over.
    return (
      <main class="page wishes wishes-handover" key="handover">
        <h1 ref={heading} tabIndex={-1}>
          {t('wishesHandoverTitle')}
        </h1>
        <p>{t('wishesHandoverText')}</p>
        <button type="button" class="primary" onClick={() => go(startSecond)}>
          {t('wishesSecondStart')}
        </button>
      </main>
    );
  }
  const keptLists = (
    <>
      <KeptLists lists={kept} deck={deck} onDelete={remove} />
      <p class="small" role="status">
        {note}
      </p>
    </>
  );
  if (round.step === 'result') {
    return (
      <WishResult
        common={round.common}
        deck={deck}
        fits={fits}
        heading={heading}
        kept={keptNow}
        onKeep={() => void keep(round.common)}
        onAgain={() => go(startRound)}
        onTalk={actions.openTalk}
      >
        {keptLists}
      </WishResult>
    );
  }
  return (
    <main class="page wishes" key="intro">
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {t('wishesPageTitle')}
        </h1>
        <p>{t('wishesIntro')}</p>
        <p class="muted">{t('wishesIntroTurns')}</p>
      </header>
      <button type="button" class="primary" onClick={() => go(startRound)}>
        {t('wishesStart')}
      </button>
      {keptLists}
    </main>
  );
}
