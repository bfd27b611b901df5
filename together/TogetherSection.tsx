import { useServices } from '../platform/services';
import type { SectionProps } from '../platform/settings-section';
import { Together } from './pair-view/Together';
import { SectionHead } from '../ui/SectionHead';

/** Settings › Together: pairing this Tend with the partner's, with a code sent once. */
export function TogetherSection(props: SectionProps) {
  const { t } = useServices();
  return (
    <section aria-labelledby="together">
      <SectionHead id="together" title={t('togetherHeading')} />
      <Together {...props} />
    </section>
  );
}
