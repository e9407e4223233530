// Hindcast skill: fit the model on the targets up to a cut-off year, forecast the later ones,
// and report the errors per series; and the same errors for the full 2015–2022 fit in-sample.
// Pure; the CLI's `validate` prints and writes them.
import { compileModel } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import { calibrateChengyu, FIT_LAST_YEAR, type CalibrateOptions } from './calibration.ts';
import { buildChengyuSpecFrom } from './equations.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './observations.ts';

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

/** A validation: the cut-off, the parameters fitted, every row and the per-series summary. */
export interface Validation {
  cutoff: number;
  parameters: Record<string, number>;
  rows: ValidationRow[];
  series: ValidationSeries[];
}

function valueAtYear(run: RunResult, output: string, year: number): number {
  const i = Array.from(run.times).findIndex((t) => Math.abs(t - year) < 1e-9);
  const s = run.series.get(output);
  if (!s || i < 0) throw new Error(`validate: no ${output} at ${year}`);
  return s[i];
}

/** Errors of a run against targets, split at `cutoff`. */
export function validationOf(run: RunResult, cutoff: number, parameters: Record<string, number>, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): Validation {
  const rows = targets.map((t): ValidationRow => {
    const simulated = valueAtYear(run, t.output, t.year);
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

/** Fit on the targets up to `cutoff` (a fresh point fit) and judge the forecast of the later ones. */
export function hindcast(cutoff: number, opts: Omit<CalibrateOptions, 'lastYear'> = {}): Validation {
  if (!(cutoff >= 2016 && cutoff <= FIT_LAST_YEAR)) throw new Error(`cut-off ${cutoff} is outside 2016–${FIT_LAST_YEAR}`);
  const fit = calibrateChengyu({ ...opts, lastYear: cutoff });
  const run = compileModel(buildChengyuSpecFrom(fit.parameters)).run({});
  return validationOf(run, cutoff, fit.parameters);
}

/** The in-sample errors of given parameters (e.g. the committed 2015–2022 calibration). */
export function inSample(parameters: Record<string, number>): Validation {
  const run = compileModel(buildChengyuSpecFrom(parameters)).run({});
  return validationOf(run, FIT_LAST_YEAR, parameters);
}
