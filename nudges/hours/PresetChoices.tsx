import { describeTimeWindow } from './next-windows';
import { PRESET_IDS, presetWindows, type PresetId } from './presets';
import type { MessageKey } from '../../platform/i18n';
import { useServices } from '../../platform/services';

const LABELS: Record<PresetId, MessageKey> = {
  evenings: 'preset_evenings',
  'weekday-evenings': 'preset_weekdayEvenings',
  weekends: 'preset_weekends',
  custom: 'preset_custom',
};

/** The together-hours presets as radios, each with its hours in words. Shared by the welcome and Settings. */
export function PresetChoices({
  name,
  legend,
  value,
  onChange,
  customHint,
}: {
  name: string;
  legend: string;
  value: PresetId;
  onChange: (id: PresetId) => void;
  customHint: MessageKey;
}) {
  const { t, locale } = useServices();
  const hours = (id: Exclude<PresetId, 'custom'>, day: number) =>
    describeTimeWindow(presetWindows(id)[day]?.[0] ?? { start: 0, end: 0 }, locale);
  const hint = (id: PresetId) =>
    id === 'evenings'
      ? t('presetHint_evenings', hours(id, 1))
      : id === 'weekday-evenings'
        ? t('presetHint_weekdayEvenings', [hours(id, 1), hours(id, 6)])
        : id === 'weekends'
          ? t('presetHint_weekends', hours(id, 6))
          : t(customHint);
  return (
    <fieldset class="radio-group presets">
      <legend>{legend}</legend>
      {PRESET_IDS.map((id) => (
        <label key={id} class="choice">
          <input type="radio" name={name} value={id} checked={value === id} onChange={() => onChange(id)} />
          <span>
            {t(LABELS[id])}
            <span class="hint muted small">{hint(id)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export const presetLabel = (id: PresetId): MessageKey => LABELS[id];
