// Inverse CDFs of the registry's distributions: a uniform number u in [0, 1) becomes a
// parameter value. Sampling only ever goes through these, so plain random sampling and
// Latin hypercube sampling share one code path (LHS just chooses u differently).
import type { Distribution } from './distribution-types.ts';
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
    case 'empirical':
      if (!Array.isArray(d.values) || d.values.length === 0 || !d.values.every(Number.isFinite)) return 'empirical needs a non-empty list of finite values';
      for (let i = 1; i < d.values.length; i++) if (d.values[i] < d.values[i - 1]) return 'empirical values must be sorted ascending';
      return undefined;
    default:
      return `unknown distribution type ${(d as { type: unknown }).type}`;
  }
}

/** Standard-normal bounds [z(min), z(max)] of a truncated normal/lognormal (±Infinity where unbounded). */
function truncationZ(d: Extract<Distribution, { type: 'normal' | 'lognormal' }>): [number, number] {
  const toZ = (x: number) =>
    d.type === 'normal' ? (x - d.mean) / d.sd : x <= 0 ? -Infinity : (Math.log(x) - d.mu) / d.sigma;
  return [d.min === undefined ? -Infinity : toZ(d.min), d.max === undefined ? Infinity : toZ(d.max)];
}

/**
 * The u-quantile of a standard normal truncated to [a, b]. Probabilities are taken in the tail
 * the interval lies in (mirrored when it lies above the mean), where they keep their digits:
 * Φ(30) rounds to 1, Φ(−30) does not. So far out that even those underflow, the tail is an
 * exponential with rate |b| (the normal's tail beyond b to first order).
 */
function truncatedZ(a: number, b: number, u: number): number {
  if (a >= 0) return -truncatedZ(-b, -a, 1 - u);
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  if (pb - pa > 0 && pb > 1e-300) return normalQuantile(pa + u * (pb - pa));
  // b < 0 here, far out: the mass sits just below b.
  const rate = -b;
  const e = -Math.log1p(-(1 - u) * -Math.expm1(-rate * (b - a))) / rate;
  return b - e;
}

/**
 * Quantile function: the value at cumulative probability u (0 ≤ u ≤ 1). Truncated
 * normal and lognormal take u within [F(min), F(max)], in the tail the bounds lie in, and clamp to them.
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.type) {
    case 'empirical':
      // The sample's own values, each with probability 1/n.
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))];
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
      const truncated = d.min !== undefined || d.max !== undefined;
      const z = scale === 0 ? 0 : truncated ? truncatedZ(...truncationZ(d), u) : normalQuantile(u);
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
  if (d.type === 'uniform' || d.type === 'triangular' || d.type === 'empirical') return true;
  if (d.type === 'normal') return d.min !== undefined && d.max !== undefined;
  return d.max !== undefined; // lognormal is bounded below by 0
}

/**
 * Log density of a distribution at x, up to a constant (truncation renormalisation omitted: it
 * does not move a maximum or an MCMC acceptance ratio); −Infinity outside the support.
 */
export function logDensity(d: Distribution, x: number): number {
  if (!Number.isFinite(x)) return -Infinity;
  switch (d.type) {
    case 'empirical':
      throw new Error('an empirical distribution has no density');
    case 'uniform':
      return x >= d.min && x <= d.max ? 0 : -Infinity;
    case 'triangular': {
      const { min, mode, max } = d;
      if (x < min || x > max) return -Infinity;
      if (max === min) return 0;
      const h = x < mode ? (x - min) / (mode - min) : x > mode ? (max - x) / (max - mode) : 1;
      return h > 0 ? Math.log(h) : -Infinity;
    }
    case 'normal':
    case 'lognormal': {
      if ((d.min !== undefined && x < d.min) || (d.max !== undefined && x > d.max)) return -Infinity;
      if (d.type === 'normal') {
        const z = (x - d.mean) / d.sd;
        return -0.5 * z * z;
      }
      if (!(x > 0)) return -Infinity;
      const z = (Math.log(x) - d.mu) / d.sigma;
      return -0.5 * z * z - Math.log(x);
    }
  }
}
