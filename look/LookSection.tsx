import { IdeaCard } from '../ideas/IdeaCard';
import { RadioGroup } from '../ui/RadioGroup';
import { SectionHead } from '../ui/SectionHead';
import { useServices } from '../platform/services';
import type { Idea } from '../model/vocabulary';
import { PALETTES } from './palettes';
import { PALETTE_IDS, PREF_RANGES, MOTIONS, THEME_MODES, themeOf } from '../model/prefs';
import { resolveTheme } from './theme';
import type { SectionProps } from '../platform/settings-section';

const SAMPLE: Idea = {
  id: 'preview',
  category: 'touch',
  text: '',
  minutes: 5,
  mode: 'together',
  intensity: 'gentle',
};

/** Theme, palette, text size and motion, with a sample of how an idea looks. */
export function LookSection({ prefs, save }: SectionProps) {
  const { t } = useServices();
  const scheme = resolveTheme(themeOf(prefs), {
    prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
    prefersReducedMotion: false,
  }).scheme;
  return (
  <section aria-labelledby="look">
    <SectionHead id="look" title={t('lookHeading')} />
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
      variant="swatches"
      value={prefs.palette}
      options={PALETTE_IDS.map((value) => ({
        value,
        label: t(`palette_${value}`),
        extra: (
          <span
            class="swatch"
            aria-hidden="true"
            ref={(el) => {
              // The palette as it looks in the mode shown now: its accent on its background.
              el?.style.setProperty('--swatch', PALETTES[value][scheme].accent);
              el?.style.setProperty('--swatch-bg', PALETTES[value][scheme].bg);
            }}
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
        min={PREF_RANGES.textScale.min}
        max={PREF_RANGES.textScale.max}
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
    {/* A sample to look at, not a control: only the idea card, as the popup shows it. */}
    <figure class="preview">
      <figcaption class="eyebrow">{t('previewSample')}</figcaption>
      <IdeaCard idea={{ ...SAMPLE, text: t('previewIdea') }} headingId="preview-text" />
    </figure>
  </section>
  );
}
