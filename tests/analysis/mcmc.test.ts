import { describe, expect, it } from 'vitest';
import { deMcz } from '../../src/model/analysis/mcmc.ts';
import { effectiveSampleSize, splitRhat } from '../../src/model/analysis/mcmc-diagnostics.ts';
import { normalQuantile } from '../../src/model/analysis/normal.ts';
import { stream } from '../../src/model/analysis/rng.ts';

/** A correlated 2-D normal: means (1, −2), sds (1, 3), correlation 0.8. */
const target = (x: Float64Array) => {
  const a = x[0] - 1;
  const b = (x[1] + 2) / 3;
  const r = 0.8;
  return (-0.5 * (a * a - 2 * r * a * b + b * b)) / (1 - r * r);
};

const archive = () => {
  const u = stream(5, 'start');
  return Array.from({ length: 20 }, () => Float64Array.from([u() * 10 - 5, u() * 10 - 5]));
};

describe('DE-MCz', () => {
  const r = deMcz(target, archive(), { chains: 4, generations: 20000, thin: 5, seed: 7 });
  const col = (j: number) => r.chains.map((c) => Float64Array.from({ length: r.kept / 2 }, (_, k) => c[(r.kept / 2 + k) * 2 + j]));

  it('recovers the means, sds and correlation of a correlated normal', () => {
    const xs = col(0).flatMap((c) => [...c]);
    const ys = col(1).flatMap((c) => [...c]);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1));
    expect(mean(xs)).toBeCloseTo(1, 0);
    expect(mean(ys)).toBeGreaterThan(-2.5);
    expect(mean(ys)).toBeLessThan(-1.5);
    expect(sd(xs)).toBeGreaterThan(0.85);
    expect(sd(xs)).toBeLessThan(1.15);
    expect(sd(ys)).toBeGreaterThan(2.6);
    expect(sd(ys)).toBeLessThan(3.4);
    const cov = xs.reduce((s, x, i) => s + (x - mean(xs)) * (ys[i] - mean(ys)), 0) / (xs.length - 1);
    expect(cov / (sd(xs) * sd(ys))).toBeCloseTo(0.8, 1);
  });

  it('converges by split R-hat and accepts a sensible share of proposals', () => {
    expect(splitRhat(col(0))).toBeLessThan(1.05);
    expect(splitRhat(col(1))).toBeLessThan(1.05);
    expect(r.acceptance).toBeGreaterThan(0.1);
    expect(r.acceptance).toBeLessThan(0.6);
  });

  it('is deterministic for a seed', () => {
    const again = deMcz(target, archive(), { chains: 4, generations: 500, thin: 5, seed: 7 });
    const first = deMcz(target, archive(), { chains: 4, generations: 500, thin: 5, seed: 7 });
    expect([...again.chains[2]]).toEqual([...first.chains[2]]);
  });
});

describe('MCMC diagnostics', () => {
  const ar1 = (rho: number, n: number, seed: number) => {
    const u = stream(seed, 'ar1');
    const x = new Float64Array(n);
    for (let i = 1; i < n; i++) x[i] = rho * x[i - 1] + Math.sqrt(1 - rho * rho) * normalQuantile(u());
    return x;
  };

  it('gives the analytic effective sample size of AR(1) chains, n (1 − ρ) / (1 + ρ)', () => {
    const chains = [1, 2, 3, 4].map((s) => ar1(0.8, 20000, s));
    const expected = (4 * 20000 * 0.2) / 1.8;
    const ess = effectiveSampleSize(chains);
    expect(ess / expected).toBeGreaterThan(0.85);
    expect(ess / expected).toBeLessThan(1.15);
    // Independent draws: ESS ≈ the number of draws.
    const iid = effectiveSampleSize([1, 2].map((s) => ar1(0, 5000, 10 + s)));
    expect(iid / 10000).toBeGreaterThan(0.9);
  });

  it('flags chains stuck in different places with R-hat well above 1', () => {
    const a = ar1(0.5, 2000, 1);
    const b = ar1(0.5, 2000, 2).map((v) => v + 3);
    expect(splitRhat([a, b])).toBeGreaterThan(1.5);
    expect(splitRhat([a, ar1(0.5, 2000, 3)])).toBeLessThan(1.02);
  });
});
