import type { ComponentProps } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DbTrouble } from '../../ui/DbTrouble';
import { useLoaded } from '../../ui/useLoaded';
import { Checkbox } from '../../ui/RadioGroup';
import { PresetChoices } from '../../nudges/hours/PresetChoices';
import { useServices } from '../../platform/services';
import { useTheme } from '../../look/useTheme';
import { busyProps, useWrite } from '../../ui/useWrite';
import type { MessageKey } from '../../platform/i18n';
import { INTENSITIES, type Idea, type Intensity } from '../../model/vocabulary';
import type { Prefs } from '../../model/prefs';
import { presetOf, presetWindows, type PresetId } from '../../nudges/hours/presets';
import { parseSetup, SETUP_KEY } from '../../model/setup';

export interface WelcomeActions {
  previewNudge: () => Promise<boolean>;
  /** Opens today's idea: the popup where the browser allows it, else the popup's page in this tab. */
  openToday: () => void;
  /** Built for Firefox: the pin hint names its extensions button, not Chrome's puzzle-piece menu. */
  firefox: boolean;
}

const PER_DAY = [0, 1, 2, 3] as const;
const PER_DAY_LABELS: MessageKey[] = ['perDay_0', 'perDay_1', 'perDay_2', 'perDay_3'];
const INTENSITY_HELP: Record<Intensity, MessageKey> = {
  gentle: 'intensityHelp_gentle',
  warm: 'intensityHelp_warm',
  close: 'intensityHelp_close',
};
/** One fitting idea to show each level by: small, for two, any time of day. */
const EXAMPLE_IDS: Record<Intensity, string> = { gentle: 'touch-002', warm: 'touch-009', close: 'touch-015' };

function exampleFor(ideas: Idea[], intensity: Intensity): Idea | undefined {
  return (
    ideas.find((idea) => idea.id === EXAMPLE_IDS[intensity]) ??
    ideas.find((idea) => idea.intensity === intensity && idea.mode === 'together' && !idea.when && !idea.own)
  );
}

/** 'elsewhere': finished in another tab while this one showed the choices (its form is stale). */
type Phase = 'loading' | 'choosing' | 'done' | 'already' | 'elsewhere';

