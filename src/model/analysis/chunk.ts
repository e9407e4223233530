// A chunk: consecutive runs computed together (the unit of work for a worker and of a
// file on disk). Computing a chunk is pure: same model, plan and range → same numbers.
import { kpiWidth, type BatchModel } from './batch-model.ts';
import type { Sampler } from './sampling.ts';

/** Runs [start, start + count) of a batch: sampled parameters and KPI values, run-major. */
export interface ChunkResult {
  start: number;
  count: number;
  /** count × params.length sampled parameter values. */
  params: Float64Array;
  /** count × kpiWidth KPI values. */
  values: Float64Array;
}

/** Compute runs [start, start+count); `beforeRun(k)` is a hook called before the k-th run of the chunk. */
export function computeChunk(
  model: BatchModel,
  sampler: Sampler,
  start: number,
  count: number,
  beforeRun?: (k: number) => void,
): ChunkResult {
  const P = model.params.length;
  const K = kpiWidth(model);
  const params = new Float64Array(count * P);
  const values = new Float64Array(count * K);
  const point = new Float64Array(P);
  const out = new Float64Array(K);
  for (let k = 0; k < count; k++) {
    beforeRun?.(k);
    const seed = sampler.point(start + k, point);
    out.fill(NaN);
    model.run(point, seed, out);
    params.set(point, k * P);
    values.set(out, k * K);
  }
  return { start, count, params, values };
}

/** Split runs [from, to) into chunks on a grid of `size` aligned at 0, so any shard cuts the same grid. */
export function chunkGrid(from: number, to: number, size: number): Array<{ start: number; count: number }> {
  const chunks: Array<{ start: number; count: number }> = [];
  let s = from;
  while (s < to) {
    const e = Math.min(to, (Math.floor(s / size) + 1) * size);
    chunks.push({ start: s, count: e - s });
    s = e;
  }
  return chunks;
}

/** Default chunk size for N runs: ~a few hundred runs, so progress and resume are fine-grained. */
export function defaultChunkSize(runs: number): number {
  return Math.max(1, Math.min(500, Math.ceil(runs / 20)));
}
