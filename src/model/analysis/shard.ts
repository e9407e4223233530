// Shards: the i-th of n disjoint, contiguous slices of a batch's runs 0..N-1. A shard is
// a plain pair of numbers, so a cluster scheduler's array index maps straight onto it.

/** Shard `index` (1-based, like `--shard 2/4`) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse "i/n" (1 ≤ i ≤ n); throws a message naming the text when malformed. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`--shard must look like i/n, e.g. 2/4 (got "${text}")`);
  return makeShard(Number(m[1]), Number(m[2]));
}

/** Shard from a 0-based array index (Slurm, Kubernetes, AWS Batch) and a task count. */
export function shardFromZeroBased(index0: number, count: number): Shard {
  return makeShard(index0 + 1, count);
}

/** Validate and build a shard. */
export function makeShard(index: number, count: number): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`shard count must be a positive integer (got ${count})`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) throw new Error(`shard index must be between 1 and ${count} (got ${index})`);
  return { index, count };
}

/** Runs [start, end) of a shard of N runs; the shards of one n tile 0..N-1 exactly. */
export function shardRange(runs: number, shard: Shard | undefined): [number, number] {
  if (!shard) return [0, runs];
  return [Math.floor((runs * (shard.index - 1)) / shard.count), Math.floor((runs * shard.index) / shard.count)];
}

/** "i/n" text of a shard. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
