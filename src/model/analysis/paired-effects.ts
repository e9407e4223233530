// The effect of a policy package under uncertainty. Both runs of a pair use the same draw
// of the uncertain inputs (common random numbers), so the difference package − baseline
// removes the variation the two share and its spread is the effect's own uncertainty,
// far narrower than the difference of two independent bands.

import { mean, percentileSorted, sampleSd } from './statistics.js';

/** Distribution of one policy effect (package − baseline) over paired draws. */
export interface EffectSummary {
  /** Pairs in which both values are finite. */
  readonly n: number;
  /** Pairs dropped because either value was NaN or infinite. */
  readonly dropped: number;
  readonly mean: number;
  /** Sample standard deviation of the effect (n − 1 denominator); NaN for fewer than two pairs. */
  readonly sd: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  /** Share of pairs whose effect is strictly above the threshold; NaN without one. */
  readonly probabilityAbove: number;
  /** The threshold the probability refers to; NaN without one. */
  readonly threshold: number;
}

/** Per-draw differences scenario[i] − baseline[i], keeping only pairs with both values finite. */
export function pairedDifferences(baseline: ArrayLike<number>, scenario: ArrayLike<number>): Float64Array {
  if (baseline.length !== scenario.length) {
    throw new RangeError(`paired runs differ in length: ${baseline.length} baseline, ${scenario.length} package`);
  }
  const out: number[] = [];
  for (let i = 0; i < baseline.length; i++) {
    const d = scenario[i] - baseline[i];
    if (Number.isFinite(d)) out.push(d);
  }
  return Float64Array.from(out);
}

/** Summarises the paired effect: mean, type-7 percentiles and P(effect > threshold). */
export function pairedEffect(baseline: ArrayLike<number>, scenario: ArrayLike<number>, threshold = NaN): EffectSummary {
  const d = pairedDifferences(baseline, scenario);
  const sorted = d.slice().sort();
  const m = mean(d);
  let above = 0;
  for (let i = 0; i < d.length; i++) if (d[i] > threshold) above++;
  return {
    n: d.length,
    dropped: baseline.length - d.length,
    mean: m,
    sd: sampleSd(d, m),
    p5: percentileSorted(sorted, 0.05),
    p25: percentileSorted(sorted, 0.25),
    p50: percentileSorted(sorted, 0.5),
    p75: percentileSorted(sorted, 0.75),
    p95: percentileSorted(sorted, 0.95),
    probabilityAbove: Number.isNaN(threshold) || d.length === 0 ? NaN : above / d.length,
    threshold,
  };
}
