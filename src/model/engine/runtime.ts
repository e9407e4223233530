// Helper functions the generated code calls (fixed names, bound when the code is built).
// Pure numeric code: no allocation except stddev's argument array.

/** Floored remainder: the result has the sign of the divisor (XMILE MOD). */
export function mod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

/** a / b, or x when b = 0. */
export function xidz(a: number, b: number, x: number): number {
  return b === 0 ? x : a / b;
}

/** a / b, or 0 when b = 0. */
export function zidz(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Round half away from zero. */
export function round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** STEP(height, start): height from `start` on (tolerant of accumulated time error). */
export function step(t: number, dt: number, height: number, start: number): number {
  return t >= start - dt * 1e-6 ? height : 0;
}

/** RAMP(slope, start, end): slope × (time − start) between start and end, flat after end. */
export function ramp(t: number, slope: number, start: number, end: number): number {
  if (t <= start) return 0;
  return slope * (Math.min(t, end) - start);
}

/** PULSE(magnitude, first, interval): magnitude/dt during the step at `first` (and every `interval` after, if > 0). */
export function pulse(t: number, dt: number, magnitude: number, first: number, interval: number): number {
  const rel = t - first;
  const eps = dt * 1e-6;
  if (rel < -eps) return 0;
  if (interval > 0) {
    const r = rel - interval * Math.floor((rel + eps) / interval);
    return r < dt - eps ? magnitude / dt : 0;
  }
  return rel < dt - eps ? magnitude / dt : 0;
}

/** Sample standard deviation of the values. */
export function stddev(xs: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let m = 0;
  for (const x of xs) m += x;
  m /= n;
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (n - 1));
}

// Graphical-function tables are laid out as [n, xs(n), ys(n)] at an offset of TB.

/** Continuous lookup: linear interpolation, clamped at the ends. */
export function lk(tb: Float64Array, o: number, x: number): number {
  const n = tb[o];
  const xs = o + 1;
  const ys = o + 1 + n;
  if (x <= tb[xs]) return tb[ys];
  if (x >= tb[xs + n - 1]) return tb[ys + n - 1];
  let i = 1;
  while (x > tb[xs + i]) i++;
  const x0 = tb[xs + i - 1];
  const x1 = tb[xs + i];
  const y0 = tb[ys + i - 1];
  return y0 + ((tb[ys + i] - y0) * (x - x0)) / (x1 - x0);
}

/** Extrapolating lookup: linear interpolation, extended linearly beyond the ends. */
export function lkx(tb: Float64Array, o: number, x: number): number {
  const n = tb[o];
  const xs = o + 1;
  const ys = o + 1 + n;
  if (n < 2) return tb[ys];
  let i: number;
  if (x <= tb[xs]) i = 1;
  else if (x >= tb[xs + n - 1]) i = n - 1;
  else {
    i = 1;
    while (x > tb[xs + i]) i++;
  }
  const x0 = tb[xs + i - 1];
  const y0 = tb[ys + i - 1];
  return y0 + ((tb[ys + i] - y0) * (x - x0)) / (tb[xs + i] - x0);
}

/** Discrete lookup: the y of the last point whose x is ≤ the input (first y below the range). */
export function lkd(tb: Float64Array, o: number, x: number): number {
  const n = tb[o];
  const xs = o + 1;
  const ys = o + 1 + n;
  if (x < tb[xs]) return tb[ys];
  let i = 0;
  while (i + 1 < n && x >= tb[xs + i + 1]) i++;
  return tb[ys + i];
}

/** A uniform [0, 1) source (a seeded seedrandom generator). */
export type Rng = () => number;

/** RANDOM(min, max): uniform draw. */
export function uniform(r: Rng, a: number, b: number): number {
  return a + (b - a) * r();
}

/** NORMAL(mean, sd): Box–Muller draw (two uniforms per draw, so the sequence is stable). */
export function normal(r: Rng, m: number, s: number): number {
  const u = 1 - r();
  const w = r();
  return m + s * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
}

/** LOGNORMAL(mean, sd): a log-normal draw whose own mean and standard deviation are given. */
export function lognormal(r: Rng, m: number, s: number): number {
  const s2 = Math.log(1 + (s * s) / (m * m));
  return Math.exp(normal(r, Math.log(m) - s2 / 2, Math.sqrt(s2)));
}

/** POISSON(mean): Knuth's method for small means, a rounded normal beyond 50. */
export function poisson(r: Rng, m: number): number {
  if (!(m > 0)) return 0;
  if (m > 50) return Math.max(0, Math.round(normal(r, m, Math.sqrt(m))));
  const l = Math.exp(-m);
  let k = 0;
  let p = r();
  while (p > l) {
    k++;
    p *= r();
  }
  return k;
}

/** EXPRND(mean): exponential draw. */
export function exprnd(r: Rng, m: number): number {
  return -m * Math.log(1 - r());
}

/**
 * x ^ y for an exponent that is not a literal integer (the compiler keeps Math.pow for those, so
 * 2 ^ 3 is exactly 8): for a positive base exp(y·ln x), within an ulp or two of Math.pow, which
 * in V8 costs about three exp/log pairs, and models raise to fractional elasticities every step;
 * 1 ^ y is 1 without either call (ratios to a base year often start at exactly 1).
 */
export function pow(x: number, y: number): number {
  if (x > 0) return x === 1 ? 1 : Math.exp(y * Math.log(x));
  return Math.pow(x, y);
}

/** The helpers by the names generated code uses. */
export const HELPERS = {
  H_pow: pow, H_mod: mod, H_xidz: xidz, H_zidz: zidz, H_round: round, H_step: step, H_ramp: ramp, H_pulse: pulse,
  H_stddev: stddev, H_lk: lk, H_lkx: lkx, H_lkd: lkd,
  H_uniform: uniform, H_normal: normal, H_lognormal: lognormal, H_poisson: poisson, H_exprnd: exprnd,
};
