// Calibration by bounded, multi-start Nelder–Mead: pure, seeded and deterministic (same
// objective, bounds, options and seed → the same result, bit for bit). Bounds are handled by
// a smooth transform (logistic, on a log scale for positive bounds), so the simplex moves
// freely in an unbounded space and every evaluated point lies inside the box.
import { stream, type Seed } from './rng.ts';

/** Options of one Nelder–Mead minimisation. */
export interface NelderMeadOptions {
  /** Largest number of objective evaluations (default 2000). */
  maxEvals?: number;
  /** Stop when the simplex's objective spread falls below this (default 1e-10). */
  fTol?: number;
  /** Stop when the simplex's largest coordinate spread falls below this (default 1e-8). */
  xTol?: number;
  /** Initial simplex step per coordinate, scaled by max(1, |x|) (default 0.5). */
  step?: number;
}

/** Result of a minimisation. */
export interface MinimizeResult {
  x: number[];
  fx: number;
  evals: number;
  iterations: number;
  /** True if a tolerance stopped it, false if it ran out of evaluations. */
  converged: boolean;
}

/**
 * Minimise f from x0 with the Nelder–Mead simplex (standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5). Non-finite objective values count as +Infinity.
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], opts: NelderMeadOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxEvals = opts.maxEvals ?? 2000;
  const fTol = opts.fTol ?? 1e-10;
  const xTol = opts.xTol ?? 1e-8;
  const step = opts.step ?? 0.5;
  let evals = 0;
  const F = (x: number[]) => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i] + step * Math.max(1, Math.abs(p[i]));
    simplex.push(p);
  }
  let values = simplex.map(F);
  let iterations = 0;
  let converged = false;
  while (evals < maxEvals) {
    iterations++;
    // Sort by value; ties keep index order so the run is deterministic.
    const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    const s = order.map((i) => simplex[i]);
    const vs = order.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = s[i];
      values[i] = vs[i];
    }
    const fSpread = Math.abs(values[n] - values[0]);
    let xSpread = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) xSpread = Math.max(xSpread, Math.abs(simplex[i][j] - simplex[0][j]));
    if ((fSpread <= fTol && Number.isFinite(values[0])) || xSpread <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const worst = simplex[n];
    const along = (t: number) => centroid.map((c, j) => c + t * (worst[j] - c));
    const xr = along(-1);
    const fr = F(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = F(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = F(xc);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]));
          values[i] = F(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best].slice(), fx: values[best], evals, iterations, converged };
}

/** A bounded parameter of a calibration. */
export interface BoundedParameter {
  id: string;
  lower: number;
  upper: number;
  /** Starting value of the first start (default: the middle of the box). */
  initial?: number;
}

/** Options of a multi-start calibration. */
export interface MultiStartOptions extends NelderMeadOptions {
  /** Number of starts: the first from the initial values, the rest seeded uniformly in the box (default 4). */
  starts?: number;
  seed?: Seed;
  /** Restarts from each start's optimum (re-expanding the simplex; default 1). */
  restarts?: number;
}

/** Result of a multi-start calibration, in parameter space. */
export interface CalibrationResult {
  /** Best parameter values by id. */
  values: Record<string, number>;
  objective: number;
  /** Objective reached by each start, in start order. */
  startObjectives: number[];
  evals: number;
}

const logScale = (p: BoundedParameter) => p.lower > 0 && p.upper / p.lower > 10;

/** Map an unbounded coordinate to the parameter's box (logistic; on a log scale for wide positive boxes). */
export function toBox(p: BoundedParameter, z: number): number {
  const s = 1 / (1 + Math.exp(-z));
  if (logScale(p)) return Math.exp(Math.log(p.lower) + s * (Math.log(p.upper) - Math.log(p.lower)));
  return p.lower + s * (p.upper - p.lower);
}

/** Inverse of toBox (values at or beyond the bounds are pulled just inside). */
export function fromBox(p: BoundedParameter, x: number): number {
  const lo = logScale(p) ? Math.log(p.lower) : p.lower;
  const hi = logScale(p) ? Math.log(p.upper) : p.upper;
  const v = logScale(p) ? Math.log(x) : x;
  const s = Math.min(1 - 1e-9, Math.max(1e-9, (v - lo) / (hi - lo)));
  return Math.log(s / (1 - s));
}

/**
 * Minimise `objective(values)` over the box by Nelder–Mead from several seeded starts, each
 * restarted from its own optimum; returns the best. Deterministic for a given seed.
 */
export function calibrateMultiStart(
  params: readonly BoundedParameter[],
  objective: (values: Record<string, number>) => number,
  opts: MultiStartOptions = {},
): CalibrationResult {
  for (const p of params) {
    if (!(p.lower < p.upper)) throw new Error(`calibrate: parameter "${p.id}" needs lower < upper (got ${p.lower}, ${p.upper})`);
  }
  const starts = opts.starts ?? 4;
  const restarts = opts.restarts ?? 1;
  const rng = stream(opts.seed ?? 1, 'calibrate-starts');
  const toValues = (z: number[]) => Object.fromEntries(params.map((p, i) => [p.id, toBox(p, z[i])]));
  const f = (z: number[]) => objective(toValues(z));
  let best: MinimizeResult | undefined;
  const startObjectives: number[] = [];
  let evals = 0;
  for (let s = 0; s < starts; s++) {
    const z0 = params.map((p) => {
      if (s === 0) return fromBox(p, p.initial ?? toBox(p, 0));
      const u = rng();
      return Math.log(u / (1 - u)); // uniform over the box in the transformed scale
    });
    let r = nelderMead(f, z0, opts);
    evals += r.evals;
    for (let k = 0; k < restarts; k++) {
      const again = nelderMead(f, r.x, opts);
      evals += again.evals;
      if (again.fx <= r.fx) r = again;
    }
    startObjectives.push(r.fx);
    if (!best || r.fx < best.fx) best = r;
  }
  return { values: toValues(best!.x), objective: best!.fx, startObjectives, evals };
}
