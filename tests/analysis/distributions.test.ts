import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from '../../src/model/analysis/normal.ts';
import { distributionProblem, quantile } from '../../src/model/analysis/distributions.ts';
import type { Distribution } from '../../src/model/analysis/distribution-types.ts';

describe('normal CDF and quantile', () => {
  it('match reference values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 16);
    expect(erfc(5)).toBeCloseTo(1.5374597944280349e-12, 22);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });
  it('are inverse to each other across the range', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    }
  });
});

describe('quantile of registry distributions', () => {
  it('uniform and triangular', () => {
    expect(quantile({ type: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    const tri = { type: 'triangular' as const, min: 0, mode: 1, max: 4 };
    expect(quantile(tri, 0.25)).toBeCloseTo(1, 14); // F(mode) = 1/4
    expect(quantile(tri, 0)).toBe(0);
    expect(quantile(tri, 1)).toBe(4);
    // F(x) = 1 - (4-x)²/12 for x ≥ 1 → x = 2 at F = 2/3
    expect(quantile(tri, 2 / 3)).toBeCloseTo(2, 12);
  });
  it('normal and lognormal, with truncation', () => {
    expect(quantile({ type: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
    expect(quantile({ type: 'lognormal', mu: 0, sigma: 1 }, 0.5)).toBeCloseTo(1, 14);
    const tn = { type: 'normal' as const, mean: 0, sd: 1, min: 0, max: 1 };
    expect(quantile(tn, 0)).toBe(0);
    expect(quantile(tn, 1)).toBe(1);
    // median of N(0,1) truncated to [0,1]: Φ⁻¹((0.5 + Φ(1)) / 2)
    expect(quantile(tn, 0.5)).toBeCloseTo(normalQuantile((0.5 + normalCdf(1)) / 2), 14);
    const tl = { type: 'lognormal' as const, mu: 0, sigma: 0.5, min: 0.5, max: 3 };
    for (const u of [0, 0.1, 0.9, 1]) {
      const x = quantile(tl, u);
      expect(x).toBeGreaterThanOrEqual(0.5);
      expect(x).toBeLessThanOrEqual(3);
    }
  });
  it('reject bad parameters with a message', () => {
    expect(distributionProblem({ type: 'uniform', min: 3, max: 1 })).toMatch(/min ≤ max/);
    expect(distributionProblem({ type: 'normal', mean: 0, sd: -1 })).toMatch(/scale/);
    expect(distributionProblem({ type: 'triangular', min: 0, mode: 5, max: 4 })).toMatch(/mode/);
    expect(distributionProblem({ type: 'lognormal', mu: 0, sigma: 1, min: 2, max: 1 })).toMatch(/min < max/);
    expect(distributionProblem({ type: 'uniform', min: 0, max: 1 })).toBeUndefined();
  });
});

describe('truncated normal and lognormal far in a tail', () => {
  // Mean of the draws at u = (i + 0.5) / n: the midpoint rule for ∫ quantile(u) du.
  const mean = (d: Distribution, n = 20_000) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += quantile(d, (i + 0.5) / n);
    return s / n;
  };
  // The mean of Z given Z > a, φ(a)/Q(a), by its continued fraction a + 1/(a + 2/(a + 3/…)).
  const millsMean = (a: number) => {
    let f = a;
    for (let k = 60; k >= 1; k--) f = a + k / f;
    return f;
  };

  it('draws a normal truncated above its mean from the right tail, not from the far bound', () => {
    const d: Distribution = { type: 'normal', mean: 70, sd: 5, min: 110, max: 120 };
    const xs = Array.from({ length: 200 }, (_, i) => quantile(d, (i + 0.5) / 200));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(110);
    expect(xs.filter((x) => x === 120)).toHaveLength(0);
    // z from 8: mean 8 + about 1/8 standard deviations.
    expect(mean(d)).toBeCloseTo(70 + 5 * millsMean(8), 2);
    expect(quantile(d, 0)).toBe(110);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });

  it('stays right where even the tail probabilities underflow (z = 30 and 40) and in the lower tail', () => {
    expect(mean({ type: 'normal', mean: 70, sd: 1, min: 100, max: 200 })).toBeCloseTo(70 + millsMean(30), 3);
    expect(mean({ type: 'normal', mean: 0, sd: 1, min: 40 })).toBeCloseTo(millsMean(40), 3);
    expect(mean({ type: 'normal', mean: 0, sd: 1, max: -40 })).toBeCloseTo(-millsMean(40), 3);
    const ln = { type: 'lognormal', mu: 4, sigma: 0.1, min: 100, max: 200 } as Distribution;
    expect(quantile(ln, 0.999)).toBeLessThan(115);
    expect(mean(ln)).toBeCloseTo(Math.exp(4 + 0.1 * millsMean((Math.log(100) - 4) / 0.1)), 0);
  });
});
