import { useEffect, useState } from 'preact/hooks';
import { Checkbox, RadioGroup } from '../../components/RadioGroup';
import { useServices } from '../../components/services';
import { CATEGORIES, INTENSITIES } from '../../utils/library';
import { MODE_FILTERS } from '../../utils/prefs';
import type { SectionProps } from './section';

const MAX_MINUTES = [5, 10, 15, 30, 60];

/** Which ideas Tend offers: kinds, for two or one, how close, how long; ideas set aside. */
export function IdeasSection({ prefs, save }: SectionProps) {
  const { t, store } = useServices();
  const [hiddenCount, setHiddenCount] = useState(0);
  useEffect(() => {
    const count = () => void store.readAllMarks().then((marks) => setHiddenCount(marks.filter((m) => m.hidden).length));
    count();
    return store.onChange((change) => {
      if (change === 'marks' || change === 'all') count();
    });
  }, [store]);
  return (
  <section aria-labelledby="ideas">
    <h2 id="ideas">{t('ideasHeading')}</h2>
    <fieldset class="radio-group">
      <legend>{t('categories')}</legend>
      {CATEGORIES.map((category) => (
        <Checkbox
          key={category}
          label={t(`category_${category}`)}
          checked={!prefs.hiddenCategories.includes(category)}
          onChange={(on) =>
            void save(({ hiddenCategories: hidden }) => ({
              hiddenCategories: on
                ? hidden.filter((c) => c !== category)
                : CATEGORIES.filter((c) => c === category || hidden.includes(c)),
            }))
          }
        />
      ))}
      <Checkbox label={t('showOwnIdeas')} checked={prefs.showOwnIdeas} onChange={(on) => void save({ showOwnIdeas: on })} />
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
          onClick={() => void store.unhideAll()}
        >
          {t('unhideAll')}
        </button>
      )}
    </div>
  </section>
  );
}
