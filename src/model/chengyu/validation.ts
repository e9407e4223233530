// Hindcast skill: fit the model on the targets up to a cut-off year, forecast the later ones,
// and report the errors per series; and the same errors for the full 2015–2022 fit in-sample.
// Pure; the CLI's `validate` prints and writes them.
import type { RunResult } from '../engine/types.ts';
import { calibrateChengyu, FIT_LAST_YEAR, type CalibrateOptions } from './calibration.ts';
import { valueAt } from './experiments.ts';
import { runChengyu } from './run.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './targets.ts';
import { samplePosterior } from './posterior.ts';
import { posteriorCoverage, type TargetBand } from './posterior-check.ts';

/** One target's error in a validation. */
export interface ValidationRow {
  output: string;
  year: number;
  observed: number;
  simulated: number;
  /** 100 × (simulated − observed) / observed (0 for a met lower bound). */
  errorPct: number;
  /** 'fit' = inside the fit window, 'forecast' = after the cut-off. */
  role: 'fit' | 'forecast';
}

/** Errors of one output over its points of one role. */
export interface ValidationSeries {
  output: string;
  role: 'fit' | 'forecast';
  points: number;
  /** Mean absolute percentage error. */
  mape: number;
  /** Largest absolute percentage error. */
  maxAbsPct: number;
  /** Mean percentage error (bias: + = the model is high). */
  biasPct: number;
}

/** How well a posterior fitted up to the cut-off covers the later observations. */
export interface ForecastCoverage {
  /** Generations of the cut-off posterior's chains. */
  generations: number;
  draws: number;
  /** Share of the forecast observations inside the 90 % posterior-predictive band. */
  predictive: number;
  /** Share inside the 90 % band of the model values alone. */
  model: number;
  /** Largest split R-hat of the cut-off posterior. */
  rhat: number;
  bands: TargetBand[];
}

/** A validation: the cut-off, the parameters fitted, every row and the per-series summary. */
export interface Validation {
  cutoff: number;
  parameters: Record<string, number>;
  rows: ValidationRow[];
  series: ValidationSeries[];
  /** With a posterior fitted up to the cut-off: its bands over the forecast years. */
  coverage?: ForecastCoverage;
}


/** Errors of a run against targets, split at `cutoff`. */
export function validationOf(run: RunResult, cutoff: number, parameters: Record<string, number>, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): Validation {
  const rows = targets.map((t): ValidationRow => {
    const simulated = valueAt(run, t.output, t.year);
    const met = t.bound === 'lower' && simulated >= t.observed;
    return {
      output: t.output, year: t.year, observed: t.observed, simulated,
      errorPct: met ? 0 : (100 * (simulated - t.observed)) / t.observed,
      role: t.year <= cutoff ? 'fit' : 'forecast',
    };
  });
  const keys = [...new Set(rows.map((r) => `${r.role}|${r.output}`))];
  const series = keys.map((k): ValidationSeries => {
    const [role, output] = k.split('|') as ['fit' | 'forecast', string];
    const rs = rows.filter((r) => r.role === role && r.output === output);
    return {
      output, role, points: rs.length,
      mape: rs.reduce((s, r) => s + Math.abs(r.errorPct), 0) / rs.length,
      maxAbsPct: Math.max(...rs.map((r) => Math.abs(r.errorPct))),
      biasPct: rs.reduce((s, r) => s + r.errorPct, 0) / rs.length,
    };
  });
  return { cutoff, parameters, rows, series };
}

/** Options of a hindcast: the point fit's, and posterior generations (0 = no posterior). */
export interface HindcastOptions extends Omit<CalibrateOptions, 'lastYear'> {
  generations?: number;
}

/**
 * Fit on the targets up to `cutoff` (a fresh point fit) and judge the forecast of the later
 * ones; with `generations`, also sample the posterior on those targets and band the forecast.
 */
export function hindcast(cutoff: number, opts: HindcastOptions = {}): Validation {
  if (!(cutoff >= 2016 && cutoff <= FIT_LAST_YEAR)) throw new Error(`cut-off ${cutoff} is outside 2016–${FIT_LAST_YEAR}`);
  const fit = calibrateChengyu({ ...opts, lastYear: cutoff });
  // Fitted values are run constants of the regional model (no recompiling).
  const run = runChengyu({}, { parameters: fit.parameters });
  const v = validationOf(run, cutoff, fit.parameters);
  if (!opts.generations) return v;
  const post = samplePosterior({ start: fit.parameters, lastYear: cutoff, generations: opts.generations, ...(opts.seed ? { seed: opts.seed } : {}), onProgress: opts.onProgress });
  const later = CALIBRATION_TARGETS.filter((t) => t.year > cutoff);
  const cov = posteriorCoverage(post, later);
  return {
    ...v,
    coverage: {
      generations: opts.generations, draws: cov.draws, predictive: cov.predictiveCoverage, model: cov.modelCoverage,
      rhat: Math.max(...post.summary.map((x) => x.rhat)), bands: cov.bands,
    },
  };
}

/** The in-sample errors of given parameters (e.g. the committed 2015–2022 calibration). */
export function inSample(parameters: Record<string, number>): Validation {
  const run = runChengyu({}, { parameters });
  return validationOf(run, FIT_LAST_YEAR, parameters);
}
