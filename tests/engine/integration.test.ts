// Euler and RK4 against closed forms: exponential growth and decay.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, flow, last, model, stock } from './helpers.ts';

const growth = (dt: number, rate: number) => model({ start: 0, stop: 10, dt }, [
  stock('x', '100', ['change']),
  flow('change', 'x * rate'),
  aux('rate', String(rate)),
]);

describe('integration', () => {
  for (const rate of [0.1, -0.3]) {
    const exact = 100 * Math.exp(rate * 10);
    it(`exponential ${rate > 0 ? 'growth' : 'decay'}: RK4 far more accurate than Euler; both converge`, () => {
      const err = (dt: number, method: 'euler' | 'rk4') =>
        Math.abs(last(compileModel(growth(dt, rate)).run({ method }).series.get('x')!) - exact);
      const e1 = err(0.5, 'euler');
      const e2 = err(0.25, 'euler');
      const r1 = err(0.5, 'rk4');
      const r2 = err(0.25, 'rk4');
      expect(r1).toBeLessThan(e1 / 1000);
      // First order: halving dt roughly halves Euler's error; fourth order: ~1/16 for RK4.
      expect(e2 / e1).toBeGreaterThan(0.4);
      expect(e2 / e1).toBeLessThan(0.6);
      expect(r2 / r1).toBeLessThan(0.08);
      expect(err(0.01, 'euler') / exact).toBeLessThan(0.01);
    });
  }

  it('Euler matches the discrete recurrence exactly', () => {
    const r = compileModel(growth(1, 0.1)).run();
    const x = r.series.get('x')!;
    expect(x[1]).toBe(110);
    expect(x[2]).toBeCloseTo(121, 12);
    expect([...r.times.slice(0, 3)]).toEqual([0, 1, 2]);
    expect(r.series.get('change')![0]).toBeCloseTo(10, 12);
  });

  it('saves every saveStep and overrides time settings per run', () => {
    const m = compileModel({ ...growth(0.25, 0.1), sim: { start: 0, stop: 10, dt: 0.25, saveStep: 1 } });
    const r = m.run();
    expect(r.times.length).toBe(11);
    expect(r.meta.saveStep).toBe(1);
    const r2 = m.run({ sim: { stop: 5, saveStep: 0.5 } });
    expect(r2.times.length).toBe(11);
    expect(last(r2.times)).toBe(5);
  });

  it('non-negative stocks never go below zero, non-negative flows never negative', () => {
    const m = compileModel(model({ start: 0, stop: 10, dt: 1 }, [
      stock('s', '5', [], ['out'], { nonNegative: true }),
      stock('free', '5', [], ['out']),
      flow('out', '2'),
      flow('f', 'TIME - 5', { nonNegative: true }),
    ]));
    const r = m.run();
    expect([...r.series.get('s')!.slice(0, 5)]).toEqual([5, 3, 1, 0, 0]);
    expect(r.series.get('free')![4]).toBe(-3);
    expect(r.series.get('f')![0]).toBe(0);
    expect(r.series.get('f')![8]).toBe(3);
  });

  it('constant overrides change the run; unknown or non-constant names are refused', () => {
    const m = compileModel(growth(1, 0.1));
    const r = m.run({ constants: { rate: 0.2 } });
    expect(r.series.get('x')![1]).toBeCloseTo(120, 12);
    expect(() => m.run({ constants: { nope: 1 } })).toThrow(/"nope" is not a constant/);
    expect(() => m.run({ constants: { change: 1 } })).toThrow(/not a constant/);
    expect(m.constants).toEqual([{ name: 'rate', elements: ['rate'], defaults: [0.1], index: 0 }]);
  });
});
