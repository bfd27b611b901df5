import type { Pause, Snooze } from './pause';
import type { NudgeChoice } from '../ideas/popup-request';
import { useUiServices } from '../platform/services';
import './nudge-choices.css';

const SNOOZE_LABELS = { '15m': 'snooze15m', '1h': 'snooze1h', tomorrow: 'snoozeTomorrow' } as const;
const PAUSE_LABELS = { '1h': 'pause1h', '1d': 'pause1d', '1w': 'pause1w', resume: 'pauseUntilResume' } as const;

/** What the pause menu (NudgeControls) and its choices are given. */
export interface NudgeMenuProps {
  /** "Later" joins only when a nudge was really shown a short while ago. */
  later: boolean;
  onChoose: (choice: NudgeChoice) => Promise<unknown>;
  /** Tells the person, politely, what their choice did. */
  onDone?: (message: string) => void;
}

/** The choices inside the pause menu (NudgeControls), loaded when the menu is first opened. */
export function NudgeChoices({ later, onChoose, onDone }: NudgeMenuProps) {
  const { t } = useUiServices();
  /** `message` null: the status line says it already ("Nudges paused until …"), so it is said once. */
  const apply = async (choice: NudgeChoice, message: string | null) => {
    await onChoose(choice);
    if (message !== null) onDone?.(message);
  };
  return (
    <>
      {later && (
        <ChoiceRow
          label={t('remindLater')}
          choices={(Object.keys(SNOOZE_LABELS) as Snooze[]).map((kind) => ({
            label: t(SNOOZE_LABELS[kind]),
            apply: () => apply({ snooze: kind }, t('snoozeDone')),
          }))}
        />
      )}
      <ChoiceRow
        label={t('pauseNudges')}
        choices={(Object.keys(PAUSE_LABELS) as Pause[]).map((kind) => ({
          label: t(PAUSE_LABELS[kind]),
          apply: () => apply({ pause: kind }, null),
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
