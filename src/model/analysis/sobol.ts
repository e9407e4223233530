// Variance-based (Sobol) sensitivity: Saltelli sampling and the estimators recommended by
// Saltelli et al. (2010), "Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index", Comput. Phys. Commun. 181:259–270:
//   first order  S_i  = mean((f(B) − ȳ)·(f(A_B^i) − f(A))) / V   (their eq. (b), Table 2, with
//                f(B) centred on the mean ȳ of all outputs, which is what SALib's normalised Y does)
//   total        ST_i = mean((f(A) − f(A_B^i))²) / (2V)    (Jansen 1999, their eq. (f))
// with V the variance of f over the 2N points of A and B. Confidence intervals come from
// a bootstrap over the N base rows (percentile intervals).
// A and B come from a 2d-dimensional low-discrepancy sequence, as Saltelli prescribes: we
// use the additive recurrence R_2d of Roberts (2018, "The unreasonable effectiveness of
// quasirandom sequences"), any dimension, no tables, randomly shifted by the seed
// (Cranley–Patterson rotation). On Ishigami it cuts the error of plain random sampling
// about fivefold at the same cost; base row j depends on (seed, j) only.
import { stream, type Seed } from './rng.ts';
import type { UncertainParameter } from './sampling.ts';
import { percentileSorted } from './statistics.ts';
import { unitToValues } from './unit-space.ts';

/** A Saltelli design: N base rows, each giving A, B and the k mixed rows A_B^g (one per factor, or per group). */
export interface SaltelliDesign {
  n: number;
  /** Parameters (values per row). */
  d: number;
  /** Mixed rows per base row: d, or the number of groups. */
  k: number;
  /** (k + 2)·n rows × d values: for base row j, rows j(k+2) + 0 = A_j, + 1 = B_j, + 2 + g = A_B^g_j. */
  points: Float64Array;
}

/** Generators α_k = φ_D^-k of the R_D sequence, φ_D the positive root of x^(D+1) = x + 1. */
function rGenerators(D: number): Float64Array {
  let g = 2;
  for (let i = 0; i < 64; i++) g = Math.pow(1 + g, 1 / (D + 1));
  return Float64Array.from({ length: D }, (_, k) => Math.pow(1 / g, k + 1));
}

/**
 * Saltelli sample of `n` base rows (n·(k+2) model evaluations), in parameter values. With
 * `groups` (group index of each parameter, 0..k−1), row A_B^g takes every parameter of
 * group g from B (Saltelli's indices of groups of factors; SALib's `groups`).
 */
export function saltelliSample(
  params: UncertainParameter[],
  n: number,
  seed: Seed,
  sequence: 'qmc' | 'random' = 'qmc',
  groups?: Int32Array,
): SaltelliDesign {
  const d = params.length;
  if (!Number.isInteger(n) || n < 2) throw new Error(`Sobol needs at least 2 base samples (got ${n})`);
  if (d < 1) throw new Error('Sobol needs at least one uncertain parameter');
  const k = groups ? Math.max(...groups) + 1 : d;
  const rows = k + 2;
  const unit = new Float64Array(n * rows * d);
  const alpha = rGenerators(2 * d);
  const shiftRng = stream(seed, 'saltelli-shift');
  const shift = Float64Array.from(alpha, () => shiftRng());
  const u = new Float64Array(2 * d);
  for (let j = 0; j < n; j++) {
    if (sequence === 'qmc') {
      for (let k = 0; k < 2 * d; k++) u[k] = (shift[k] + (j + 1) * alpha[k]) % 1;
    } else {
      const rng = stream(seed, 'saltelli', j);
      for (let k = 0; k < 2 * d; k++) u[k] = rng();
    }
    const a = u.subarray(0, d);
    const b = u.subarray(d);
    const base = j * rows * d;
    unit.set(a, base);
    unit.set(b, base + d);
    for (let g = 0; g < k; g++) {
      const off = base + (2 + g) * d;
      unit.set(a, off);
      if (groups) {
        for (let i = 0; i < d; i++) if (groups[i] === g) unit[off + i] = b[i];
      } else unit[off + g] = b[g];
    }
  }
  return { n, d, k, points: unitToValues(params, unit) };
}

