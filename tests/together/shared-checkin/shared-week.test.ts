import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOpening, answerToShare, fittingTalk, pairWeekOf, weeksOpenAt } from '../../../together/shared-checkin/shared-week';
import { dayNumberOfKey, keyOfDayNumber, wallToEpoch, weekdayOfKey, zoneDayKey } from '../../../together/zone-time';
import type { CheckIn } from '../../../model/records';

const ZONES = ['Europe/Berlin', 'Asia/Tokyo', 'America/Adak', 'Pacific/Kiritimati', 'UTC'];
const MONDAY = dayNumberOfKey('2026-11-30');
const at = (zone: string, key: string, minutes: number) => wallToEpoch(zone, key, minutes);
const checkIn = (time: number, answer: CheckIn['answer'] = 'mixed'): CheckIn => ({ id: `c-${time}`, at: time, answer, note: '' });

describe("the pair's week", () => {
  it('runs from Monday 00:00 to Sunday 23:59 on the pair zone\'s wall clock, wherever the machine is', () => {
    for (const zone of ZONES) {
      expect(pairWeekOf(at(zone, '2026-11-30', 0), zone)).toBe(MONDAY);
      expect(pairWeekOf(at(zone, '2026-12-06', 23 * 60 + 59), zone)).toBe(MONDAY);
      expect(pairWeekOf(at(zone, '2026-11-29', 23 * 60 + 59), zone)).toBe(MONDAY - 7);
      expect(pairWeekOf(at(zone, '2026-12-07', 0), zone)).toBe(MONDAY + 7);
    }
  });

  it('property: is a Monday, holds the moment, and is the same for every moment of one pair day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (time, zone) => {
        const week = pairWeekOf(time, zone);
        const day = dayNumberOfKey(zoneDayKey(time, zone));
        expect(weekdayOfKey(keyOfDayNumber(week))).toBe(1);
        expect(day - week).toBeGreaterThanOrEqual(0);
        expect(day - week).toBeLessThan(7);
        expect(weeksOpenAt(time, zone)).toEqual([week, week - 7]);
      }),
    );
  });
});

describe('which answers are shared and which open a word', () => {
  const zone = 'Asia/Tokyo';
  const now = at(zone, '2026-12-02', 20 * 60);

  it('shares the newest answer of this week or the last, never one ahead of the clock or older', () => {
    const older = checkIn(at(zone, '2026-11-20', 12 * 60));
    const last = checkIn(at(zone, '2026-11-27', 12 * 60));
    const ahead = checkIn(now + 86_400_000);
    expect(answerToShare([older, ahead], zone, now)).toBeNull();
    expect(answerToShare([older, last, ahead], zone, now)).toEqual({ checkIn: last, week: MONDAY - 7 });
    const mine = checkIn(at(zone, '2026-12-01', 8 * 60));
    expect(answerToShare([mine, older, last], zone, now)).toEqual({ checkIn: mine, week: MONDAY });
  });

  it('opens a word with an answer of its week, or of the week after; otherwise "answer yours first"', () => {
    const thisWeek = checkIn(at(zone, '2026-12-01', 8 * 60), 'connecting');
    const lastWeek = checkIn(at(zone, '2026-11-24', 8 * 60), 'job');
    expect(answerOpening(MONDAY, [], zone, now)).toBeNull();
    expect(answerOpening(MONDAY, [lastWeek], zone, now)).toBeNull();
    expect(answerOpening(MONDAY, [lastWeek, thisWeek], zone, now)).toBe(thisWeek);
    expect(answerOpening(MONDAY - 7, [lastWeek, thisWeek], zone, now)).toBe(lastWeek);
    expect(answerOpening(MONDAY - 7, [thisWeek], zone, now)).toBe(thisWeek);
    expect(answerOpening(MONDAY, [checkIn(now + 60_000)], zone, now)).toBeNull();
  });

  it('offers one conversation for any two words, the same whichever Tend shows them', () => {
    const answers = ['connecting', 'mixed', 'job'] as const;
    for (const a of answers) for (const b of answers) expect(fittingTalk(a, b)).toBe(fittingTalk(b, a));
    expect(fittingTalk('job', 'connecting')).toBe('talk-pressure');
    expect(fittingTalk('mixed', 'connecting')).toBe('talk-this-month');
    expect(fittingTalk('connecting', 'connecting')).toBe('talk-ordinary-days');
  });
});
