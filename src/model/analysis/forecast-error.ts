// Forecast error beyond the data: a model's runs vary only in their parameters, but a
// projection past the last observation is also off by whatever the model leaves out. Past
// forecasts measure that (a rolling origin); here it is added to each run as a multiplicative
// random walk in log space that starts at the last observed time, so its spread grows as
// σ·√(years ahead), and series that share a group (e.g. all enterprise counts) share one walk
// per run, keeping sums and ratios of them consistent.
import { normalQuantile } from './normal.ts';
import { stream, type Seed } from './rng.ts';
import type { RunTable } from './summarize.ts';

/** The forecast error of one output: its group's walk and that walk's scale. */
export interface OutputForecastError {
  /** Outputs with the same group share one random walk per run. */
  group: string;
  /** Standard deviation of the log error after one time unit ahead (it grows with √(t − origin)). */
  sigma: number;
}

/** Where the walk starts and how each output is affected (outputs absent from `outputs` are left as they are). */
export interface ForecastErrorSpec {
  /** Last observed time: values up to it are unchanged. */
  origin: number;
  outputs: Readonly<Record<string, OutputForecastError>>;
}

/**
 * The run table with each affected output multiplied by exp(σ·W(t − origin)), W a standard
 * random walk per run and group, stepped at the table's times; with `replicates` k > 1, each run
 * appears k times in a row, each with its own walk (smoother percentiles at no extra model run).
 * The same (seed, run index, replicate) gives the same walk however the runs are split.
 */
export function withForecastError(t: RunTable, spec: ForecastErrorSpec, seed: Seed, replicates = 1): RunTable {
  const T = t.times.length;
  const K = t.outputs.length * T;
  const P = t.params.length;
  const groups = [...new Set(t.outputs.flatMap((o) => (spec.outputs[o] ? [spec.outputs[o].group] : [])))].sort();
  if (groups.length === 0 && replicates === 1) return t;
  const count = t.count * replicates;
  const values = new Float64Array(count * K);
  const paramValues = new Float64Array(count * P);
  const walk = new Float64Array(T);
  for (let r = 0; r < t.count; r++) {
    for (let j = 0; j < replicates; j++) {
      const row = r * replicates + j;
      values.set(t.values.subarray(r * K, (r + 1) * K), row * K);
      paramValues.set(t.paramValues.subarray(r * P, (r + 1) * P), row * P);
      for (const g of groups) {
        const rng = stream(seed, 'forecast-error', g, t.start + r, j);
        let w = 0;
        let prev = spec.origin;
        for (let i = 0; i < T; i++) {
          const time = t.times[i];
          if (time > spec.origin) {
            w += Math.sqrt(time - prev) * normalQuantile(rng());
            prev = time;
          }
          walk[i] = w;
        }
        t.outputs.forEach((o, k) => {
          const e = spec.outputs[o];
          if (!e || e.group !== g) return;
          for (let i = 0; i < T; i++) if (walk[i] !== 0) values[row * K + k * T + i] *= Math.exp(e.sigma * walk[i]);
        });
      }
    }
  }
  return { ...t, start: t.start * replicates, count, values, paramValues };
}

/** The factor f such that the central `level` band of a log-normal error with log sd σ·√years spans median ÷ f to × f. */
export function bandFactor(sigma: number, years: number, level = 0.9): number {
  return Math.exp(normalQuantile(0.5 + level / 2) * sigma * Math.sqrt(years));
}
