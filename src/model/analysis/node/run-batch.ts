// A Monte Carlo batch on disk (Node): compute the missing chunks of this directory's
// slice on a worker pool, write each chunk atomically as it arrives, then the summary.
// Rerun with the same arguments, it trusts the chunks present and computes only the rest.
import { existsSync, readdirSync } from 'node:fs';
import { kpiWidth } from '../batch-model.ts';
import { chunkGrid, defaultChunkSize } from '../chunk.ts';
import { identityDifference, MANIFEST_FORMAT, type BatchManifest } from '../manifest.ts';
import { shardRange, type Shard } from '../shard.ts';
import { createFastNodePool } from '../../worker/node-pool.ts';
import { spawnInThread } from '../../worker/in-thread.ts';
import { WorkerPool } from '../../worker/pool.ts';
import type { BatchJob, ModelInfo } from '../../worker/worker-api.ts';
import { listChunks, readManifest, writeChunk, writeManifest } from './batch-dir.ts';
import { ChunkCache } from './chunk-cache.ts';
import { writeResultsOnPool } from './batch-results.ts';
import { createProgress, type ProgressSink } from './progress.ts';

/** Name and version of the tool, recorded in manifests. */
export const TOOL = 'chengyu-sim';

/** What to run and where. */
export interface BatchOptions {
  dir: string;
  job: BatchJob;
  /** The scenario as the manifest records it (digest = hash of its validated content). */
  scenario: { id: string; digest: string; path?: string };
  shard?: Shard;
  /** Worker threads; 0 runs in this thread. */
  workers: number;
  chunkSize?: number;
  /** Memory for computed chunks kept for the results step (bytes; 0 reads every chunk back). */
  cacheBudget?: number;
  /** Where progress goes (stderr in the CLI); null for silence. */
  progress?: ProgressSink | null;
  /** Reuse an existing pool (its size wins over `workers`). */
  pool?: WorkerPool;
  /** Test hook: the worker running this chunk (first attempt) exits after `afterRuns` runs. */
  fault?: { chunk: number; afterRuns: number };
  /** Called when a worker died and was replaced. */
  onWorkerDied?: (message: string) => void;
}

/** What a batch call did. */
export interface BatchOutcome {
  manifest: BatchManifest;
  /** Runs computed by this call. */
  computedRuns: number;
  /** Runs found on disk from an earlier, interrupted call. */
  reusedRuns: number;
}

/** The manifest a batch with these options and model writes (before any run). */
export function plannedManifest(o: BatchOptions, info: ModelInfo): BatchManifest {
  const range = shardRange(o.job.runs, o.shard);
  return {
    format: MANIFEST_FORMAT,
    scenario: o.scenario,
    modelVersion: info.version,
    seed: o.job.seed,
    runs: o.job.runs,
    sampling: o.job.sampling,
    params: info.params.map((p) => p.id),
    outputs: info.outputs,
    times: info.times,
    chunkSize: o.chunkSize ?? defaultChunkSize(o.job.runs),
    shard: o.shard ?? null,
    range,
    runsDone: 0,
    complete: false,
    tool: TOOL,
  };
}

/** Run (or finish) a batch in `o.dir`. */
export async function runBatch(o: BatchOptions): Promise<BatchOutcome> {
  const pool = o.pool ?? (o.workers > 0 ? await createFastNodePool(o.workers) : new WorkerPool(spawnInThread, 1));
  try {
    const info = await pool.describe(o.job);
    const planned = plannedManifest(o, info);
    const existing = readManifest(o.dir);
    if (existing) {
      const diff = identityDifference(existing, planned, ['shard', 'chunkSize']);
      if (diff) throw new Error(`${o.dir} holds a different batch (${diff}); use another --out or remove it`);
    } else if (existsSync(o.dir) && readdirSync(o.dir).length > 0) {
      throw new Error(`${o.dir} is not empty and holds no batch manifest; use an empty or new --out directory`);
    }
    const [from, to] = planned.range;
    const grid = chunkGrid(from, to, planned.chunkSize);
    const present = new Set(listChunks(o.dir).map((c) => `${c.start}:${c.count}`));
    const missing = grid.filter((c) => !present.has(`${c.start}:${c.count}`));
    const reusedRuns = grid.filter((c) => present.has(`${c.start}:${c.count}`)).reduce((n, c) => n + c.count, 0);
    writeManifest(o.dir, { ...planned, runsDone: reusedRuns });

    const P = info.params.length;
    const K = kpiWidth({ outputs: info.outputs, times: Float64Array.from(info.times) });
    const label = o.shard ? `batch shard ${o.shard.index}/${o.shard.count}` : 'batch';
    if (reusedRuns > 0 && o.progress) o.progress.write(`${label}: resuming, ${reusedRuns} of ${to - from} runs already done\n`);
    const progress = o.progress ? createProgress(label, to - from, o.progress, reusedRuns) : undefined;
    const cache = new ChunkCache(o.cacheBudget);
    let done = reusedRuns;
    let lastManifest = Date.now();
    await pool.map(
      o.job,
      missing.length,
      (api, i, attempt) => {
        const c = missing[i];
        const fault = o.fault && o.fault.chunk === c.start && attempt === 0 ? { exitAfterRuns: o.fault.afterRuns } : undefined;
        return api.runChunk(c.start, c.count, fault);
      },
      (_i, r) => {
        writeChunk(o.dir, r, P, K);
        cache.add(r);
        done += r.count;
        progress?.update(done);
        if (Date.now() - lastManifest > 1000) {
          lastManifest = Date.now();
          writeManifest(o.dir, { ...planned, runsDone: done });
        }
      },
      { onWorkerDied: (i, reason) => o.onWorkerDied?.(`runs ${missing[i].start}–${missing[i].start + missing[i].count - 1}: ${reason}; restarted the worker and the chunk`) },
    );
    progress?.finish();
    const files = listChunks(o.dir).filter((c) => c.start >= from && c.start < to);
    const manifest = await writeResultsOnPool(o.dir, planned, files, pool, o.job, cache);
    return { manifest, computedRuns: done - reusedRuns, reusedRuns };
  } finally {
    if (!o.pool) pool.close();
  }
}
