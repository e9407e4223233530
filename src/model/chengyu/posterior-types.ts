// The shape of a posterior sample file (posterior.json), apart from the sampler, so that
// code that only reads a posterior (Monte Carlo in a worker) does not load the sampler and the
// data tables behind it.

/** Prefix of the model-error scale parameters (one per family) in a posterior file. */
export const MODEL_ERROR_PREFIX = 'model_error_';

/** Columns of a posterior's model parameters (its model-error scales are the likelihood's, not the model's). */
export function modelColumns(p: Pick<PosteriorFile, 'parameters'>): number[] {
  return p.parameters.map((id, j) => (id.startsWith(MODEL_ERROR_PREFIX) ? -1 : j)).filter((j) => j >= 0);
}

/** A parameter's summary in the posterior file. */
export interface PosteriorSummary {
  id: string;
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
  rhat: number;
  ess: number;
  /** Set when the 90 % interval touches a bound of the prior box (the data push past it). */
  atBound?: 'lower' | 'upper';
}

/** The committed posterior sample (posterior.json). */
export interface PosteriorFile {
  basis: string;
  seed: number;
  chains: number;
  generations: number;
  thin: number;
  evaluations: number;
  acceptance: number;
  fitWindow: [number, number];
  /** Parameter ids of the draws' columns (model-error scales last, prefixed MODEL_ERROR_PREFIX). */
  parameters: string[];
  /** Posterior draws (rows) from the chains' second halves, 5 significant digits. */
  draws: number[][];
  summary: PosteriorSummary[];
  /** Pairs of parameters with |correlation| ≥ 0.5 in the draws, strongest first. */
  correlations: { a: string; b: string; r: number }[];
  /** Uncertain parameters the targets do not inform (drawn from their prior). */
  priorOnly: string[];
}
