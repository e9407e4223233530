// CMA-ES, the covariance matrix adaptation evolution strategy (Hansen 2016, "The CMA
// Evolution Strategy: A Tutorial", the (μ/μ_w, λ) variant with rank-one and rank-μ updates),
// as ask/tell with a plain-data state: a caller ranks each generation however it likes (e.g.
// feasibility first, then cost) and can save the state between generations to resume.
// No npm package offers a maintained CMA-ES, so it is written out here against the tutorial.
import { normalQuantile } from './normal.ts';
import type { Uniform } from './rng.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/** Everything CMA-ES carries from one generation to the next (JSON-serialisable). */
export interface CmaState {
  n: number;
  lambda: number;
  generation: number;
  mean: number[];
  sigma: number;
  /** Covariance matrix C (n × n). */
  cov: number[][];
  /** Evolution paths of C and of σ. */
  pc: number[];
  ps: number[];
}

/** Options of a new search. */
export interface CmaOptions {
  /** Population size (default 4 + ⌊3 ln n⌋). */
  lambda?: number;
}

/** A new CMA-ES state centred at `x0` with step size `sigma0` and C = I. */
export function cmaStart(x0: readonly number[], sigma0: number, opts: CmaOptions = {}): CmaState {
  const n = x0.length;
  if (n < 1) throw new RangeError('CMA-ES needs at least one variable');
  if (!(sigma0 > 0)) throw new RangeError(`CMA-ES step size must be positive (got ${sigma0})`);
  const lambda = opts.lambda ?? 4 + Math.floor(3 * Math.log(n));
  if (!Number.isInteger(lambda) || lambda < 2) throw new RangeError(`CMA-ES population must be an integer ≥ 2 (got ${lambda})`);
  return {
    n,
    lambda,
    generation: 0,
    mean: [...x0],
    sigma: sigma0,
    cov: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))),
    pc: new Array<number>(n).fill(0),
    ps: new Array<number>(n).fill(0),
  };
}

/** The strategy constants of the tutorial for dimension n and population λ. */
function constants(n: number, lambda: number) {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / sum);
  const mueff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
  const cs = (mueff + 2) / (n + mueff + 5);
  const c1 = 2 / ((n + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { mu, weights, mueff, cc, cs, c1, cmu, damps, chiN };
}

/** The λ candidates of the state's current generation: x = m + σ·B·D·z, z ~ N(0, I) from `rng`. */
export function cmaAsk(state: CmaState, rng: Uniform): number[][] {
  const { n, lambda, mean, sigma } = state;
  const { values, vectors } = symmetricEigen(state.cov);
  const d = values.map((v) => Math.sqrt(Math.max(v, 0)));
  const out: number[][] = [];
  for (let k = 0; k < lambda; k++) {
    const z = Array.from({ length: n }, () => normalQuantile(rng()));
    const x = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let y = 0;
      for (let j = 0; j < n; j++) y += vectors[i][j] * d[j] * z[j];
      x[i] = mean[i] + sigma * y;
    }
    out.push(x);
  }
  return out;
}

/**
 * The next state after ranking this generation: `ranked` holds the candidates the search
 * evaluated (as asked), best first; only the best μ of them move the distribution.
 */
export function cmaTell(state: CmaState, ranked: readonly (readonly number[])[]): CmaState {
  const { n, lambda, mean, sigma, cov } = state;
  if (ranked.length !== lambda) throw new RangeError(`CMA-ES expects ${lambda} ranked candidates, got ${ranked.length}`);
  const k = constants(n, lambda);
  const sel = ranked.slice(0, k.mu);
  const newMean = Array.from({ length: n }, (_, i) => sel.reduce((a, x, r) => a + k.weights[r] * x[i], 0));
  const step = newMean.map((m, i) => (m - mean[i]) / sigma);
  // C^(-1/2) · step, from C's eigen-decomposition.
  const { values, vectors } = symmetricEigen(cov);
  const invSqrt = values.map((v) => 1 / Math.sqrt(Math.max(v, 1e-300)));
  const bt = Array.from({ length: n }, (_, j) => vectors.reduce((a, row, i) => a + row[j] * step[i], 0));
  const whitened = Array.from({ length: n }, (_, i) => vectors[i].reduce((a, vij, j) => a + vij * invSqrt[j] * bt[j], 0));
  const ps = state.ps.map((p, i) => (1 - k.cs) * p + Math.sqrt(k.cs * (2 - k.cs) * k.mueff) * whitened[i]);
  const psNorm = Math.sqrt(ps.reduce((a, p) => a + p * p, 0));
  const gen = state.generation + 1;
  // Stall the rank-one update while σ is growing fast (h_σ of the tutorial).
  const hsig = psNorm / Math.sqrt(1 - (1 - k.cs) ** (2 * gen)) / k.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
  const pc = state.pc.map((p, i) => (1 - k.cc) * p + hsig * Math.sqrt(k.cc * (2 - k.cc) * k.mueff) * step[i]);
  const ys = sel.map((x) => x.map((xi, i) => (xi - mean[i]) / sigma));
  const deltaH = (1 - hsig) * k.cc * (2 - k.cc);
  const newCov = cov.map((row, i) =>
    row.map((cij, j) => {
      const rankMu = ys.reduce((a, y, r) => a + k.weights[r] * y[i] * y[j], 0);
      return (1 - k.c1 - k.cmu) * cij + k.c1 * (pc[i] * pc[j] + deltaH * cij) + k.cmu * rankMu;
    }),
  );
  // Keep C exactly symmetric against rounding.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) newCov[i][j] = newCov[j][i];
  const newSigma = sigma * Math.exp((k.cs / k.damps) * (psNorm / k.chiN - 1));
  return { n, lambda, generation: gen, mean: newMean, sigma: newSigma, cov: newCov, pc, ps };
}
