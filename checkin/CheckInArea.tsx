import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { counsellorDue, isCheckInDue } from './checkin';
import { CheckInCard, focusShowsRing } from './CheckInCard';
import { CHECKIN_HASH } from './CheckInNowLink';
import { CounsellorCard } from './CounsellorCard';
import { useServices } from '../platform/services';
import { useCheckIn } from './useCheckIn';

const askedFor = () => typeof location !== 'undefined' && location.hash === CHECKIN_HASH;

/** Drops #checkin from the address, so the next "Check in now" is a change the page hears. */
function forgetHash(): void {
  if (askedFor()) history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * The popup's place for the check-in: the card when it is due or asked for (#checkin), else the
 * counsellor card when it is due, else nothing. What shows is decided once per opening, so an
 * answer or a write elsewhere never swaps the card under a person's hands.
 */
export function CheckInArea({ invite = false, onOpen }: { invite?: boolean; onOpen?: (open: boolean) => void } = {}) {
  const { t, now, store, openPage } = useServices();
  /** Paired Tends can share the week's word (Settings › Check-ins). */
  const [paired, setPaired] = useState(false);
  useEffect(() => {
    void store.readPair().then((pair) => setPaired(pair !== null), () => {});
  }, [store]);
  // In the popup a card that came by itself waits behind one line until a person opens it.
  const [opened, setOpened] = useState(!invite);
  const inviteId = useId();
  const checkIn = useCheckIn();
  const [view, setView] = useState<{ kind: 'none' | 'counsellor' } | { kind: 'card'; asked: boolean }>({ kind: 'none' });
  const [status, setStatus] = useState('');
  const decided = useRef(false);
  /** A key (not a click, not the page opening) asked for the card: its focus shows the ring. */
  const ring = useRef(false);
  const { data } = checkIn;

  useEffect(() => {
    if (!data || decided.current) return;
    decided.current = true;
    const at = now();
    if (askedFor()) setView({ kind: 'card', asked: true });
    else if (isCheckInDue(data.setupFinishedAt, data.checkIns, data.state, at)) setView({ kind: 'card', asked: false });
    else if (counsellorDue(data.checkIns, data.state, at)) {
      setView({ kind: 'counsellor' });
      // Shown once: the next opening does not bring it again, closed or not.
      void checkIn.counsellorShown();
    }
  }, [data]);

  useEffect(() => {
    const onHash = () => {
      if (!askedFor()) return;
      ring.current = focusShowsRing();
      setStatus('');
      setOpened(true);
      setView({ kind: 'card', asked: true });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const close = () => {
    forgetHash();
    setView({ kind: 'none' });
  };

  const open = view.kind !== 'none' && (opened || (view.kind === 'card' && view.asked));
  useEffect(() => onOpen?.(open), [open]);

  if (!data) return null;
  if (view.kind !== 'none' && !open) {
    const words = t(view.kind === 'card' ? 'checkInQuestion' : 'counsellorHeading');
    return (
      <p class="checkin-invite small">
        <span id={inviteId}>{words}</span>
        <span aria-hidden="true"> · </span>
        <button
          type="button"
          class="link"
          aria-describedby={inviteId}
          onClick={() => {
            ring.current = focusShowsRing();
            setOpened(true);
          }}
        >
          {t(view.kind === 'card' ? 'checkInAnswer' : 'counsellorRead')}
        </button>
      </p>
    );
  }
  if (view.kind === 'card') {
    return (
      <CheckInCard
        key={view.asked ? 'asked' : 'due'}
        earlier={data.checkIns}
        focusOnOpen={view.asked || invite}
        ring={ring.current}
        save={checkIn.answer}
        notNow={async () => {
          close();
          await checkIn.notNow();
          setStatus(t('checkInLater'));
        }}
        close={close}
        share={paired ? () => openPage('/options.html', '#checkins') : undefined}
      />
    );
  }
  if (view.kind === 'counsellor') return <CounsellorCard close={close} focusOnOpen={invite} />;
  // Always in the page, so the polite "comes back tomorrow" is announced; it takes no room while empty.
  return (
    <p class="status checkin-status" role="status">
      {status}
    </p>
  );
}

