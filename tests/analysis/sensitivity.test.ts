import { describe, expect, it } from 'vitest';
import { saltelliSample, sobolIndices } from '../../src/model/analysis/sobol.ts';
import { morrisIndices, morrisSample } from '../../src/model/analysis/morris.ts';
import { ishigami, ishigamiIndices, toyModel } from '../../src/model/analysis/toy-models.ts';
import type { UncertainParameter } from '../../src/model/analysis/sampling.ts';

function evalRows(points: Float64Array, d: number, f: (x: Float64Array) => number): Float64Array {
  const rows = points.length / d;
  const y = new Float64Array(rows);
  for (let k = 0; k < rows; k++) y[k] = f(points.subarray(k * d, (k + 1) * d));
  return y;
}

describe('Sobol indices', () => {
  it('analytic Ishigami values are the published ones', () => {
    const { S1, ST } = ishigamiIndices();
    expect(S1[0]).toBeCloseTo(0.3139, 4);
    expect(S1[1]).toBeCloseTo(0.4424, 4);
    expect(ST[0]).toBeCloseTo(0.5576, 4);
    expect(ST[2]).toBeCloseTo(0.2437, 4);
  });
  it('estimate Ishigami indices within 0.02 of the analytic values, with intervals covering them', () => {
    const params = toyModel('ishigami').params;
    const design = saltelliSample(params, 8192, 42);
    const y = evalRows(design.points, 3, (x) => ishigami(x[0], x[1], x[2]));
    const res = sobolIndices(y, design, { bootstrap: 200, seed: 1 });
    const exact = ishigamiIndices();
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(res.S1[i] - exact.S1[i])).toBeLessThan(0.02);
      expect(Math.abs(res.ST[i] - exact.ST[i])).toBeLessThan(0.02);
      expect(res.S1ci[i][0]).toBeLessThan(res.S1[i] + 1e-12);
      expect(res.S1ci[i][1]).toBeGreaterThan(res.S1[i] - 1e-12);
      expect(res.STci[i][1] - res.STci[i][0]).toBeLessThan(0.08);
    }
  });
  it('is deterministic for a seed and rejects mismatched outputs', () => {
    const params = toyModel('ishigami').params;
    expect(saltelliSample(params, 10, 3).points).toEqual(saltelliSample(params, 10, 3).points);
    expect(() => sobolIndices(new Float64Array(5), { n: 10, d: 3 })).toThrow(/expected 50/);
  });
});

describe('Morris elementary effects', () => {
  const unit = (id: string): UncertainParameter => ({ id, distribution: { type: 'uniform', min: 0, max: 1 } });
  it('recover the coefficients of a linear function exactly (σ = 0)', () => {
    const params = [unit('a'), unit('b'), unit('c')];
    const design = morrisSample(params, 10, 9);
    const y = evalRows(design.points, 3, (x) => 3 * x[0] - 2 * x[1] + 0 * x[2]);
    const res = morrisIndices(y, design, { bootstrap: 50 });
    expect(res.mu[0]).toBeCloseTo(3, 12);
    expect(res.mu[1]).toBeCloseTo(-2, 12);
    expect(res.muStar[1]).toBeCloseTo(2, 12);
    expect(res.muStar[2]).toBe(0);
    expect(res.sigma[0]).toBeCloseTo(0, 12);
  });
  it('scale effects by the parameter range', () => {
    const params: UncertainParameter[] = [{ id: 'a', distribution: { type: 'uniform', min: 10, max: 20 } }];
    const design = morrisSample(params, 4, 1);
    const y = evalRows(design.points, 1, (x) => 2 * x[0]);
    expect(morrisIndices(y, design, { bootstrap: 0 }).muStar[0]).toBeCloseTo(20, 10);
  });
  it('rank Ishigami: x3 interacts (μ ≈ 0 relative to μ*, large σ), x2 matters most', () => {
    const params = toyModel('ishigami').params;
    const design = morrisSample(params, 200, 5);
    const y = evalRows(design.points, 3, (x) => ishigami(x[0], x[1], x[2]));
    const res = morrisIndices(y, design, { bootstrap: 100, seed: 2 });
    expect(res.muStar[2]).toBeGreaterThan(1);
    expect(Math.abs(res.mu[2])).toBeLessThan(0.5 * res.muStar[2]);
    expect(res.sigma[2]).toBeGreaterThan(res.muStar[2]);
    expect(res.muStarCi[0][0]).toBeLessThan(res.muStar[0]);
  });
  it('design moves one parameter per step by ±Δ on the grid', () => {
    const params = [unit('a'), unit('b')];
    const d = morrisSample(params, 3, 4, 4);
    for (let t = 0; t < 3; t++) {
      for (let s = 0; s < 2; s++) {
        const before = d.points.subarray((t * 3 + s) * 2, (t * 3 + s) * 2 + 2);
        const after = d.points.subarray((t * 3 + s + 1) * 2, (t * 3 + s + 1) * 2 + 2);
        const i = d.order[t * 2 + s];
        expect(after[i] - before[i]).toBeCloseTo(d.delta[t * 2 + s], 12);
        expect(Math.abs(d.delta[t * 2 + s])).toBeCloseTo(2 / 3, 12);
        expect(after[1 - i]).toBe(before[1 - i]);
      }
    }
  });
});
