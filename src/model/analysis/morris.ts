// Morris elementary-effects screening (Morris 1991, with μ* of Campolongo et al. 2007).
// r trajectories on a p-level grid in the unit cube; each moves one parameter at a time by
// Δ = p / (2(p − 1)), in random order. Elementary effects are in output units per unit
// of the (0–1 scaled) parameter range, so μ* ranks parameters across different units.
import { permutation, stream, type Seed } from './rng.ts';
import type { UncertainParameter } from './sampling.ts';
import { percentileSorted } from './statistics.ts';
import { unitToValues } from './unit-space.ts';

/** A Morris design: r trajectories of k + 1 points each (k = d, or the number of groups). */
export interface MorrisDesign {
  r: number;
  d: number;
  /** Steps per trajectory: one per parameter, or per group. */
  k: number;
  /** r·(k+1) rows × d parameter values, trajectory-major. */
  points: Float64Array;
  /** For trajectory t, step s (1..k): which parameter (or group) moved, at order[t·k + s − 1]. */
  order: Int32Array;
  /** ±Δ of that step (in unit coordinates), aligned with `order`. */
  delta: Float64Array;
}

/**
 * Build r Morris trajectories on a `levels`-level grid (levels even, ≥ 2). With `groups`
 * (group index of each parameter, 0..k−1) a step moves every parameter of one group (each
 * up if it has room, else down); the step's sign is that of the group's first parameter.
 */
export function morrisSample(params: UncertainParameter[], r: number, seed: Seed, levels = 4, groups?: Int32Array): MorrisDesign {
  const d = params.length;
  if (!Number.isInteger(r) || r < 2) throw new Error(`Morris needs at least 2 trajectories (got ${r})`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2) throw new Error(`Morris levels must be an even integer ≥ 2 (got ${levels})`);
  if (d < 1) throw new Error('Morris needs at least one uncertain parameter');
  const step = levels / 2; // Δ in grid steps
  const k = groups ? Math.max(...groups) + 1 : d;
  const members = Array.from({ length: k }, (_, g) => (groups ? [...groups.keys()].filter((i) => groups[i] === g) : [g]));
  const unit = new Float64Array(r * (k + 1) * d);
  const order = new Int32Array(r * k);
  const delta = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    const rng = stream(seed, 'morris', t);
    const x = new Int32Array(d);
    for (let i = 0; i < d; i++) x[i] = Math.floor(rng() * levels);
    const perm = permutation(k, rng);
    const base = t * (k + 1) * d;
    for (let i = 0; i < d; i++) unit[base + i] = x[i] / (levels - 1);
    for (let s = 0; s < k; s++) {
      const g = perm[s];
      let sign = 0;
      for (const i of members[g]) {
        // Move up if there is room on the grid, otherwise down: every level is reachable.
        const up = x[i] + step <= levels - 1;
        x[i] += up ? step : -step;
        if (sign === 0) sign = up ? 1 : -1;
      }
      order[t * k + s] = g;
      delta[t * k + s] = (sign * step) / (levels - 1);
      for (let j = 0; j < d; j++) unit[base + (s + 1) * d + j] = x[j] / (levels - 1);
    }
  }
  return { r, d, k, points: unitToValues(params, unit), order, delta };
}

/** Morris statistics of one output. */
export interface MorrisResult {
  /** Mean elementary effect (signed). */
  mu: number[];
  /** Mean absolute elementary effect. */
  muStar: number[];
  /** Standard deviation of elementary effects (n − 1). */
  sigma: number[];
  /** Bootstrap percentile interval of μ* over trajectories. */
  muStarCi: Array<[number, number]>;
}

/** Morris statistics from outputs `y` (one per design row). */
export function morrisIndices(
  y: Float64Array,
  design: Pick<MorrisDesign, 'r' | 'd' | 'order' | 'delta'> & { k?: number },
  opts: { bootstrap?: number; confidence?: number; seed?: Seed } = {},
): MorrisResult {
  const { r, order, delta } = design;
  const d = design.k ?? design.d;
  if (y.length !== r * (d + 1)) throw new Error(`expected ${r * (d + 1)} outputs, got ${y.length}`);
  const ee = Array.from({ length: d }, () => new Float64Array(r));
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < d; s++) {
      const i = order[t * d + s];
      const before = y[t * (d + 1) + s];
      const after = y[t * (d + 1) + s + 1];
      ee[i][t] = (after - before) / delta[t * d + s];
    }
  }
  const mu: number[] = [];
  const muStar: number[] = [];
  const sigma: number[] = [];
  const muStarCi: Array<[number, number]> = [];
  const B = opts.bootstrap ?? 500;
  const level = opts.confidence ?? 0.95;
  for (let i = 0; i < d; i++) {
    const e = ee[i];
    let m = 0;
    let ma = 0;
    for (let t = 0; t < r; t++) {
      m += e[t];
      ma += Math.abs(e[t]);
    }
    m /= r;
    ma /= r;
    let ss = 0;
    for (let t = 0; t < r; t++) ss += (e[t] - m) ** 2;
    mu.push(m);
    muStar.push(ma);
    sigma.push(Math.sqrt(ss / (r - 1)));
    const boot = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      const rng = stream(opts.seed ?? 0, 'morris-bootstrap', i, b);
      let s = 0;
      for (let t = 0; t < r; t++) s += Math.abs(e[Math.floor(rng() * r)]);
      boot[b] = s / r;
    }
    boot.sort();
    muStarCi.push(B ? [percentileSorted(boot, (1 - level) / 2), percentileSorted(boot, (1 + level) / 2)] : [NaN, NaN]);
  }
  return { mu, muStar, sigma, muStarCi };
}
