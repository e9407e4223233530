// Summary statistics of Monte Carlo output. Percentiles use linear interpolation between
// order statistics, Hyndman & Fan (1996) type 7 (the default of R's quantile(), NumPy's
// percentile and Excel's PERCENTILE.INC): with sorted x[0..n-1], h = (n-1)·p and
// Q(p) = x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]). Everything is computed from all per-run
// values in run order, so a merge of shards gives the same bits as one unsharded batch.

/** Statistics written per output and time, in this order. */
export const STATISTICS = ['mean', 'sd', 'min', 'p5', 'p25', 'p50', 'p75', 'p95', 'max'] as const;

/** One statistic's name. */
export type StatisticName = (typeof STATISTICS)[number];

/** Percentile levels (fractions) of the pN statistics. */
const LEVELS: Partial<Record<StatisticName, number>> = { p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 };

/** Type-7 percentile of an ascending-sorted array at level p in [0, 1]. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/** Mean by Neumaier-compensated summation in the given order (deterministic, accurate). */
export function mean(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return (sum + c) / n;
}

/**
 * Sample standard deviation (n - 1 denominator), two-pass. NaN for fewer than two values:
 * one run says nothing about the spread, and 0 would read as "no uncertainty".
 */
export function sampleSd(xs: ArrayLike<number>, m = mean(xs)): number {
  const n = xs.length;
  if (n < 2) return NaN;
  // mean() of the squared deviations, summed as they are computed (no array for them).
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = (xs[i] - m) * (xs[i] - m);
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return Math.sqrt((((sum + c) / n) * n) / (n - 1));
}

function hasNaN(xs: Float64Array): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] !== xs[i]) return true;
  return false;
}

/**
 * Rearrange a[lo..hi] so that each position of ks[k0..k1) (ascending, all within lo..hi)
 * holds the value it would hold sorted. One Hoare partition (median-of-three pivot) splits
 * the range and the positions with it; each side is searched only for its own positions, so
 * the twelve positions of a summary cost a few passes over the data, not twelve selections.
 * NaN-free input only.
 */
function multiSelect(a: Float64Array, ks: readonly number[], k0: number, k1: number, lo: number, hi: number): void {
  while (k0 < k1 && hi > lo) {
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      return;
    }
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot: sorted runs and ties stay linear on average.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and anything between j and i equals the pivot.
    let m0 = k0;
    while (m0 < k1 && ks[m0] <= j) m0++;
    let m1 = m0;
    while (m1 < k1 && ks[m1] < i) m1++;
    if (m0 > k0) multiSelect(a, ks, k0, m0, lo, j);
    k0 = m1;
    lo = i;
  }
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Put into `a` (a copy of `xs`) the values a full sort would put at the ascending, distinct
 * positions `ks`, found by selection in O(n) instead of sorting; other positions are unspecified.
 */
export function selectOrderStatistics(xs: Float64Array, ks: readonly number[], scratch?: Float64Array): Float64Array {
  const a = scratch && scratch.length === xs.length ? scratch : new Float64Array(xs.length);
  a.set(xs);
  if (a.length > 0) multiSelect(a, ks, 0, ks.length, 0, a.length - 1);
  return a;
}

/** All STATISTICS of one sample, in STATISTICS order. NaN everywhere if any value is NaN. */
export function describe(xs: Float64Array, scratch?: Float64Array): Float64Array {
  const out = new Float64Array(STATISTICS.length);
  const n = xs.length;
  if (n === 0 || hasNaN(xs)) return out.fill(NaN);
  // Only the order statistics the percentiles interpolate between (type 7) are needed.
  const positions = new Set<number>([0, n - 1]);
  for (const s of STATISTICS) {
    const p = LEVELS[s];
    if (p === undefined) continue;
    const lo = Math.floor((n - 1) * p);
    positions.add(lo);
    if (lo + 1 < n) positions.add(lo + 1);
  }
  const sorted = selectOrderStatistics(xs, [...positions].sort((a, b) => a - b), scratch);
  const m = mean(xs);
  STATISTICS.forEach((s, i) => {
    if (s === 'mean') out[i] = m;
    else if (s === 'sd') out[i] = sampleSd(xs, m);
    else if (s === 'min') out[i] = sorted[0];
    else if (s === 'max') out[i] = sorted[n - 1];
    else out[i] = percentileSorted(sorted, LEVELS[s]!);
  });
  return out;
}

/**
 * Statistics of every column of a run-major matrix (`runs` rows × `width` columns):
 * returns width × STATISTICS.length values, column-major by statistic.
 */
export function describeColumns(values: Float64Array, runs: number, width: number): Float64Array {
  const out = new Float64Array(width * STATISTICS.length);
  // Columns are gathered a block at a time: one pass over the rows fills B columns, where
  // one column at a time would touch a new cache line for every value.
  const B = 16;
  const cols = Array.from({ length: Math.min(B, width) }, () => new Float64Array(runs));
  const scratch = new Float64Array(runs);
  for (let k0 = 0; k0 < width; k0 += B) {
    const k1 = Math.min(width, k0 + B);
    for (let r = 0; r < runs; r++) {
      const row = r * width;
      for (let k = k0; k < k1; k++) cols[k - k0][r] = values[row + k];
    }
    for (let k = k0; k < k1; k++) out.set(describe(cols[k - k0], scratch), k * STATISTICS.length);
  }
  return out;
}
