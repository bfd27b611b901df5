import type { Prefs } from '../utils/prefs';
import type { NudgeState } from '../utils/nudge-state';
import { isPaused } from '../utils/pause';
import { nudgeShownRecently } from '../utils/status-line';
import { LazyDetails } from './LazyDetails';
import { useServices } from './services';

type Change = (state: NudgeState) => NudgeState;

/**
 * A small disclosure for pausing nudges; "Later" joins it only when a nudge was really shown a short
 * while ago. Paused or off, the status line offers the way back instead, so this stays away.
 * Its choices (NudgeChoices) load when it is first opened.
 */
export function NudgeControls({
  nudge,
  prefs,
  onChange,
  onDone,
}: {
  nudge: NudgeState;
  prefs: Prefs;
  onChange: (change: Change) => Promise<void>;
  /** Tells the person, politely, what their choice did. */
  onDone?: (message: string) => void;
}) {
  const { t, now } = useServices();
  const time = now();
  if (!prefs.nudgesEnabled || prefs.nudgesPerDay < 1 || isPaused(nudge, time)) return null;
  const later = nudgeShownRecently(nudge, time);
  return (
    <LazyDetails class="nudge-menu" summary={t(later ? 'laterOrPauseMenu' : 'pauseMenu')} load={() => import('./NudgeChoices')}>
      {({ NudgeChoices }) => <NudgeChoices later={later} onChange={onChange} onDone={onDone} />}
    </LazyDetails>
  );
}
