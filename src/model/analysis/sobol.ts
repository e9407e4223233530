// Variance-based (Sobol) sensitivity: Saltelli sampling and the estimators recommended by
// Saltelli et al. (2010), "Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index", Comput. Phys. Commun. 181:259–270:
//   first order  S_i  = mean(f(B)·(f(A_B^i) − f(A))) / V   (their eq. (b), Table 2)
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

/** A Saltelli design: N base rows, each giving A, B and the d mixed rows A_B^i. */
export interface SaltelliDesign {
  n: number;
  d: number;
  /** (d + 2)·n rows × d values: for base row j, rows j(d+2) + 0 = A_j, + 1 = B_j, + 2 + i = A_B^i_j. */
  points: Float64Array;
}

/** Generators α_k = φ_D^-k of the R_D sequence, φ_D the positive root of x^(D+1) = x + 1. */
function rGenerators(D: number): Float64Array {
  let g = 2;
  for (let i = 0; i < 64; i++) g = Math.pow(1 + g, 1 / (D + 1));
  return Float64Array.from({ length: D }, (_, k) => Math.pow(1 / g, k + 1));
}

/** Saltelli sample of `n` base rows (n·(d+2) model evaluations), in parameter values. */
export function saltelliSample(
  params: UncertainParameter[],
  n: number,
  seed: Seed,
  sequence: 'qmc' | 'random' = 'qmc',
): SaltelliDesign {
  const d = params.length;
  if (!Number.isInteger(n) || n < 2) throw new Error(`Sobol needs at least 2 base samples (got ${n})`);
  if (d < 1) throw new Error('Sobol needs at least one uncertain parameter');
  const rows = d + 2;
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
    for (let i = 0; i < d; i++) {
      const off = base + (2 + i) * d;
      unit.set(a, off);
      unit[off + i] = b[i];
    }
  }
  return { n, d, points: unitToValues(params, unit) };
}

/** Sobol indices of one output, with bootstrap confidence intervals. */
export interface SobolResult {
  S1: number[];
  ST: number[];
  /** [low, high] percentile-bootstrap intervals at the chosen confidence level. */
  S1ci: Array<[number, number]>;
  STci: Array<[number, number]>;
  /** Variance of the output over A and B. */
  variance: number;
}

/** Options of sobolIndices. */
export interface SobolOptions {
  /** Bootstrap resamples (0 = no intervals; NaN bounds). Default 500. */
  bootstrap?: number;
  /** Confidence level of the intervals. Default 0.95. */
  confidence?: number;
  seed?: Seed;
}

/** Point estimates for the base rows listed in `idx` (all rows when idx is undefined). */
function estimate(y: Float64Array, n: number, d: number, idx?: Int32Array): { S1: number[]; ST: number[]; V: number } {
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
      s1 += fb * (fab - fa);
      st += (fa - fab) * (fa - fab);
    }
    S1.push(V > 0 ? s1 / m / V : 0);
    ST.push(V > 0 ? st / (2 * m) / V : 0);
  }
  return { S1, ST, V };
}

/** Sobol first-order and total indices from outputs `y` of a Saltelli design (one value per row). */
export function sobolIndices(y: Float64Array, design: Pick<SaltelliDesign, 'n' | 'd'>, opts: SobolOptions = {}): SobolResult {
  const { n, d } = design;
  if (y.length !== n * (d + 2)) throw new Error(`expected ${n * (d + 2)} outputs, got ${y.length}`);
  const { S1, ST, V } = estimate(y, n, d);
  const B = opts.bootstrap ?? 500;
  const level = opts.confidence ?? 0.95;
  const bs1 = Array.from({ length: d }, () => new Float64Array(B));
  const bst = Array.from({ length: d }, () => new Float64Array(B));
  const idx = new Int32Array(n);
  for (let b = 0; b < B; b++) {
    const rng = stream(opts.seed ?? 0, 'sobol-bootstrap', b);
    for (let k = 0; k < n; k++) idx[k] = Math.floor(rng() * n);
    const e = estimate(y, n, d, idx);
    for (let i = 0; i < d; i++) {
      bs1[i][b] = e.S1[i];
      bst[i][b] = e.ST[i];
    }
  }
  const ci = (xs: Float64Array): [number, number] => {
    if (B === 0) return [NaN, NaN];
    const s = xs.sort();
    return [percentileSorted(s, (1 - level) / 2), percentileSorted(s, (1 + level) / 2)];
  };
  return { S1, ST, S1ci: bs1.map(ci), STci: bst.map(ci), variance: V };
}
