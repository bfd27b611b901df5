import type { NudgeChoice } from '../utils/popup-view';
import { LazyDetails } from './LazyDetails';
import { useUiServices } from './services';

/**
 * A small disclosure for pausing nudges; "Later" joins it only when a nudge was really shown a short
 * while ago. Paused or off, the status line offers the way back instead, so the popup leaves this out.
 * Its choices (NudgeChoices) load when it is first opened.
 */
export function NudgeControls({
  later,
  onChoose,
  onDone,
}: {
  later: boolean;
  onChoose: (choice: NudgeChoice) => Promise<unknown>;
  /** Tells the person, politely, what their choice did. */
  onDone?: (message: string) => void;
}) {
  const { t } = useUiServices();
  return (
    <LazyDetails class="nudge-menu" summary={t(later ? 'laterOrPauseMenu' : 'pauseMenu')} load={() => import('./NudgeChoices')}>
      {({ NudgeChoices }) => <NudgeChoices later={later} onChoose={onChoose} onDone={onDone} />}
    </LazyDetails>
  );
}
