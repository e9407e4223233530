// The committed posterior sample (posterior.json, written by `calibrate --write`) and the
// distributions Monte Carlo and sensitivity draw from: the joint posterior draws, their
// marginals, or the registry's priors of the uncertain parameters (calibrated ones at their fit).
import posterior from './posterior.json' with { type: 'json' };
import { hashValue } from '../engine/hash.ts';
import { modelColumns, type PosteriorFile } from './posterior-types.ts';
import { PARAMETERS } from './parameters.ts';
import type { UncertainParameter } from '../analysis/sampling.ts';
import type { JointTable } from '../analysis/engine-batch-model.ts';

/** The committed posterior. */
export const POSTERIOR: PosteriorFile = posterior as PosteriorFile;

let postHash: string | undefined;
/** Hash of the committed posterior's parameters and draws (part of a batch's model version). */
export function posteriorHash(): string {
  postHash ??= hashValue({ parameters: POSTERIOR.parameters, draws: POSTERIOR.draws, priorOnly: POSTERIOR.priorOnly });
  return postHash;
}

/** Where a batch's uncertain inputs come from. */
export type UncertaintySource = 'posterior' | 'posterior-marginals' | 'prior';

/** Id of the factor that picks a posterior draw (a uniform number in [0, 1)). */
export const POSTERIOR_DRAW = 'posterior_draw';

/** The uncertain inputs of a batch and the joint table behind the posterior draw, if any. */
export interface UncertainInputs {
  params: UncertainParameter[];
  joint?: JointTable;
}

/**
 * The uncertain inputs for `source`: 'posterior' = one factor picking a joint posterior draw plus
 * the prior-only parameters; 'posterior-marginals' = each posterior parameter's marginal as an
 * independent factor (for sensitivity indices, which need independent factors; correlations are
 * dropped) plus the prior-only ones; 'prior' = the registry's distributions (calibrated
 * parameters fixed at the point fit).
 */
export function uncertainInputs(source: UncertaintySource, post: PosteriorFile = POSTERIOR): UncertainInputs {
  const prior = (ids?: readonly string[]) =>
    PARAMETERS.filter((p) => p.distribution && p.provenance.kind !== 'calibrated' && (!ids || ids.includes(p.id))).map((p) => {
      if (typeof p.value !== 'number') throw new Error(`parameter ${p.id}: per-node parameters cannot carry a distribution`);
      return { id: p.id, distribution: p.distribution! };
    });
  if (source === 'prior') return { params: prior() };
  const cols = modelColumns(post);
  const ids = cols.map((j) => post.parameters[j]);
  if (source === 'posterior') {
    const rows = Float64Array.from(post.draws.flatMap((r) => cols.map((j) => r[j])));
    return {
      params: [{ id: POSTERIOR_DRAW, distribution: { type: 'uniform', min: 0, max: 1 } }, ...prior(post.priorOnly)],
      joint: { factor: POSTERIOR_DRAW, ids, rows },
    };
  }
  const marginals = cols.map((j) => ({
    id: post.parameters[j],
    distribution: { type: 'empirical' as const, values: post.draws.map((r) => r[j]).sort((a, b) => a - b) },
  }));
  return { params: [...marginals, ...prior(post.priorOnly)] };
}
