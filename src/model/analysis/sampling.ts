// Monte Carlo sampling of the uncertain parameters. Run i's point depends only on
// (seed, i) — and, for Latin hypercube sampling, on per-parameter permutations that are
// themselves derived from the seed — so any worker or shard computes exactly its own
// runs' points without seeing the others.
import type { Distribution } from './distribution-types.ts';
import { distributionProblem, quantile } from './distributions.ts';
import { permutation, stream, type Seed } from './rng.ts';

/** A parameter that varies across runs. */
export interface UncertainParameter {
  id: string;
  distribution: Distribution;
}

/** How run points fill the unit hypercube. */
export type SamplingMethod = 'random' | 'lhs';

/** Everything that determines the points of a batch. */
export interface SamplingPlan {
  params: UncertainParameter[];
  /** Total runs N of the batch (LHS strata are 1/N wide). */
  runs: number;
  seed: Seed;
  method: SamplingMethod;
}

/** Largest memory for LHS permutations per worker (bytes). */
export const LHS_MAX_BYTES = 512 * 2 ** 20;

/** Throw one clear message if a plan's parameters or sizes are unusable. */
export function checkPlan(plan: SamplingPlan): void {
  if (!Number.isInteger(plan.runs) || plan.runs < 1) throw new Error(`runs must be a positive integer (got ${plan.runs})`);
  if (plan.method !== 'random' && plan.method !== 'lhs') throw new Error(`sampling must be random or lhs (got ${plan.method})`);
  // LHS keeps one Int32 permutation of N per parameter in every worker.
  const lhsBytes = 4 * plan.runs * plan.params.length;
  if (plan.method === 'lhs' && lhsBytes > LHS_MAX_BYTES) {
    throw new Error(
      `Latin hypercube sampling of ${plan.runs} runs × ${plan.params.length} parameters needs ${Math.ceil(lhsBytes / 2 ** 20)} MB per worker; use --sampling random for batches this large`,
    );
  }
  const seen = new Set<string>();
  for (const p of plan.params) {
    if (seen.has(p.id)) throw new Error(`parameter ${p.id} is listed twice`);
    seen.add(p.id);
    const problem = distributionProblem(p.distribution);
    if (problem) throw new Error(`parameter ${p.id}: ${problem}`);
  }
}

/** Draws run points of a plan; construct once per worker, then call `point` per run. */
export class Sampler {
  private readonly perms: Int32Array[] = [];

  constructor(readonly plan: SamplingPlan) {
    checkPlan(plan);
    if (plan.method === 'lhs') {
      // One permutation per parameter column: stratum of run i in column j is perms[j][i].
      for (const p of plan.params) this.perms.push(permutation(plan.runs, stream(plan.seed, 'lhs', p.id)));
    }
  }

  /** Write run `i`'s parameter values into `out` (length = params); returns the run's model seed. */
  point(i: number, out: Float64Array): number {
    const { params, runs, method } = this.plan;
    if (!(i >= 0 && i < runs)) throw new Error(`run index ${i} outside 0..${runs - 1}`);
    const rng = stream(this.plan.seed, 'run', i);
    for (let j = 0; j < params.length; j++) {
      const v = rng();
      const u = method === 'lhs' ? (this.perms[j][i] + v) / runs : v;
      out[j] = quantile(params[j].distribution, u);
    }
    // Seed for the model's own random builtins, from the same per-run stream.
    return Math.floor(rng() * 2 ** 31);
  }
}
