// Chunks this process computed, kept in memory (up to a budget) with their runs.csv rows
// formatted as they arrive: the main thread is idle while the workers run, so the results
// step at the end need not read the chunk files back and format them again. Chunks past the
// budget, and those an earlier call left on disk, are read and formatted at the end as before.
import type { ChunkResult } from '../chunk.ts';
import type { BatchManifest } from '../manifest.ts';
import { runsRows } from '../summarize.ts';

/** A computed chunk and its runs.csv rows. */
export interface CachedChunk {
  result: ChunkResult;
  rows: string;
}

/** runs.csv rows of a chunk of the batch described by `m`. */
export function chunkRows(m: Pick<BatchManifest, 'params' | 'outputs' | 'times'>, c: ChunkResult): string {
  return runsRows({ start: c.start, count: c.count, params: m.params, outputs: m.outputs, times: m.times, paramValues: c.params, values: c.values });
}

/** Default memory budget of the cache (bytes, values and text together). */
export const CHUNK_CACHE_BUDGET = 128 * 2 ** 20;

/** Computed chunks by first run, up to a memory budget. */
export class ChunkCache {
  private readonly chunks = new Map<number, CachedChunk>();
  private bytes = 0;

  constructor(
    private readonly m: Pick<BatchManifest, 'params' | 'outputs' | 'times'>,
    private readonly budget = CHUNK_CACHE_BUDGET,
  ) {}

  /** Keep `c` (formatting its rows now) if it fits in the budget. */
  add(c: ChunkResult): void {
    const size = 8 * (c.params.length + c.values.length);
    if (this.bytes + 3 * size > this.budget) return; // text takes about twice the values' bytes
    const rows = chunkRows(this.m, c);
    this.bytes += size + 2 * rows.length;
    this.chunks.set(c.start, { result: c, rows });
  }

  /** The chunk of `count` runs starting at run `start`, if kept. */
  get(start: number, count: number): CachedChunk | undefined {
    const c = this.chunks.get(start);
    return c && c.result.count === count ? c : undefined;
  }
}
