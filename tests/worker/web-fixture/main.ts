// Browser fixture for tests/worker/web-pool.test.ts: runs a toy Monte Carlo on a pool of
// Web Workers (one worker closing itself mid-chunk) and in the page's own thread, and
// publishes both for the test to compare.
import { createWebPool } from '../../../src/model/worker/web-pool.ts';
import { monteCarlo, fanCharts } from '../../../src/model/analysis/monte-carlo.ts';
import { summaryText } from '../../../src/model/analysis/summarize.ts';
import { toyModel } from '../../../src/model/analysis/toy-models.ts';
import { chunkGrid } from '../../../src/model/analysis/chunk.ts';
import { monteCarloOnPool } from '../../../src/model/worker/pool-monte-carlo.ts';

declare global {
  interface Window {
    __result?: { pooled: string; local: string; crashed: string; died: string[]; fans: number; error?: string };
  }
}

async function main(): Promise<void> {
  const job = { model: { kind: 'toy' as const, name: 'linear' }, runs: 400, seed: 6, sampling: 'lhs' as const };
  const pool = createWebPool(2);
  try {
    const pooled = await monteCarloOnPool(pool, job, undefined, 50);
    // A worker that dies mid-chunk is replaced and its chunk rerun.
    const chunks = chunkGrid(0, job.runs, 50);
    const values = new Float64Array(job.runs * 33);
    const params = new Float64Array(job.runs * 4);
    const died: string[] = [];
    await pool.map(
      job,
      chunks.length,
      (api, i, attempt) => api.runChunk(chunks[i].start, chunks[i].count, i === 3 && attempt === 0 ? { exitAfterRuns: 10 } : undefined),
      (_i, r) => {
        values.set(r.values, r.start * 33);
        params.set(r.params, r.start * 4);
      },
      { onWorkerDied: (i, reason) => died.push(`${i}: ${reason}`) },
    );
    const local = monteCarlo(toyModel('linear'), job.runs, job.seed, 'lhs');
    const crashed = summaryText({ ...local, values, paramValues: params });
    window.__result = { pooled: summaryText(pooled), local: summaryText(local), crashed, died, fans: fanCharts(pooled).length };
  } catch (err) {
    window.__result = { pooled: '', local: '', crashed: '', died: [], fans: 0, error: String(err) };
  } finally {
    pool.close();
  }
}
void main();
