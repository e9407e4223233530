import { afterEach, describe, expect, it } from 'vitest';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import { CancelledError, WorkerPool } from '../../src/model/worker/pool.ts';
import { spawnInThread } from '../../src/model/worker/in-thread.ts';
import type { BatchJob } from '../../src/model/worker/worker-api.ts';
import type { ChunkResult } from '../../src/model/analysis/chunk.ts';

const job: BatchJob = { model: { kind: 'toy', name: 'linear' }, runs: 120, seed: 9, sampling: 'lhs' };
const chunks = Array.from({ length: 6 }, (_, i) => ({ start: i * 20, count: 20 }));

async function collect(pool: WorkerPool, fault?: { chunk: number; after: number }, died?: string[]): Promise<Float64Array> {
  const results: ChunkResult[] = [];
  await pool.map(
    job,
    chunks.length,
    (api, i, attempt) =>
      api.runChunk(chunks[i].start, chunks[i].count, fault && fault.chunk === i && attempt === 0 ? { exitAfterRuns: fault.after } : undefined),
    (i, r) => {
      results[i] = r;
    },
    { onWorkerDied: (i, reason) => died?.push(`${i}: ${reason}`) },
  );
  const all = new Float64Array(results.reduce((n, r) => n + r.values.length, 0));
  let off = 0;
  for (const r of results) {
    all.set(r.values, off);
    off += r.values.length;
  }
  return all;
}

let pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools) p.close();
  pools = [];
});
const track = (p: WorkerPool) => (pools.push(p), p);

describe('worker pool', () => {
  it('gives the same numbers in-thread, on one worker thread and on two', async () => {
    const inThread = await collect(track(new WorkerPool(spawnInThread, 1)));
    const one = await collect(track(createNodePool(1)));
    const two = await collect(track(createNodePool(2)));
    expect(Buffer.from(one.buffer).equals(Buffer.from(inThread.buffer))).toBe(true);
    expect(Buffer.from(two.buffer).equals(Buffer.from(inThread.buffer))).toBe(true);
    expect(one.some(Number.isNaN)).toBe(false);
  });

  it('replaces a worker that dies mid-chunk and reruns its chunk', async () => {
    const expected = await collect(track(new WorkerPool(spawnInThread, 1)));
    const died: string[] = [];
    const got = await collect(track(createNodePool(2)), { chunk: 3, after: 7 }, died);
    expect(died).toEqual(['3: worker exited with code 70']);
    expect(Buffer.from(got.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
  });

  it('fails with a clear message (never hangs) when a task keeps killing its worker', async () => {
    const pool = track(createNodePool(1));
    await expect(
      pool.map(job, 2, (api, i) => api.runChunk(i * 10, 10, i === 1 ? { exitAfterRuns: 0 } : undefined), () => {}),
    ).rejects.toThrow(/task 1 failed 3 times: worker exited with code 70/);
  });

  it('reports model errors from the worker without retrying', async () => {
    const pool = track(createNodePool(1));
    const bad: BatchJob = { ...job, model: { kind: 'toy', name: 'nope' } };
    await expect(pool.map(bad, 1, (api) => api.runChunk(0, 1), () => {})).rejects.toThrow(/unknown toy model "nope"/);
  });

  it('runs concurrent calls with different jobs one after the other, each correct', async () => {
    const pool = track(createNodePool(2));
    const other: BatchJob = { ...job, runs: 50, seed: 1 };
    const got: number[][] = [[], []];
    await Promise.all([
      pool.map(job, 6, (api, i) => api.runChunk(i * 20, 20), (i, r) => void (got[0][i] = r.values[0])),
      pool.map(other, 5, (api, i) => api.runChunk(i * 10, 10), (i, r) => void (got[1][i] = r.values[0])),
    ]);
    const ref = new WorkerPool(spawnInThread, 1);
    const want: number[][] = [[], []];
    await ref.map(job, 6, (api, i) => api.runChunk(i * 20, 20), (i, r) => void (want[0][i] = r.values[0]));
    await ref.map(other, 5, (api, i) => api.runChunk(i * 10, 10), (i, r) => void (want[1][i] = r.values[0]));
    expect(got).toEqual(want);
  });

  it("hands a worker its next task before this thread handles the last result", async () => {
    const pool = track(new WorkerPool(spawnInThread, 1));
    const started: number[] = [];
    const startedWhenHandled: number[][] = [];
    await pool.map(job, 3, (api, i) => {
      started.push(i);
      return api.runChunk(i * 20, 20);
    }, (i) => {
      startedWhenHandled[i] = [...started];
    });
    expect(startedWhenHandled).toEqual([[0, 1], [0, 1, 2], [0, 1, 2]]);
  });

  it('stops handing out tasks when its signal is aborted', async () => {
    const pool = track(new WorkerPool(spawnInThread, 1));
    const signal = { aborted: false };
    let done = 0;
    const p = pool.map(job, 6, (api, i) => api.runChunk(i * 20, 20), () => {
      done++;
      if (done === 2) signal.aborted = true;
    }, { signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(done).toBe(2);
  });
});
