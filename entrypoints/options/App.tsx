import { useEffect, useRef, useState } from 'preact/hooks';
import { IdeaCard } from '../../components/IdeaCard';
import { Checkbox, RadioGroup } from '../../components/RadioGroup';
import { useServices } from '../../components/services';
import { useTheme } from '../../components/useTheme';
import { WindowsEditor } from '../../components/WindowsEditor';
import { CATEGORIES, INTENSITIES, type Idea } from '../../utils/library';
import { PALETTE_IDS, PALETTES } from '../../utils/palettes';
import type { MessageKey } from '../../utils/i18n';
import { LIMITS, MODE_FILTERS, MOTIONS, THEME_MODES, type Prefs } from '../../utils/prefs';
import { DataSection } from './DataSection';

export interface OptionsActions {
  previewNudge: () => Promise<boolean>;
  notificationsBlocked: () => Promise<boolean>;
  shortcut: () => Promise<string>;
  download: (fileName: string, text: string) => void;
}

const SAMPLE: Idea = {
  id: 'preview',
  category: 'touch',
  text: '',
  minutes: 5,
  mode: 'together',
  intensity: 'gentle',
};
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
};
const SCHEDULE_KEYS: (keyof Prefs)[] = ['nudgesEnabled', 'nudgesPerDay', 'windows', 'spacingMinutes'];
const SPACINGS = [30, 60, 90, 120, 180, 240, 360];
const MAX_MINUTES = [5, 10, 15, 30, 60];

