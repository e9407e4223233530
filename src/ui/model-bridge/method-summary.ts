// Builds the data-and-method panel's numbers at build time (prerender.ts runs it in Node):
// the baseline's fit from fitReport / checkTargets, the hindcast from validation.json and the
// posterior's diagnostics. It imports the calibration code, so the page and the worker must
// never import this file: they get only its JSON result.
import type { RunResult } from '../../model/engine/types.ts';
import { checkTargets, fitReport, FIT_LAST_YEAR } from '../../model/chengyu/calibration.ts';
import { CALIBRATION_TARGETS } from '../../model/chengyu/targets.ts';
import { OFFICIAL_FIGURES, PAPER_FIGURES } from '../../model/chengyu/data/tables.ts';
import { POSTERIOR } from '../../model/chengyu/posterior-data.ts';
import { MODEL_ERROR_PREFIX, type PosteriorFile } from '../../model/chengyu/posterior-types.ts';
import validation from '../../model/chengyu/validation.json' with { type: 'json' };
import type { ValidationRow, ValidationSeries } from '../../model/chengyu/validation.ts';
import { forecastSkill } from '../../model/chengyu/forecast-skill.ts';
import { COMMITTED_FORECAST_ERROR } from '../../model/chengyu/forecast-error-data.ts';
import { FORECAST_ORIGIN, type ForecastErrorScale } from '../../model/chengyu/forecast-error.ts';
import { bandFactor } from '../../model/analysis/forecast-error.ts';
import type { MethodSummary, SeriesError } from './method-types.ts';

/** The part of a hindcast (validation.json's `hindcast`) the panel reads; the file holds more. */
export interface HindcastPart {
  cutoff: number;
  rows: Pick<ValidationRow, 'output' | 'year' | 'role' | 'observed' | 'simulated'>[];
  series: ValidationSeries[];
  coverage?: { predictive: number; model: number; bands: unknown[] };
}

/** The panel's numbers from a baseline `run`, a hindcast and a posterior. */
export function methodSummaryOf(run: RunResult, hindcast: HindcastPart, posterior: PosteriorFile, forecastError: readonly ForecastErrorScale[] = COMMITTED_FORECAST_ERROR): MethodSummary {
  const first = Math.min(...CALIBRATION_TARGETS.map((t) => t.year));
  const inSample = fitReport(run).series.map((s): SeriesError => {
    const years = s.rows.map((r) => r.year);
    const bias = s.rows.reduce((a, r) => a + r.errorPct, 0) / s.rows.length;
    return { output: s.series, points: s.rows.length, years: [Math.min(...years), Math.max(...years)], mape: s.mape, biasPct: bias };
  });
  const checks = checkTargets(run);
  const skill = forecastSkill(hindcast);
  const forecast = hindcast.series
    .filter((s) => s.role === 'forecast')
    .map((s): SeriesError => {
      const years = hindcast.rows.filter((r) => r.output === s.output && r.role === 'forecast').map((r) => r.year);
      // Only where both errors are over the same points (lower-bound targets have no naive forecast).
      const k = skill.find((x) => x.output === s.output && x.points === s.points);
      const naive = k?.driftMape;
      return { output: s.output, points: s.points, years: [Math.min(...years), Math.max(...years)], mape: s.mape, biasPct: s.biasPct, ...(naive === undefined ? {} : { naiveMape: naive }) };
    });
  const hte = forecastError.find((s) => s.family === 'hte');
  // The model-error scales are the likelihood's, not the model's: the diagnostics cover every column.
  const model = posterior.parameters.filter((id) => !id.startsWith(MODEL_ERROR_PREFIX)).length;
  return {
    fitWindow: [first, FIT_LAST_YEAR],
    counts: { paper: PAPER_FIGURES.length, official: OFFICIAL_FIGURES.length, targets: CALIBRATION_TARGETS.length },
    inSample,
    failedChecks: checks.filter((c) => !c.pass).map((c) => c.name),
    checks: checks.length,
    hindcast: {
      cutoff: hindcast.cutoff,
      forecast,
      ...(hindcast.coverage
        ? { coverage: { points: hindcast.coverage.bands.length, predictive: hindcast.coverage.predictive, model: hindcast.coverage.model } }
        : {}),
    },
    forecastError: {
      origin: FORECAST_ORIGIN,
      cutoffs: [...new Set(forecastError.flatMap((s) => s.cutoffs))].sort(),
      scales: forecastError.map((s) => ({ family: s.family, sigma: s.sigma, points: s.points })),
      ...(hte ? { hte2035Factor: bandFactor(hte.sigma, 2035 - FORECAST_ORIGIN) } : {}),
    },
    posterior: {
      draws: posterior.draws.length,
      chains: posterior.chains,
      generations: posterior.generations,
      parameters: model,
      maxRhat: Math.max(...posterior.summary.map((s) => s.rhat)),
      minEss: Math.min(...posterior.summary.map((s) => s.ess)),
    },
  };
}

/** The panel's numbers for the committed calibration, hindcast and posterior. */
export function methodSummary(run: RunResult): MethodSummary {
  // Through unknown: the JSON's inferred types are wider than the shapes it was written from.
  return methodSummaryOf(run, (validation as unknown as { hindcast: HindcastPart }).hindcast, POSTERIOR);
}
