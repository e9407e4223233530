// Chunks this process computed, kept in memory (up to a budget), so the results step at the
// end of a batch need not read their files back. Chunks past the budget, and those an earlier
// call left on disk, are read from their files then.
import type { ChunkResult } from '../chunk.ts';

/** Default memory budget of the cache (bytes of values). */
export const CHUNK_CACHE_BUDGET = 128 * 2 ** 20;

/** Computed chunks by first run, up to a memory budget. */
export class ChunkCache {
  private readonly chunks = new Map<number, ChunkResult>();
  private bytes = 0;

  constructor(private readonly budget = CHUNK_CACHE_BUDGET) {}

  /** Keep `c` if it fits in the budget. */
  add(c: ChunkResult): void {
    const size = 8 * (c.params.length + c.values.length);
    if (this.bytes + size > this.budget) return;
    this.bytes += size;
    this.chunks.set(c.start, c);
  }

  /** The chunk of `count` runs starting at run `start`, if kept. */
  get(start: number, count: number): ChunkResult | undefined {
    const c = this.chunks.get(start);
    return c && c.count === count ? c : undefined;
  }
}
