import { useEffect, useState } from 'preact/hooks';
import { PresetChoices, presetLabel } from './hours/PresetChoices';
import { Checkbox, RadioGroup } from '../ui/RadioGroup';
import { SectionHead } from '../ui/SectionHead';
import { useServices } from '../platform/services';
import { WeekPicture } from './hours/WeekPicture';
import { PairHoursNote } from '../together/pair-view/PairHoursNote';
import { WindowsEditor } from './hours/WindowsEditor';
import type { PrefsPatch } from '../store/schema';
import { nudgesThatFit } from './hours/nudges-that-fit';
import { PREF_RANGES, type WeekWindows } from '../model/prefs';
import type { MessageKey } from '../platform/i18n';
import { presetOf, presetWindows, type PresetId } from './hours/presets';
import { sameJson } from '../lib/same-json';
import type { OptionsActions, SectionProps } from '../platform/settings-section';

const SPACINGS = [30, 60, 90, 120, 180, 240, 360];
/** "No nudges for now", then once to six times a day: the welcome's choices, and the rest up to the most. */
const PER_DAY = Array.from({ length: PREF_RANGES.nudgesPerDay.max + 1 }, (_, n) => String(n));

/** An Undo of the hours: `previous` back only while the stored hours are still the ones it undoes. */
const undoHours = (previous: WeekWindows, expected: WeekWindows): PrefsPatch => (stored) =>
  sameJson(stored.windows, expected) ? { windows: previous } : {};

/** Whether, how often and when nudges come, and how they look. */
export function NudgesSection({ prefs, save: savePrefs, actions }: SectionProps & { actions: OptionsActions }) {
  const { t, store } = useServices();
  const [blocked, setBlocked] = useState(false);
  const [previewStatus, setPreviewStatus] = useState('');
  const [nextAt, setNextAt] = useState<number | null>(null);
  /** "I'll set my own hours" was chosen: the per-day editor is open even while the hours still match a preset. */
  const [ownHours, setOwnHours] = useState(false);
  const [editing, setEditing] = useState(false);
  /** The message after a preset was chosen; `previous` makes it undoable at once. */
  const [presetNote, setPresetNote] = useState<{ text: string; previous: WeekWindows | null; set?: WeekWindows } | null>(null);

  const readNext = () => void store.readNudgeState().then((s) => setNextAt(s.plannedAt));
  useEffect(() => {
    void actions.notificationsBlocked().then(setBlocked);
    readNext();
    // The worker re-plans after a nudge or a snooze; its writes arrive here.
    return store.onChange((change) => {
      if (change === 'state' || change === 'all') readNext();
    });
  }, [store]);
  // This page's own saves re-plan the nudge before they resolve: read the new time after each.
  const save = async (patch: PrefsPatch) => {
    await savePrefs(patch);
    readNext();
  };
  const fit = nudgesThatFit(prefs.windows, prefs.spacingMinutes);
  const preset: PresetId = ownHours ? 'custom' : presetOf(prefs.windows);
  const off = !prefs.nudgesEnabled || prefs.nudgesPerDay === 0;
  const perDay = off ? '0' : String(Math.min(prefs.nudgesPerDay, PREF_RANGES.nudgesPerDay.max));

  const choosePreset = (id: PresetId) => {
    if (id === 'custom') {
      setOwnHours(true);
      setEditing(true);
      setPresetNote(null);
      return;
    }
    setOwnHours(false);
    const previous = prefs.windows;
    const set = presetWindows(id);
    setPresetNote({ text: t('presetChosen', t(presetLabel(id))), previous, set });
    void save({ windows: set });
  };
  const undoPreset = (previous: WeekWindows, set: WeekWindows) => {
    setPresetNote({ text: t('hoursRestored'), previous: null });
    void save(undoHours(previous, set));
  };
  const spacingText = (m: number) =>
    m === 60 ? t('oneHour') : m < 60 || m % 60 ? t('minutesCount', String(m)) : t('hoursCount', String(m / 60));

  return (
  <section aria-labelledby="nudges">
    <SectionHead id="nudges" title={t('nudgesHeading')} />
    <RadioGroup
      name="per-day"
      legend={t('welcomeHowOften')}
      value={perDay}
      options={PER_DAY.map((n) => ({ value: n, label: t(`perDay_${n}` as MessageKey) }))}
      onChange={(n) => save(n === '0' ? { nudgesEnabled: false } : { nudgesEnabled: true, nudgesPerDay: Number(n) })}
      describedBy="per-day-fit"
    />
    <p id="per-day-fit" class="small" role="status">
      {fit !== null && !off && prefs.nudgesPerDay > fit ? t('nudgesFit', [String(fit), spacingText(prefs.spacingMinutes)]) : ''}
    </p>
    <div class="field">
      <button
        type="button"
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
    {blocked && (
      <div class="notice" role="note">
        <p>
          <strong>{t('blockedTitle')}</strong>
        </p>
        <p>{t('blockedHelp')}</p>
      </div>
    )}
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
    <h3 id="together-hours">{t('togetherHours')}</h3>
    {off && (
      <p id="when-off" class="when-off small">
        {t('whenOff')}
      </p>
    )}
    {/* Off, the hours wait: greyed, still readable, and out of the way of the keyboard until nudges are on. */}
    <div class="when-part" role="group" aria-labelledby="together-hours" inert={off}>
      <p class="muted small">{t('togetherHoursHelp')}</p>
      <PairHoursNote />
      <PresetChoices
        name="preset"
        legend={t('welcomeWhen')}
        value={preset}
        onChange={choosePreset}
        customHint="presetHint_customSettings"
      />
      <p class="small row" role="status">
        {presetNote && <span>{presetNote.text}</span>}
        {/* The Undo ends once the hours changed since (another tab, an import, "Delete all data"). */}
        {presetNote?.previous && presetNote.set && sameJson(prefs.windows, presetNote.set) && (
          <button type="button" class="link" onClick={() => undoPreset(presetNote.previous as WeekWindows, presetNote.set as WeekWindows)}>
            {t('undoHours')}
          </button>
        )}
      </p>
      <WeekPicture windows={prefs.windows} nextAt={off ? null : nextAt} />
      <details class="edit-by-day" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
        <summary>{t('editByDay')}</summary>
        <WindowsEditor windows={prefs.windows} onSave={(windows, expected) => save(expected ? undoHours(windows, expected) : { windows })} />
      </details>
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
                {spacingText(m)}
              </option>
            ))}
        </select>
      </div>
    </div>
  </section>
  );
}
