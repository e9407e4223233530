// The probability distributions Monte Carlo, sensitivity and the posterior's priors speak: part
// of the generic analysis, so that it needs nothing from the regional model.

/** Probability distribution of an uncertain parameter, used by Monte Carlo and sensitivity. */
export type Distribution =
  | { type: 'uniform'; min: number; max: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { type: 'lognormal'; mu: number; sigma: number; min?: number; max?: number }
  /** A sample's empirical distribution (e.g. a posterior marginal): values sorted ascending. */
  | { type: 'empirical'; values: number[] };
