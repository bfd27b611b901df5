/** The nudge alarm while paired: the pair's moments and lines, with pauses and snoozes kept personal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import nudgesJson from '../../assets/library/nudges.json';
import { parseNudgeLines } from '../../model/vocabulary';
import { createNudgeState } from '../../model/nudge-state';
import { presetWindows } from '../../nudges/hours/presets';
import { createPair, encodePairCode } from '../../together/code/pair-code';
import { pairNudges } from '../../together/pair-nudges';
import { insidePairHours, nextPairMoment, pairLineAt, pairRhythmOf, planPairAlarm } from '../../together/pair-schedule';
import { pairChoicesFrom } from '../../together/code/pair-payload';
import { defaultPrefs } from '../../model/prefs';
import { zoneDayKey } from '../../together/zone-time';
import { inZone } from './arbitraries';

const LINES = parseNudgeLines(nudgesJson).map((line) => line.id);
const MINUTE = 60_000;
const on = { nudgesEnabled: true };
const rhythmFor = (seed: number, zone = 'Europe/Berlin') => {
  const choices = { ...pairChoicesFrom(defaultPrefs(), []), windows: presetWindows('evenings'), nudgesPerDay: 2, spacingMinutes: 60 };
  const rhythm = pairRhythmOf(encodePairCode(createPair(new Uint8Array(16).fill(seed), { zone, choices, libraryFingerprint: 1 })));
  if (!rhythm) throw new Error('a code Tend wrote reads back');
  return rhythm;
};

describe('nudges while paired', () => {
  it('both Tends, in any local zone, plan the same moment with the same line; it is one of the pair’s nudges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 60 * 24 * 30 }), async (seed, minutes) => {
        const rhythm = rhythmFor(seed);
        const now = Date.UTC(2026, 2, 15) + minutes * MINUTE;
        const state = createNudgeState();
        const [a, b] = [await inZone('Asia/Tokyo', () => nextPairMoment(rhythm, on, state, now, LINES)), await inZone('America/Adak', () => nextPairMoment(rhythm, on, state, now, LINES))];
        expect(b).toEqual(a);
        if (!a) throw new Error('evening hours hold a nudge every week');
        expect(a.at).toBeGreaterThanOrEqual(now + MINUTE);
        expect(insidePairHours(rhythm)(a.at)).toBe(true);
        const ofDay = await pairNudges(rhythm.secret, rhythm.choices, rhythm.zone, zoneDayKey(a.at, rhythm.zone), LINES);
        expect(ofDay).toContainEqual({ at: a.at, lineId: a.lineId, day: zoneDayKey(a.at, rhythm.zone) });
        expect(await pairLineAt(rhythm, a.at, LINES)).toBe(a.lineId);
      }),
      { numRuns: 60 },
    );
  });

  it('a pause, a nudge not long ago and "off" stay personal; a snooze ends at the first minute of the pair’s hours after it', async () => {
    const rhythm = rhythmFor(9);
    const now = Date.UTC(2026, 5, 1, 10);
    const shared = await nextPairMoment(rhythm, on, createNudgeState(), now, LINES);
    if (!shared) throw new Error('a moment');
    const paused = await nextPairMoment(rhythm, on, { ...createNudgeState(), pausedUntil: shared.at + MINUTE }, now, LINES);
    expect(paused && paused.at).toBeGreaterThan(shared.at);
    expect(await nextPairMoment(rhythm, { nudgesEnabled: false }, createNudgeState(), now, LINES)).toBeNull();
    expect(await nextPairMoment(rhythm, on, { ...createNudgeState(), pausedIndefinitely: true }, now, LINES)).toBeNull();
    const snoozeEnd = shared.at + 5 * MINUTE;
    const snoozed = await nextPairMoment(rhythm, on, { ...createNudgeState(), snoozedUntil: snoozeEnd }, shared.at, LINES);
    expect(snoozed?.lineId).toBeNull();
    expect(snoozed && snoozed.at - snoozeEnd).toBeLessThan(MINUTE);
    expect(await pairLineAt(rhythm, snoozed?.at ?? null, LINES)).toBeNull();
  });

  it('an alarm at the pair’s moment is kept, one elsewhere is moved there, an overdue one is left to fire', async () => {
    const rhythm = rhythmFor(4);
    const now = Date.UTC(2026, 5, 1, 10);
    const next = await nextPairMoment(rhythm, on, createNudgeState(), now, LINES);
    if (!next) throw new Error('a moment');
    expect(await planPairAlarm(rhythm, on, createNudgeState(), now, next.at, false, LINES)).toEqual({ action: 'keep' });
    expect(await planPairAlarm(rhythm, on, createNudgeState(), now, next.at + MINUTE, false, LINES)).toEqual({ action: 'set', at: next.at });
    expect(await planPairAlarm(rhythm, on, createNudgeState(), now, now - MINUTE, false, LINES)).toEqual({ action: 'keep' });
    expect(await planPairAlarm(rhythm, { nudgesEnabled: false }, createNudgeState(), now, next.at, false, LINES)).toEqual({ action: 'clear' });
  });
});
