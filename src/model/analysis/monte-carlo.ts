// Monte Carlo in memory, for the library and the web app: run a model N times and read
// fan charts (5–95 and 25–75 bands, median, mean per output and time). Same numbers as
// the CLI's batch for the same model, N, seed and sampling.
import { kpiWidth, type BatchModel } from './batch-model.ts';
import { computeChunk } from './chunk.ts';
import type { Seed } from './rng.ts';
import { Sampler, type SamplingMethod } from './sampling.ts';
import { describeColumns, STATISTICS } from './statistics.ts';
import type { RunTable } from './summarize.ts';

/** Fan-chart data of one output: one value per time for each band edge. */
export interface FanChart {
  output: string;
  times: number[];
  mean: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/** Run all N runs of a model in this thread; `onProgress(done)` after each block of runs. */
export function monteCarlo(
  model: BatchModel,
  runs: number,
  seed: Seed,
  sampling: SamplingMethod = 'lhs',
  onProgress?: (done: number) => void,
): RunTable {
  const sampler = new Sampler({ params: model.params, runs, seed, method: sampling });
  const P = model.params.length;
  const K = kpiWidth(model);
  const paramValues = new Float64Array(runs * P);
  const values = new Float64Array(runs * K);
  const block = 100;
  for (let s = 0; s < runs; s += block) {
    const c = computeChunk(model, sampler, s, Math.min(block, runs - s));
    paramValues.set(c.params, s * P);
    values.set(c.values, s * K);
    onProgress?.(s + c.count);
  }
  return { start: 0, count: runs, params: model.params.map((p) => p.id), outputs: model.outputs, times: model.times, paramValues, values };
}

/** Fan charts of every output of a run table (type-7 percentiles over the runs). */
export function fanCharts(t: RunTable): FanChart[] {
  const T = t.times.length;
  const S = STATISTICS.length;
  const stats = describeColumns(t.values, t.count, t.outputs.length * T);
  const pick = (o: number, name: (typeof STATISTICS)[number]) =>
    Array.from({ length: T }, (_, i) => stats[(o * T + i) * S + STATISTICS.indexOf(name)]);
  return t.outputs.map((output, o) => ({
    output,
    times: Array.from(t.times),
    mean: pick(o, 'mean'),
    p5: pick(o, 'p5'),
    p25: pick(o, 'p25'),
    p50: pick(o, 'p50'),
    p75: pick(o, 'p75'),
    p95: pick(o, 'p95'),
  }));
}

/** Fan charts of a model's outputs from N runs (in this thread; call it inside a Web Worker). */
export function monteCarloSummary(model: BatchModel, runs: number, seed: Seed, sampling: SamplingMethod = 'lhs'): FanChart[] {
  return fanCharts(monteCarlo(model, runs, seed, sampling));
}
