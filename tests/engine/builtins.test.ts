// Lookups in all three modes, time functions, safe division, math, random draws (seeded).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, model } from './helpers.ts';

const gf = { xs: [0, 1, 2], ys: [0, 10, 40] };
const values = (eq: string, extra: Parameters<typeof model>[1] = [], sim = { start: 0, stop: 4, dt: 1 }) =>
  [...compileModel(model(sim, [aux('y', eq), ...extra])).run().series.get('y')!];

describe('builtins', () => {
  it('lookups: continuous clamps, extrapolate extends, discrete steps; called as f(x), LOOKUP(f, x), or gf with an equation', () => {
    const tables = [
      aux('cont', '', { gf: { ...gf, type: 'continuous' } }),
      aux('extra', '', { gf: { ...gf, type: 'extrapolate' } }),
      aux('disc', '', { gf: { ...gf, type: 'discrete' } }),
    ];
    const at = (f: string, x: number) => values(`${f}(${x})`, tables)[0];
    expect([at('cont', -1), at('cont', 0.5), at('cont', 1.5), at('cont', 3)]).toEqual([0, 5, 25, 40]);
    expect([at('extra', -1), at('extra', 0.5), at('extra', 3)]).toEqual([-10, 5, 70]);
    expect([at('disc', -1), at('disc', 0.5), at('disc', 1), at('disc', 1.99), at('disc', 5)]).toEqual([0, 0, 10, 10, 40]);
    expect(values('LOOKUP(cont, TIME / 2)', tables)).toEqual([0, 5, 10, 25, 40]);
    const r = compileModel(model({ start: 0, stop: 2, dt: 1 }, [aux('g', 'TIME', { gf })])).run();
    expect([...r.series.get('g')!]).toEqual([0, 10, 40]);
  });

  it('STEP, RAMP, PULSE, TIME, DT, STARTTIME, STOPTIME', () => {
    expect(values('STEP(5, 2)')).toEqual([0, 0, 5, 5, 5]);
    expect(values('RAMP(2, 1, 3)')).toEqual([0, 0, 2, 4, 4]);
    expect(values('PULSE(3, 1, 2)')).toEqual([0, 3, 0, 3, 0]);
    expect(values('PULSE(1, 1)', [], { start: 0, stop: 2, dt: 0.5 })).toEqual([0, 0, 2, 0, 0]);
    expect(values('TIME * 10 + DT + STARTTIME + STOPTIME')).toEqual([5, 15, 25, 35, 45]);
  });

  it('XIDZ, ZIDZ, SAFEDIV, MOD, INT, ROUND, LOG, conditionals and logic', () => {
    expect(values('XIDZ(1, TIME - 2, -1)')).toEqual([-0.5, -1, -1, 1, 0.5]);
    expect(values('ZIDZ(4, TIME - 2)')).toEqual([-2, -4, 0, 4, 2]);
    expect(values('SAFEDIV(1, 0) + SAFEDIV(1, 0, 7)')).toEqual([7, 7, 7, 7, 7]);
    expect(values('MOD(TIME - 2, 3)')).toEqual([1, 2, 0, 1, 2]);
    expect(values('INT(-1.5) + ROUND(2.5) + ROUND(-2.5) + LOG(8, 2) + LN(EXP(1)) + LOG10(100) + ABS(-1) + SIGN(-3) + PI - PI')).toEqual(Array(5).fill(-2 + 3 - 3 + 3 + 1 + 2 + 1 - 1));
    expect(values('IF_THEN_ELSE(TIME >= 2 and not (TIME == 3), 1, 0) + (TIME != 4 or TIME < 0 ? 10 : 20)')).toEqual([10, 10, 11, 10, 21]);
  });

  it('random draws: same seed, same numbers; another seed, others; one draw per step per call site', () => {
    const spec = model({ start: 0, stop: 50, dt: 1 }, [
      aux('u', 'RANDOM(2, 3)'), aux('n', 'NORMAL(10, 1)'), aux('l', 'LOGNORMAL(5, 1)'),
      aux('p', 'POISSON(4)'), aux('e', 'EXPRND(2)'), aux('twice', 'u - u'),
    ]);
    const m = compileModel(spec);
    const a = m.run({ seed: 42 });
    const b = m.run({ seed: 42 });
    const c = m.run({ seed: 43 });
    for (const k of ['u', 'n', 'l', 'p', 'e']) expect([...a.series.get(k)!]).toEqual([...b.series.get(k)!]);
    expect([...a.series.get('u')!]).not.toEqual([...c.series.get('u')!]);
    expect(a.meta.seed).toBe(42);
    const u = [...a.series.get('u')!];
    expect(u.every((x) => x >= 2 && x < 3)).toBe(true);
    expect(new Set(u).size).toBe(u.length);
    expect(a.series.get('twice')!.every((x) => x === 0)).toBe(true);
    expect(a.series.get('p')!.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(a.series.get('e')!.every((x) => x >= 0)).toBe(true);
    // RK4 draws once per step too: the same draws as Euler at the same seed.
    expect([...m.run({ seed: 42, method: 'rk4' }).series.get('u')!]).toEqual(u);
  });
});
