import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckInCard, focusShowsRing } from './CheckInCard';
import { Checkbox } from '../ui/RadioGroup';
import { useServices } from '../platform/services';
import { StatusUndoRow, useStatusUndo } from '../ui/StatusUndo';
import { useCheckIn } from './useCheckIn';
import { busyProps, useWrite } from '../ui/useWrite';
import { ANSWER_WORDS } from './checkin';
import { PartnerWordLine, SharedWords } from './SharedWords';
import { usePartnerWords } from './usePartnerWords';
import type { CheckIn } from '../model/records';
import './checkin.css';

/** Settings › Check-ins: weekly on or off, "Check in now", and a plain list of what was answered. */
export function CheckInsSection() {
  const { t, locale, store } = useServices();
  const checkIn = useCheckIn();
  const [open, setOpen] = useState(false);
  // An Undo ends when check-ins change elsewhere (another tab, an import, "Delete all data").
  const feedback = useStatusUndo(store.onChange);
  const { say } = feedback;
  const { busy, run } = useWrite();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const ringOnOpen = useRef(false);
  const deleteAllButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The safe choice is where focus lands: Enter keeps the check-ins.
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const date = (time: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(time);

  const { data } = checkIn;
  const list = data?.checkIns ?? [];
  const partner = usePartnerWords(list);

  const remove = (item: CheckIn) =>
    run(async () => {
      const putBack = await checkIn.remove(item);
      // Already gone (deleted in another tab): nothing to take back.
      if (!putBack) return;
      feedback.offerUndo(putBack, ['checkins']);
      say(t('checkInDeleted'));
    });

  return (
    <section aria-labelledby="checkins">
      <h2 id="checkins">{t('checkInsHeading')}</h2>
      <p class="muted small">{t('checkInsHelp')}</p>
      {data && (
        <Checkbox
          label={t('checkInsWeekly')}
          checked={data.state.weekly}
          onChange={async (on) => {
            await checkIn.setWeekly(on);
            say(t(on ? 'checkInsWeeklyOn' : 'checkInsWeeklyOff'));
          }}
        />
      )}
      <div class="field">
        {open ? (
          <CheckInCard
            level={3}
            focusOnOpen
            ring={ringOnOpen.current}
            earlier={list}
            save={checkIn.answer}
            notNow={() => {
              setOpen(false);
              requestAnimationFrame(() => openButton.current?.focus());
            }}
            close={() => {
              setOpen(false);
              requestAnimationFrame(() => openButton.current?.focus());
            }}
          />
        ) : (
          <button
            type="button"
            ref={openButton}
            onClick={() => {
              // Opened by a key, the question shows its focus ring; by a click, the focus moves quietly.
              ringOnOpen.current = focusShowsRing();
              setOpen(true);
            }}
          >
            {t('checkInNow')}
          </button>
        )}
      </div>

      {data && <SharedWords checkIns={list} partner={partner} />}

      <h3 id="checkins-list">{t('checkInsList')}</h3>
      {list.length === 0 ? (
        <p class="muted">{t('checkInsEmpty')}</p>
      ) : (
        <ul class="checkin-list" aria-labelledby="checkins-list">
          {list.map((item) => (
            <li key={item.id}>
              <div>
                <p>
                  <time dateTime={new Date(item.at).toISOString()}>{date(item.at)}</time>
                  <span aria-hidden="true"> · </span>
                  <span class="checkin-entry-answer">{t(ANSWER_WORDS[item.answer])}</span>
                </p>
                {item.note && <p class="checkin-entry-note">{item.note}</p>}
                <PartnerWordLine opened={partner.opened.get(item.id)} />
              </div>
              <button type="button" aria-label={t('checkInDeleteLabel', date(item.at))} {...busyProps(busy)} onClick={() => void remove(item)}>
                {t('checkInDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <StatusUndoRow state={feedback} rowClass="row" statusClass="small" />

      {list.length > 0 &&
        (!confirming ? (
          <button type="button" ref={deleteAllButton} onClick={() => setConfirming(true)}>
            {t('checkInsDeleteAll')}
          </button>
        ) : (
          <div class="notice" role="group" aria-labelledby="checkins-delete-confirm">
            <p id="checkins-delete-confirm">{t('checkInsDeleteAllConfirm')}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                ref={keep}
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => deleteAllButton.current?.focus());
                }}
              >
                {t('checkInsKeep')}
              </button>
              <button
                type="button"
                {...busyProps(busy)}
                onClick={() =>
                  void run(async () => {
                    await checkIn.removeAll();
                    setConfirming(false);
                    feedback.offerUndo(null);
                    say(t('checkInsAllDeleted'));
                  })
                }
              >
                {t('checkInsDeleteAllYes')}
              </button>
            </div>
          </div>
        ))}
    </section>
  );
}
