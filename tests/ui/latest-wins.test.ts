import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../src/ui/lib/latest-wins.ts';

/** A task whose completion the test controls. */
function controlled() {
  const calls: Array<{ input: number; resolve: (v: number) => void; reject: (e: unknown) => void }> = [];
  const task = (input: number) =>
    new Promise<number>((resolve, reject) => calls.push({ input, resolve, reject }));
  return { calls, task };
}

describe('LatestWins', () => {
  it('runs the first input at once and only the latest of the inputs that arrive meanwhile', async () => {
    const { calls, task } = controlled();
    const got: number[] = [];
    const s = new LatestWins(task, (_i, o) => got.push(o));
    s.submit(1);
    s.submit(2);
    s.submit(3);
    s.submit(4);
    expect(calls.map((c) => c.input)).toEqual([1]);
    calls[0].resolve(10);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.map((c) => c.input)).toEqual([1, 4]);
    calls[1].resolve(40);
    await s.idle();
    expect(got).toEqual([10, 40]);
    expect(s.runs).toBe(2);
  });

  it('keeps going after a failed run and reports the error', async () => {
    const errors: unknown[] = [];
    const got: number[] = [];
    const s = new LatestWins(
      async (i: number) => {
        if (i < 0) throw new Error('negative');
        return i * 2;
      },
      (_i, o) => got.push(o),
      (_i, e) => errors.push(e),
    );
    s.submit(-1);
    await s.idle();
    s.submit(3);
    await s.idle();
    expect((errors[0] as Error).message).toBe('negative');
    expect(got).toEqual([6]);
  });

  it('idle resolves immediately when nothing is scheduled', async () => {
    const s = new LatestWins(async (i: number) => i, () => {});
    await expect(s.idle()).resolves.toBeUndefined();
  });
});
