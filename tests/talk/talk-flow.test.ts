import { describe, expect, it } from 'vitest';
import {
  atClosing,
  canMove,
  firstSpeaker,
  formatTalkDay,
  lastTalkedDay,
  moveTalk,
  startTalk,
  talkIdFromHash,
  talkProgress,
  type TalkMove,
} from '../../talk/talk-flow';

const walk = (prompts: number, moves: TalkMove[]) => moves.reduce(moveTalk, startTalk(prompts));

describe('walking a conversation', () => {
  it('starts on the first prompt, counted as "1 of n"', () => {
    const flow = startTalk(7);
    expect(flow.step).toBe(0);
    expect(talkProgress(flow)).toEqual({ current: 1, total: 7 });
    expect(atClosing(flow)).toBe(false);
  });

  it('Next and Pass both move one prompt on; Back one back', () => {
    expect(walk(7, ['next', 'next']).step).toBe(2);
    expect(talkProgress(walk(7, ['next', 'pass']))).toEqual({ current: 3, total: 7 });
    expect(walk(7, ['next', 'pass', 'back']).step).toBe(1);
  });

  it('after the last prompt comes the closing, which is not counted', () => {
    const end = walk(5, ['next', 'pass', 'next', 'next', 'next']);
    expect(atClosing(end)).toBe(true);
    expect(talkProgress(end)).toBeNull();
  });

  it('stops at both ends: no Back before the first prompt, no Next or Pass after the closing', () => {
    const first = startTalk(5);
    expect(canMove(first, 'back')).toBe(false);
    expect(moveTalk(first, 'back')).toEqual(first);
    const end = walk(5, Array<TalkMove>(5).fill('next'));
    expect(canMove(end, 'next')).toBe(false);
    expect(canMove(end, 'pass')).toBe(false);
    expect(moveTalk(end, 'pass')).toEqual(end);
    expect(canMove(end, 'back')).toBe(true);
    expect(talkProgress(moveTalk(end, 'back'))).toEqual({ current: 5, total: 5 });
  });

  it('keeps no tally of passes: passing and Next reach the same state', () => {
    expect(walk(6, ['pass', 'pass', 'pass'])).toEqual(walk(6, ['next', 'next', 'next']));
  });

  it('does not break on a conversation without prompts', () => {
    expect(atClosing(startTalk(0))).toBe(true);
  });
});

describe('who answers first', () => {
  it('the one listening begins the first prompt (one reads, the other answers, then swap), then it alternates', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(firstSpeaker)).toEqual([
      'listener',
      'reader',
      'listener',
      'reader',
      'listener',
      'reader',
      'listener',
    ]);
  });
});

describe('the link to one conversation', () => {
  it('reads a conversation id from the hash', () => {
    expect(talkIdFromHash('#talk-changed')).toBe('talk-changed');
    expect(talkIdFromHash('talk-slow-evening')).toBe('talk-slow-evening');
  });

  it('ignores anything that is not a conversation id', () => {
    expect(talkIdFromHash('')).toBeNull();
    expect(talkIdFromHash('#')).toBeNull();
    expect(talkIdFromHash('#about')).toBeNull();
    expect(talkIdFromHash('#talk-<script>')).toBeNull();
    expect(talkIdFromHash('#%E0%A4%A')).toBeNull();
  });
});

describe('"talked on"', () => {
  it('is the latest day stored, whatever their order', () => {
    expect(lastTalkedDay(['2026-03-02', '2026-12-03', '2026-05-01'])).toBe('2026-12-03');
    expect(lastTalkedDay([])).toBeNull();
  });

  it('reads as a short date, with the year only when it is not this one', () => {
    const now = new Date(2026, 11, 20).getTime();
    expect(formatTalkDay('2026-12-03', 'en-GB', now)).toBe('3 Dec');
    expect(formatTalkDay('2026-12-03', 'de', now)).toBe('3. Dez.');
    expect(formatTalkDay('2025-12-03', 'en-GB', now)).toBe('3 Dec 2025');
  });
});
