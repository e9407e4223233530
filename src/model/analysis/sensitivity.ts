// Sensitivity analysis of a model's KPIs (output at a year): Morris screening or Sobol
// indices, for any model reachable through an `evaluate` function (in-thread, or a
// worker pool). Pure apart from calling `evaluate`; the UI's tornado chart reads
// `tornado()` of the report.
import { morrisIndices, morrisSample, type MorrisResult } from './morris.ts';
import type { Seed } from './rng.ts';
import type { UncertainParameter } from './sampling.ts';
import { saltelliSample, sobolIndices, type SobolResult } from './sobol.ts';

/** A KPI: one output at one saved time. */
export interface KpiSelector {
  output: string;
  time: number;
}

/** Evaluate the model at rows of parameter values; returns rows × columns KPI values. */
export type Evaluate = (points: Float64Array, columns: Int32Array) => Promise<Float64Array>;

/** What sensitivity needs to know about a model. */
export interface ModelShape {
  params: UncertainParameter[];
  outputs: string[];
  times: ArrayLike<number>;
}

/** Options of a sensitivity analysis. */
export interface SensitivityOptions {
  method: 'morris' | 'sobol';
  /** Sobol: base samples N (N·(d+2) runs). Morris: trajectories r (r·(d+1) runs). */
  samples: number;
  seed: Seed;
  kpis: KpiSelector[];
  /** Bootstrap resamples for confidence intervals (default 500). */
  bootstrap?: number;
  /** Morris grid levels (default 4). */
  levels?: number;
}

/** Indices of one KPI. */
export interface KpiSensitivity extends KpiSelector {
  sobol?: SobolResult;
  morris?: MorrisResult;
}

/** Result of a sensitivity analysis. */
export interface SensitivityReport {
  method: 'morris' | 'sobol';
  samples: number;
  seed: Seed;
  /** Model runs used. */
  evaluations: number;
  params: string[];
  results: KpiSensitivity[];
}

/** Column index of each KPI in a run's output (output-major); throws naming unknown outputs/years. */
export function kpiColumns(shape: Pick<ModelShape, 'outputs' | 'times'>, kpis: KpiSelector[]): Int32Array {
  const T = shape.times.length;
  return Int32Array.from(kpis, (k) => {
    const o = shape.outputs.indexOf(k.output);
    if (o < 0) throw new Error(`--output: unknown output ${JSON.stringify(k.output)}; allowed: ${shape.outputs.join(', ')}`);
    const t = Array.prototype.indexOf.call(shape.times, k.time) as number;
    if (t < 0) throw new Error(`--year: ${k.time} is not a reported time; allowed: ${shape.times[0]} to ${shape.times[T - 1]}`);
    return o * T + t;
  });
}

/** Run the analysis: build the design, evaluate it, compute indices per KPI. */
export async function sensitivity(shape: ModelShape, opts: SensitivityOptions, evaluate: Evaluate): Promise<SensitivityReport> {
  const columns = kpiColumns(shape, opts.kpis);
  const m = columns.length;
  const d = shape.params.length;
  const column = (y: Float64Array, c: number) => Float64Array.from({ length: y.length / m }, (_, r) => y[r * m + c]);
  const boot = { bootstrap: opts.bootstrap, seed: opts.seed };
  if (opts.method === 'sobol') {
    const design = saltelliSample(shape.params, opts.samples, opts.seed);
    const y = await evaluate(design.points, columns);
    const results = opts.kpis.map((k, c) => ({ ...k, sobol: sobolIndices(column(y, c), design, boot) }));
    return { method: 'sobol', samples: opts.samples, seed: opts.seed, evaluations: design.points.length / d, params: shape.params.map((p) => p.id), results };
  }
  if (opts.method === 'morris') {
    const design = morrisSample(shape.params, opts.samples, opts.seed, opts.levels);
    const y = await evaluate(design.points, columns);
    const results = opts.kpis.map((k, c) => ({ ...k, morris: morrisIndices(column(y, c), design, boot) }));
    return { method: 'morris', samples: opts.samples, seed: opts.seed, evaluations: design.points.length / d, params: shape.params.map((p) => p.id), results };
  }
  throw new Error(`--method must be morris or sobol (got ${JSON.stringify(opts.method)})`);
}

/** One bar of a tornado chart. */
export interface TornadoBar {
  param: string;
  /** Bar length: ST (Sobol) or μ* (Morris). */
  value: number;
  /** Interval of the value. */
  low: number;
  high: number;
  /** Secondary value: S1 (Sobol) or σ (Morris). */
  secondary: number;
}

/** Tornado bars of one KPI's result, largest first. */
export function tornado(r: KpiSensitivity, params: string[]): TornadoBar[] {
  const bars = params.map((param, i): TornadoBar => {
    if (r.sobol) return { param, value: r.sobol.ST[i], low: r.sobol.STci[i][0], high: r.sobol.STci[i][1], secondary: r.sobol.S1[i] };
    const m = r.morris!;
    return { param, value: m.muStar[i], low: m.muStarCi[i][0], high: m.muStarCi[i][1], secondary: m.sigma[i] };
  });
  return bars.sort((a, b) => b.value - a.value || a.param.localeCompare(b.param));
}
