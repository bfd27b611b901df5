import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrackProgress, type TrackProgress } from '../../model/track-progress';
import { pauseTrack, runningTrack, startTrack, stopTrack, takeStep, trackToday } from '../../tracks/track-rules';
import type { Track } from '../../tracks/tracks';

const track = (id: string, steps = 3): Track => ({
  id,
  title: id,
  why: 'why',
  agreement: 'agreement',
  closing: 'closing',
  steps: Array.from({ length: steps }, (_, i) => ({ id: `${id}-0${i + 1}`, text: `step ${i + 1}`, minutes: 10 })),
});
const TOUCH = track('track-touch');
const T0 = 1_800_000_000_000;

describe('a track, step by step', () => {
  it('starts at its first step, shows it until "We did this", then rests until the next day', () => {
    let all = startTrack([], 'track-touch', T0);
    const p = () => runningTrack(all) as TrackProgress;
    expect(trackToday(p(), TOUCH, '2026-12-06')).toEqual({ kind: 'step', index: 0 });
    all = takeStep(all, 'track-touch', 0, '2026-12-06', 3);
    expect(trackToday(p(), TOUCH, '2026-12-06')).toEqual({ kind: 'rest', next: 1 });
    expect(trackToday(p(), TOUCH, '2026-12-07')).toEqual({ kind: 'step', index: 1 });
    // A week away changes nothing: the step waits, no dates to keep.
    expect(trackToday(p(), TOUCH, '2026-12-20')).toEqual({ kind: 'step', index: 1 });
    all = takeStep(all, 'track-touch', 1, '2026-12-20', 3);
    all = takeStep(all, 'track-touch', 2, '2026-12-21', 3);
    expect(all).toEqual([{ trackId: 'track-touch', step: 3, lastStepDay: '2026-12-21', state: 'finished', startedAt: T0 }]);
    expect(trackToday(all[0] as TrackProgress, TOUCH, '2026-12-22')).toEqual({ kind: 'finished' });
    expect(runningTrack(all)).toBeNull();
  });

  it('a second click, a stale page or a second step on one day changes nothing (the same array)', () => {
    const all = startTrack([], 'track-touch', T0);
    const once = takeStep(all, 'track-touch', 0, '2026-12-06', 3);
    expect(takeStep(once, 'track-touch', 0, '2026-12-06', 3)).toBe(once);
    expect(takeStep(once, 'track-touch', 1, '2026-12-06', 3)).toBe(once);
    expect(takeStep(all, 'track-touch', 2, '2026-12-06', 3)).toBe(all);
    expect(takeStep(pauseTrack(all, 'track-touch'), 'track-touch', 0, '2026-12-06', 3)).toEqual(pauseTrack(all, 'track-touch'));
  });

  it('a step taken on a day a clock far ahead wrote shows the next step today, not a rest that never ends', () => {
    const ahead = takeStep(startTrack([], 'track-touch', T0), 'track-touch', 0, '2031-01-01', 3);
    expect(trackToday(ahead[0] as TrackProgress, TOUCH, '2026-12-07')).toEqual({ kind: 'step', index: 1 });
  });

  it('one runs at a time: starting another pauses it, resuming goes on where it was; stop forgets it', () => {
    let all = takeStep(startTrack([], 'track-touch', T0), 'track-touch', 0, '2026-12-06', 3);
    all = startTrack(all, 'track-talking', T0 + 1);
    expect(all.map((p) => [p.trackId, p.state, p.step])).toEqual([
      ['track-touch', 'paused', 1],
      ['track-talking', 'running', 0],
    ]);
    all = startTrack(all, 'track-touch', T0 + 2);
    expect(runningTrack(all)).toMatchObject({ trackId: 'track-touch', step: 1 });
    expect(all.find((p) => p.trackId === 'track-talking')?.state).toBe('paused');
    expect(startTrack(all, 'track-touch', T0 + 3)).toBe(all);
    all = stopTrack(all, 'track-touch');
    expect(all.map((p) => p.trackId)).toEqual(['track-talking']);
    expect(stopTrack(all, 'track-touch')).toBe(all);
    expect(runningTrack(all)).toBeNull();
  });

  it('property: whatever is clicked in whatever order, at most one runs and no step goes past the end', () => {
    const ids = ['track-touch', 'track-talking', 'track-unhurried'];
    const action = fc.oneof(
      fc.record({ kind: fc.constant('start' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('step' as const), id: fc.constantFrom(...ids), expected: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('pause' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('stop' as const), id: fc.constantFrom(...ids) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let all: TrackProgress[] = [];
        actions.forEach((a, i) => {
          if (a.kind === 'start') all = startTrack(all, a.id, T0 + i);
          if (a.kind === 'step') all = takeStep(all, a.id, a.expected, `2026-12-1${a.day}`, 3);
          if (a.kind === 'pause') all = pauseTrack(all, a.id);
          if (a.kind === 'stop') all = stopTrack(all, a.id);
        });
        expect(all.filter((p) => p.state === 'running').length).toBeLessThanOrEqual(1);
        expect(new Set(all.map((p) => p.trackId)).size).toBe(all.length);
        for (const p of all) {
          expect(p.step).toBeLessThanOrEqual(3);
          expect(p.state === 'finished').toBe(p.step === 3);
          expect(parseTrackProgress(p)).toEqual(p);
        }
      }),
    );
  });

  it('reads only records Tend writes', () => {
    const good = { trackId: 'track-touch', step: 2, lastStepDay: '2026-12-06', state: 'running', startedAt: T0 };
    expect(parseTrackProgress(good)).toEqual(good);
    for (const bad of [null, [], { ...good, trackId: 'touch' }, { ...good, step: -1 }, { ...good, step: 1.5 }, { ...good, step: 99 }, { ...good, lastStepDay: 'Monday' }, { ...good, state: 'done' }, { ...good, startedAt: -5 }]) {
      expect(parseTrackProgress(bad)).toBeNull();
    }
  });
});

describe('the tracks library', () => {
  it('parses every track of both languages whole, and a translation changes only texts', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseTracks, translateTracks } = await import('../../tracks/tracks');
    const en = JSON.parse(readFileSync('assets/library/tracks.json', 'utf8')) as unknown[];
    const tracks = parseTracks(en);
    expect(tracks).toHaveLength(en.length);
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    const de = translateTracks(tracks, JSON.parse(readFileSync('assets/library/tracks.de.json', 'utf8')));
    expect(de.map((t) => [t.id, t.steps.map((s) => [s.id, s.minutes])])).toEqual(tracks.map((t) => [t.id, t.steps.map((s) => [s.id, s.minutes])]));
    for (const [i, track] of de.entries()) {
      expect(track.title).not.toBe(tracks[i]?.title);
      track.steps.forEach((s, k) => expect(s.text).not.toBe(tracks[i]?.steps[k]?.text));
    }
    expect(parseTracks([{ ...(en[0] as object), steps: [{ id: 'x' }] }])).toEqual([]);
  });
});
