// Shards: the i-th of n disjoint, contiguous slices of a batch's runs 0..N-1. Indices are
// 0-based (`--shard 0/4` … `--shard 3/4`), like cluster schedulers' array indices, so a
// job array's index maps straight onto a shard (see shard-from-env.ts).

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse "i/n" (0 ≤ i < n); throws a message naming the text when malformed. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`--shard must look like i/n with 0 ≤ i < n, e.g. 0/4 (got "${text}")`);
  return makeShard(Number(m[1]), Number(m[2]));
}

/** Validate and build a shard. */
export function makeShard(index: number, count: number): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`shard count must be a positive integer (got ${count})`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count)
    throw new Error(`shard index must be between 0 and ${count - 1} (got ${index})`);
  return { index, count };
}

/** Runs [start, end) of a shard of N runs; the shards of one n tile 0..N-1 exactly. */
export function shardRange(runs: number, shard: Shard | undefined): [number, number] {
  if (!shard) return [0, runs];
  return [Math.floor((runs * shard.index) / shard.count), Math.floor((runs * (shard.index + 1)) / shard.count)];
}

/** "i/n" text of a shard. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
