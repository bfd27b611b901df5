/** The conversations to choose from, each with why it helps, how long it takes and when you last had it. */
import type { RefObject } from 'preact';
import { useServices } from '../platform/services';
import { formatTalkDay } from './talk-flow';
import type { Talk } from './talks';

export function TalkList({
  talks,
  talkedOn,
  focusTarget,
  onChoose,
}: {
  talks: Talk[];
  talkedOn: Map<string, string>;
  focusTarget: RefObject<HTMLHeadingElement>;
  onChoose: (id: string) => void;
}) {
  const { t, now, locale, openPage } = useServices();
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
      <p class="muted talk-tracks">
        {t('talkTracksIntro')}{' '}
        <button type="button" class="link" onClick={() => openPage('/options.html', '#tracks')}>
          {t('tracksHeading')}
        </button>
      </p>
    </main>
  );
}
