// summary.csv and runs.csv of a batch directory, computed from its chunk files. Memory
// stays bounded for large N: statistics are computed for blocks of outputs at a time
// (each block reads the chunks again), and runs.csv is streamed chunk by chunk. Column
// statistics do not depend on the blocking, so the bytes are the same for any budget.
// After a batch, the runs.csv rows can be formatted on the (now idle) worker pool while this
// thread computes the statistics; the rows are the same text either way.
import { join } from 'node:path';
import { summaryCsv } from '../format.ts';
import type { BatchManifest } from '../manifest.ts';
import { describeColumns, STATISTICS } from '../statistics.ts';
import { chunkRunsRows, runsHeader } from '../summarize.ts';
import type { ChunkResult } from '../chunk.ts';
import { readChunk, writeManifest } from './batch-dir.ts';
import type { ChunkCache } from './chunk-cache.ts';
import { AtomicFileWriter, writeFileAtomic } from '../../../io/write-atomic.ts';
import type { WorkerPool } from '../../worker/pool.ts';
import type { BatchJob } from '../../worker/worker-api.ts';

/** A chunk file of the batch. */
export interface ChunkFile {
  start: number;
  count: number;
  path: string;
}

/** Default memory budget for one block of per-run values (bytes). */
export const BLOCK_BUDGET = 256 * 2 ** 20;

/** A chunk's values: from the cache when this process computed it, else from its file. */
function chunkOf(f: ChunkFile, P: number, K: number, cache?: ChunkCache): ChunkResult {
  return cache?.get(f.start, f.count) ?? readChunk(f.path, P, K);
}

/** summary.csv text from the chunk files of runs m.range, using at most ~`budget` bytes per block. */
export function summaryFromChunks(m: BatchManifest, files: ChunkFile[], budget = BLOCK_BUDGET, cache?: ChunkCache): string {
  const P = m.params.length;
  const T = m.times.length;
  const K = m.outputs.length * T;
  const S = STATISTICS.length;
  const [from, to] = m.range;
  const n = to - from;
  const perOutput = Math.max(1, n * T * 8);
  const outputsPerBlock = Math.max(1, Math.floor(budget / perOutput));
  const stats = new Float64Array(K * S);
  for (let o0 = 0; o0 < m.outputs.length; o0 += outputsPerBlock) {
    const o1 = Math.min(m.outputs.length, o0 + outputsPerBlock);
    const width = (o1 - o0) * T;
    const block = new Float64Array(n * width);
    for (const f of files) {
      const c = chunkOf(f, P, K, cache);
      for (let r = 0; r < c.count; r++) {
        const src = r * K + o0 * T;
        block.set(c.values.subarray(src, src + width), (c.start - from + r) * width);
      }
    }
    stats.set(describeColumns(block, n, width), o0 * T * S);
  }
  return summaryCsv(m.outputs, m.times, stats);
}

/** Stream runs.csv for the chunk files (in run order) to `path`, atomically. */
export function writeRunsCsv(path: string, m: BatchManifest, files: ChunkFile[], cache?: ChunkCache): void {
  const P = m.params.length;
  const K = m.outputs.length * m.times.length;
  const out = new AtomicFileWriter(path);
  try {
    out.write(runsHeader(m));
    for (const f of files) out.write(chunkRunsRows(m, chunkOf(f, P, K, cache)));
  } catch (err) {
    out.end(false);
    throw err;
  }
  out.end(true);
}

/** Most bytes of per-run values handed to one worker at a time for formatting runs.csv rows. */
export const ROWS_TASK_BYTES = 32 * 2 ** 20;

/** Consecutive chunk files in groups: about one per worker, each at most `maxBytes` of values (at least one chunk). */
function rowGroups(files: ChunkFile[], bytesPerRun: number, workers: number, maxBytes: number): ChunkFile[][] {
  const runs = files.reduce((n, f) => n + f.count, 0);
  const target = Math.min(Math.ceil(runs / workers), Math.max(1, Math.floor(maxBytes / bytesPerRun)));
  const groups: ChunkFile[][] = [];
  let cur: ChunkFile[] = [];
  let n = 0;
  for (const f of files) {
    if (cur.length && n + f.count > target) {
      groups.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(f);
    n += f.count;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/**
 * writeResults for a batch that has just run on `pool` (its workers hold `job`): the runs.csv
 * rows are formatted on the workers, a group of chunks per task, while this thread computes
 * summary.csv; groups are written in run order as they arrive. Same bytes as writeResults.
 */
export async function writeResultsOnPool(
  dir: string, m: BatchManifest, files: ChunkFile[], pool: WorkerPool, job: BatchJob,
  cache?: ChunkCache, maxTaskBytes = ROWS_TASK_BYTES,
): Promise<BatchManifest> {
  const sorted = [...files].sort((a, b) => a.start - b.start);
  const P = m.params.length;
  const K = m.outputs.length * m.times.length;
  const groups = rowGroups(sorted, 8 * (P + K), pool.size, maxTaskBytes);
  const columns = { params: m.params, outputs: m.outputs, times: m.times };
  const out = new AtomicFileWriter(join(dir, 'runs.csv'));
  out.write(runsHeader(m));
  const texts = new Map<number, string>();
  let next = 0;
  const rows = pool.map(
    job,
    groups.length,
    (api, g) => api.runsRows(groups[g].map((f) => chunkOf(f, P, K, cache)), columns),
    (g, text) => {
      texts.set(g, text);
      for (; texts.has(next); next++) {
        out.write(texts.get(next)!);
        texts.delete(next);
      }
    },
  );
  rows.catch(() => {}); // awaited below, after the statistics
  try {
    // Let the first tasks reach the workers before this thread is busy with the statistics.
    await new Promise((resolve) => setImmediate(resolve));
    const summary = summaryFromChunks(m, sorted, BLOCK_BUDGET, cache);
    await rows;
    writeFileAtomic(join(dir, 'summary.csv'), summary);
  } catch (err) {
    await rows.catch(() => {}); // no task may write after the file is gone
    out.end(false);
    throw err;
  }
  out.end(true);
  return writeFinalManifest(dir, m);
}

/** Mark the batch of `dir` complete (all runs of m.range done) in its manifest. */
function writeFinalManifest(dir: string, m: BatchManifest): BatchManifest {
  const done = { ...m, runsDone: m.range[1] - m.range[0], complete: true };
  writeManifest(dir, done);
  return done;
}

/**
 * Write summary.csv, runs.csv and the final manifest of a directory whose chunks cover
 * m.range; chunks in `cache` (computed by this process) are not read back.
 */
export function writeResults(dir: string, m: BatchManifest, files: ChunkFile[], budget = BLOCK_BUDGET, cache?: ChunkCache): BatchManifest {
  const sorted = [...files].sort((a, b) => a.start - b.start);
  writeFileAtomic(join(dir, 'summary.csv'), summaryFromChunks(m, sorted, budget, cache));
  writeRunsCsv(join(dir, 'runs.csv'), m, sorted, cache);
  return writeFinalManifest(dir, m);
}
