// The problem file's schema and validation, grouped Sobol and Morris designs, and the
// warnings of a sensitivity report (ΣS1 and S1 > ST beyond noise, zero variance, noise).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factorDistribution, factorGroups, PROBLEM_SCHEMA, validateProblem } from '../../src/model/analysis/problem.ts';
import { morrisIndices, morrisSample } from '../../src/model/analysis/morris.ts';
import { inertFactors, sensitivityWarnings, type SensitivityReport } from '../../src/model/analysis/sensitivity.ts';
import { saltelliSample, sobolIndices } from '../../src/model/analysis/sobol.ts';
import { ishigami, ishigamiIndices } from '../../src/model/analysis/toy-models.ts';

const u = (min: number, max: number) => ({ type: 'uniform' as const, min, max });

describe('problem files', () => {
  it('the published schema (docs/problem.schema.json) is the one the validator uses', () => {
    expect(JSON.parse(readFileSync(new URL('../../docs/problem.schema.json', import.meta.url), 'utf8'))).toEqual(JSON.parse(JSON.stringify(PROBLEM_SCHEMA)));
  });

  it('reads each distribution with its fields; bounds alone mean uniform; groups default to the factor', () => {
    const p = validateProblem({
      factors: [
        { name: 'a', bounds: [0, 1] },
        { name: 'b', distribution: 'triangular', bounds: [0, 2], mode: 1, group: 'g' },
        { name: 'c', distribution: 'normal', mean: 1, sd: 0.5, bounds: [0, 2], group: 'g' },
        { name: 'd', distribution: 'lognormal', mu: 0, sigma: 0.3 },
      ],
    }, 'p.json');
    expect(p.factors.map(factorDistribution)).toEqual([
      u(0, 1),
      { type: 'triangular', min: 0, mode: 1, max: 2 },
      { type: 'normal', mean: 1, sd: 0.5, min: 0, max: 2 },
      { type: 'lognormal', mu: 0, sigma: 0.3 },
    ]);
    const g = factorGroups(p.factors);
    expect(g.names).toEqual(['a', 'g', 'd']);
    expect([...g.of]).toEqual([0, 1, 1, 2]);
    expect(() => validateProblem({ factors: [{ name: 'g', bounds: [0, 1] }, { name: 'x', bounds: [0, 1], group: 'g' }] }, 'p.json')).toThrow('p.json: factors[0].name: "g" is both an ungrouped factor and a group name');
    expect(() => validateProblem({ factors: [{ name: 'a', bounds: [0, 1] }], payoff: [{ variable: 'y', weight: -1 }] }, 'p.json')).toThrow(/^p\.json: payoff\[0\]\.weight: must be >= 0$/);
  });
});

describe('grouped designs', () => {
  it('Sobol of groups: the first-order index of the group {x1, x3} of Ishigami is 1 − S1(x2) (their interaction included); x2 keeps its ST', () => {
    const params = [1, 2, 3].map((i) => ({ id: `x${i}`, distribution: u(-Math.PI, Math.PI) }));
    const design = saltelliSample(params, 16384, 3, 'qmc', Int32Array.of(0, 1, 0));
    expect(design.k).toBe(2);
    expect(design.points.length).toBe(16384 * 4 * 3);
    const y = new Float64Array(design.points.length / 3);
    for (let r = 0; r < y.length; r++) y[r] = ishigami(design.points[3 * r], design.points[3 * r + 1], design.points[3 * r + 2]);
    const s = sobolIndices(y, design, { bootstrap: 0 });
    const exact = ishigamiIndices();
    // Group {x1, x3}: first order is all but x2's share; total the same (x2 does not interact).
    expect(Math.abs(s.S1[0] - (1 - exact.S1[1]))).toBeLessThan(0.02);
    expect(Math.abs(s.ST[1] - exact.ST[1])).toBeLessThan(0.02);
  });

  it('Morris of groups moves every member of a group in one step', () => {
    const params = [u(0, 1), u(0, 1), u(0, 1)].map((distribution, i) => ({ id: `x${i}`, distribution }));
    const design = morrisSample(params, 5, 2, 4, Int32Array.of(0, 0, 1));
    expect(design.k).toBe(2);
    for (let t = 0; t < 5; t++) {
      for (let s = 0; s < 2; s++) {
        const a = design.points.subarray((t * 3 + s) * 3, (t * 3 + s) * 3 + 3);
        const b = design.points.subarray((t * 3 + s + 1) * 3, (t * 3 + s + 1) * 3 + 3);
        const moved = [0, 1, 2].filter((i) => a[i] !== b[i]);
        expect(moved).toEqual(design.order[t * 2 + s] === 0 ? [0, 1] : [2]);
      }
    }
    const y = Float64Array.from({ length: 15 }, (_, r) => 2 * design.points[r * 3] + 2 * design.points[r * 3 + 1]);
    const m = morrisIndices(y, design, { bootstrap: 0 });
    expect(m.muStar[1]).toBe(0);
    expect(m.muStar[0]).toBeGreaterThan(0);
  });
});

