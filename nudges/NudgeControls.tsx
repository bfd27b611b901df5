import type { NudgeMenuProps } from './NudgeChoices';
import { LazyDetails } from '../ui/LazyDetails';
import { useUiServices } from '../platform/services';

/**
 * A small disclosure for pausing nudges; "Later" joins it only when a nudge was really shown a short
 * while ago. Paused or off, the status line offers the way back instead, so the popup leaves this out.
 * Its choices (NudgeChoices) load when it is first opened.
 */
export function NudgeControls(props: NudgeMenuProps) {
  const { t } = useUiServices();
  return (
    <LazyDetails class="nudge-menu" summary={t(props.later ? 'laterOrPauseMenu' : 'pauseMenu')} load={() => import('./NudgeChoices')}>
      {({ NudgeChoices }) => <NudgeChoices {...props} />}
    </LazyDetails>
  );
}
