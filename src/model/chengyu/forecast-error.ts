// The regional model's forecast error, measured on its own past forecasts: for each series
// family, the scale σ of the log error per √(years ahead), pooled over the rolling-origin
// hindcasts (fits on 2015–2019, –2020, –2021 forecasting to 2022) and the series of the family.
// Posterior draws vary only the parameters; σ adds what the model's structure missed then
// (e.g. the 2019–2022 surge) as the spread of a random walk from the last observed year on.
import type { ForecastErrorSpec, OutputForecastError } from '../analysis/forecast-error.ts';
import { normalQuantile } from '../analysis/normal.ts';
import type { HindcastRows } from './forecast-skill.ts';
import type { TargetBand } from './posterior-check.ts';
import { REGIONS } from './nodes.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './targets.ts';

/** The forecast-error scale of one series family. */
export interface ForecastErrorScale {
  /** Series family (hte, sme, rd, intensity, gdp, tech). */
  family: string;
  /** √(mean of ln(observed / forecast)² / years ahead) over the family's forecast points. */
  sigma: number;
  points: number;
  cutoffs: number[];
}

/** What a forecast-error spec needs of a scale. */
export type FamilySigma = Pick<ForecastErrorScale, 'family' | 'sigma'>;

const regionSuffix = new RegExp(`_(${REGIONS.map((r) => r.id).join('|')})$`);

/** An output's quantity without its region or zone (`hte_sichuan`, `hte[chengdu]` → `hte`). */
function stemOf(output: string): string {
  return output.replace(/\[[^\]]*\]$/, '').replace(regionSuffix, '');
}

/** The target family of an output column (any region or zone of a targeted quantity), if it has one. */
export function outputFamily(output: string, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): string | undefined {
  const stem = stemOf(output);
  return targets.find((t) => stemOf(t.output) === stem)?.family;
}

/** One forecast point's log error and how many years ahead of its cut-off it lies. */
interface LogError {
  family: string;
  cutoff: number;
  horizon: number;
  /** ln(observed / forecast). */
  e: number;
}

/** The log errors of the forecast point targets of hindcasts (lower bounds say nothing of the spread). */
function logErrors(hindcasts: readonly HindcastRows[], targets: readonly CalibrationTarget[]): LogError[] {
  return hindcasts.flatMap((h) =>
    h.rows.flatMap((r): LogError[] => {
      const t = targets.find((x) => x.output === r.output && x.year === r.year);
      if (r.role !== 'forecast' || !t || t.bound !== 'point' || !(r.simulated > 0)) return [];
      return [{ family: t.family, cutoff: h.cutoff, horizon: r.year - h.cutoff, e: Math.log(r.observed / r.simulated) }];
    }),
  );
}

/** Forecast-error scales per family from hindcasts at several cut-offs: σ² = mean of ln(observed / forecast)² / years ahead. */
export function forecastErrorScales(
  hindcasts: readonly HindcastRows[],
  targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS,
): ForecastErrorScale[] {
  const all = logErrors(hindcasts, targets);
  return [...new Set(all.map((x) => x.family))].sort().map((family) => {
    const xs = all.filter((x) => x.family === family);
    return {
      family,
      sigma: Math.sqrt(xs.reduce((s, x) => s + (x.e * x.e) / x.horizon, 0) / xs.length),
      points: xs.length,
      cutoffs: [...new Set(xs.map((x) => x.cutoff))].sort(),
    };
  });
}

/** Root-mean-square log error of one family's forecasts by years ahead (how fast the error grew). */
export function logErrorByHorizon(
  hindcasts: readonly HindcastRows[],
  family: string,
  targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS,
): Array<{ horizon: number; points: number; rms: number }> {
  const xs = logErrors(hindcasts, targets).filter((x) => x.family === family);
  return [...new Set(xs.map((x) => x.horizon))].sort((a, b) => a - b).map((horizon) => {
    const hs = xs.filter((x) => x.horizon === horizon);
    return { horizon, points: hs.length, rms: Math.sqrt(hs.reduce((s, x) => s + x.e * x.e, 0) / hs.length) };
  });
}

/** The last year with an observation (2022): the forecast error starts after it. */
export const FORECAST_ORIGIN = Math.max(...CALIBRATION_TARGETS.map((t) => t.year));

/** The forecast-error spec of `outputs` under `scales`: a walk per family from the last observed year; outputs of no family are left out. */
export function forecastErrorSpec(outputs: readonly string[], scales: readonly FamilySigma[], origin = FORECAST_ORIGIN): ForecastErrorSpec {
  const by = new Map(scales.map((s) => [s.family, s.sigma]));
  const entries = outputs.flatMap((o): Array<[string, OutputForecastError]> => {
    const family = outputFamily(o);
    const sigma = family === undefined ? undefined : by.get(family);
    return family !== undefined && sigma !== undefined ? [[o, { group: family, sigma }]] : [];
  });
  return { origin, outputs: Object.fromEntries(entries) };
}

/**
 * Share of a hindcast's later observations inside its 90 % predictive bands widened by the
 * forecast error: each band read as log-normal around its median (log sd from its 5–95 % width)
 * and combined with σ²·(years after `cutoff`). With scales measured without this cut-off, an
 * out-of-sample check of the scales.
 */
export function widenedCoverage(
  bands: ReadonlyArray<Pick<TargetBand, 'output' | 'year' | 'observed' | 'model' | 'predictive'>>,
  scales: readonly FamilySigma[],
  cutoff: number,
  targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS,
): number {
  const z = normalQuantile(0.95);
  const by = new Map(scales.map((s) => [s.family, s.sigma]));
  const inside = bands.filter((b) => {
    const t = targets.find((x) => x.output === b.output && x.year === b.year);
    const sigma = (t && by.get(t.family)) ?? 0;
    const sp = (Math.log(b.predictive[1]) - Math.log(b.predictive[0])) / (2 * z);
    const s = Math.sqrt(sp * sp + sigma * sigma * (b.year - cutoff));
    const [lo, hi] = [b.model[1] * Math.exp(-z * s), b.model[1] * Math.exp(z * s)];
    return t?.bound === 'lower' ? hi >= b.observed : lo <= b.observed && b.observed <= hi;
  });
  return inside.length / bands.length;
}
