import { useEffect, useId, useRef } from 'preact/hooks';
import { useServices } from '../platform/services';
import './checkin.css';

/** When closeness has felt like a job for a while: calm words, who helps, how to find them, a way to talk. */
export function CounsellorCard({ close, level = 2, focusOnOpen = false }: { close: () => void; level?: 2 | 3; focusOnOpen?: boolean }) {
  const { t, openPage } = useServices();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, []);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="checkin-card counsellor-card" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`} class="checkin-question" tabIndex={-1} ref={heading}>
        {t('counsellorHeading')}
      </Heading>
      <p>{t('counsellorCommon')}</p>
      <p>{t('counsellorWhoHelps')}</p>
      <p>{t('counsellorHowToFind')}</p>
      <p>
        <a
          href="/talk.html#talk-changed"
          onClick={(e) => {
            e.preventDefault();
            openPage('/talk.html', '#talk-changed');
          }}
        >
          {t('counsellorTalk')}
        </a>
      </p>
      <button type="button" onClick={close}>
        {t('checkInClose')}
      </button>
    </section>
  );
}
