// The headline band of each indicator and the uncertainty of a policy's effect, from the
// per-draw values the headline worker returns (model-bridge/headline-types.ts): level
// percentiles under one setting, and paired effects (package − baseline, draw by draw).
import { percentileSorted } from '../../model/analysis/statistics.ts';
import { pairedEffect, type EffectSummary } from '../../model/analysis/paired-effects.ts';
import type { Band } from './briefing-number.ts';

/** Percentiles (type 7) of the finite values, or undefined when there are none. */
export function bandOf(xs: ArrayLike<number> | undefined): Band | undefined {
  if (!xs) return undefined;
  const s = Float64Array.from(Array.prototype.filter.call(xs, Number.isFinite) as number[]).sort();
  if (s.length === 0) return undefined;
  const q = (p: number) => percentileSorted(s, p);
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

/** The effect package − baseline over paired draws, with P(effect > threshold); undefined without both. */
export function effectOf(baseline: ArrayLike<number> | undefined, scenario: ArrayLike<number> | undefined, threshold: number): EffectSummary | undefined {
  if (!baseline || !scenario || baseline.length !== scenario.length || baseline.length === 0) return undefined;
  const e = pairedEffect(baseline, scenario, threshold);
  return e.n > 0 ? e : undefined;
}

/** Per-draw ratio cost / effect where the effect is positive, as a band (the cost of one extra unit); undefined if any draw has no gain. */
export function ratioBand(cost: ArrayLike<number> | undefined, baseline: ArrayLike<number> | undefined, scenario: ArrayLike<number> | undefined): Band | undefined {
  if (!cost || !baseline || !scenario || cost.length !== baseline.length || baseline.length !== scenario.length) return undefined;
  const out: number[] = [];
  for (let i = 0; i < cost.length; i++) {
    const gain = scenario[i] - baseline[i];
    // A draw with no gain has no cost per unit gained: the band would be meaningless.
    if (!(gain > 0)) return undefined;
    out.push(cost[i] / gain);
  }
  return bandOf(out);
}
