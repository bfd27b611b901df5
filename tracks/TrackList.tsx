import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../platform/services';
import { busyProps, useWrite } from '../ui/useWrite';
import { useLatest } from '../ui/useLatest';
import { StatusUndoRow, useStatusUndo } from '../ui/StatusUndo';
import { dayKey } from '../lib/day';
import type { TrackProgress } from '../model/track-progress';
import { pauseTrack, startTrack, stopTrack, trackToday } from './track-rules';
import type { Track } from './tracks';
import './tracks.css';

/**
 * The tracks, each with why, its agreement and where it is, and Start (another that ran waits, paused),
 * Pause, Resume, Stop: in Settings › Tracks over weeks and on the talk page. The popup shows the running step.
 */
export function TrackList({ loadTracks }: { loadTracks: () => Promise<Track[]> }) {
  const { t, store, now } = useServices();
  const [tracks, setTracks] = useState<Track[] | null>(null);
  const [progress, setProgress] = useState<TrackProgress[]>([]);
  const feedback = useStatusUndo();
  const { busy, run } = useWrite();
  const latest = useLatest();

  const read = () => latest.read(() => store.readTracks().catch(() => []), setProgress);
  useEffect(() => {
    void loadTracks().then(setTracks, () => setTracks([]));
    void read();
    // A step taken in the popup, an import or "Delete all data" shows here at once.
    return store.onChange((change) => {
      if (change === 'tracks' || change === 'all') void read();
    });
  }, [store]);

  const change = (work: (all: TrackProgress[]) => TrackProgress[], said: string) =>
    run(async () => {
      latest.writing();
      setProgress(await store.updateTracks(work));
      feedback.say(said);
    });

  const where = (track: Track, p: TrackProgress | undefined): string => {
    if (!p) return t('trackNotStarted', String(track.steps.length));
    if (p.state === 'finished') return t('trackAllDone');
    const today = trackToday(p, track, dayKey(now()));
    const step = String(Math.min(p.step + 1, track.steps.length));
    if (p.state === 'paused') return t('trackPausedAt', [step, String(track.steps.length)]);
    return today.kind === 'rest' ? t('trackRestingAt', [step, String(track.steps.length)]) : t('trackAt', [step, String(track.steps.length)]);
  };

  return (
    <>
      {tracks === null ? (
        <p class="muted" aria-busy="true">{t('loading')}</p>
      ) : (
        <ul class="track-list">
          {tracks.map((track) => {
            const p = progress.find((x) => x.trackId === track.id);
            const others = progress.find((x) => x.state === 'running' && x.trackId !== track.id);
            return (
              <li key={track.id} class="track-item">
                <h3 id={`${track.id}-h`}>{track.title}</h3>
                <p>{track.why}</p>
                <p class="track-agreement">{track.agreement}</p>
                <p class="muted small">{where(track, p)}</p>
                <div class="row" role="group" aria-labelledby={`${track.id}-h`}>
                  {p?.state === 'running' ? (
                    <button type="button" {...busyProps(busy)} onClick={() => void change((all) => pauseTrack(all, track.id), t('trackPaused', track.title))}>
                      {t('trackPause')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      {...busyProps(busy)}
                      onClick={() =>
                        void change(
                          (all) => startTrack(all, track.id, now()),
                          others ? t('trackStartedOtherPaused', [track.title, tracks.find((x) => x.id === others.trackId)?.title ?? '']) : t('trackStarted', track.title),
                        )
                      }
                    >
                      {t(p?.state === 'paused' ? 'trackResume' : p?.state === 'finished' ? 'trackAgain' : 'trackStart')}
                    </button>
                  )}
                  {p && (
                    <button type="button" class="link" {...busyProps(busy)} onClick={() => void change((all) => stopTrack(all, track.id), t('trackStopped', track.title))}>
                      {t('trackStop')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <StatusUndoRow state={feedback} rowClass="row" statusClass="small" />
    </>
  );
}
