import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import { createTranslate } from '../../platform/i18n';
import { defaultPrefs, type Prefs } from '../../model/prefs';
import { createNudgeState, type NudgeState } from '../../model/nudge-state';
import { nudgeShownRecently, statusLine, type StatusInput } from '../../nudges/status-line';
import { inTimeZone, tEn } from '../helpers';

const tDe = createTranslate(de);
// Monday 4 May 2026, noon, in Berlin.
const at = (day: number, hour: number, minute = 0) => inTimeZone('Europe/Berlin', () => new Date(2026, 4, day, hour, minute).getTime());
const DONE = { finishedAt: 1 };

/** Intl puts thin and narrow spaces around dashes and before AM/PM; compare words, not spacing. */
const plain = (text: string) => text.replace(/\u2060/g, '').replace(/[\u2009\u202f\u00a0]/g, ' ');

function line(input: Partial<Omit<StatusInput, 'prefs' | 'nudge'>> & { prefs?: Partial<Prefs>; nudge?: Partial<NudgeState> }) {
  return inTimeZone('Europe/Berlin', () => {
    const result = statusLine({
      prefs: { ...defaultPrefs(), ...input.prefs },
      nudge: { ...createNudgeState(), ...input.nudge },
      setup: input.setup ?? DONE,
      now: input.now ?? at(4, 12),
      locale: input.locale ?? 'en',
      t: input.t ?? tEn,
    });
    return result && { text: plain(result.text), action: result.action };
  });
}

describe('statusLine', () => {
  it('asks to finish setting up while the welcome is not done, whatever else is true', () => {
    expect(line({ setup: { finishedAt: null }, prefs: { nudgesEnabled: false } })).toEqual({
      text: 'No nudges until setup is done',
      action: { kind: 'finish-setup', label: 'Finish setting up' },
    });
  });

  it('says nudges are off, with Turn on, when they are switched off or set to none a day', () => {
    const off = { text: 'Nudges are off', action: { kind: 'turn-on', label: 'Turn on' } };
    expect(line({ prefs: { nudgesEnabled: false } })).toEqual(off);
    expect(line({ prefs: { nudgesPerDay: 0 } })).toEqual(off);
  });

  it('names the end of a pause by weekday and time, with Resume', () => {
    expect(line({ nudge: { pausedUntil: at(6, 20, 30) } })).toEqual({
      text: 'Nudges paused until Wed 8:30 PM',
      action: { kind: 'resume', label: 'Resume' },
    });
    expect(line({ nudge: { pausedUntil: at(4, 20, 30) } })?.text).toBe('Nudges paused until 8:30 PM');
    expect(line({ nudge: { pausedUntil: at(20, 20, 30) } })?.text).toBe('Nudges paused until Wed, May 20, 8:30 PM');
    expect(line({ nudge: { pausedIndefinitely: true } })).toEqual({
      text: 'Nudges paused until you resume',
      action: { kind: 'resume', label: 'Resume' },
    });
  });

  it('a pause that has ended is no pause', () => {
    expect(line({ nudge: { pausedUntil: at(4, 11), plannedAt: at(4, 19) } })?.text).toBe('Next nudge: tonight, 6:30–9:30 PM');
  });

  it('names the together-hours window holding the planned nudge: tonight, tomorrow, a weekday', () => {
    expect(line({ nudge: { plannedAt: at(4, 19, 42) } })).toEqual({ text: 'Next nudge: tonight, 6:30–9:30 PM', action: null });
    expect(line({ nudge: { plannedAt: at(5, 18, 31) } })?.text).toBe('Next nudge: tomorrow, 6:30–9:30 PM');
    expect(line({ nudge: { plannedAt: at(7, 21, 0) } })?.text).toBe('Next nudge: Thursday, 6:30–9:30 PM');
  });

  it('says "today" for a window earlier in the day, and a window past midnight by the evening it starts', () => {
    const windows = Array.from({ length: 7 }, () => [{ start: 9 * 60, end: 10 * 60 }, { start: 22 * 60, end: 25 * 60 }]);
    expect(line({ prefs: { windows }, now: at(4, 8), nudge: { plannedAt: at(4, 9, 20) } })?.text).toBe('Next nudge: today, 9:00–10:00 AM');
    expect(line({ prefs: { windows }, now: at(4, 21), nudge: { plannedAt: at(5, 0, 30) } })?.text).toBe('Next nudge: tonight, 10:00 PM–1:00 AM');
  });

  it('without a plan from the worker yet (none stored, or one already due), waits rather than guess', () => {
    expect(line({ now: at(4, 22) })).toBeNull();
    expect(line({ now: at(4, 12), nudge: { plannedAt: at(3, 19) } })).toBeNull();
    expect(line({ now: at(4, 12), nudge: { plannedAt: at(4, 12) } })).toBeNull();
  });

  it('a snooze only moves the planned time: the line never says a nudge comes back', () => {
    const result = line({ now: at(4, 19), nudge: { snoozedUntil: at(4, 19, 15), plannedAt: at(4, 19, 15), lastNudgeAt: at(4, 18, 50) } });
    expect(result?.text).toBe('Next nudge: tonight, 6:30–9:30 PM');
  });

  it('says so when no together hours are set at all', () => {
    expect(line({ prefs: { windows: Array.from({ length: 7 }, () => []) } })).toEqual({
      text: 'No nudge planned: no together hours are set',
      action: null,
    });
  });

  it('speaks German', () => {
    expect(line({ t: tDe, locale: 'de', nudge: { plannedAt: at(4, 19) } })?.text).toBe('Nächste Erinnerung: heute Abend, 18:30–21:30 Uhr');
    expect(line({ t: tDe, locale: 'de', nudge: { plannedAt: at(6, 19) } })?.text).toBe('Nächste Erinnerung: Mittwoch, 18:30–21:30 Uhr');
    expect(line({ t: tDe, locale: 'de', nudge: { pausedUntil: at(6, 20, 30) } })?.text).toBe('Erinnerungen pausieren bis Mi., 20:30');
    expect(line({ t: tDe, locale: 'de', prefs: { nudgesEnabled: false } })?.action?.label).toBe('Einschalten');
  });
});

describe('nudgeShownRecently', () => {
  const now = at(4, 20);
  const state = (lastNudgeAt: number | null) => ({ ...createNudgeState(), lastNudgeAt });
  it('is true only within three hours after a nudge was shown', () => {
    expect(nudgeShownRecently(state(null), now)).toBe(false);
    expect(nudgeShownRecently(state(now - 2 * 3600_000), now)).toBe(true);
    expect(nudgeShownRecently(state(now - 3 * 3600_000), now)).toBe(false);
    // A clock set back never makes a future nudge "recent".
    expect(nudgeShownRecently(state(now + 60_000), now)).toBe(false);
  });
});
