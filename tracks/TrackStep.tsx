import { useUiServices } from '../platform/services';
import { busyProps, useWrite } from '../ui/useWrite';
import type { TrackView } from './track-view';

type Step = Extract<TrackView, { kind: 'step' }>;

/**
 * A running track's step, in today's idea's place: which track and how far ("step 3 of 12"), the step,
 * "We did this" as the one primary action and a quiet "Skip". No dates, nothing missed.
 */
export function TrackStep({ step, onTake }: { step: Step; onTake: (outcome: 'done' | 'skip') => Promise<unknown> }) {
  const { t } = useUiServices();
  const write = useWrite();
  const take = (outcome: 'done' | 'skip') => void write.run(() => onTake(outcome));
  return (
    <>
      <h2 id="today-heading" class="eyebrow">
        {t('trackStepOf', [step.title, String(step.index + 1), String(step.of)])}
      </h2>
      <article class="idea-card track-step" aria-labelledby="idea-text">
        <p class="idea-meta">{t('aboutMinutes', String(step.minutes))}</p>
        <p id="idea-text" class="idea-text">
          {step.text}
        </p>
      </article>
      <div class="actions" role="group" aria-label={t('trackActions')}>
        <button type="button" class="primary" {...busyProps(write.busy)} onClick={() => take('done')}>
          {t('trackDone')}
        </button>
        <div class="quiet-actions">
          <button type="button" class="link" {...busyProps(write.busy)} onClick={() => take('skip')}>
            {t('trackSkip')}
          </button>
        </div>
      </div>
    </>
  );
}

/** Under today's idea: the next step waits for tomorrow, or the track's closing on the day it ended. */
export function TrackLine({ track }: { track: Exclude<TrackView, Step> }) {
  const { t } = useUiServices();
  return track.kind === 'rest' ? (
    <p class="muted small track-line">{t('trackRest', track.title)}</p>
  ) : (
    <div class="notice track-line" role="status">
      <p>{t('trackFinished', track.title)}</p>
      <p>{track.closing}</p>
    </div>
  );
}
