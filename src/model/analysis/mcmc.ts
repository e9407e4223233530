// Posterior sampling by differential-evolution Markov chain Monte Carlo with an archive of past
// states (DE-MCz; ter Braak & Vrugt, Statistics and Computing 18, 2008): a few parallel chains
// propose jumps along the difference of two archived states, so the proposal adapts to the
// posterior's scales and correlations without tuning. Pure and seeded: the same target, start
// and options give the same chains, bit for bit. Generic: it knows only a log density over R^d.
import { normalQuantile } from './normal.ts';
import { stream, type Seed } from './rng.ts';

/** Options of a DE-MCz run. */
export interface DeMczOptions {
  /** Parallel chains (default 4; ≥ 3). */
  chains?: number;
  /** Generations; each evaluates the target once per chain. */
  generations: number;
  /** Archive a state every `thin` generations (default 10). */
  thin?: number;
  seed?: Seed;
  /** Called every `every` generations with the generation number (progress). */
  onProgress?: (generation: number, accepted: number) => void;
  every?: number;
}

/** The chains of a DE-MCz run, after thinning. */
export interface DeMczResult {
  /** chains × kept states × d, flattened per chain: chain[c][k * d + j]. */
  chains: Float64Array[];
  /** Log density of each kept state, per chain. */
  logDensity: Float64Array[];
  /** Kept states per chain. */
  kept: number;
  d: number;
  /** Target evaluations. */
  evaluations: number;
  /** Share of proposals accepted. */
  acceptance: number;
}

/**
 * Sample `logTarget` (−Infinity outside the support) with DE-MCz. `archive0` holds the initial
 * archive (M0 × d states, e.g. prior draws, M0 ≥ 3 chains); the chains start at its last
 * `chains` states.
 */
export function deMcz(logTarget: (x: Float64Array) => number, archive0: Float64Array[], opts: DeMczOptions): DeMczResult {
  const n = opts.chains ?? 4;
  const thin = opts.thin ?? 10;
  const d = archive0[0]?.length ?? 0;
  if (n < 3) throw new Error('deMcz: at least 3 chains');
  if (archive0.length < n) throw new Error(`deMcz: the initial archive needs at least ${n} states`);
  if (archive0.some((z) => z.length !== d)) throw new Error('deMcz: archive states differ in length');
  const rng = stream(opts.seed ?? 1, 'de-mcz');
  const gamma = 2.38 / Math.sqrt(2 * d);
  // Small jitter keeps the chain ergodic; scaled by each coordinate's initial spread.
  const spread = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const z of archive0) {
      lo = Math.min(lo, z[j]);
      hi = Math.max(hi, z[j]);
    }
    spread[j] = (hi - lo) * 1e-4 || 1e-8;
  }
  const archive: Float64Array[] = archive0.map((z) => Float64Array.from(z));
  const x = Array.from({ length: n }, (_, c) => Float64Array.from(archive0[archive0.length - n + c]));
  const lx = x.map((s) => logTarget(s));
  let evaluations = n;
  const kept = Math.floor(opts.generations / thin);
  const chains = Array.from({ length: n }, () => new Float64Array(kept * d));
  const logDensity = Array.from({ length: n }, () => new Float64Array(kept));
  const prop = new Float64Array(d);
  let accepted = 0;
  let k = 0;
  for (let g = 1; g <= opts.generations; g++) {
    // Every tenth generation a full jump (γ = 1) lets chains move between modes.
    const gm = g % 10 === 0 ? 1 : gamma;
    for (let c = 0; c < n; c++) {
      const m = archive.length;
      const a = Math.floor(rng() * m);
      let b = Math.floor(rng() * (m - 1));
      if (b >= a) b++;
      const za = archive[a];
      const zb = archive[b];
      for (let j = 0; j < d; j++) prop[j] = x[c][j] + gm * (za[j] - zb[j]) + spread[j] * normalQuantile(rng());
      const lp = logTarget(prop);
      evaluations++;
      if (Number.isFinite(lp) && Math.log(rng()) < lp - lx[c]) {
        x[c].set(prop);
        lx[c] = lp;
        accepted++;
      }
    }
    if (g % thin === 0) {
      for (let c = 0; c < n; c++) {
        archive.push(Float64Array.from(x[c]));
        chains[c].set(x[c], k * d);
        logDensity[c][k] = lx[c];
      }
      k++;
    }
    if (opts.onProgress && g % (opts.every ?? 500) === 0) opts.onProgress(g, accepted);
  }
  return { chains, logDensity, kept, d, evaluations, acceptance: accepted / (opts.generations * n) };
}
