// The calibration targets with their weights: the points the model is fitted to
// (data/calibration-targets.csv), each with the decision taken where sources conflict and an
// observation error that carries that conflict, plus a model-error scale per series family.
// Apart from observations.ts so that the web app loads this table alone.
import { TARGET_ROWS, type TargetRow } from './data/target-rows.ts';

/** Model-error scale (log units) per series family in the point fit; the posterior estimates them. */
export const MODEL_ERROR: Readonly<Record<string, number>> = {
  hte: 0.04, sme: 0.05, rd: 0.04, intensity: 0.03, gdp: 0.02, tech: 0.1,
};

/** One calibration target: an observation, the model output it is compared with, and its weight. */
export interface CalibrationTarget extends TargetRow {
  /** Observed value (same as `value`). */
  observed: number;
  /** Where the figure comes from (same as `source`). */
  where: string;
  /** Series label for the fit report: the output. */
  series: string;
  /** Weight of the squared log error in the point fit: 1 / (sigma² + model error²). */
  weight: number;
}

/** The calibration targets, in file order. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = TARGET_ROWS.map((r) => {
  const m = MODEL_ERROR[r.family];
  if (m === undefined) throw new Error(`calibration-targets.csv: unknown family "${r.family}" (${r.output} ${r.year})`);
  return { ...r, observed: r.value, where: r.source, series: r.output, weight: 1 / (r.sigma * r.sigma + m * m) };
});

/** The targets whose year is at most `lastYear` (the fit window of a hindcast). */
export function targetsUpTo(lastYear: number): CalibrationTarget[] {
  return CALIBRATION_TARGETS.filter((t) => t.year <= lastYear);
}

/**
 * Squared, weighted log error of one target (0 for a lower bound the simulation meets); a
 * non-positive simulation counts as a large error.
 */
export function targetPenalty(t: CalibrationTarget, simulated: number, weight = t.weight): number {
  if (!(simulated > 0)) return 1e6;
  const e = Math.log(simulated) - Math.log(t.observed);
  if (t.bound === 'lower' && e >= 0) return 0;
  return weight * e * e;
}
