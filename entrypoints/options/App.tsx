import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../platform/services';
import { DbTrouble } from '../../ui/DbTrouble';
import { useTheme } from '../../look/useTheme';
import type { PrefsPatch } from '../../store/schema';
import type { MessageKey } from '../../platform/i18n';
import type { OptionsActions } from '../../platform/settings-section';
import type { Prefs } from '../../model/prefs';
import { CheckInsSection } from '../../checkin/CheckInsSection';
import { DataSection } from '../../backup/DataSection';
import { IdeasSection } from '../../ideas/IdeasSection';
import { OwnIdeasSection } from '../../ideas/own/OwnIdeasSection';
import { LookSection } from '../../look/LookSection';
import { NudgesSection } from '../../nudges/NudgesSection';
import { TogetherSection } from '../../together/TogetherSection';
import { TracksSection } from '../../tracks/TracksSection';
import { SavedContext, sectionOf } from '../../ui/SectionHead';
import { SectionNav } from './SectionNav';

/** The label a person knows each preference by, to name what could not be read. */
const PREF_LABELS: Record<keyof Prefs, MessageKey> = {
  themeMode: 'theme',
  palette: 'palette',
  textScale: 'textSize',
  motion: 'motion',
  nudgesEnabled: 'nudgesEnabled',
  nudgesPerDay: 'nudgesPerDay',
  windows: 'togetherHours',
  spacingMinutes: 'spacing',
  discreet: 'discreet',
  deferWhenIdle: 'deferWhenIdle',
  stickyNotifications: 'sticky',
  hiddenCategories: 'categories',
  modeFilter: 'modeFilter',
  maxIntensity: 'maxIntensity',
  maxMinutes: 'maxMinutes',
  showOwnIdeas: 'showOwnIdeas',
  livingApart: 'livingApart',
};
const SCHEDULE_KEYS: (keyof Prefs)[] = ['nudgesEnabled', 'nudgesPerDay', 'windows', 'spacingMinutes'];

/** The sections, in page order, with the heading each one's link names. */
const SECTIONS: { id: string; label: MessageKey }[] = [
  { id: 'nudges', label: 'nudgesHeading' },
  { id: 'together', label: 'togetherHeading' },
  { id: 'ideas', label: 'ideasHeading' },
  { id: 'own', label: 'ownHeading' },
  { id: 'checkins', label: 'checkInsHeading' },
  { id: 'tracks', label: 'tracksHeading' },
  { id: 'look', label: 'lookHeading' },
  { id: 'data', label: 'dataHeading' },
  { id: 'about', label: 'aboutHeading' },
];

export function App({ actions }: { actions: OptionsActions }) {
  const services = useServices();
  const { t, store } = services;
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [damaged, setDamaged] = useState<(keyof Prefs)[]>([]);
  const [unreadable, setUnreadable] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const [saved, setSaved] = useState({ section: '', text: '' });
  const savedTimer = useRef<number | undefined>(undefined);
  /** The section of the control last used: pointer or keyboard, whether or not the browser focused it. */
  const touched = useRef('');
  const touch = (e: Event) => (touched.current = sectionOf(e.target as Element));
  /**
   * Saves started and still on their way. What is read shows only while none is (it may predate one),
   * else it is read again when the last ends; a save's result shows only if no later save has started.
   */
  const saves = useRef({ started: 0, open: 0, missed: false });
  useTheme(prefs);

  const reload = async () => {
    const s = saves.current;
    const at = s.started;
    try {
      const checked = await store.readPrefsChecked();
      if (s.open > 0 || at !== s.started) {
        if (s.open > 0) s.missed = true;
        else void reload();
        return;
      }
      setDamaged(checked.damaged);
      setUnreadable(checked.unreadable);
      setPrefs(checked.prefs);
    } catch (error) {
      setFailed(error);
    }
  };
  useEffect(() => {
    void reload();
    void actions.shortcut().then(setShortcut);
    // Writes made elsewhere (another tab, the popup, an import, "Delete all data") show here at once.
    return store.onChange(() => void reload());
  }, []);

  if (failed) return <DbTrouble error={failed} download={actions.download} />;
  if (!prefs) return <p class="muted" aria-busy="true">{t('loading')}</p>;

  /** Writes only the fields that changed, onto what is stored, and says so politely. */
  const save = async (patch: PrefsPatch) => {
    // "Saved" shows in the section of the control that made the change (clicked, typed or changed last).
    const section = touched.current || sectionOf(document.activeElement);
    // The fields a function patch gave against what was stored (it may give none: an Undo refused).
    let fields: Partial<Prefs> = typeof patch === 'function' ? {} : patch;
    const s = saves.current;
    const mine = ++s.started;
    s.open += 1;
    // The choice shows at once, so a re-render while the write is on its way never puts the old value back.
    setPrefs((shown) => shown && { ...shown, ...(typeof patch === 'function' ? patch(shown) : patch) });
    let next: Prefs | null = null;
    try {
      next = await store.patchPrefs(typeof patch === 'function' ? (stored) => (fields = patch(stored)) : patch);
    } finally {
      s.open -= 1;
      if (next && mine === s.started) setPrefs(next);
      // A write that failed leaves what is stored to show; so does a read skipped while this was on its way.
      if (s.open === 0 && (s.missed || !next)) {
        s.missed = false;
        void reload();
      }
    }
    setDamaged((d) => d.filter((key) => !(key in fields)));
    if (SCHEDULE_KEYS.some((key) => key in fields)) await services.replanNudges();
    setSaved({ section: '', text: '' });
    window.clearTimeout(savedTimer.current);
    requestAnimationFrame(() => setSaved({ section, text: t('saved') }));
    savedTimer.current = window.setTimeout(() => setSaved({ section: '', text: '' }), 4000);
  };
  const props = { prefs, save };

  return (
    <SavedContext.Provider value={saved}>
    <div class="options-layout">
      <SectionNav sections={SECTIONS} />
      <main class="options" onClickCapture={touch} onChangeCapture={touch} onInputCapture={touch}>
        <header>
          <h1>{t('optionsTitle')}</h1>
          <p class="muted">{t('optionsIntro')}</p>
          {(unreadable || damaged.length !== 0) && (
            <p class="notice" role="status">
              {unreadable ? t('unreadablePrefs') : t('damagedPrefs', damaged.map((key) => t(PREF_LABELS[key])).join(', '))}
            </p>
          )}
        </header>

        <NudgesSection {...props} actions={actions} />
        <TogetherSection {...props} />
        <IdeasSection {...props} />
        <OwnIdeasSection download={actions.download} />
        <CheckInsSection />
        <TracksSection loadTracks={actions.loadTracks} />
        <LookSection {...props} />
        <DataSection download={actions.download} sync={actions.sync} />

        <section aria-labelledby="about">
          <h2 id="about" tabIndex={-1}>
            {t('aboutHeading')}
          </h2>
          <p>{t('aboutWhat')}</p>
          <p>{t('aboutPrivacy')}</p>
          <p>{t('aboutCounsel')}</p>
          <p>
            <button type="button" onClick={() => services.openPage('/talk.html')}>
              {t('talkTogether')}
            </button>
            {' '}
            <button type="button" onClick={() => services.openPage('/wishes.html')}>
              {t('wishesPageTitle')}
            </button>
          </p>
          <h3>{t('shortcutHeading')}</h3>
          <p>{shortcut ? t('shortcutIs', shortcut) : t('shortcutNone')}</p>
          <p class="muted small">{t('shortcutHelp')}</p>
        </section>
      </main>
    </div>
    </SavedContext.Provider>
  );
}
