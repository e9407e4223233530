// Mapping between the unit hypercube used by sampling designs and parameter values.
// Bounded distributions use their full support; unbounded ones (untruncated normal,
// lognormal without max) are cut at their 0.5 % and 99.5 % quantiles so that design
// points at the cube's faces (Morris levels 0 and 1) stay finite.
import { isBounded, quantile } from './distributions.ts';
import type { UncertainParameter } from './sampling.ts';

/** Tail probability cut from each side of an unbounded distribution. */
export const UNBOUNDED_TAIL = 0.005;

/** Value of parameter `p` at unit coordinate u ∈ [0, 1]. */
export function fromUnit(p: UncertainParameter, u: number): number {
  if (isBounded(p.distribution)) return quantile(p.distribution, u);
  return quantile(p.distribution, UNBOUNDED_TAIL + (1 - 2 * UNBOUNDED_TAIL) * u);
}

/** Map a run-major matrix of unit coordinates (rows × params) to parameter values, in place. */
export function unitToValues(params: UncertainParameter[], unit: Float64Array): Float64Array {
  const d = params.length;
  for (let i = 0; i < unit.length; i++) unit[i] = fromUnit(params[i % d], unit[i]);
  return unit;
}
