// Convergence diagnostics of MCMC chains: split-R̂ (Gelman et al., Bayesian Data Analysis, 3rd
// ed., §11.4) and the effective sample size from the chains' autocorrelations summed with
// Geyer's initial monotone sequence (ibid.; as Stan computes it, without rank normalisation).

/** Mean and (n − 1) variance of x. */
function meanVar(x: Float64Array): [number, number] {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  return [m, v / (x.length - 1)];
}

/** Split each chain in halves (dropping a middle value of an odd length). */
function splitChains(chains: Float64Array[]): Float64Array[] {
  return chains.flatMap((c) => {
    const h = Math.floor(c.length / 2);
    return [c.subarray(0, h), c.subarray(c.length - h)];
  });
}

/** Split-R̂ of one quantity over several chains (values per chain); 1 when converged. */
export function splitRhat(chains: Float64Array[]): number {
  const parts = splitChains(chains);
  const n = parts[0].length;
  if (parts.length < 2 || n < 2) return NaN;
  const stats = parts.map(meanVar);
  const w = stats.reduce((s, [, v]) => s + v, 0) / stats.length;
  const grand = stats.reduce((s, [m]) => s + m, 0) / stats.length;
  const b = (n / (stats.length - 1)) * stats.reduce((s, [m]) => s + (m - grand) ** 2, 0);
  if (w === 0) return b === 0 ? 1 : Infinity;
  const varPlus = ((n - 1) / n) * w + b / n;
  return Math.sqrt(varPlus / w);
}

/** Autocovariance of x about mean m at one lag (biased, divided by n). */
function autocovarianceAt(x: Float64Array, m: number, lag: number): number {
  let s = 0;
  for (let i = 0; i + lag < x.length; i++) s += (x[i] - m) * (x[i + lag] - m);
  return s / x.length;
}

/** Effective sample size of one quantity over several chains of equal length. */
export function effectiveSampleSize(chains: Float64Array[]): number {
  const m = chains.length;
  const n = Math.min(...chains.map((c) => c.length));
  if (m < 1 || n < 4) return NaN;
  const xs = chains.map((c) => c.subarray(0, n));
  const means = xs.map((c) => meanVar(c)[0]);
  // Lags are computed only as far as Geyer's sequence needs them.
  const acovAt = (t: number) => xs.reduce((s, c, i) => s + autocovarianceAt(c, means[i], t), 0) / m;
  const w = (acovAt(0) * n) / (n - 1);
  const grand = means.reduce((s, v) => s + v, 0) / m;
  const b = m > 1 ? (n / (m - 1)) * means.reduce((s, v) => s + (v - grand) ** 2, 0) : 0;
  const varPlus = ((n - 1) / n) * w + b / n;
  if (!(varPlus > 0)) return NaN;
  const rho = (t: number) => 1 - (w - acovAt(t)) / varPlus;
  // Geyer: sum pairs Γ_k = ρ_2k + ρ_2k+1 while positive, made monotone.
  let sum = 0;
  let prevPair = Infinity;
  for (let k = 0; 2 * k + 1 < n; k++) {
    let pair = rho(2 * k) + rho(2 * k + 1);
    if (!(pair > 0)) break;
    if (pair > prevPair) pair = prevPair;
    sum += pair;
    prevPair = pair;
  }
  const tau = -1 + 2 * sum;
  return (m * n) / Math.max(tau, 1 / Math.log10(m * n));
}
