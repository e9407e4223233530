// The page's posterior Monte Carlo runs inside a model worker, kept for the last few lever
// settings: the headline cards' band and the chart's fan under the same settings read one set
// of runs (the same Latin-hypercube draws and seed), instead of each running its own.
import { chengyuBatchModel } from '../../model/chengyu/batch-model.ts';
import { monteCarlo } from '../../model/analysis/monte-carlo.ts';
import type { RunTable } from '../../model/analysis/summarize.ts';

/** Seed of the page's uncertainty runs: fixed, so the same settings always show the same band. */
export const UNCERTAINTY_SEED = 20350;

/** Settings whose runs are kept (the current one, the baseline, one more). */
const KEPT = 3;
const kept = new Map<string, RunTable>();

/**
 * `runs` posterior runs under lever `constants`, with at least `outputs` (every saved year):
 * the kept table of these settings when it holds them, else newly run (and kept).
 */
export function posteriorRuns(constants: Record<string, number>, outputs: readonly string[], runs: number): RunTable {
  const key = JSON.stringify([constants, runs]);
  const hit = kept.get(key);
  if (hit && outputs.every((o) => hit.outputs.includes(o))) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const table = monteCarlo(chengyuBatchModel({ constants, outputs: [...outputs] }), runs, UNCERTAINTY_SEED, 'lhs');
  kept.delete(key);
  kept.set(key, table);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return table;
}

/** The same runs with only `outputs`, in that order. */
export function withOutputs(t: RunTable, outputs: readonly string[]): RunTable {
  const T = t.times.length;
  const K = t.outputs.length * T;
  const from = outputs.map((o) => {
    const i = t.outputs.indexOf(o);
    if (i < 0) throw new Error(`the runs have no output ${o}`);
    return i;
  });
  const values = new Float64Array(t.count * outputs.length * T);
  for (let r = 0; r < t.count; r++) {
    for (let k = 0; k < from.length; k++) values.set(t.values.subarray(r * K + from[k] * T, r * K + (from[k] + 1) * T), (r * outputs.length + k) * T);
  }
  return { ...t, outputs: [...outputs], values };
}
