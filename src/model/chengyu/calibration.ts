// Calibration of the regional model: fit the registry's `calibrated` parameters to the
// 2015–2022 targets (weighted least squares on log values; weights from observations.ts) with
// seeded multi-start Nelder–Mead, and report the fit per series. Pure functions; writing
// calibration.json is the caller's job (the CLI's `calibrate --write`).
import type { CompiledModel } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import { calibrateMultiStart, type BoundedParameter } from '../analysis/calibrate.ts';
import { logDensity } from '../analysis/distributions.ts';
import { CALIBRATION_TARGETS, targetPenalty, type CalibrationTarget } from './targets.ts';
import { targetRunner } from './target-runner.ts';
import { PARAMETER_INDEX, CALIBRATED_IDS } from './parameters.ts';

/** Last year of the data the model is fitted on (later years judge its forecasts). */
export const FIT_LAST_YEAR = 2022;

/** The committed calibration file's shape. */
export interface CalibrationFile {
  /** What the fit used, in words. */
  basis: string;
  seed: number;
  starts: number;
  maxEvals: number;
  /** First and last year of the targets fitted. */
  fitWindow: [number, number];
  /** Weighted sum of squared log errors at the optimum. */
  objective: number;
  /** Fitted values by parameter id. */
  parameters: Record<string, number>;
}

/** The calibration basis, stated in every calibration file and fit report. */
export const CALIBRATION_BASIS =
  'Weighted least squares on log values over the targets of src/model/chengyu/data/calibration-targets.csv ' +
  '(2015–2022): enterprise counts of Sichuan, Chengdu city, Chongqing, the Chengdu zone and the 12 zones (the ' +
  "paper's Table 2 for 2015–2018, official year-end counts after; the paper's '2020' counts re-dated to 2019), " +
  "Sichuan's S&T SME registry, R&D expenditure and intensity, GDP and registered technology contracts. Each " +
  "point's weight is 1 / (observation error² + model error²): the observation error (log units) carries the " +
  "source type, derivation and the spread of conflicting sources; the model error is one scale per series family.";

/** Calibration options. */
export interface CalibrateOptions {
  /** Fit only the targets up to this year (default FIT_LAST_YEAR; `validate` uses earlier cut-offs). */
  lastYear?: number;
  seed?: number;
  starts?: number;
  maxEvals?: number;
  /** Progress callback: start index finished and its objective. */
  onProgress?: (message: string) => void;
}

/** The calibrated parameters as bounded parameters (box = the registry's range, start = the registry's value). */
export function calibrationParameters(): BoundedParameter[] {
  return CALIBRATED_IDS.map((id) => {
    const p = PARAMETER_INDEX.get(id)!;
    return { id, lower: p.range[0], upper: p.range[1], initial: p.value as number };
  });
}

/** A fitted value against its box, and the bound it sits on (within `tol` of the box's width), if any. */
export interface FittedBound {
  id: string;
  value: number;
  lower: number;
  upper: number;
  atBound?: 'lower' | 'upper';
}

/**
 * Where each fitted value lies in its box: a value on a bound means the data push past the
 * plausible range (or do not inform the parameter), so the bound, not the data, set it.
 */
export function fittedBounds(values: Readonly<Record<string, number>>, tol = 1e-3): FittedBound[] {
  return calibrationParameters().map(({ id, lower, upper }) => {
    const value = values[id];
    const near = tol * (upper - lower);
    const atBound = value - lower <= near ? 'lower' : upper - value <= near ? 'upper' : undefined;
    return { id, value, lower, upper, ...(atBound ? { atBound } : {}) };
  });
}

/** The informative priors of calibrated parameters (those with a distribution), as log densities. */
export function calibrationPriors(): { id: string; logPdf: (x: number) => number }[] {
  return CALIBRATED_IDS.flatMap((id) => {
    const d = PARAMETER_INDEX.get(id)!.distribution;
    return d ? [{ id, logPdf: (x: number) => logDensity(d, x) }] : [];
  });
}

/** An objective over the calibrated parameters and the given targets, built on one compiled model and a reusable runner. */
export function calibrationObjective(
  targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS,
  model?: CompiledModel,
): (values: Record<string, number>) => number {
  const { runner, at: index } = targetRunner(targets, model);
  const slots = CALIBRATED_IDS.map((id) => runner.constantIndex(id));
  const c = runner.defaults();
  const priors = calibrationPriors();
  return (values) => {
    CALIBRATED_IDS.forEach((id, k) => (c[slots[k]] = values[id]));
    const out = runner.run(c);
    let sse = 0;
    for (let k = 0; k < targets.length; k++) sse += targetPenalty(targets[k], out[index[k]]);
    // Informative priors (calibrated parameters with a distribution) make this a MAP fit.
    for (let k = 0; k < priors.length; k++) sse -= 2 * priors[k].logPdf(values[priors[k].id]);
    return sse;
  };
}

