// Forecast skill: the hindcast's errors per series next to those of the naive drift forecast
// from the same cut-off, on the same points (the yardstick a forecast has to beat).
import { driftForecast, mapeOf } from '../analysis/drift-forecast.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './targets.ts';
import type { Validation, ValidationRow } from './validation.ts';

/** A series' forecast errors next to the naive drift forecast's from the same origin. */
export interface ForecastSkill {
  output: string;
  /** Forecast points that are point targets (lower bounds are left out of both errors). */
  points: number;
  /** The model's MAPE over those points. */
  modelMape: number;
  /** MAPE of the drift forecast (log-linear growth between the first and last fitted observation, carried forward). */
  driftMape: number;
  /** 1 − modelMape / driftMape: above 0 the model beats the naive forecast, below 0 it does worse. */
  skill: number;
}

/**
 * The model's forecast errors against the drift benchmark, per series that has at least two
 * fitted point observations and a forecast point (rows as in a Validation, e.g. the committed one).
 */
export function forecastSkill(v: Pick<Validation, 'rows'>, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): ForecastSkill[] {
  const isPoint = (r: ValidationRow) => targets.find((t) => t.output === r.output && t.year === r.year)?.bound === 'point';
  const out: ForecastSkill[] = [];
  for (const output of [...new Set(v.rows.filter((r) => r.role === 'forecast').map((r) => r.output))]) {
    const history = v.rows.filter((r) => r.output === output && r.role === 'fit' && isPoint(r)).map((r) => ({ year: r.year, value: r.observed }));
    const pairs = v.rows
      .filter((r) => r.output === output && r.role === 'forecast' && isPoint(r))
      .map((r) => ({ r, drift: driftForecast(history, r.year) }))
      .filter((x): x is { r: ValidationRow; drift: number } => x.drift !== undefined);
    if (pairs.length === 0) continue;
    const modelMape = mapeOf(pairs.map((x) => ({ observed: x.r.observed, forecast: x.r.simulated })));
    const driftMape = mapeOf(pairs.map((x) => ({ observed: x.r.observed, forecast: x.drift })));
    out.push({ output, points: pairs.length, modelMape, driftMape, skill: 1 - modelMape / driftMape });
  }
  return out;
}
