import type { Prefs } from '../utils/prefs';
import { isPaused, isSnoozed, pause, resume, snooze, type NudgeState, type Pause, type Snooze } from '../utils/schedule';
import { formatWhen } from './format';
import { useServices } from './services';

const SNOOZE_LABELS = { '15m': 'snooze15m', '1h': 'snooze1h', tomorrow: 'snoozeTomorrow' } as const;
const PAUSE_LABELS = { '1h': 'pause1h', '1d': 'pause1d', '1w': 'pause1w', resume: 'pauseUntilResume' } as const;

/** Snooze, pause and resume, with the paused state and when it ends. */
export function NudgeControls({
  nudge,
  prefs,
  onChange,
}: {
  nudge: NudgeState;
  prefs: Prefs;
  onChange: (change: (state: NudgeState) => NudgeState) => Promise<void>;
}) {
  const { t, now, locale } = useServices();
  const time = now();
  if (!prefs.nudgesEnabled) return <p class="muted small">{t('nudgesOff')}</p>;
  const paused = isPaused(nudge, time);
  return (
    <section class="nudges" aria-label={t('nudgesHeading')}>
      {paused ? (
        <div class="paused">
          <p>
            {nudge.pausedIndefinitely
              ? t('pausedUntilResume')
              : t('pausedUntil', formatWhen(nudge.pausedUntil as number, locale, time))}
          </p>
          <button type="button" class="primary" onClick={() => onChange(resume)}>
            {t('resume')}
          </button>
        </div>
      ) : (
        <details>
          <summary>{t('nudgesMenu')}</summary>
          {isSnoozed(nudge, time) && (
            <p class="small">{t('snoozedUntil', formatWhen(nudge.snoozedUntil as number, locale, time))}</p>
          )}
          <ChoiceRow
            label={t('remindLater')}
            choices={(Object.keys(SNOOZE_LABELS) as Snooze[]).map((kind) => ({
              label: t(SNOOZE_LABELS[kind]),
              apply: (s: NudgeState) => snooze(s, kind, now()),
            }))}
            onChange={onChange}
          />
          <ChoiceRow
            label={t('pauseNudges')}
            choices={(Object.keys(PAUSE_LABELS) as Pause[]).map((kind) => ({
              label: t(PAUSE_LABELS[kind]),
              apply: (s: NudgeState) => pause(s, kind, now()),
            }))}
            onChange={onChange}
          />
        </details>
      )}
    </section>
  );
}

type Change = (state: NudgeState) => NudgeState;

/** A labelled row of buttons, each changing the nudge state its own way. */
function ChoiceRow({
  label,
  choices,
  onChange,
}: {
  label: string;
  choices: { label: string; apply: Change }[];
  onChange: (change: Change) => Promise<void>;
}) {
  return (
    <div class="choice-row" role="group" aria-label={label}>
      <span class="small muted" aria-hidden="true">
        {label}
      </span>
      {choices.map((choice) => (
        <button type="button" key={choice.label} onClick={() => onChange(choice.apply)}>
          {choice.label}
        </button>
      ))}
    </div>
  );
}
