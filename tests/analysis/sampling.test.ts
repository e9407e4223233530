import { describe, expect, it } from 'vitest';
import { Sampler, type UncertainParameter } from '../../src/model/analysis/sampling.ts';
import { mean, percentileSorted } from '../../src/model/analysis/statistics.ts';

const params: UncertainParameter[] = [
  { id: 'u', distribution: { type: 'uniform', min: 0, max: 1 } },
  { id: 'n', distribution: { type: 'normal', mean: 5, sd: 2 } },
];

function points(s: Sampler, from: number, to: number): number[][] {
  const out: number[][] = [];
  const p = new Float64Array(s.plan.params.length);
  for (let i = from; i < to; i++) {
    const seed = s.point(i, p);
    out.push([...p, seed]);
  }
  return out;
}

describe('Sampler', () => {
  it('gives each run the same point however runs are split', () => {
    for (const method of ['random', 'lhs'] as const) {
      const plan = { params, runs: 100, seed: 7, method };
      const all = points(new Sampler(plan), 0, 100);
      // A fresh sampler (another worker or shard) computing only runs 60..79.
      const part = points(new Sampler(plan), 60, 80);
      expect(part).toEqual(all.slice(60, 80));
      // Reversed order of evaluation does not matter either.
      const rev = new Sampler(plan);
      const p = new Float64Array(2);
      rev.point(99, p);
      expect(points(rev, 10, 11)).toEqual(all.slice(10, 11));
    }
  });
  it('changes with the seed', () => {
    const a = points(new Sampler({ params, runs: 10, seed: 1, method: 'random' }), 0, 10);
    const b = points(new Sampler({ params, runs: 10, seed: 2, method: 'random' }), 0, 10);
    expect(a).not.toEqual(b);
  });
  it('LHS puts exactly one run in each of the N strata of every parameter', () => {
    const N = 200;
    const pts = points(new Sampler({ params, runs: N, seed: 3, method: 'lhs' }), 0, N);
    const strata = pts.map((p) => Math.floor(p[0] * N)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: N }, (_, i) => i));
  });
  it('reproduces the target distribution', () => {
    const N = 20000;
    const pts = points(new Sampler({ params, runs: N, seed: 11, method: 'random' }), 0, N);
    const n = Float64Array.from(pts.map((p) => p[1]));
    expect(mean(n)).toBeCloseTo(5, 1);
    const sorted = Float64Array.from(n).sort();
    expect(percentileSorted(sorted, 0.95)).toBeCloseTo(5 + 2 * 1.6448536269514729, 1);
  });
  it('rejects unusable plans', () => {
    expect(() => new Sampler({ params, runs: 0, seed: 1, method: 'random' })).toThrow(/runs/);
    expect(() => new Sampler({ params: [...params, params[0]], runs: 5, seed: 1, method: 'random' })).toThrow(/twice/);
    expect(
      () => new Sampler({ params: [{ id: 'bad', distribution: { type: 'uniform', min: 1, max: 0 } }], runs: 5, seed: 1, method: 'lhs' }),
    ).toThrow(/bad/);
    expect(() => new Sampler({ params, runs: 100_000_000, seed: 1, method: 'lhs' })).toThrow(/needs 763 MB per worker; use --sampling random/);
  });
});
