// Uncertainty of the regional model for the page, from the analysis engineer's pure
// functions, computed inside a model worker (not the lever runs' one, so lever runs never
// wait behind a Monte Carlo): fan charts of one output column and Morris tornado bars of
// its value in one year.
import { chengyuBatchModel } from '../../model/chengyu/batch-model.ts';
import { fanCharts, type FanChart } from '../../model/analysis/monte-carlo.ts';
import { sensitivity, tornado, type TornadoBar } from '../../model/analysis/sensitivity.ts';
import { localEvaluator } from '../../model/analysis/evaluate.ts';
import { withForecastError } from '../../model/analysis/forecast-error.ts';
import { forecastErrorSpec, type FamilySigma } from '../../model/chengyu/forecast-error.ts';
import { posteriorRuns, UNCERTAINTY_SEED, withOutputs } from './posterior-runs.ts';

/** A fan chart and, for an output with a forecast-error scale, its 90 % band with the past forecast errors added after `origin`. */
export interface FanWithForecast extends FanChart {
  forecast?: { origin: number; p5: number[]; p95: number[] };
}

/**
 * Fan chart (5/25/50/75/95 % per year) of `column` under lever `constants`, from `runs`
 * Latin-hypercube runs (the headline band's, when that worker already ran them for these
 * settings); with `scales`, the same runs with their family's forecast error too.
 */
export function fanOf(constants: Record<string, number>, column: string, runs: number, scales: readonly FamilySigma[] = []): FanWithForecast {
  const table = withOutputs(posteriorRuns(constants, [column], runs), [column]);
  const fan = fanCharts(table).find((f) => f.output === column);
  if (!fan) throw new Error(`no fan chart for ${column}`);
  const spec = forecastErrorSpec([column], scales);
  if (!spec.outputs[column]) return fan;
  // Ten walks per draw: the outer band's percentiles from 10 × runs values, at no extra model run.
  const wide = fanCharts(withForecastError(table, spec, UNCERTAINTY_SEED, 10))[0];
  return { ...fan, forecast: { origin: spec.origin, p5: wide.p5, p95: wide.p95 } };
}

/** Morris screening (`trajectories` × (d+1) runs) of `column` in `year` over the posterior's marginals: bars, largest effect first. */
export async function tornadoOf(constants: Record<string, number>, column: string, year: number, trajectories: number): Promise<TornadoBar[]> {
  const model = chengyuBatchModel({ constants, outputs: [column], uncertainty: 'posterior-marginals' });
  const report = await sensitivity(
    { params: model.params, outputs: model.outputs, times: model.times },
    { method: 'morris', samples: trajectories, seed: UNCERTAINTY_SEED, kpis: [{ output: column, time: year }], bootstrap: 100 },
    localEvaluator(model, UNCERTAINTY_SEED),
  );
  return tornado(report.results[0], report.params);
}