/** Sobol indices of one output, with bootstrap confidence intervals (NaN when the output does not vary). */
export interface SobolResult {
  S1: number[];
  ST: number[];
  /** [low, high] percentile-bootstrap intervals at the chosen confidence level (NaN without bootstrap). */
  S1ci: Array<[number, number]>;
  STci: Array<[number, number]>;
  /** Variance of the output over A and B. */
  variance: number;
  /** ΣS1 and its interval: above 1 beyond the interval means the estimates are off. */
  sumS1: number;
  sumS1ci: [number, number];
  /** Interval of S1 − ST per factor: above 0 beyond noise is impossible for exact indices. */
  excessCi: Array<[number, number]>;
}

/** Options of sobolIndices. */
export interface SobolOptions {
  /** Bootstrap resamples (0 = no intervals; NaN bounds). Default 500. */
  bootstrap?: number;
  /** Confidence level of the intervals. Default 0.95. */
  confidence?: number;
  seed?: Seed;
}

/** Point estimates for the base rows listed in `idx` (all rows when idx is undefined); d = mixed rows per base row. */
function estimate(y: Float64Array, n: number, d: number, center: number, idx?: Int32Array): { S1: number[]; ST: number[]; V: number } {
  const rows = d + 2;
  const m = idx ? idx.length : n;
  let sum = 0;
  for (let k = 0; k < m; k++) {
    const j = idx ? idx[k] : k;
    sum += y[j * rows] + y[j * rows + 1];
  }
  const mu = sum / (2 * m);
  let ss = 0;
  for (let k = 0; k < m; k++) {
    const j = idx ? idx[k] : k;
    const a = y[j * rows] - mu;
    const b = y[j * rows + 1] - mu;
    ss += a * a + b * b;
  }
  const V = ss / (2 * m);
  const S1: number[] = [];
  const ST: number[] = [];
  for (let i = 0; i < d; i++) {
    let s1 = 0;
    let st = 0;
    for (let k = 0; k < m; k++) {
      const j = idx ? idx[k] : k;
      const fa = y[j * rows];
      const fb = y[j * rows + 1];
      const fab = y[j * rows + 2 + i];
      // f(B) centred on the mean of all outputs (as SALib normalises Y since 1.4): the same
      // expectation, far less noise when the output's mean is large against its spread.
      s1 += (fb - center) * (fab - fa);
      st += (fa - fab) * (fa - fab);
    }
    // A constant output has no variance to share out: the indices are undefined, not 0.
    S1.push(V > 0 ? s1 / m / V : NaN);
    ST.push(V > 0 ? st / (2 * m) / V : NaN);
  }
  return { S1, ST, V };
}

/** Sobol first-order and total indices from outputs `y` of a Saltelli design (one value per row). */
export function sobolIndices(y: Float64Array, design: Pick<SaltelliDesign, 'n' | 'd'> & { k?: number }, opts: SobolOptions = {}): SobolResult {
  const { n } = design;
  const d = design.k ?? design.d;
  if (y.length !== n * (d + 2)) throw new Error(`expected ${n * (d + 2)} outputs, got ${y.length}`);
  let center = 0;
  for (let r = 0; r < y.length; r++) center += y[r];
  center /= y.length;
  const { S1, ST, V } = estimate(y, n, d, center);
  const B = opts.bootstrap ?? 500;
  const level = opts.confidence ?? 0.95;
  const bs1 = Array.from({ length: d }, () => new Float64Array(B));
  const bst = Array.from({ length: d }, () => new Float64Array(B));
  const bsum = new Float64Array(B);
  const bexcess = Array.from({ length: d }, () => new Float64Array(B));
  const idx = new Int32Array(n);
  for (let b = 0; b < B; b++) {
    const rng = stream(opts.seed ?? 0, 'sobol-bootstrap', b);
    for (let k = 0; k < n; k++) idx[k] = Math.floor(rng() * n);
    const e = estimate(y, n, d, center, idx);
    for (let i = 0; i < d; i++) {
      bs1[i][b] = e.S1[i];
      bst[i][b] = e.ST[i];
      bsum[b] += e.S1[i];
      bexcess[i][b] = e.S1[i] - e.ST[i];
    }
  }
  const ci = (xs: Float64Array): [number, number] => {
    if (B === 0 || !(V > 0)) return [NaN, NaN];
    const s = xs.sort();
    return [percentileSorted(s, (1 - level) / 2), percentileSorted(s, (1 + level) / 2)];
  };
  const sumS1 = S1.reduce((a, b) => a + b, 0);
  return { S1, ST, S1ci: bs1.map(ci), STci: bst.map(ci), variance: V, sumS1, sumS1ci: ci(bsum), excessCi: bexcess.map(ci) };
}
