import { useEffect, useState } from 'preact/hooks';
import { Checkbox, RadioGroup } from '../ui/RadioGroup';
import { SectionHead } from '../ui/SectionHead';
import { useServices } from '../platform/services';
import type { PrefsPatch } from '../store/schema';
import { CATEGORIES, INTENSITIES, type Idea } from '../model/vocabulary';
import { ownIdeaToIdea } from './own/own-ideas';
import { eligibleIdeas } from './picker';
import { MODE_FILTERS, type Prefs } from '../model/prefs';
import type { SectionProps } from '../platform/settings-section';

const MAX_MINUTES = [5, 10, 15, 30, 60];

/** Which ideas Tend offers: kinds, for two or one, how close, how long; ideas set aside. */
export function IdeasSection({ prefs, save: saveNow }: SectionProps) {
  const { t, store, loadIdeas } = useServices();
  const [pool, setPool] = useState<{ library: Idea[]; own: Idea[]; hidden: Set<string> } | null>(null);
  /** A change that would leave no idea at all, waiting for "Save anyway". */
  const [pending, setPending] = useState<PrefsPatch | null>(null);
  useEffect(() => {
    const read = () =>
      void Promise.all([loadIdeas(), store.readOwnIdeas(), store.readAllMarks()]).then(([library, own, marks]) =>
        setPool({ library, own: own.map(ownIdeaToIdea), hidden: new Set(marks.filter((m) => m.hidden).map((m) => m.ideaId)) }),
      );
    read();
    return store.onChange((change) => {
      if (change === 'marks' || change === 'ownIdeas' || change === 'all') read();
    });
  }, [store]);
  const hiddenCount = pool?.hidden.size ?? 0;
  const matching = (p: Prefs) => (pool ? eligibleIdeas([...pool.library, ...(p.showOwnIdeas ? pool.own : [])], p, pool.hidden).length : null);
  const count = matching(prefs);
  /** Saves at once, unless the change would leave no idea: then it asks first. */
  const save = async (patch: PrefsPatch) => {
    const fields = typeof patch === 'function' ? patch(prefs) : patch;
    if (count !== null && count > 0 && matching({ ...prefs, ...fields }) === 0) return setPending(() => patch);
    setPending(null);
    await saveNow(patch);
  };
  return (
  <section aria-labelledby="ideas">
    <SectionHead id="ideas" title={t('ideasHeading')} />
    <p id="ideas-count" class="small" role="status">
      {count !== null && t(count === 1 ? 'ideasMatchOne' : 'ideasMatch', String(count))}
    </p>
    {pending && (
      <div class="notice" role="alert">
        <p>{t('ideasNoneWarning')}</p>
        <div class="row">
          <button type="button" class="primary" autoFocus onClick={() => setPending(null)}>
            {t('ideasNoneKeep')}
          </button>
          <button
            type="button"
            onClick={() => {
              const patch = pending;
              setPending(null);
              void saveNow(patch);
            }}
          >
            {t('ideasNoneSave')}
          </button>
        </div>
      </div>
    )}
    <div class="field">
      <Checkbox
        label={t('livingApart')}
        hint={t('livingApartHelp')}
        checked={prefs.livingApart}
        onChange={(on) => void save({ livingApart: on })}
      />
    </div>
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
