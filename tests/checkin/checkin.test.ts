import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_WORDS, checkInNowOffered, cleanNote, counsellorDue, isCheckInDue, leaningSentenceKey, offeredTalk, staysHard } from '../../checkin/checkin';
import { createCheckInState, parseCheckInState, type CheckInState, CHECKIN_ANSWERS, parseCheckIn, type CheckIn, type CheckInAnswer } from '../../model/records';
import { DAY, HOUR, dayKey, dayKeyBefore } from '../../lib/day';
import { parseBackup } from '../../backup/backup';
import { inTimeZone, tEn } from '../helpers';

const ON = createCheckInState();
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const at = (iso: string) => new Date(iso).getTime();

let seq = 0;
const checkIn = (time: number, answer: CheckInAnswer = 'mixed', note = ''): CheckIn => ({ id: `c${++seq}`, at: time, answer, note });
/** Weekly answers, oldest first, ending `endAt`. */
const weekly = (answers: CheckInAnswer[], endAt: number): CheckIn[] =>
  answers.map((answer, i) => checkIn(endAt - (answers.length - 1 - i) * 7 * DAY, answer));

describe('the check-in state record', () => {
  it('falls back to defaults for missing or damaged fields', () => {
    expect(parseCheckInState(undefined)).toEqual(ON);
    expect(parseCheckInState('x')).toEqual(ON);
    expect(parseCheckInState({ weekly: false, notNowDay: 'today', counsellorShownAt: -5 })).toEqual({ ...ON, weekly: false });
    expect(parseCheckInState({ weekly: 'no', notNowDay: '2026-05-04', counsellorShownAt: 12 })).toEqual({
      weekly: true,
      notNowDay: '2026-05-04',
      counsellorShownAt: 12,
    });
  });

  it('never throws and always gives a usable state', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const state = parseCheckInState(raw);
        expect(typeof state.weekly).toBe('boolean');
        expect(state.notNowDay === null || /^\d{4}-\d{2}-\d{2}$/.test(state.notNowDay)).toBe(true);
      }),
    );
  });
});

