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
  /** Groups of factors that move together (group index of each parameter); indices are then per group. */
  groups?: { names: string[]; of: Int32Array };
  /** Keep the design points and the outputs in the report (for --save-design). */
  keepDesign?: boolean;
}

/** The evaluated design of a report: the rows run and their KPI values. */
export interface EvaluatedDesign {
  /** rows × params values, in the order the analysis built them. */
  points: Float64Array;
  /** rows × KPIs values. */
  y: Float64Array;
  /** Sobol: base rows N; Morris: trajectories r. */
  n: number;
  /** Sobol: mixed rows per base row; Morris: steps per trajectory (params or groups). */
  k: number;
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
  /** Factor ids (or group names, when grouped), in the order of the indices. */
  params: string[];
  results: KpiSensitivity[];
  /** Morris grid levels. */
  levels?: number;
  /** Present when the options asked to keep it. */
  design?: EvaluatedDesign;
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
  const groups = opts.groups;
  if (groups && groups.of.length !== d) throw new Error(`groups: ${groups.of.length} entries for ${d} parameters`);
  const params = groups ? groups.names : shape.params.map((p) => p.id);
  const keep = (points: Float64Array, y: Float64Array, n: number, k: number) => (opts.keepDesign ? { design: { points, y, n, k } } : {});
  if (opts.method === 'sobol') {
    const design = saltelliSample(shape.params, opts.samples, opts.seed, 'qmc', groups?.of);
    const y = await evaluate(design.points, columns);
    const results = opts.kpis.map((k, c) => ({ ...k, sobol: sobolIndices(column(y, c), design, boot) }));
    return { method: 'sobol', samples: opts.samples, seed: opts.seed, evaluations: design.points.length / d, params, results, ...keep(design.points, y, design.n, design.k) };
  }
  if (opts.method === 'morris') {
    const levels = opts.levels ?? 4;
    const design = morrisSample(shape.params, opts.samples, opts.seed, levels, groups?.of);
    const y = await evaluate(design.points, columns);
    const results = opts.kpis.map((k, c) => ({ ...k, morris: morrisIndices(column(y, c), design, boot) }));
    return { method: 'morris', samples: opts.samples, seed: opts.seed, evaluations: design.points.length / d, params, results, levels, ...keep(design.points, y, design.r, design.k) };
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

/** A warning about one KPI's indices. */
export interface SensitivityWarning {
  output: string;
  time: number;
  kind: 'zero-variance' | 'sum-s1' | 's1-above-st' | 'noisy';
  message: string;
}

/** Width of a bootstrap interval above which the indices are reported as noisy. */
export const NOISY_WIDTH = 0.1;

/**
 * What a reader must not miss in a report: outputs that do not vary (indices NaN), ΣS1 above 1
 * or S1 above ST beyond the bootstrap's noise (or at all, without a bootstrap), and intervals so
 * wide that more samples are needed.
 */
export function sensitivityWarnings(r: SensitivityReport): SensitivityWarning[] {
  const out: SensitivityWarning[] = [];
  const f = (v: number) => v.toFixed(3);
  for (const k of r.results) {
    const at = `${k.output} @ ${k.time}`;
    const w = (kind: SensitivityWarning['kind'], message: string) => out.push({ output: k.output, time: k.time, kind, message: `${at}: ${message}` });
    if (k.sobol) {
      const s = k.sobol;
      if (!(s.variance > 0)) {
        w('zero-variance', 'the output does not vary over the design; its indices are undefined (NaN)');
        continue;
      }
      const boot = !Number.isNaN(s.sumS1ci[0]);
      if (boot ? s.sumS1ci[0] > 1 : s.sumS1 > 1) {
        w('sum-s1', `ΣS1 = ${f(s.sumS1)} > 1 ${boot ? `beyond noise (95% interval [${f(s.sumS1ci[0])}, ${f(s.sumS1ci[1])}])` : '(no bootstrap to judge the noise)'}; first-order indices cannot sum above 1: increase --samples`);
      }
      const above = r.params.filter((_, i) => (boot ? s.excessCi[i][0] > 0 : s.S1[i] > s.ST[i]));
      if (above.length) w('s1-above-st', `S1 > ST ${boot ? 'beyond noise' : '(no bootstrap to judge the noise)'} for ${above.join(', ')}; impossible for exact indices: increase --samples`);
      const widest = Math.max(...s.S1ci.map((c) => c[1] - c[0]), ...s.STci.map((c) => c[1] - c[0]));
      if (widest > NOISY_WIDTH) w('noisy', `bootstrap intervals up to ${f(widest)} wide (> ${NOISY_WIDTH}): the indices are noisy; increase --samples`);
    } else if (k.morris) {
      const m = k.morris;
      if (m.muStar.every((v) => v === 0) && m.sigma.every((v) => v === 0)) {
        w('zero-variance', 'the output does not vary over the design (every elementary effect is 0)');
        continue;
      }
      const top = Math.max(...m.muStar);
      const widest = Math.max(...m.muStarCi.map((c) => c[1] - c[0]));
      if (top > 0 && widest / top > 0.5) w('noisy', `μ* intervals up to ${(100 * widest / top).toFixed(0)} % of the largest μ* wide: the ranking is noisy; increase --samples`);
    }
  }
  return out;
}

/**
 * Factors (or groups) with no effect on any analysed KPI: ST exactly 0 (Sobol: every mixed row
 * gave the base row's value) or every elementary effect exactly 0 (Morris). KPIs that do not
 * vary at all say nothing and are passed over.
 */
export function inertFactors(r: SensitivityReport): string[] {
  const informative = r.results.filter((k) => (k.sobol ? k.sobol.variance > 0 : k.morris!.muStar.some((v) => v !== 0)));
  return r.params.filter((_, i) => informative.every((k) => (k.sobol ? k.sobol.ST[i] === 0 : k.morris!.muStar[i] === 0)));
}
