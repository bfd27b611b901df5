import { useServices } from '../platform/services';
import { TrackList } from './TrackList';
import type { Track } from './tracks';

/** Settings › Tracks over weeks: small steps over weeks, one track at a time (TrackList). */
export function TracksSection({ loadTracks }: { loadTracks: () => Promise<Track[]> }) {
  const { t } = useServices();
  return (
    <section aria-labelledby="tracks">
      <h2 id="tracks" tabIndex={-1}>
        {t('tracksHeading')}
      </h2>
      <p class="muted small">{t('tracksHelp')}</p>
      <TrackList loadTracks={loadTracks} />
    </section>
  );
}
