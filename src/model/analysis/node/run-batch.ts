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
import { chunkPath, listChunks, readChunk, readManifest, writeChunk, writeManifest } from './batch-dir.ts';
import { ChunkCache } from './chunk-cache.ts';
import { LOCK_FILE, lockBatchDir } from './batch-lock.ts';
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
  /** Grow the batch already in `dir` to `job.runs` (random sampling, unsharded). */
  extend?: boolean;
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

/** A batch refused for what was asked (an extension that cannot be, a directory holding something else), not for a failure while running. */
export class BatchRequestError extends Error {
  override name = 'BatchRequestError';
}

/** Why the batch `existing` cannot grow into `planned`; throws naming the reason. */
function checkExtension(dir: string, existing: BatchManifest, planned: BatchManifest): void {
  if (existing.sampling === 'lhs' || planned.sampling === 'lhs') {
    throw new BatchRequestError(`--extend: ${dir} is a Latin hypercube batch; an LHS design depends on N (run i's point is drawn from N strata), so its runs are not the first runs of a larger design. Run --runs ${planned.runs} into a new directory, or use --sampling random, whose run i depends on (seed, i) alone`);
  }
  if (existing.shard || planned.shard) throw new BatchRequestError(`--extend: grow an unsharded or merged batch (${dir} is ${existing.shard ? `shard ${existing.shard.index}/${existing.shard.count}` : 'unsharded'}, and --shard was ${planned.shard ? 'given' : 'not given'})`);
  if (planned.runs < existing.runs) throw new BatchRequestError(`--extend: --runs ${planned.runs} is fewer than the ${existing.runs} runs of the batch in ${dir}; give the new total`);
}

/** One piece of runs [start, start + count): an existing chunk file or one to compute. */
interface Tile {
  start: number;
  count: number;
  path: string;
  present: boolean;
}

/**
 * Runs [from, to) as chunk files: those present (an earlier, interrupted or shorter batch)
 * where they start, the gaps between them cut on the grid of `size`.
 */
function tileRange(dir: string, from: number, to: number, size: number, chunks: ReadonlyArray<{ start: number; count: number; path: string }>): Tile[] {
  const byStart = new Map<number, { start: number; count: number; path: string }>();
  for (const c of chunks) if (c.start >= from && c.start + c.count <= to && !byStart.has(c.start)) byStart.set(c.start, c);
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const tiles: Tile[] = [];
  let s = from;
  while (s < to) {
    const c = byStart.get(s);
    if (c) {
      tiles.push({ ...c, present: true });
      s += c.count;
      continue;
    }
    const next = starts.find((x) => x > s) ?? to;
    for (const g of chunkGrid(s, next, size)) tiles.push({ ...g, path: chunkPath(dir, g.start, g.count), present: false });
    s = next;
  }
  return tiles;
}

/** Run (or finish, or extend) a batch in `o.dir`. */
export async function runBatch(o: BatchOptions): Promise<BatchOutcome> {
  // Refused at once when another batch writes the directory, before any worker starts.
  const unlock = lockBatchDir(o.dir);
  let pool: WorkerPool | undefined;
  try {
    pool = o.pool ?? (o.workers > 0 ? await createFastNodePool(o.workers) : new WorkerPool(spawnInThread, 1));
    const info = await pool.describe(o.job);
    const existing = readManifest(o.dir);
    // Extending keeps the batch's chunk size, so its chunks stay whole files of the larger batch.
    const planned = plannedManifest(o.extend && existing && o.chunkSize === undefined ? { ...o, chunkSize: existing.chunkSize } : o, info);
    if (existing) {
      if (o.extend) checkExtension(o.dir, existing, planned);
      const diff = identityDifference(o.extend ? { ...existing, runs: planned.runs, range: planned.range } : existing, planned, ['shard', 'chunkSize']);
      if (diff) {
        const more = diff.startsWith('runs:') && planned.runs > existing.runs && planned.sampling === 'random' ? '; to add runs to it, give --extend' : '';
        throw new BatchRequestError(`${o.dir} holds a different batch (${diff})${more}; use another --out or remove it`);
      }
    } else if (o.extend) {
      throw new BatchRequestError(`--extend: ${o.dir} holds no batch to extend (no manifest.json); run the batch first, or drop --extend`);
    } else if (existsSync(o.dir) && readdirSync(o.dir).some((f) => f !== LOCK_FILE)) {
      throw new BatchRequestError(`${o.dir} is not empty and holds no batch manifest; use an empty or new --out directory`);
    }
    const [from, to] = planned.range;
    const P = info.params.length;
    const K = kpiWidth({ outputs: info.outputs, times: Float64Array.from(info.times) });
    const tiles = tileRange(o.dir, from, to, planned.chunkSize, listChunks(o.dir));
    const missing = tiles.filter((t) => !t.present);
    // Chunks of an earlier call are checked (checksum, widths) before any new run.
    for (const t of tiles) if (t.present) readChunk(t.path, P, K);
    const reusedRuns = tiles.filter((t) => t.present).reduce((n, c) => n + c.count, 0);
    writeManifest(o.dir, { ...planned, runsDone: reusedRuns });

    const label = o.shard ? `batch shard ${o.shard.index}/${o.shard.count}` : 'batch';
    if (o.progress && existing && planned.runs > existing.runs) o.progress.write(`${label}: extending the batch of ${existing.runs} runs to ${planned.runs}\n`);
    else if (reusedRuns > 0 && o.progress) o.progress.write(`${label}: resuming, ${reusedRuns} of ${to - from} runs already done\n`);
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
    const files = tiles.map(({ start, count, path }) => ({ start, count, path }));
    const manifest = await writeResultsOnPool(o.dir, planned, files, pool, o.job, cache);
    return { manifest, computedRuns: done - reusedRuns, reusedRuns };
  } finally {
    if (!o.pool) pool?.close();
    unlock();
  }
}