/** Fit the calibrated parameters to the targets up to `lastYear`; deterministic for given options. */
export function calibrateChengyu(opts: CalibrateOptions = {}): CalibrationFile {
  const seed = opts.seed ?? 20151231;
  const starts = opts.starts ?? 4;
  const maxEvals = opts.maxEvals ?? 4000;
  const lastYear = opts.lastYear ?? FIT_LAST_YEAR;
  const objective = calibrationObjective(CALIBRATION_TARGETS.filter((t) => t.year <= lastYear));
  const result = calibrateMultiStart(calibrationParameters(), objective, { seed, starts, maxEvals, restarts: 2 });
  opts.onProgress?.(`calibrate: objective ${result.objective.toFixed(4)} after ${result.evals} runs (starts: ${result.startObjectives.map((v) => v.toFixed(3)).join(', ')})`);
  return { basis: CALIBRATION_BASIS, seed, starts, maxEvals, fitWindow: [2015, lastYear], objective: result.objective, parameters: result.values };
}

/** One row of the fit report. */
export interface FitRow {
  output: string;
  year: number;
  observed: number;
  simulated: number;
  /** simulated − observed. */
  error: number;
  /** 100 × error / observed. */
  errorPct: number;
  where: string;
  weight: number;
  bound: 'point' | 'lower';
}

/** Fit of one series (one output from one source). */
export interface FitSeries {
  series: string;
  rows: FitRow[];
  /** Mean absolute percentage error over the series' points. */
  mape: number;
}

/** Fit report: every target point, grouped by series. */
export interface FitReport {
  basis: string;
  series: FitSeries[];
}

/** Compare a run with the calibration targets (default: all of them), grouped by output. */
export function fitReport(run: RunResult, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): FitReport {
  const value = (t: CalibrationTarget) => {
    const s = run.series.get(t.output);
    if (!s) throw new Error(`fitReport: the run has no output "${t.output}"`);
    const i = Array.from(run.times).findIndex((x) => Math.abs(x - t.year) < 1e-9);
    if (i < 0) throw new Error(`fitReport: the run has no saved time ${t.year}`);
    return s[i];
  };
  const bySeries = new Map<string, FitRow[]>();
  for (const t of targets) {
    const simulated = value(t);
    // A lower bound that the simulation meets has no error.
    const met = t.bound === 'lower' && simulated >= t.observed;
    const error = met ? 0 : simulated - t.observed;
    const row: FitRow = {
      output: t.output, year: t.year, observed: t.observed, simulated, error,
      errorPct: (100 * error) / t.observed, where: t.where, weight: t.weight, bound: t.bound,
    };
    bySeries.set(t.series, [...(bySeries.get(t.series) ?? []), row]);
  }
  return {
    basis: CALIBRATION_BASIS,
    series: [...bySeries].map(([series, rows]) => ({
      series,
      rows,
      mape: rows.reduce((s, r) => s + Math.abs(r.errorPct), 0) / rows.length,
    })),
  };
}

/** One acceptance target of the calibrated baseline, with its measured value. */
export interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  pass: boolean;
}

/**
 * Check a run against the acceptance targets of the fit (issue 11): enterprise series MAPE ≤ 5 %
 * each (Sichuan, Chengdu city, Chongqing), R&D intensity within 0.15 points in every year with
 * a figure, technology contracts within 15 %.
 */
export function checkTargets(run: RunResult, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): TargetCheck[] {
  const rows = fitReport(run, targets).series.flatMap((s) => s.rows);
  const checks: TargetCheck[] = [];
  for (const o of ['hte_sichuan', 'hte_chengdu_city', 'hte_chongqing']) {
    const rs = rows.filter((r) => r.output === o);
    const v = rs.reduce((s, r) => s + Math.abs(r.errorPct), 0) / rs.length;
    checks.push({ name: `${o} MAPE ${rs[0].year}–${rs[rs.length - 1].year} (%)`, value: v, limit: 5, pass: v <= 5 });
  }
  for (const o of ['rd_intensity_sichuan', 'rd_intensity_chongqing']) {
    const worst = Math.max(...rows.filter((r) => r.output === o).map((r) => Math.abs(r.error)));
    checks.push({ name: `${o} largest error (points)`, value: worst, limit: 0.15, pass: worst <= 0.15 });
  }
  for (const r of rows.filter((x) => x.output.startsWith('tech_contracts_'))) {
    const v = Math.abs(r.errorPct);
    checks.push({ name: `${r.output} ${r.year} error (%)`, value: v, limit: 15, pass: v <= 15 });
  }
  return checks;
}
