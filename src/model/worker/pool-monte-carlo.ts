// Monte Carlo on a worker pool (Web Workers in the page, worker_threads in Node): chunks
// on a fixed grid, reassembled in run order, so the result equals monteCarlo() in-thread.
import { chunkGrid, defaultChunkSize } from '../analysis/chunk.ts';
import type { RunTable } from '../analysis/summarize.ts';
import type { WorkerPool } from './pool.ts';
import type { BatchJob } from './worker-api.ts';

/** All runs of `job` on `pool`; `onProgress(done, total)` as chunks arrive. */
export async function monteCarloOnPool(
  pool: WorkerPool,
  job: BatchJob,
  onProgress?: (done: number, total: number) => void,
  chunkSize = defaultChunkSize(job.runs),
  signal?: { readonly aborted: boolean },
): Promise<RunTable> {
  const info = await pool.describe(job);
  const P = info.params.length;
  const K = info.outputs.length * info.times.length;
  const paramValues = new Float64Array(job.runs * P);
  const values = new Float64Array(job.runs * K);
  const chunks = chunkGrid(0, job.runs, chunkSize);
  let done = 0;
  await pool.map(
    job,
    chunks.length,
    (api, i) => api.runChunk(chunks[i].start, chunks[i].count),
    (_i, r) => {
      paramValues.set(r.params, r.start * P);
      values.set(r.values, r.start * K);
      done += r.count;
      onProgress?.(done, job.runs);
    },
    { signal },
  );
  return { start: 0, count: job.runs, params: info.params.map((p) => p.id), outputs: info.outputs, times: info.times, paramValues, values };
}
