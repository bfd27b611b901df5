import { describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../../model/prefs';
import { presetWindows } from '../../../nudges/hours/presets';
import { describePairCode } from '../../../together/code/describe-pair-code';
import { createPair } from '../../../together/code/pair-code';
import { pairChoicesFrom } from '../../../together/code/pair-payload';

const pairWith = (prefs: Partial<ReturnType<typeof defaultPrefs>>, setAside: string[] = []) =>
  createPair(new Uint8Array(16), {
    zone: 'Europe/Berlin',
    choices: pairChoicesFrom({ ...defaultPrefs(), ...prefs }, setAside),
    libraryFingerprint: 42,
  });

describe('what a pairing code tells', () => {
  it('"weekday evenings 6:30–9:30 PM, weekend afternoons, twice a day, up to warm"', () => {
    const summary = describePairCode(pairWith({ windows: presetWindows('weekday-evenings'), nudgesPerDay: 2 }, ['touch-001', 'care-002']), 42);
    expect(summary).toMatchObject({
      zone: 'Europe/Berlin',
      preset: 'weekday-evenings',
      hours: [
        { days: [1, 2, 3, 4, 5], kind: 'weekdays', windows: [{ start: 1110, end: 1290 }] },
        { days: [0, 6], kind: 'weekend', windows: [{ start: 840, end: 1020 }] },
      ],
      nudgesPerDay: 2,
      spacingMinutes: 90,
      maxIntensity: 'warm',
      maxMinutes: 60,
      hiddenCategories: [],
      setAsideCount: 2,
      apart: false,
      sameLibrary: true,
    });
    expect(summary.reveals).toEqual(['secret', 'zone', 'hours', 'how-often', 'how-close', 'kinds', 'set-aside', 'apart', 'library']);
    expect(describePairCode(pairWith({ livingApart: true })).apart).toBe(true);
  });

  it('groups days with equal hours, leaves out days without, and says when the libraries differ', () => {
    const every = describePairCode(pairWith({}), 7);
    expect(every.hours).toEqual([{ days: [0, 1, 2, 3, 4, 5, 6], kind: 'every-day', windows: [{ start: 1110, end: 1290 }] }]);
    expect(every.sameLibrary).toBe(false);
    const weekends = describePairCode(pairWith({ windows: presetWindows('weekends'), hiddenCategories: ['touch', 'play'] }));
    expect(weekends.hours).toEqual([{ days: [0, 6], kind: 'weekend', windows: [{ start: 660, end: 1140 }] }]);
    expect(weekends.hiddenCategories).toEqual(['touch', 'play']);
    expect(weekends.sameLibrary).toBeNull();
    const odd = describePairCode(pairWith({ windows: [[], [{ start: 60, end: 120 }], [], [{ start: 60, end: 120 }], [], [], []] }));
    expect(odd).toMatchObject({ preset: 'custom', hours: [{ days: [1, 3], kind: 'days' }] });
  });
});