describe('when the check-in is due', () => {
  const setup = at('2026-05-04T20:00:00+02:00'); // a Monday evening in Berlin

  it('waits for the welcome, then comes on the 7th day after it, from the first opening that day', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(isCheckInDue(null, [], ON, setup + 30 * DAY)).toBe(false);
      expect(isCheckInDue(setup, [], ON, setup + 6 * DAY)).toBe(false);
      expect(isCheckInDue(setup, [], ON, at('2026-05-10T23:59:00+02:00'))).toBe(false);
      expect(isCheckInDue(setup, [], ON, at('2026-05-11T00:01:00+02:00'))).toBe(true);
      expect(isCheckInDue(setup, [], ON, setup + 40 * DAY)).toBe(true);
    });
  });

  it('"Check in now" is offered from the same day the first check-in comes, or once one was answered', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(checkInNowOffered(null, [], setup + 30 * DAY)).toBe(false);
      expect(checkInNowOffered(setup, [], setup + HOUR)).toBe(false);
      expect(checkInNowOffered(setup, [], at('2026-05-10T23:59:00+02:00'))).toBe(false);
      expect(checkInNowOffered(setup, [], at('2026-05-11T00:01:00+02:00'))).toBe(true);
      expect(checkInNowOffered(setup, [checkIn(setup + DAY)], setup + 2 * DAY)).toBe(true);
      // A welcome dated ahead of the clock holds nothing back.
      expect(checkInNowOffered(setup + 5 * DAY, [], setup)).toBe(true);
    });
  });

  it('counts from the last answer after that', () => {
    inTimeZone('Europe/Berlin', () => {
      const answered = at('2026-05-12T08:00:00+02:00');
      expect(isCheckInDue(setup, [checkIn(answered)], ON, at('2026-05-18T22:00:00+02:00'))).toBe(false);
      expect(isCheckInDue(setup, [checkIn(answered)], ON, at('2026-05-19T07:00:00+02:00'))).toBe(true);
      // The newest counts, whatever order the list is in.
      expect(isCheckInDue(setup, [checkIn(answered), checkIn(answered - 20 * DAY)], ON, at('2026-05-18T22:00:00+02:00'))).toBe(false);
    });
  });

  it('is never due when weekly check-ins are off', () => {
    expect(isCheckInDue(setup, [], { ...ON, weekly: false }, setup + 100 * DAY)).toBe(false);
  });

  it('"Not now" hides it for the rest of the day; it is back with the next day\'s first opening', () => {
    inTimeZone('America/New_York', () => {
      const now = setup + 10 * DAY;
      const state: CheckInState = { ...ON, notNowDay: dayKey(now) };
      expect(isCheckInDue(setup, [], state, now)).toBe(false);
      expect(isCheckInDue(setup, [], state, new Date(now).setHours(23, 59))).toBe(false);
      expect(isCheckInDue(setup, [], state, new Date(now + DAY).setHours(0, 1))).toBe(true);
      // An old "Not now" holds nothing back.
      expect(isCheckInDue(setup, [], { ...ON, notNowDay: '2020-01-01' }, now)).toBe(true);
    });
  });

  it('across a clock change: the same weekday a week on, not an hour early or a day late', () => {
    inTimeZone('Europe/Berlin', () => {
      // Saturday 28 March 2026, 23:30; clocks go forward on the 29th.
      const answered = at('2026-03-28T23:30:00+01:00');
      expect(isCheckInDue(setup, [checkIn(answered)], ON, at('2026-04-04T23:59:00+02:00'))).toBe(true);
      expect(isCheckInDue(setup, [checkIn(answered)], ON, at('2026-04-03T23:59:00+02:00'))).toBe(false);
      // 00:30 on the Saturday before clocks go back: 168 hours later is still the Friday.
      const autumn = at('2026-10-24T00:30:00+02:00');
      expect(dayKey(autumn + 7 * DAY)).toBe('2026-10-30');
      expect(isCheckInDue(setup, [checkIn(autumn)], ON, autumn + 7 * DAY)).toBe(false);
      expect(isCheckInDue(setup, [checkIn(autumn)], ON, at('2026-10-31T00:00:00+01:00'))).toBe(true);
    });
  });

  const time = fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2090-01-01T00:00:00Z') });
  const answers = fc.array(fc.record({ offset: fc.integer({ min: -60 * DAY, max: 60 * DAY }), answer: fc.constantFrom(...CHECKIN_ANSWERS) }), {
    maxLength: 6,
  });

  it('in every time zone: never due before 6 days minus an hour after the last answer, always due 7 days and 2 hours after', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), time, fc.integer({ min: 0, max: 20 * DAY }), answers, (zone, now, since, others) => {
        inTimeZone(zone, () => {
          const last = now - since;
          // Every other answer is older than the last one.
          const list = [checkIn(last), ...others.map((o) => checkIn(last - Math.abs(o.offset) - 1, o.answer))];
          const due = isCheckInDue(last - 30 * DAY, list, ON, now);
          if (since < 6 * DAY - HOUR) expect(due).toBe(false);
          if (since >= 7 * DAY + 2 * HOUR) expect(due).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('whatever the dates, even ones far in the future, the next check-in is never more than 7 days and 2 hours away', () => {
    const past = fc.integer({ min: -60 * DAY, max: 0 });
    const ahead = fc.integer({ min: 7 * DAY + 2 * HOUR + 1, max: 400 * DAY });
    const offsets = fc.array(fc.record({ offset: fc.oneof(past, ahead), answer: fc.constantFrom(...CHECKIN_ANSWERS) }), { maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), time, fc.oneof(past, ahead), offsets, (zone, now, setupOffset, others) => {
        inTimeZone(zone, () => {
          const list = others.map((o) => checkIn(now + o.offset, o.answer));
          // "Not now" today too: a week on, that is long past.
          const state = { ...ON, notNowDay: dayKey(now) };
          expect(isCheckInDue(now + setupOffset, list, state, now + 7 * DAY + 2 * HOUR)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('"Not now" in any zone holds the card back until the local day changes, and no longer than a day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), time, fc.integer({ min: 0, max: 47 * HOUR }), (zone, now, later) => {
        inTimeZone(zone, () => {
          const setupAt = now - 30 * DAY;
          const state = { ...ON, notNowDay: dayKey(now) };
          const then = now + later;
          expect(isCheckInDue(setupAt, [], state, then)).toBe(dayKey(then) !== dayKey(now));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a trip across time zones moves it by a day at most', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), time, fc.integer({ min: 0, max: 9 * DAY }), (home, away, last, since) => {
        const now = last + since;
        const dueAway = inTimeZone(away, () => isCheckInDue(last - DAY, [checkIn(last)], ON, now));
        const dueHome = inTimeZone(home, () => isCheckInDue(last - DAY, [checkIn(last)], ON, now));
        if (since < 6 * DAY - 26 * HOUR) expect(dueAway || dueHome).toBe(false);
        if (since >= 8 * DAY + 2 * HOUR) expect(dueAway && dueHome).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a future check-in (a clock that was ahead, an imported file) is kept but never holds the next one back', () => {
    inTimeZone('UTC', () => {
      const now = at('2026-06-01T12:00:00Z');
      const future = checkIn(now + 300 * DAY, 'job');
      const recent = checkIn(now - DAY, 'mixed');
      expect(isCheckInDue(now - 60 * DAY, [future, recent], ON, now)).toBe(false);
      expect(isCheckInDue(now - 60 * DAY, [future, recent], ON, now + 6 * DAY)).toBe(true);
      // Only a future one and a future welcome: nothing holds the card back.
      expect(isCheckInDue(now + DAY, [future], ON, now)).toBe(true);
      expect(dayKeyBefore(now, -7)).toBe('2026-06-08');
    });
  });
});

describe('the counsellor card', () => {
  const now = at('2026-06-01T12:00:00Z');

  it('comes after two "Like a job" answers in a row', () => {
    expect(staysHard(weekly(['connecting', 'job', 'job'], now))).toBe(true);
    expect(counsellorDue(weekly(['connecting', 'job', 'job'], now), ON, now)).toBe(true);
    expect(counsellorDue(weekly(['job'], now), ON, now)).toBe(false);
    expect(counsellorDue(weekly(['job', 'mixed'], now), ON, now)).toBe(false);
    expect(counsellorDue(weekly(['job', 'connecting', 'job'], now), ON, now)).toBe(false);
  });

  it('comes after three of the last five', () => {
    expect(counsellorDue(weekly(['job', 'mixed', 'job', 'connecting', 'job'], now), ON, now)).toBe(true);
    expect(counsellorDue(weekly(['mixed', 'job', 'mixed', 'job', 'connecting', 'job'], now), ON, now)).toBe(true);
    // The sixth answer back no longer counts.
    expect(counsellorDue(weekly(['job', 'mixed', 'job', 'connecting', 'mixed', 'job'], now), ON, now)).toBe(false);
  });

  it('reads the answers newest first, whatever order they are given in', () => {
    const list = weekly(['mixed', 'job', 'job'], now);
    expect(counsellorDue([...list].reverse(), ON, now)).toBe(true);
    expect(counsellorDue(weekly(['job', 'job', 'mixed'], now), ON, now)).toBe(false);
  });

  it('shows once, then at most once every four weeks, and only after a new answer', () => {
    const list = weekly(['job', 'job'], now);
    const shown = { ...ON, counsellorShownAt: now };
    expect(counsellorDue(list, shown, now + HOUR)).toBe(false);
    expect(counsellorDue(list, shown, now + 27 * DAY)).toBe(false);
    // Four weeks on with no new answer: nothing new to answer.
    expect(counsellorDue(list, shown, now + 28 * DAY)).toBe(false);
    // A new "Like a job" three weeks on: still within four weeks of the card.
    const more = [...list, checkIn(now + 21 * DAY, 'job')];
    expect(counsellorDue(more, shown, now + 21 * DAY + HOUR)).toBe(false);
    const later = [...more, checkIn(now + 28 * DAY, 'job')];
    expect(counsellorDue(later, shown, now + 28 * DAY + HOUR)).toBe(true);
  });

  it('old answers bring no card (an old backup imported)', () => {
    expect(counsellorDue(weekly(['job', 'job'], now - 60 * DAY), ON, now)).toBe(false);
  });

  it('a "shown" time ahead of the clock holds nothing back for good', () => {
    expect(counsellorDue(weekly(['job', 'job'], now), { ...ON, counsellorShownAt: now + 365 * DAY }, now)).toBe(true);
  });

  it('property: never due without a hard run; never twice within four weeks', () => {
    const answer = fc.constantFrom(...CHECKIN_ANSWERS);
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 10 }), fc.integer({ min: 0, max: 60 * DAY }), fc.integer({ min: 0, max: 27 * DAY }), (list, shownAgo, gap) => {
        const checkIns = weekly(list, now);
        const jobs = list.slice(-5).filter((a) => a === 'job').length;
        const hard = (list.at(-1) === 'job' && list.at(-2) === 'job') || jobs >= 3;
        expect(staysHard(checkIns)).toBe(hard);
        if (!hard) expect(counsellorDue(checkIns, ON, now)).toBe(false);
        const shownAt = now - shownAgo;
        expect(counsellorDue(checkIns, { ...ON, counsellorShownAt: shownAt }, shownAt + gap)).toBe(false);
      }),
    );
  });
});

describe('what an answer says', () => {
  it('one sentence for each answer, in English and German', async () => {
    const de = (await import('../../public/_locales/de/messages.json')).default as Record<string, { message: string }>;
    for (const answer of CHECKIN_ANSWERS) {
      const key = leaningSentenceKey(answer);
      expect(tEn(key)).toMatch(/^This week Tend leans toward [^.]+\.$/);
      expect(de[key]?.message).toMatch(/^Diese Woche [^.]+\.$/);
    }
    expect(tEn(leaningSentenceKey('job'))).toContain('letting go of scripts');
  });

  it('the answers are worded exactly as described, never as grades', () => {
    expect(CHECKIN_ANSWERS.map((a) => tEn(ANSWER_WORDS[a]))).toEqual(['Like connecting', 'Mixed', 'Like a job']);
  });

  it('a conversation after "Mixed" or "Like a job", none after "Like connecting", a different one the next time', () => {
    expect(offeredTalk('connecting', [])).toBeNull();
    const first = offeredTalk('job', []);
    const second = offeredTalk('job', [checkIn(1, 'job')]);
    expect(first?.id).toBe('talk-pressure');
    expect(second?.id).not.toBe(first?.id);
    expect(offeredTalk('mixed', [checkIn(1, 'job')])?.id).toBe('talk-this-month');
  });

  it('every offered conversation exists', async () => {
    const talks = (await import('../../assets/library/talks.json')).default as { id: string }[];
    const ids = new Set(talks.map((t) => t.id));
    for (const answer of CHECKIN_ANSWERS) {
      for (let i = 0; i < 4; i++) {
        const offer = offeredTalk(answer, Array.from({ length: i }, () => checkIn(1, answer)));
        if (offer) expect(ids.has(offer.id), offer.id).toBe(true);
      }
    }
  });

  it('a note is trimmed and kept within 280 characters', () => {
    expect(cleanNote('  tired, but we laughed  ', 280)).toBe('tired, but we laughed');
    expect(cleanNote('x'.repeat(400), 280)).toHaveLength(280);
  });
});

describe('stored and imported check-ins', () => {
  it('keeps good ones and refuses bad notes, unknown answers and broken times', () => {
    expect(parseCheckIn({ id: 'a', at: 5, answer: 'job', note: 'long week' })).toEqual({ id: 'a', at: 5, answer: 'job', note: 'long week' });
    expect(parseCheckIn({ id: 'a', at: 5, answer: 'job' })).toEqual({ id: 'a', at: 5, answer: 'job', note: '' });
    expect(parseCheckIn({ id: 'a', at: 5, answer: 'job', note: 'x'.repeat(281) })).toBeNull();
    expect(parseCheckIn({ id: 'a', at: 5, answer: 'job', note: 42 })).toBeNull();
    expect(parseCheckIn({ id: 'a', at: 5, answer: 'great' })).toBeNull();
    expect(parseCheckIn({ id: 'a', at: 5, answer: 3 })).toBeNull();
    expect(parseCheckIn({ id: 'a', at: -1, answer: 'job' })).toBeNull();
    expect(parseCheckIn({ id: 'a', at: Number.NaN, answer: 'job' })).toBeNull();
    expect(parseCheckIn({ id: '', at: 5, answer: 'job' })).toBeNull();
  });

  it('keeps a check-in dated in the future (it is shown; due-ness counts it as now)', () => {
    const future = Date.now() + 365 * DAY;
    expect(parseCheckIn({ id: 'f', at: future, answer: 'mixed' })?.at).toBe(future);
  });

  it('property: whatever is stored, a parsed check-in is well formed', () => {
    fc.assert(
      fc.property(fc.record({ id: fc.string(), at: fc.oneof(fc.double(), fc.integer()), answer: fc.string(), note: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(undefined)) }), (raw) => {
        const parsed = parseCheckIn(raw);
        if (parsed) {
          expect(CHECKIN_ANSWERS).toContain(parsed.answer);
          expect(parsed.note.length).toBeLessThanOrEqual(280);
          expect(Number.isFinite(parsed.at) && parsed.at >= 0).toBe(true);
        }
      }),
    );
  });

  it('an import with a bad check-in says so, and nothing is taken from it', () => {
    const good = { id: 'a', at: 5, answer: 'job', note: '' };
    const file = (checkins: unknown[]) => JSON.stringify({ app: 'tend', schema: 3, prefs: {}, checkins });
    const ok = parseBackup(file([good]));
    expect(ok.ok && ok.snapshot.checkins).toEqual([good]);
    for (const bad of [{ ...good, answer: 'great' }, { ...good, note: 'x'.repeat(281) }, { ...good, at: 'monday' }]) {
      const parsed = parseBackup(file([good, bad]));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toEqual({ code: 'unreadable-entries', part: 'checkins', count: 1 });
    }
  });
});
