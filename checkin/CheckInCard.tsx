import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ANSWER_WORDS, leaningSentenceKey, noteProblem, offeredTalk } from './checkin';
import { CHECKIN_ANSWERS, CHECKIN_NOTE_MAX, type CheckIn, type CheckInAnswer } from '../model/records';
import { useServices } from '../platform/services';
import { busyProps, useWrite } from '../ui/useWrite';
import './checkin.css';

/** Whether the focused control shows its ring, that is, whether a key (not a click) brought the focus there. */
export function focusShowsRing(): boolean {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return false;
  try {
    return focused.matches(':focus-visible');
  } catch {
    return false;
  }
}

/**
 * "How has closeness felt this week?": three answers that describe (never grade), a private note and
 * "Not now". After an answer: one sentence on what Tend leans toward this week and, after "Mixed" or
 * "Like a job", one conversation for two.
 */
export function CheckInCard({
  earlier,
  save,
  notNow,
  close,
  level = 2,
  focusOnOpen = false,
  ring = false,
  share,
}: {
  /** The check-ins before this one (to offer a conversation not offered last time). */
  earlier: CheckIn[];
  /** Stores the answer under the card's one id, so a second Save adds nothing. */
  save: (answer: CheckInAnswer, note: string, id: string) => Promise<CheckIn>;
  notNow: () => void;
  close: () => void;
  level?: 2 | 3;
  /** Move focus to the question (when a person asked for the card, not when it came by itself). */
  focusOnOpen?: boolean;
  /** A key opened the card (focusShowsRing, read as it was asked for): the focus shows its ring. */
  ring?: boolean;
  /** Paired: after an answer, a quiet way to where the word is shared with the partner's Tend. */
  share?: () => void;
}) {
  const { t, openPage, now, random } = useServices();
  const id = useId();
  // One answer per card: its id is made once, and the store adds a check-in with a known id only once.
  const [checkInId] = useState(() => `ci-${now().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`);
  const { busy, run } = useWrite();
  const [choice, setChoice] = useState<CheckInAnswer | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [answered, setAnswered] = useState<{ checkIn: CheckIn; earlier: CheckIn[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const Heading = level === 2 ? 'h2' : 'h3';

  useEffect(() => {
    const target = heading.current;
    if (!focusOnOpen || !target) return;
    // Moved by the page (a click, an opening): focus without a ring; after a key, the ring as usual.
    target.toggleAttribute('data-quiet-focus', !ring);
    target.focus({ focusVisible: ring } as FocusOptions);
  }, []);
  useEffect(() => {
    // The answers are gone once saved: focus goes on to what the answer does.
    if (answered) result.current?.focus();
  }, [answered]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!choice) return setProblem(t('checkInChooseFirst'));
    if (noteProblem(note)) return setProblem(t('textNotPlain'));
    const before = earlier;
    void run(async () => {
      if (answered) return;
      try {
        const checkIn = await save(choice, note, checkInId);
        setProblem('');
        setAnswered({ checkIn, earlier: before });
      } catch {
        setProblem(t('checkInFailed'));
      }
    });
  };

  const offer = answered ? offeredTalk(answered.checkIn.answer, answered.earlier) : null;

  return (
    <section class="checkin-card" aria-labelledby={`${id}-q`}>
      <Heading id={`${id}-q`} class="checkin-question" tabIndex={-1} ref={heading}>
        {t('checkInQuestion')}
      </Heading>
      {answered ? (
        <div class="checkin-result" tabIndex={-1} ref={result}>
          <p role="status">{t('checkInThanks')}</p>
          <p class="checkin-leaning">{t(leaningSentenceKey(answered.checkIn.answer))}</p>
          {offer && (
            <p>
              <a
                href={`/talk.html#${offer.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  openPage('/talk.html', `#${offer.id}`);
                }}
              >
                {t(offer.label)}
              </a>
            </p>
          )}
          {share && (
            <p>
              <button type="button" class="link" onClick={share}>
                {t('checkInShareLink')}
              </button>
            </p>
          )}
          <button type="button" onClick={close}>
            {t('checkInClose')}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <fieldset class="checkin-answers" aria-labelledby={`${id}-q`}>
            {CHECKIN_ANSWERS.map((answer) => (
              <label key={answer} class="checkin-answer">
                <input
                  type="radio"
                  name={`${id}-answer`}
                  value={answer}
                  checked={choice === answer}
                  onChange={() => {
                    setChoice(answer);
                    setProblem('');
                  }}
                />
                <span>{t(ANSWER_WORDS[answer])}</span>
              </label>
            ))}
          </fieldset>
          <div class="checkin-note">
            <label for={`${id}-note`}>{t('checkInNote')}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={CHECKIN_NOTE_MAX}
              aria-describedby={`${id}-note-help`}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
            <p id={`${id}-note-help`} class="muted small">
              {t('checkInNoteHelp')}
            </p>
          </div>
          {problem && (
            <p class="checkin-problem" role="alert">
              {problem}
            </p>
          )}
          <div class="checkin-actions">
            <button type="submit" class="primary" {...busyProps(busy)}>
              {t('checkInSave')}
            </button>
            <button type="button" class="ghost" onClick={notNow}>
              {t('checkInNotNow')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
