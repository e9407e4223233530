// Monte Carlo throughput: regional-model runs per second in this thread (the baseline),
// on one worker thread and on two (scaling efficiency = rate(2) / (2 · rate(1))), and the
// wall time of a 10 000-run batch on two workers (chunks on disk, summary and all).
// Goals (issue 5): ≥ 5 000 runs/s on one core; 10 000 runs < 5 s on two; ≥ 80 % scaling.
// Rates and the batch wall time are the best of three measurements (the least disturbed
// on a shared machine).
// When the model is too slow for a full 10 000-run batch within a minute, the batch is
// run with fewer runs and its 10 000-run time is projected (and labelled as such);
// CHENGYU_BENCH_FULL=1 forces the full batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chengyuBatchModel } from '../src/model/chengyu/batch-model.ts';
import { chunkGrid } from '../src/model/analysis/chunk.ts';
import { monteCarlo } from '../src/model/analysis/monte-carlo.ts';
import type { ModelRef } from '../src/model/worker/model-ref.ts';
import { runBatch } from '../src/model/analysis/node/run-batch.ts';
import { toyModel } from '../src/model/analysis/toy-models.ts';
import { createNodePool } from '../src/model/worker/node-pool.ts';
import type { BatchJob } from '../src/model/worker/worker-api.ts';

/** Runs/s in this thread: warm up (the engine's generated code needs many runs to be optimised), then time one batch of about `ms`. */
function inThreadRate(make: () => ReturnType<typeof toyModel>, ms: number): number {
  const model = make();
  let runs = 0;
  const w0 = performance.now();
  while (performance.now() - w0 < 1500) {
    monteCarlo(model, 20, runs);
    runs += 20;
  }
  const estimate = runs / ((performance.now() - w0) / 1000);
  const n = Math.max(20, Math.round((estimate * ms) / 1000));
  const t0 = performance.now();
  monteCarlo(model, n, 1);
  return n / ((performance.now() - t0) / 1000);
}

/** Runs/s on a pool of `workers` threads, startup excluded (models loaded first). */
async function poolRate(model: ModelRef, workers: number, runs: number, chunk: number): Promise<number> {
  const pool = createNodePool(workers);
  try {
    const job: BatchJob = { model, runs, seed: 1, sampling: 'lhs' };
    const chunks = chunkGrid(0, runs, chunk);
    // Load the model on every worker and warm them up (as in-thread) before timing.
    const t = performance.now();
    while (performance.now() - t < 1500) await pool.map(job, workers, (api, i) => api.runChunk(chunks[i % chunks.length].start, Math.min(20, chunk)), () => {});
    const t0 = performance.now();
    await pool.map(job, chunks.length, (api, i) => api.runChunk(chunks[i].start, chunks[i].count), () => {});
    return runs / ((performance.now() - t0) / 1000);
  } finally {
    pool.close();
  }
}

/** Wall time (s) of a full on-disk batch of `runs` on `workers` threads, startup included. */
async function batchWall(model: ModelRef, runs: number, workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-'));
  try {
    const t0 = performance.now();
    await runBatch({ dir: join(dir, 'b'), job: { model, runs, seed: 1, sampling: 'lhs' }, scenario: { id: 'bench', digest: 'bench' }, workers, progress: null });
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);

/** Bench one model: in-thread baseline, 1 and 2 workers, 10 000-run batch. */
async function benchModel(label: string, ref: ModelRef, make: () => ReturnType<typeof toyModel>): Promise<void> {
  // Best of three rounds: on a shared machine the best run is the least disturbed one. The
  // three rates are measured in turn within each round, so a slow spell of the host (they last
  // minutes here) weighs on all of them alike instead of on whichever was measured then.
  let base = inThreadRate(make, 2000);
  // Enough runs for ~3 s per measurement on one worker, at least 200.
  const runs = Math.max(200, Math.min(200_000, Math.round(base * 3)));
  const chunk = Math.max(1, Math.ceil(runs / 40));
  let r1 = 0;
  let r2 = 0;
  for (let round = 0; round < 3; round++) {
    if (round > 0) base = Math.max(base, inThreadRate(make, 2000));
    r1 = Math.max(r1, await poolRate(ref, 1, runs, chunk));
    r2 = Math.max(r2, await poolRate(ref, 2, runs, chunk));
  }
  const eff = r2 / (2 * r1);
  console.log(`${label}: in-thread baseline ${f0(base)} runs/s`);
  console.log(`${label}: 1 worker ${f0(r1)} runs/s (${f2(r1 / base)}× baseline), 2 workers ${f0(r2)} runs/s (${f2(r2 / base)}× baseline), scaling efficiency ${f0(eff * 100)} %`);
  const full = process.env.CHENGYU_BENCH_FULL === '1' || 10_000 / r2 < 60;
  const n = full ? 10_000 : Math.max(100, Math.round(r2 * 20));
  // Best of three as for the rates (the first also fills the compiled-runner cache if it is cold).
  const wall = Math.min(await batchWall(ref, n, 2), await batchWall(ref, n, 2), await batchWall(ref, n, 2));
  if (full) console.log(`${label}: 10 000-run batch on 2 workers: ${f2(wall)} s wall (goal < 5 s)`);
  else console.log(`${label}: ${n}-run batch on 2 workers: ${f2(wall)} s wall → 10 000 runs projected ${f0((wall * 10_000) / n)} s (goal < 5 s; CHENGYU_BENCH_FULL=1 runs it)`);
}

/** Entry point for bench/run.ts. */
export async function run(): Promise<void> {
  console.log(`cores: ${(await import('node:os')).availableParallelism()} (shared machine: numbers vary with load)`);
  await benchModel('regional model', { kind: 'chengyu', constants: {} }, () => chengyuBatchModel({ constants: {} }));
  // The machinery alone (sampling, workers, chunk files, statistics) on a trivial model.
  await benchModel('toy model (machinery overhead)', { kind: 'toy', name: 'linear' }, () => toyModel('linear'));
}
