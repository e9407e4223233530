// Forecast skill: the hindcast's errors per series next to those of the naive drift forecast
// from the same cut-off, on the same points (the yardstick a forecast has to beat), and, over
// several cut-offs (a rolling origin), the errors by how many years ahead the forecast was.
import { driftForecast, mapeOf } from '../analysis/drift-forecast.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './targets.ts';
import type { ValidationRow } from './validation.ts';

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

/** The fields of a validation row the skill reads (the web app's build keeps only these). */
export type SkillRow = Pick<ValidationRow, 'output' | 'year' | 'role' | 'observed' | 'simulated'>;

/** A hindcast as the skill and forecast-error measures read it: its cut-off and its rows. */
export interface HindcastRows {
  cutoff: number;
  rows: readonly SkillRow[];
}

/** One forecast point with the drift forecast from the same cut-off. */
interface ForecastPair {
  row: SkillRow;
  family: string;
  drift: number;
}

/** The forecast points that are point targets and have a drift forecast (two or more fitted points of their series). */
function forecastPairs(v: { rows: readonly SkillRow[] }, targets: readonly CalibrationTarget[]): ForecastPair[] {
  const target = (r: SkillRow) => targets.find((t) => t.output === r.output && t.year === r.year);
  const isPoint = (r: SkillRow) => target(r)?.bound === 'point';
  const pairs: ForecastPair[] = [];
  for (const row of v.rows.filter((r) => r.role === 'forecast' && isPoint(r))) {
    const history = v.rows.filter((r) => r.output === row.output && r.role === 'fit' && isPoint(r)).map((r) => ({ year: r.year, value: r.observed }));
    const drift = driftForecast(history, row.year);
    if (drift !== undefined) pairs.push({ row, family: target(row)!.family, drift });
  }
  return pairs;
}

/**
 * The model's forecast errors against the drift benchmark, per series that has at least two
 * fitted point observations and a forecast point (rows as in a Validation, e.g. the committed one).
 */
export function forecastSkill(v: { rows: readonly SkillRow[] }, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): ForecastSkill[] {
  const pairs = forecastPairs(v, targets);
  return [...new Set(pairs.map((p) => p.row.output))].map((output) => {
    const ps = pairs.filter((p) => p.row.output === output);
    const modelMape = mapeOf(ps.map((p) => ({ observed: p.row.observed, forecast: p.row.simulated })));
    const driftMape = mapeOf(ps.map((p) => ({ observed: p.row.observed, forecast: p.drift })));
    return { output, points: ps.length, modelMape, driftMape, skill: 1 - modelMape / driftMape };
  });
}

/** Forecast errors of one series family at one horizon, pooled over cut-offs and series. */
export interface HorizonError {
  /** Series family (hte, sme, rd, intensity, gdp, tech). */
  family: string;
  /** Years after the cut-off. */
  horizon: number;
  points: number;
  /** Cut-offs that contribute. */
  cutoffs: number[];
  modelMape: number;
  driftMape: number;
}

/** Errors by family and horizon over several hindcasts (a rolling origin), model and drift on the same points. */
export function horizonErrors(vs: readonly HindcastRows[], targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): HorizonError[] {
  const all = vs.flatMap((v) => forecastPairs(v, targets).map((p) => ({ ...p, cutoff: v.cutoff, horizon: p.row.year - v.cutoff })));
  const keys = [...new Set(all.map((p) => `${p.family}|${p.horizon}`))];
  return keys
    .map((k): HorizonError => {
      const [family, h] = k.split('|');
      const ps = all.filter((p) => p.family === family && p.horizon === Number(h));
      return {
        family, horizon: Number(h), points: ps.length, cutoffs: [...new Set(ps.map((p) => p.cutoff))].sort(),
        modelMape: mapeOf(ps.map((p) => ({ observed: p.row.observed, forecast: p.row.simulated }))),
        driftMape: mapeOf(ps.map((p) => ({ observed: p.row.observed, forecast: p.drift }))),
      };
    })
    .sort((a, b) => (a.family === b.family ? a.horizon - b.horizon : a.family < b.family ? -1 : 1));
}