/** The first page a new install sees: what Tend is, how to find it, and three choices before any nudge. */
export function App({ actions }: { actions: WelcomeActions }) {
  const services = useServices();
  const { t, store, now } = services;
  const [phase, setPhase] = useState<Phase>('loading');
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [preset, setPreset] = useState<PresetId>('evenings');
  const [perDay, setPerDay] = useState(1);
  const [intensity, setIntensity] = useState<Intensity>('warm');
  const [apart, setApart] = useState(false);
  const [examples, setExamples] = useState<Partial<Record<Intensity, Idea>>>({});
  const [previewStatus, setPreviewStatus] = useState('');
  const { busy, run } = useWrite();
  const [saveFailed, setSaveFailed] = useState(false);
  const [customChosen, setCustomChosen] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useTheme(prefs);

  useEffect(() => {
    void (async () => {
      try {
        const [stored, setup] = await Promise.all([store.readPrefs(), store.readState(SETUP_KEY, parseSetup)]);
        setPrefs(stored);
        const current = presetOf(stored.windows);
        setPreset(current === 'custom' ? 'evenings' : current);
        setPerDay(stored.nudgesEnabled ? Math.min(3, Math.max(0, stored.nudgesPerDay)) : 0);
        setApart(stored.livingApart);
        setPhase(setup.finishedAt === null ? 'choosing' : 'already');
      } catch (error) {
        setFailed(error);
      }
    })();
    void services
      .loadIdeas()
      .then((ideas) => setExamples(Object.fromEntries(INTENSITIES.map((level) => [level, exampleFor(ideas, level)]))))
      .catch(() => {});
  }, []);
  useEffect(() => {
    if (phase === 'done' || phase === 'elsewhere') doneRef.current?.focus();
  }, [phase]);
  // Set up in another tab (or the data deleted there): this page's choices are stale, and say so.
  useEffect(() => {
    if (phase !== 'choosing') return;
    return store.onChange((change) => {
      if (change !== 'setup' && change !== 'all') return;
      void store.readState(SETUP_KEY, parseSetup).then((setup) => {
        if (setup.finishedAt !== null) setPhase((p) => (p === 'choosing' ? 'elsewhere' : p));
      });
    });
  }, [phase, store]);

  const start = () => run(async () => {
    setSaveFailed(false);
    try {
      // Written only if no other tab finished the welcome first: newer choices are never overwritten.
      const patch = {
        ...(preset === 'custom' ? {} : { windows: presetWindows(preset) }),
        nudgesEnabled: perDay > 0,
        ...(perDay > 0 ? { nudgesPerDay: perDay } : {}),
        maxIntensity: intensity,
        livingApart: apart,
      };
      const next = await store.finishSetup(patch, now());
      if (!next) return setPhase('elsewhere');
      // Only now is the first nudge planned: exactly one alarm, inside the hours just chosen.
      await services.replanNudges();
      setPrefs(next);
      setCustomChosen(preset === 'custom');
      setPhase('done');
      if (preset === 'custom') services.openPage('/options.html', '#nudges');
    } catch {
      setSaveFailed(true);
    }
  });

  if (failed) return <DbTrouble error={failed} download={services.rescue.download} />;
  if (phase === 'loading') return <p class="muted" aria-busy="true">{t('loading')}</p>;

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <div class="welcome-intro">
        <p>{t('welcomeLine1')}</p>
        <p>{t('welcomeLine2')}</p>
        <p>{t('welcomeLine3')}</p>
        <p>{t('welcomeTalk')}</p>
      </div>
      <p class="notice">{t('aboutPrivacy')}</p>

      {phase === 'elsewhere' && (
        <section aria-labelledby="elsewhere">
          <p id="elsewhere" role="status" tabIndex={-1} ref={doneRef}>
            {t('welcomeSetElsewhere')}
          </p>
          <button type="button" class="primary" onClick={() => services.openPage('/options.html')}>
            {t('openSettings')}
          </button>
        </section>
      )}

      {phase === 'already' && (
        <section aria-labelledby="already">
          <p id="already">{t('welcomeAlready')}</p>
          <button type="button" class="primary" onClick={() => services.openPage('/options.html')}>
            {t('openSettings')}
          </button>
        </section>
      )}

      {phase === 'done' && (
        <section class="welcome-done" aria-label={t('startTend')}>
          <p ref={doneRef} tabIndex={-1} role="status" class="done-line">
            {t('welcomeDone')}
          </p>
          {customChosen && <p class="small">{t('welcomeDoneCustom')}</p>}
          {/* The welcome ends at today's idea; settings stay one step aside. */}
          <div class="welcome-next">
            <button type="button" class="primary" onClick={actions.openToday}>
              {t('welcomeSeeIdea')}
            </button>
            <button type="button" onClick={() => services.openPage('/options.html')}>
              {t('openSettings')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="pin">
        <h2 id="pin">{t('welcomePinHeading')}</h2>
        <p>{actions.firefox ? t('welcomePinFirefox') : t('welcomePinChrome')}</p>
      </section>

      {phase === 'done' && prefs && <LazyPairStep prefs={prefs} save={async (patch) => setPrefs(await store.patchPrefs(patch))} />}

      {phase === 'choosing' && (
        <section aria-labelledby="choices">
          <h2 id="choices">{t('welcomeChoicesHeading')}</h2>
          <PresetChoices
            name="when"
            legend={t('welcomeWhen')}
            value={preset}
            onChange={setPreset}
            customHint="presetHint_custom"
          />
          <fieldset class="radio-group">
            <legend>{t('welcomeHowOften')}</legend>
            {PER_DAY.map((n) => (
              <label key={n} class="choice">
                <input type="radio" name="per-day" value={String(n)} checked={perDay === n} onChange={() => setPerDay(n)} />
                <span>{t(PER_DAY_LABELS[n] as MessageKey)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset class="radio-group">
            <legend>{t('welcomeHowClose')}</legend>
            {INTENSITIES.map((level) => (
              <label key={level} class="choice">
                <input
                  type="radio"
                  name="intensity"
                  value={level}
                  checked={intensity === level}
                  onChange={() => setIntensity(level)}
                />
                <span>
                  {t(`intensity_${level}`)}
                  <span class="hint muted small">{t(INTENSITY_HELP[level])}</span>
                  {examples[level] && (
                    <span class="hint example small">{t('welcomeExample', examples[level]?.text ?? '')}</span>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          <div class="field">
            <Checkbox label={t('livingApart')} hint={t('livingApartHelp')} checked={apart} onChange={setApart} />
          </div>
          <div class="field">
            <p class="small muted">{t('welcomePreviewHelp')}</p>
            <button
              type="button"
              onClick={async () => {
                const shown = await actions.previewNudge();
                setPreviewStatus(shown ? t('previewSent') : t('blockedTitle'));
              }}
            >
              {t('sendPreview')}
            </button>
            <p class="small" role="status">
              {previewStatus}
            </p>
          </div>
          <div class="welcome-start">
            <button type="button" class="primary" {...busyProps(busy)} onClick={() => void start()}>
              {t('startTend')}
            </button>
            {saveFailed && (
              <p class="error" role="alert">
                {t('welcomeSaveFailed')}
              </p>
            )}
          </div>
        </section>
      )}
    </main>
  );
}

/** The pairing step loads once "Start Tend" is done: a welcome that is only looked at never fetches it. */
function LazyPairStep(props: ComponentProps<PairStepType>) {
  const Step = useLoaded(true, () => import('./PairStep').then((m) => m.PairStep));
  return Step ? <Step {...props} /> : null;
}
type PairStepType = (typeof import('./PairStep'))['PairStep'];