/** A one-KPI Sobol report with the given indices. */
function report(S1: number[], ST: number[], variance = 1, ci?: { sum: [number, number]; excess: Array<[number, number]>; width: number }): SensitivityReport {
  const nan: [number, number] = [NaN, NaN];
  const w = ci?.width ?? 0;
  return {
    method: 'sobol', samples: 100, seed: 1, evaluations: 400, params: S1.map((_, i) => `p${i}`),
    results: [{
      output: 'y', time: 1,
      sobol: {
        S1, ST, variance,
        S1ci: S1.map((v) => (ci ? [v - w / 2, v + w / 2] : nan)), STci: ST.map((v) => (ci ? [v, v] : nan)),
        sumS1: S1.reduce((a, b) => a + b, 0), sumS1ci: ci?.sum ?? nan, excessCi: ci?.excess ?? S1.map(() => nan),
      },
    }],
  };
}

describe('sensitivity warnings', () => {
  it('ΣS1 above 1 only beyond the bootstrap noise; without a bootstrap, says it cannot judge', () => {
    const within = report([0.6, 0.45], [0.6, 0.45], 1, { sum: [0.95, 1.1], excess: [[-0.1, 0.1], [-0.1, 0.1]], width: 0.05 });
    expect(sensitivityWarnings(within)).toEqual([]);
    const beyond = report([0.6, 0.45], [0.6, 0.45], 1, { sum: [1.01, 1.1], excess: [[-0.1, 0.1], [-0.1, 0.1]], width: 0.05 });
    expect(sensitivityWarnings(beyond).map((w) => w.kind)).toEqual(['sum-s1']);
    expect(sensitivityWarnings(beyond)[0].message).toBe('y @ 1: ΣS1 = 1.050 > 1 beyond noise (95% interval [1.010, 1.100]); first-order indices cannot sum above 1: increase --samples');
    expect(sensitivityWarnings(report([0.6, 0.45], [0.6, 0.45]))[0].message).toMatch(/ΣS1 = 1\.050 > 1 \(no bootstrap to judge the noise\)/);
  });

  it('S1 > ST beyond noise names the factors; wide intervals say to increase --samples; zero variance says NaN', () => {
    const r = report([0.5, 0.2], [0.4, 0.2], 1, { sum: [0.6, 0.8], excess: [[0.02, 0.2], [-0.1, 0.1]], width: 0.3 });
    expect(sensitivityWarnings(r).map((w) => [w.kind, w.message])).toEqual([
      ['s1-above-st', 'y @ 1: S1 > ST beyond noise for p0; impossible for exact indices: increase --samples'],
      ['noisy', 'y @ 1: bootstrap intervals up to 0.300 wide (> 0.1): the indices are noisy; increase --samples'],
    ]);
    expect(sensitivityWarnings(report([NaN, NaN], [NaN, NaN], 0)).map((w) => w.kind)).toEqual(['zero-variance']);
  });

  it('a factor is inert when its ST is exactly 0 for every output that varies', () => {
    const r = report([0.9, 0], [1, 0]);
    r.results.push({ output: 'flat', time: 1, sobol: { ...r.results[0].sobol!, S1: [NaN, NaN], ST: [NaN, NaN], variance: 0 } });
    expect(inertFactors(r)).toEqual(['p1']);
  });
});
