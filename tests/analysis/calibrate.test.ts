import { describe, expect, it } from 'vitest';
import { calibrateMultiStart, fromBox, nelderMead, toBox } from '../../src/model/analysis/calibrate.ts';

const rosenbrock = (x: number[]) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxEvals: 5000, fTol: 1e-14, xTol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.fx).toBeLessThan(1e-8);
  });

  it('minimises a shifted quadratic in five dimensions', () => {
    const c = [1, -2, 3, 0.5, -0.25];
    const r = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - c[i]) ** 2, 0), [0, 0, 0, 0, 0], { maxEvals: 20000, fTol: 1e-16 });
    r.x.forEach((v, i) => expect(v).toBeCloseTo(c[i], 3));
  });

  it('stops at the evaluation budget and reports no convergence', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxEvals: 30 });
    expect(r.converged).toBe(false);
    expect(r.evals).toBeLessThanOrEqual(33);
  });

  it('treats non-finite objective values as worse than any finite one', () => {
    const r = nelderMead((x) => (x[0] < 0 ? NaN : (x[0] - 2) ** 2), [1], { maxEvals: 500 });
    expect(r.x[0]).toBeCloseTo(2, 4);
  });
});

describe('box transform', () => {
  it('round-trips inside linear and log boxes', () => {
    for (const p of [{ id: 'a', lower: -1, upper: 3 }, { id: 'b', lower: 0.001, upper: 10 }]) {
      for (const x of [p.lower + 1e-3 * (p.upper - p.lower), (p.lower + p.upper) / 2, p.upper * 0.999]) {
        expect(toBox(p, fromBox(p, x))).toBeCloseTo(x, 9);
      }
      for (const z of [-30, -1, 0, 2, 30]) {
        const x = toBox(p, z);
        expect(x).toBeGreaterThanOrEqual(p.lower);
        expect(x).toBeLessThanOrEqual(p.upper);
      }
    }
  });
});

describe('calibrateMultiStart', () => {
  const params = [
    { id: 'a', lower: 0.01, upper: 100, initial: 50 },
    { id: 'b', lower: -5, upper: 5 },
  ];
  // Two basins: a shallow one at (20, -3) and the global one at (0.5, 2).
  const objective = (v: Record<string, number>) =>
    Math.min((Math.log(v.a / 0.5)) ** 2 + (v.b - 2) ** 2, 0.5 + 0.01 * ((v.a - 20) ** 2 + (v.b + 3) ** 2));

  it('recovers the global optimum inside the bounds', () => {
    const r = calibrateMultiStart(params, objective, { starts: 6, seed: 7 });
    expect(r.values.a).toBeCloseTo(0.5, 3);
    expect(r.values.b).toBeCloseTo(2, 3);
    expect(r.startObjectives).toHaveLength(6);
    expect(r.objective).toBe(Math.min(...r.startObjectives));
  });

  it('is deterministic for a seed and depends on it', () => {
    const a = calibrateMultiStart(params, objective, { starts: 3, seed: 11, maxEvals: 60 });
    const b = calibrateMultiStart(params, objective, { starts: 3, seed: 11, maxEvals: 60 });
    const c = calibrateMultiStart(params, objective, { starts: 3, seed: 12, maxEvals: 60 });
    expect(b).toEqual(a);
    expect(c.startObjectives.slice(1)).not.toEqual(a.startObjectives.slice(1));
  });

  it('rejects an empty box', () => {
    expect(() => calibrateMultiStart([{ id: 'x', lower: 1, upper: 1 }], () => 0)).toThrow(/"x" needs lower < upper/);
  });
});
