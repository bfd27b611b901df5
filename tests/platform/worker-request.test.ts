import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { askPatiently, ASK_AGAIN_AFTER } from '../../platform/worker-request';

/** A runtime whose first `fails` sends fail in the ways a stopped worker shows: a rejection, no answer. */
function flakyRuntime(fails: number, how: ('reject' | 'undefined' | 'null')[] = ['reject']) {
  let sent = 0;
  const send = async (): Promise<{ view: number } | null | undefined> => {
    const n = sent++;
    if (n >= fails) return { view: n };
    const kind = how[n % how.length];
    if (kind === 'reject') throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed');
    return kind === 'null' ? null : undefined;
  };
  return { send, sent: () => sent };
}

describe('askPatiently', () => {
  it('asks again after a closed channel and after an empty answer, and resolves with the first answer', async () => {
    const slept: number[] = [];
    const runtime = flakyRuntime(3, ['reject', 'undefined', 'null']);
    const answer = await askPatiently(runtime.send, async (ms) => void slept.push(ms));
    expect(answer).toEqual({ view: 3 });
    expect(runtime.sent()).toBe(4);
    expect(slept).toEqual(ASK_AGAIN_AFTER.slice(0, 3));
  });

  it('gives up with null (not an error) once every wait is spent, after a few seconds at most', async () => {
    const slept: number[] = [];
    const runtime = flakyRuntime(Infinity);
    expect(await askPatiently(runtime.send, async (ms) => void slept.push(ms))).toBeNull();
    expect(runtime.sent()).toBe(ASK_AGAIN_AFTER.length + 1);
    const total = slept.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(5000);
  });

  it('any number of failures below the waits ends in the answer; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(10), fc.array(fc.constantFrom('reject' as const, 'undefined' as const, 'null' as const), { minLength: 1 }), async (fails, how) => {
        const runtime = flakyRuntime(fails, how);
        const answer = await askPatiently(runtime.send, async () => {});
        if (fails <= ASK_AGAIN_AFTER.length) expect(answer).toEqual({ view: fails });
        else expect(answer).toBeNull();
      }),
    );
  });
});
