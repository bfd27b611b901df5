/** The conversations to choose from, each with why it helps, how long it takes and when you last had it. */
import type { ComponentProps, RefObject } from 'preact';
import type { Track } from '../tracks/tracks';
import { useLoaded } from '../ui/useLoaded';
import { useServices } from '../platform/services';
import { formatTalkDay } from './talk-flow';
import type { Talk } from './talks';

export function TalkList({
  talks,
  talkedOn,
  focusTarget,
  onChoose,
  loadTracks,
}: {
  talks: Talk[];
  loadTracks: () => Promise<Track[]>;
  talkedOn: Map<string, string>;
  focusTarget: RefObject<HTMLHeadingElement>;
  onChoose: (id: string) => void;
}) {
  const { t, now, locale } = useServices();
  return (
    <main class="page talk" key="list">
      <header>
        <h1 ref={focusTarget} tabIndex={-1}>
          {t('talkPageTitle')}
        </h1>
        <p class="muted">{t('talkIntro')}</p>
      </header>
      {talks.length === 0 ? (
        <p class="notice" role="status">
          {t('talkNoneLoaded')}
        </p>
      ) : (
        <ul class="talk-list">
          {talks.map((item) => {
            const day = talkedOn.get(item.id);
            return (
              // The whole card answers a click; its one button (whose click comes here too) serves the keyboard.
              <li key={item.id} class="talk-item" onClick={() => onChoose(item.id)}>
                <h2>
                  <button type="button" class="talk-choose">
                    {item.title}
                  </button>
                </h2>
                <p class="talk-why">{item.why}</p>
                <p class="talk-meta">
                  <span>{t('aboutMinutes', String(item.minutes))}</span>
                  {item.forOne && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>{t('modeSoloShort')}</span>
                    </>
                  )}
                  {day && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span class="talked-on">{t('talkedOn', formatTalkDay(day, locale, now()))}</span>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {/* Tracks over weeks start here as in Settings; they load after the conversations are on screen. */}
      <section class="talk-tracks" aria-labelledby="talk-tracks">
        <h2 id="talk-tracks">{t('tracksHeading')}</h2>
        <p class="muted">{t('talkTracksIntro')}</p>
        <LazyTrackList loadTracks={loadTracks} />
      </section>
    </main>
  );
}

type TrackListType = (typeof import('../tracks/TrackList'))['TrackList'];
function LazyTrackList(props: ComponentProps<TrackListType>) {
  const List = useLoaded(true, () => import('../tracks/TrackList').then((m) => m.TrackList));
  return List ? <List {...props} /> : null;
}
