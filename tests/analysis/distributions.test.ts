import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from '../../src/model/analysis/normal.ts';
import { distributionProblem, quantile } from '../../src/model/analysis/distributions.ts';

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
