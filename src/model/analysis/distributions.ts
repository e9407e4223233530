// Inverse CDFs of the registry's distributions: a uniform number u in [0, 1) becomes a
// parameter value. Sampling only ever goes through these, so plain random sampling and
// Latin hypercube sampling share one code path (LHS just chooses u differently).
import type { Distribution } from '../chengyu/parameter-types.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/** Check a distribution's numbers; returns a message naming the problem, or undefined. */
export function distributionProblem(d: Distribution): string | undefined {
  const finite = (v: number | undefined) => v === undefined || Number.isFinite(v);
  switch (d.type) {
    case 'uniform':
      if (!finite(d.min) || !finite(d.max) || !(d.min <= d.max)) return `uniform needs finite min ≤ max (got ${d.min}, ${d.max})`;
      return undefined;
    case 'triangular':
      if (![d.min, d.mode, d.max].every(Number.isFinite) || !(d.min <= d.mode && d.mode <= d.max))
        return `triangular needs finite min ≤ mode ≤ max (got ${d.min}, ${d.mode}, ${d.max})`;
      return undefined;
    case 'normal':
    case 'lognormal': {
      const [loc, scale] = d.type === 'normal' ? [d.mean, d.sd] : [d.mu, d.sigma];
      if (!Number.isFinite(loc) || !Number.isFinite(scale) || !(scale >= 0)) return `${d.type} needs a finite location and a scale ≥ 0 (got ${loc}, ${scale})`;
      if (!finite(d.min) || !finite(d.max)) return `${d.type} truncation bounds must be finite`;
      if (d.min !== undefined && d.max !== undefined && !(d.min < d.max)) return `${d.type} truncation needs min < max (got ${d.min}, ${d.max})`;
      if (d.type === 'lognormal' && d.max !== undefined && !(d.max > 0)) return `lognormal truncation max must be > 0 (got ${d.max})`;
      return undefined;
    }
    default:
      return `unknown distribution type ${(d as { type: unknown }).type}`;
  }
}

/** Φ-scale bounds [F(min), F(max)] of a truncated normal/lognormal in standard-normal units. */
function truncationProbabilities(d: Extract<Distribution, { type: 'normal' | 'lognormal' }>): [number, number] {
  const toZ = (x: number) =>
    d.type === 'normal' ? (x - d.mean) / d.sd : x <= 0 ? -Infinity : (Math.log(x) - d.mu) / d.sigma;
  const lo = d.min === undefined ? 0 : normalCdf(toZ(d.min));
  const hi = d.max === undefined ? 1 : normalCdf(toZ(d.max));
  return [lo, hi];
}

/**
 * Quantile function: the value at cumulative probability u (0 ≤ u ≤ 1). Truncated
 * normal and lognormal rescale u into [F(min), F(max)] and clamp to the bounds.
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.type) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min, mode, max } = d;
      const width = max - min;
      if (width === 0) return min;
      const fc = (mode - min) / width;
      return u < fc ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
    }
    case 'normal':
    case 'lognormal': {
      const scale = d.type === 'normal' ? d.sd : d.sigma;
      const loc = d.type === 'normal' ? d.mean : d.mu;
      let p = u;
      if (d.min !== undefined || d.max !== undefined) {
        const [lo, hi] = truncationProbabilities(d);
        p = lo + u * (hi - lo);
      }
      const z = scale === 0 ? 0 : normalQuantile(p);
      let x = loc + scale * z;
      if (d.type === 'lognormal') x = Math.exp(x);
      // Round-off near the bounds must not step outside them.
      if (d.min !== undefined && x < d.min) x = d.min;
      if (d.max !== undefined && x > d.max) x = d.max;
      return x;
    }
  }
}

/** True if the distribution has finite support (a quantile at u = 0 and 1 is finite). */
export function isBounded(d: Distribution): boolean {
  if (d.type === 'uniform' || d.type === 'triangular') return true;
  if (d.type === 'normal') return d.min !== undefined && d.max !== undefined;
  return d.max !== undefined; // lognormal is bounded below by 0
}
