/** The form for one idea of your own (new or edited), and the choices it shares with bringing in many. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RadioGroup } from '../../ui/RadioGroup';
import { useServices } from '../../platform/services';
import type { Translate } from '../../platform/i18n';
import { CATEGORIES, IDEA_TEXT_MAX, INTENSITIES, MODES, type Category, type Intensity, type Mode } from '../../model/vocabulary';
import { type OwnIdeaFields } from './own-ideas';
import { useWrite } from '../../ui/useWrite';
import { checkTypedIdea } from './own-text';

export const DEFAULT_FIELDS: OwnIdeaFields = { text: '', category: 'talk', mode: 'together', minutes: null, intensity: 'gentle' };

/** The list itself, apart, so that typing elsewhere in the section does not re-render a thousand ideas. */
/** The kind of an idea, as one of the ten kinds; the same in the single and the bulk form. */
export function KindSelect({ id, value, onChange }: { id: string; value: Category; onChange: (category: Category) => void }) {
  const { t } = useServices();
  return (
    <>
      <label for={id}>{t('ownKind')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Category)}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category_${c}`)}
          </option>
        ))}
      </select>
    </>
  );
}

export const modeOptions = (t: Translate) => MODES.map((value) => ({ value, label: t(`ownMode_${value}`) }));
export const intensityOptions = (t: Translate) => INTENSITIES.map((value) => ({ value, label: t(`ownIntensity_${value}`) }));

/** Text, kind, for two or one, minutes and closeness: adding one idea, or editing one in place. */
export function IdeaForm({
  idPrefix,
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onEdit,
  resetOnSuccess = false,
  autoFocus = false,
}: {
  idPrefix: string;
  label?: string;
  initial: OwnIdeaFields;
  submitLabel: string;
  /** Resolves to null when done, or to a message about the text ('' when the message is shown elsewhere). */
  onSubmit: (fields: OwnIdeaFields) => Promise<string | null>;
  onCancel?: () => void;
  onEdit?: () => void;
  resetOnSuccess?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useServices();
  const [text, setText] = useState(initial.text);
  const [category, setCategory] = useState<Category>(initial.category);
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [minutes, setMinutes] = useState(initial.minutes === null ? '' : String(initial.minutes));
  const [intensity, setIntensity] = useState<Intensity>(initial.intensity);
  const [textError, setTextError] = useState('');
  const [minutesError, setMinutesError] = useState(false);
  const { busy, run } = useWrite();
  const textRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, []);

  const length = text.trim().length;
  const over = length - IDEA_TEXT_MAX;
  const edited = () => {
    setTextError('');
    onEdit?.();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const wantedMinutes = minutes.trim() === '' ? null : Number(minutes);
    const minutesOk = wantedMinutes === null || (Number.isInteger(wantedMinutes) && wantedMinutes >= 1 && wantedMinutes <= 60);
    setMinutesError(!minutesOk);
    const checked = checkTypedIdea(text, t);
    if ('message' in checked || over > 0) {
      setTextError('message' in checked ? checked.message : t('ownTextOver', String(over)));
      textRef.current?.focus();
      return;
    }
    if (!minutesOk) return;
    const submitted = checked.text;
    const problem = await run(() => onSubmit({ text: submitted, category, mode, minutes: wantedMinutes, intensity }));
    if (problem === undefined) return;
    if (problem) {
      setTextError(problem);
      textRef.current?.focus();
    } else if (problem === null && resetOnSuccess && textRef.current?.value.trim() === submitted) {
      // Ready for the next one, unless the person already started typing it.
      setText('');
      setMinutes('');
      textRef.current?.focus();
    }
  };

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label} noValidate>
      <div class="field">
        <label for={id('text')}>{t('ownText')}</label>
        <input
          ref={textRef}
          id={id('text')}
          type="text"
          value={text}
          aria-invalid={textError !== '' || over > 0}
          aria-describedby={`${id('count')}${textError ? ` ${id('text-error')}` : ''}`}
          onInput={(e) => {
            setText(e.currentTarget.value);
            edited();
          }}
        />
        <p id={id('count')} class="small muted">
          {over > 0 ? t('ownTextOver', String(over)) : t('ownTextCount', String(length))}
        </p>
        {textError && (
          <p id={id('text-error')} class="error" role="alert">
            {textError}
          </p>
        )}
      </div>
      <div class="field">
        <KindSelect id={id('kind')} value={category} onChange={setCategory} />
      </div>
      <RadioGroup
        name={id('mode')}
        legend={t('ownMode')}
        value={mode}
        options={modeOptions(t)}
        onChange={setMode}
      />
      <div class="field">
        <label for={id('minutes')}>{t('ownMinutes')}</label>
        <input
          id={id('minutes')}
          type="number"
          min={1}
          max={60}
          step={1}
          value={minutes}
          aria-invalid={minutesError}
          aria-describedby={minutesError ? id('minutes-error') : undefined}
          onInput={(e) => {
            setMinutes(e.currentTarget.value);
            setMinutesError(false);
          }}
        />
        {minutesError && (
          <p id={id('minutes-error')} class="error" role="alert">
            {t('ownMinutesInvalid')}
          </p>
        )}
      </div>
      <RadioGroup
        name={id('intensity')}
        legend={t('ownIntensity')}
        value={intensity}
        options={intensityOptions(t)}
        onChange={setIntensity}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('ownCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

