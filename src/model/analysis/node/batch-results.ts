// summary.csv and runs.csv of a batch directory, computed from its chunk files. Memory
// stays bounded for large N: statistics are computed for blocks of outputs at a time
// (each block reads the chunks again), and runs.csv is streamed chunk by chunk. Column
// statistics do not depend on the blocking, so the bytes are the same for any budget.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { summaryCsv } from '../format.ts';
import type { BatchManifest } from '../manifest.ts';
import { describeColumns, STATISTICS } from '../statistics.ts';
import { runsHeader } from '../summarize.ts';
import type { ChunkResult } from '../chunk.ts';
import { readChunk, writeManifest } from './batch-dir.ts';
import { chunkRows, type ChunkCache } from './chunk-cache.ts';
import { writeFileAtomic } from '../../../io/write-atomic.ts';

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
  return cache?.get(f.start, f.count)?.result ?? readChunk(f.path, P, K);
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
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, runsHeader(m));
    for (const f of files) {
      writeSync(fd, cache?.get(f.start, f.count)?.rows ?? chunkRows(m, readChunk(f.path, P, K)));
    }
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Write summary.csv, runs.csv and the final manifest of a directory whose chunks cover
 * m.range; chunks in `cache` (computed by this process) are not read back.
 */
export function writeResults(dir: string, m: BatchManifest, files: ChunkFile[], budget = BLOCK_BUDGET, cache?: ChunkCache): BatchManifest {
  const sorted = [...files].sort((a, b) => a.start - b.start);
  writeFileAtomic(join(dir, 'summary.csv'), summaryFromChunks(m, sorted, budget, cache));
  writeRunsCsv(join(dir, 'runs.csv'), m, sorted, cache);
  const done = { ...m, runsDone: m.range[1] - m.range[0], complete: true };
  writeManifest(dir, done);
  return done;
}
