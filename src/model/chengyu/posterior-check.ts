// How well the posterior describes the data it was fitted to: for each target, the 5–95 %
// band of the model's value over the posterior draws (parameter uncertainty) and of the
// posterior predictive (adding the observation and model errors), and the share of
// observations inside each band.
import { normalQuantile } from '../analysis/normal.ts';
import { stream } from '../analysis/rng.ts';
import { CALIBRATION_TARGETS, type CalibrationTarget } from './targets.ts';
import { MODEL_ERROR_PREFIX, modelColumns, type PosteriorFile } from './posterior-types.ts';
import { targetRunner } from './target-runner.ts';

/** One target's bands over the posterior. */
export interface TargetBand {
  output: string;
  year: number;
  observed: number;
  /** 5 / 50 / 95 % of the model's value over the draws. */
  model: [number, number, number];
  /** 5 / 95 % of the posterior predictive (model value × log-normal error). */
  predictive: [number, number];
  inModel: boolean;
  inPredictive: boolean;
}

/** Bands of every target and the coverage of the 90 % bands. */
export interface PosteriorCoverage {
  bands: TargetBand[];
  /** Share of observations inside the model's 90 % band. */
  modelCoverage: number;
  /** Share inside the posterior predictive 90 % band. */
  predictiveCoverage: number;
  draws: number;
}

/** Run the model at every posterior draw (at most `maxDraws`) and band each target. */
export function posteriorCoverage(post: PosteriorFile, targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS, maxDraws = 400): PosteriorCoverage {
  const { runner, at: index } = targetRunner(targets);
  const cols = modelColumns(post);
  const slots = cols.map((j) => runner.constantIndex(post.parameters[j]));
  // Each target's model-error column (−1 if the file has none for its family).
  const famCol = targets.map((t) => post.parameters.indexOf(`${MODEL_ERROR_PREFIX}${t.family}`));
  const rows = post.draws.slice(0, maxDraws);
  const sims = targets.map(() => new Float64Array(rows.length));
  const preds = targets.map(() => new Float64Array(rows.length));
  const rng = stream(post.seed, 'predictive');
  rows.forEach((row, r) => {
    const c = runner.defaults();
    cols.forEach((j, k) => (c[slots[k]] = row[j]));
    const out = runner.run(c);
    targets.forEach((t, k) => {
      const v = out[index[k]];
      sims[k][r] = v;
      const m = row[famCol[k]] ?? 0;
      preds[k][r] = v * Math.exp(Math.sqrt(t.sigma * t.sigma + m * m) * normalQuantile(rng()));
    });
  });
  const q = (a: Float64Array, p: number) => {
    const s = Float64Array.from(a).sort();
    return s[Math.min(s.length - 1, Math.floor(p * s.length))];
  };
  const bands = targets.map((t, k): TargetBand => {
    const model: [number, number, number] = [q(sims[k], 0.05), q(sims[k], 0.5), q(sims[k], 0.95)];
    const predictive: [number, number] = [q(preds[k], 0.05), q(preds[k], 0.95)];
    // A lower bound is inside when the band reaches above it.
    const inside = (lo: number, hi: number) => (t.bound === 'lower' ? hi >= t.observed : lo <= t.observed && t.observed <= hi);
    return { output: t.output, year: t.year, observed: t.observed, model, predictive, inModel: inside(model[0], model[2]), inPredictive: inside(predictive[0], predictive[1]) };
  });
  const share = (f: (b: TargetBand) => boolean) => bands.filter(f).length / bands.length;
  return { bands, modelCoverage: share((b) => b.inModel), predictiveCoverage: share((b) => b.inPredictive), draws: rows.length };
}
