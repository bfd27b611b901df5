import { useServices } from '../platform/services';
import type { SectionProps } from '../platform/settings-section';
import { Together } from './pair-view/Together';

/** Settings › Together: pairing this Tend with the partner's, with a code sent once. */
export function TogetherSection(props: SectionProps) {
  const { t } = useServices();
  return (
    <section aria-labelledby="together">
      <h2 id="together" tabIndex={-1}>
        {t('togetherHeading')}
      </h2>
      <Together {...props} />
    </section>
  );
}