export function App({ actions }: { actions: OptionsActions }) {
  const services = useServices();
  const { t, store } = services;
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  // The latest preferences, so quick changes in a row each build on the one before.
  const latest = useRef<Prefs | null>(null);
  latest.current = prefs;
  const [blocked, setBlocked] = useState(false);
  const [shortcut, setShortcut] = useState('');
  const [previewStatus, setPreviewStatus] = useState('');
  const [perDayText, setPerDayText] = useState('');
  const [hiddenCount, setHiddenCount] = useState(0);
  const [damaged, setDamaged] = useState<(keyof Prefs)[]>([]);
  const [failed, setFailed] = useState(false);
  useTheme(prefs);

  const reload = async () => {
    try {
      const checked = await store.readPrefsChecked();
      setDamaged(checked.damaged);
      setPrefs(checked.prefs);
      setPerDayText(String(checked.prefs.nudgesPerDay));
      setHiddenCount((await store.readAllMarks()).filter((m) => m.hidden).length);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void reload();
    void actions.notificationsBlocked().then(setBlocked);
    void actions.shortcut().then(setShortcut);
  }, []);

  if (failed) return <p role="alert" class="notice">{t('loadError')}</p>;
  if (!prefs) return <p class="muted" aria-busy="true">{t('loading')}</p>;

  const save = async (patch: Partial<Prefs>) => {
    const next = { ...(latest.current ?? prefs), ...patch };
    latest.current = next;
    setPrefs(next);
    await store.writePrefs(next);
    services.announcePrefs(next);
    if (SCHEDULE_KEYS.some((key) => key in patch)) await services.replanNudges();
  };

  const perDayValue = Number(perDayText);
  const perDayValid =
    /^\d+$/.test(perDayText) && perDayValue >= LIMITS.nudgesPerDay.min && perDayValue <= LIMITS.nudgesPerDay.max;

  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
        {damaged.length > 0 && (
          <p class="notice" role="status">
            {t('damagedPrefs', damaged.map((key) => t(PREF_LABELS[key])).join(', '))}
          </p>
        )}
      </header>

      <section aria-labelledby="look">
        <h2 id="look">{t('lookHeading')}</h2>
        <RadioGroup
          name="theme"
          legend={t('theme')}
          value={prefs.themeMode}
          options={THEME_MODES.map((value) => ({ value, label: t(`theme_${value}`) }))}
          onChange={(themeMode) => save({ themeMode })}
        />
        <RadioGroup
          name="palette"
          legend={t('palette')}
          value={prefs.palette}
          options={PALETTE_IDS.map((value) => ({
            value,
            label: t(`palette_${value}`),
            extra: (
              <span
                class="swatch"
                aria-hidden="true"
                ref={(el) => el?.style.setProperty('--swatch', PALETTES[value].light.accent)}
              />
            ),
          }))}
          onChange={(palette) => save({ palette })}
        />
        <div class="field">
          <label for="text-size">{t('textSize')}</label>
          <input
            id="text-size"
            type="range"
            min={LIMITS.textScale.min}
            max={LIMITS.textScale.max}
            step={10}
            value={prefs.textScale}
            aria-valuetext={`${prefs.textScale}%`}
            onChange={(e) => save({ textScale: Number(e.currentTarget.value) })}
          />
          <output for="text-size">{prefs.textScale}%</output>
        </div>
        <RadioGroup
          name="motion"
          legend={t('motion')}
          value={prefs.motion}
          options={MOTIONS.map((value) => ({ value, label: t(`motion_${value}`) }))}
          onChange={(motion) => save({ motion })}
        />
        <div class="preview" aria-label={t('preview')} role="group">
          <p class="eyebrow">{t('preview')}</p>
          <IdeaCard idea={{ ...SAMPLE, text: t('previewIdea') }} headingId="preview-text" />
          <div class="actions" aria-hidden="true">
            <span class="fake-button primary">{t('anotherIdea')}</span>
            <span class="fake-button">{t('favourite')}</span>
          </div>
        </div>
      </section>

      <section aria-labelledby="nudges">
        <h2 id="nudges">{t('nudgesHeading')}</h2>
        <Checkbox label={t('nudgesEnabled')} checked={prefs.nudgesEnabled} onChange={(v) => save({ nudgesEnabled: v })} />
        {blocked && (
          <div class="notice" role="note">
            <p>
              <strong>{t('blockedTitle')}</strong>
            </p>
            <p>{t('blockedHelp')}</p>
          </div>
        )}
        <div class="field">
          <label for="per-day">{t('nudgesPerDay')}</label>
          <input
            id="per-day"
            type="number"
            inputMode="numeric"
            min={LIMITS.nudgesPerDay.min}
            max={LIMITS.nudgesPerDay.max}
            value={perDayText}
            aria-invalid={!perDayValid}
            aria-describedby="per-day-help"
            onInput={(e) => {
              const text = e.currentTarget.value;
              setPerDayText(text);
              const n = Number(text);
              if (/^\d+$/.test(text) && n >= LIMITS.nudgesPerDay.min && n <= LIMITS.nudgesPerDay.max) {
                void save({ nudgesPerDay: n });
              }
            }}
          />
          <p id="per-day-help" class={perDayValid ? 'muted small' : 'error'} role={perDayValid ? undefined : 'alert'}>
            {perDayValid ? t('nudgesPerDayHelp') : t('nudgesPerDayInvalid', String(LIMITS.nudgesPerDay.max))}
          </p>
        </div>
        <div class="field">
          <label for="spacing">{t('spacing')}</label>
          <select
            id="spacing"
            value={String(prefs.spacingMinutes)}
            onChange={(e) => save({ spacingMinutes: Number(e.currentTarget.value) })}
          >
            {[...new Set([...SPACINGS, prefs.spacingMinutes])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={String(m)}>
                  {m === 60 ? t('oneHour') : m < 60 || m % 60 ? t('minutesCount', String(m)) : t('hoursCount', String(m / 60))}
                </option>
              ))}
          </select>
        </div>
        <Checkbox
          label={t('discreet')}
          hint={t('discreetHelp')}
          checked={prefs.discreet}
          onChange={(v) => save({ discreet: v })}
        />
        <Checkbox
          label={t('deferWhenIdle')}
          hint={t('deferWhenIdleHelp')}
          checked={prefs.deferWhenIdle}
          onChange={(v) => save({ deferWhenIdle: v })}
        />
        <Checkbox
          label={t('sticky')}
          hint={import.meta.env.FIREFOX ? t('stickyFirefox') : undefined}
          checked={prefs.stickyNotifications}
          onChange={(v) => save({ stickyNotifications: v })}
        />
        <h3>{t('togetherHours')}</h3>
        <p class="muted small">{t('togetherHoursHelp')}</p>
        <WindowsEditor windows={prefs.windows} onSave={(windows) => save({ windows })} />
        <div class="field">
          <button
            type="button"
            class="primary"
            onClick={async () => {
              const shown = await actions.previewNudge();
              setBlocked(!shown);
              setPreviewStatus(shown ? t('previewSent') : t('blockedTitle'));
            }}
          >
            {t('sendPreview')}
          </button>
          <p class="small" role="status">
            {previewStatus}
          </p>
        </div>
      </section>

      <section aria-labelledby="ideas">
        <h2 id="ideas">{t('ideasHeading')}</h2>
        <fieldset class="radio-group">
          <legend>{t('categories')}</legend>
          {CATEGORIES.map((category) => (
            <Checkbox
              key={category}
              label={t(`category_${category}`)}
              checked={!prefs.hiddenCategories.includes(category)}
              onChange={(on) => {
                const hidden = (latest.current ?? prefs).hiddenCategories;
                void save({
                  hiddenCategories: on
                    ? hidden.filter((c) => c !== category)
                    : CATEGORIES.filter((c) => c === category || hidden.includes(c)),
                });
              }}
            />
          ))}
        </fieldset>
        <RadioGroup
          name="mode"
          legend={t('modeFilter')}
          value={prefs.modeFilter}
          options={MODE_FILTERS.map((value) => ({ value, label: t(`modeFilter_${value}`) }))}
          onChange={(modeFilter) => save({ modeFilter })}
        />
        <RadioGroup
          name="intensity"
          legend={t('maxIntensity')}
          value={prefs.maxIntensity}
          options={INTENSITIES.map((value) => ({ value, label: t(`intensity_${value}`) }))}
          onChange={(maxIntensity) => save({ maxIntensity })}
        />
        <div class="field">
          <label for="max-minutes">{t('maxMinutes')}</label>
          <select
            id="max-minutes"
            value={String(prefs.maxMinutes)}
            onChange={(e) => save({ maxMinutes: Number(e.currentTarget.value) })}
          >
            {[...new Set([...MAX_MINUTES, prefs.maxMinutes])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={String(m)}>
                  {t('minutesCount', String(m))}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <p class="small">{t('hiddenCount', String(hiddenCount))}</p>
          {hiddenCount > 0 && (
            <button
              type="button"
              onClick={async () => {
                for (const mark of await store.readAllMarks()) {
                  if (mark.hidden) await store.updateMark(mark.ideaId, (m) => ({ ...m, hidden: false }));
                }
                setHiddenCount(0);
                services.announcePrefs(prefs);
              }}
            >
              {t('unhideAll')}
            </button>
          )}
        </div>
      </section>

      <DataSection download={actions.download} onChanged={reload} />

      <section aria-labelledby="shortcut">
        <h2 id="shortcut">{t('shortcutHeading')}</h2>
        <p>{shortcut ? t('shortcutIs', shortcut) : t('shortcutNone')}</p>
        <p class="muted small">{t('shortcutHelp')}</p>
      </section>

      <section aria-labelledby="about">
        <h2 id="about">{t('aboutHeading')}</h2>
        <p>{t('aboutWhat')}</p>
        <p>{t('aboutPrivacy')}</p>
        <p>{t('aboutCounsel')}</p>
      </section>
    </main>
  );
}
