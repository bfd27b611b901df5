import type { NudgeState } from '../utils/nudge-state';
import { pause, snooze, type Pause, type Snooze } from '../utils/pause';
import { useServices } from './services';
import './nudge-choices.css';

const SNOOZE_LABELS = { '15m': 'snooze15m', '1h': 'snooze1h', tomorrow: 'snoozeTomorrow' } as const;
const PAUSE_LABELS = { '1h': 'pause1h', '1d': 'pause1d', '1w': 'pause1w', resume: 'pauseUntilResume' } as const;

type Change = (state: NudgeState) => NudgeState;

/** The choices inside the pause menu (NudgeControls), loaded when the menu is first opened. */
export function NudgeChoices({
  later,
  onChange,
  onDone,
}: {
  /** "Later" joins only when a nudge was really shown a short while ago. */
  later: boolean;
  onChange: (change: Change) => Promise<void>;
  onDone?: (message: string) => void;
}) {
  const { t, now } = useServices();
  const apply = async (change: Change, message: string) => {
    await onChange(change);
    onDone?.(message);
  };
  return (
    <>
      {later && (
        <ChoiceRow
          label={t('remindLater')}
          choices={(Object.keys(SNOOZE_LABELS) as Snooze[]).map((kind) => ({
            label: t(SNOOZE_LABELS[kind]),
            apply: () => apply((s) => snooze(s, kind, now()), t('snoozeDone')),
          }))}
        />
      )}
      <ChoiceRow
        label={t('pauseNudges')}
        choices={(Object.keys(PAUSE_LABELS) as Pause[]).map((kind) => ({
          label: t(PAUSE_LABELS[kind]),
          apply: () => apply((s) => pause(s, kind, now()), t('pauseDone')),
        }))}
      />
    </>
  );
}

/** A labelled row of small buttons. */
function ChoiceRow({ label, choices }: { label: string; choices: { label: string; apply: () => Promise<void> }[] }) {
  return (
    <div class="choice-row" role="group" aria-label={label}>
      <span class="small muted" aria-hidden="true">
        {label}
      </span>
      {choices.map((choice) => (
        <button type="button" key={choice.label} onClick={() => void choice.apply()}>
          {choice.label}
        </button>
      ))}
    </div>
  );
}
