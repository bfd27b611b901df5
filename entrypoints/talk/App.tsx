import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import { useTheme } from '../../look/useTheme';
import { dayKey } from '../../lib/day';
import type { Prefs } from '../../model/prefs';
import { atClosing, canMove, lastTalkedDay, moveTalk, startTalk, type TalkFlow, type TalkMove } from '../../talk/talk-flow';
import type { Talk } from '../../talk/talks';
import { TalkList } from '../../talk/TalkList';
import type { Track } from '../../tracks/tracks';
import { TalkPrompt } from '../../talk/TalkPrompt';
import { TalkStart } from '../../talk/TalkStart';

export interface TalkActions {
  loadTalks: () => Promise<Talk[]>;
  /** The tracks over weeks, started from this page as from Settings. */
  loadTracks: () => Promise<Track[]>;
  /** Opens today's idea (the popup page) in this tab. */
  openToday: () => void;
}

type Screen = { kind: 'list' } | { kind: 'start'; id: string } | { kind: 'talk'; id: string; flow: TalkFlow };

/** Arrow keys belong to a text field while one has focus. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function App({ actions, initialTalkId = null }: { actions: TalkActions; initialTalkId?: string | null }) {
  const { t, store, now } = useServices();
  const [talks, setTalks] = useState<Talk[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [talkedOn, setTalkedOn] = useState<Map<string, string>>(new Map());
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  /** The last move was Pass: a quiet word says that is fine. */
  const [passed, setPassed] = useState(false);
  useTheme(prefs);

  const readStored = async () => {
    // The conversations work without the database: a page that cannot read it keeps the default look.
    const [storedPrefs, records] = await Promise.all([
      store.readPrefs().catch(() => null),
      store.readTalks().catch(() => []),
    ]);
    if (storedPrefs) setPrefs(storedPrefs);
    const days = new Map<string, string>();
    for (const record of records) {
      const last = lastTalkedDay(record.days);
      if (last) days.set(record.talkId, last);
    }
    setTalkedOn(days);
  };

  useEffect(() => {
    void readStored();
    actions.loadTalks().then(
      (loaded) => {
        setTalks(loaded);
        if (initialTalkId && loaded.some((talk) => talk.id === initialTalkId)) setScreen({ kind: 'start', id: initialTalkId });
      },
      () => setFailed(true),
    );
    return store.onChange(() => void readStored());
  }, []);

  const talk = screen.kind === 'list' ? undefined : talks?.find((x) => x.id === screen.id);
  const flow = screen.kind === 'talk' ? screen.flow : null;
  const closing = flow !== null && atClosing(flow);

  useLayoutEffect(() => {
    // A user-timing mark for `npm run bench`: when the first conversation content shows.
    if (talks && performance.getEntriesByName('tend:talk-shown').length === 0) performance.mark('tend:talk-shown');
  }, [talks]);

  // After a move, focus goes to what changed: the heading of a new screen, or the prompt.
  useLayoutEffect(() => {
    if (!moved.current) return;
    focusTarget.current?.focus();
  }, [screen]);

  // Reaching the closing is having had the conversation.
  useEffect(() => {
    if (!talk || !closing) return;
    const day = dayKey(now());
    store
      .recordTalk(talk.id, day)
      .then(() => setTalkedOn((days) => new Map(days).set(talk.id, day)))
      .catch(() => {});
  }, [talk?.id, closing]);

  const go = (next: Screen) => {
    moved.current = true;
    setScreen(next);
  };
  /** Moves from whatever is showing when it runs, so quick presses in a row each count. */
  const move = (change: TalkMove) => {
    moved.current = true;
    setPassed(change === 'pass');
    setScreen((shown) => {
      if (shown.kind !== 'talk') return shown;
      if (change === 'back' && shown.flow.step === 0) return { kind: 'start', id: shown.id };
      return canMove(shown.flow, change) ? { ...shown, flow: moveTalk(shown.flow, change) } : shown;
    });
  };
  const onTalkScreen = useRef(false);
  onTalkScreen.current = flow !== null;

  // Registered once, so no key press falls between two renders.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!onTalkScreen.current || event.defaultPrevented) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typingIn(event.target)) return;
      if (event.key === 'ArrowRight') move('next');
      else if (event.key === 'ArrowLeft') move('back');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (failed) {
    return (
      <main class="page talk">
        <h1>{t('talkPageTitle')}</h1>
        <p class="notice" role="alert">
          {t('talkNoneLoaded')}
        </p>
      </main>
    );
  }
  if (!talks) {
    return (
      <main class="page talk" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  }

  if (!talk || screen.kind === 'list') {
    return <TalkList talks={talks} talkedOn={talkedOn} focusTarget={focusTarget} onChoose={(id) => go({ kind: 'start', id })} loadTracks={actions.loadTracks} />;
  }
  const toList = () => go({ kind: 'list' });
  if (screen.kind === 'start') {
    return (
      <TalkStart
        talk={talk}
        focusTarget={focusTarget}
        onStart={() => go({ kind: 'talk', id: talk.id, flow: startTalk(talk.prompts.length) })}
        onList={toList}
      />
    );
  }
  return <TalkPrompt talk={talk} flow={screen.flow} focusTarget={focusTarget} move={move} passed={passed} onList={toList} onToday={actions.openToday} />;
}
