import { describe, expect, it } from 'vitest';
import { cmaAsk, cmaStart, cmaTell, type CmaState } from '../../src/model/analysis/cma-es.js';
import { stream } from '../../src/model/analysis/rng.js';
import { symmetricEigen } from '../../src/model/analysis/symmetric-eigen.js';

/** Minimise f from x0 for `gens` generations; returns the final state and the best value seen. */
function minimise(f: (x: number[]) => number, x0: number[], sigma0: number, gens: number, seed = 1, from?: CmaState) {
  let s = from ?? cmaStart(x0, sigma0);
  let best = Infinity;
  for (let g = s.generation; g < gens; g++) {
    const xs = cmaAsk(s, stream(seed, 'gen', g));
    const fx = xs.map(f);
    best = Math.min(best, ...fx);
    const order = fx.map((_, i) => i).sort((a, b) => fx[a] - fx[b]);
    s = cmaTell(s, order.map((i) => xs[i]));
  }
  return { s, best };
}

describe('symmetricEigen', () => {
  it('reconstructs a symmetric matrix from its eigenpairs', () => {
    const a = [
      [4, 1, 2],
      [1, 3, 0.5],
      [2, 0.5, 5],
    ];
    const { values, vectors } = symmetricEigen(a);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const r = values.reduce((acc, l, k) => acc + vectors[i][k] * l * vectors[j][k], 0);
        expect(r).toBeCloseTo(a[i][j], 12);
      }
    }
    // The trace is the sum of the eigenvalues.
    expect(values.reduce((x, y) => x + y, 0)).toBeCloseTo(12, 12);
  });
});

describe('CMA-ES', () => {
  it('finds the minimum of a shifted sphere in 8 dimensions', () => {
    const c = [0.3, -1, 2, 0.5, 0, 1.5, -0.7, 0.1];
    const f = (x: number[]) => x.reduce((a, xi, i) => a + (xi - c[i]) ** 2, 0);
    const { s, best } = minimise(f, new Array(8).fill(0), 1, 200);
    expect(best).toBeLessThan(1e-10);
    s.mean.forEach((m, i) => expect(m).toBeCloseTo(c[i], 4));
  });

  it('learns the scaling of an ill-conditioned, rotated problem (Rosenbrock, 5-D)', () => {
    const f = (x: number[]) => x.slice(0, -1).reduce((a, xi, i) => a + 100 * (x[i + 1] - xi * xi) ** 2 + (1 - xi) ** 2, 0);
    const { s } = minimise(f, new Array(5).fill(-1), 0.5, 1200);
    s.mean.forEach((m) => expect(m).toBeCloseTo(1, 3));
  });

  it('is deterministic for a seed and resumes from a saved state exactly', () => {
    const f = (x: number[]) => x.reduce((a, xi, i) => a + (i + 1) * xi * xi, 0);
    const whole = minimise(f, [1, 1, 1], 0.5, 40, 7).s;
    const half = minimise(f, [1, 1, 1], 0.5, 20, 7).s;
    const resumed = minimise(f, [], 0, 40, 7, JSON.parse(JSON.stringify(half)) as CmaState).s;
    expect(resumed).toEqual(whole);
    expect(minimise(f, [1, 1, 1], 0.5, 40, 8).s).not.toEqual(whole);
  });

  it('refuses a wrong number of ranked candidates', () => {
    const s = cmaStart([0, 0], 1);
    expect(() => cmaTell(s, [[0, 0]])).toThrow(/expects 6 ranked candidates/);
  });
});
