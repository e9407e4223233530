// Delays and smooths: step responses against closed forms and steady states.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, last, model } from './helpers.ts';

// Euler with a small dt: the step input is discontinuous, which RK4's mid-step stages smear.
const respond = (eq: string, stop = 40, dt = 1 / 256) =>
  compileModel(model({ start: 0, stop, dt }, [aux('input', 'STEP(10, 1)'), aux('y', eq)])).run();

const at = (r: ReturnType<typeof respond>, name: string, t: number) => r.series.get(name)![r.times.findIndex((x) => Math.abs(x - t) < 1e-9)];

describe('stateful builtins', () => {
  it('SMTH1 and DELAY1 follow 10(1 - e^{-(t-1)/T}) after a step at t=1', () => {
    for (const eq of ['SMTH1(input, 4)', 'DELAY1(input, 4)']) {
      const r = respond(eq);
      expect(at(r, 'y', 1)).toBeCloseTo(0, 9);
      expect(at(r, 'y', 5)).toBeCloseTo(10 * (1 - Math.exp(-1)), 1);
      expect(last(r.series.get('y')!)).toBeCloseTo(10, 2);
    }
  });

  it('SMTH3 and DELAY3 follow the third-order (Erlang-3) response', () => {
    const erlang3 = (t: number, T: number) => {
      const k = (3 * t) / T;
      return 10 * (1 - Math.exp(-k) * (1 + k + (k * k) / 2));
    };
    for (const eq of ['SMTH3(input, 6)', 'DELAY3(input, 6)']) {
      const r = respond(eq);
      expect(at(r, 'y', 7)).toBeCloseTo(erlang3(6, 6), 1);
      expect(last(r.series.get('y')!)).toBeCloseTo(10, 3);
    }
  });

  it('initial values: explicit init argument, and input by default', () => {
    const r = respond('SMTH1(input, 4, 3)');
    expect(r.series.get('y')![0]).toBe(3);
    const r2 = compileModel(model({ start: 0, stop: 2, dt: 1 }, [aux('y', 'DELAY3(5, 2)')])).run();
    expect([...r2.series.get('y')!]).toEqual([5, 5, 5]);
  });

  it('DELAYN and SMTHN of order 1 equal DELAY1 and SMTH1', () => {
    const m = compileModel(model({ start: 0, stop: 10, dt: 0.5 }, [
      aux('input', 'STEP(10, 1)'),
      aux('a', 'DELAYN(input, 3, 1)'), aux('b', 'DELAY1(input, 3)'),
      aux('c', 'SMTHN(input, 3, 1)'), aux('d', 'SMTH1(input, 3)'),
    ])).run();
    expect([...m.series.get('a')!]).toEqual([...m.series.get('b')!]);
    expect([...m.series.get('c')!]).toEqual([...m.series.get('d')!]);
  });

  it('DELAY is a pipeline: output is the input one delay earlier', () => {
    const r = compileModel(model({ start: 0, stop: 10, dt: 0.5 }, [aux('y', 'DELAY(TIME, 2, -1)')])).run();
    expect(r.series.get('y')![3]).toBe(-1);
    expect(r.series.get('y')![4]).toBe(0);
    expect(r.series.get('y')![10]).toBe(3);
  });

  it('INIT keeps the start value; PREVIOUS gives the previous step', () => {
    const r = compileModel(model({ start: 0, stop: 5, dt: 1 }, [
      aux('x', 'TIME * 2'), aux('i', 'INIT(x + 1)'), aux('p', 'PREVIOUS(x, 42)'),
    ])).run();
    expect([...r.series.get('i')!]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...r.series.get('p')!]).toEqual([42, 0, 2, 4, 6, 8]);
  });

  it('FORCST extrapolates a linear ramp by its trend over the horizon', () => {
    // For input = TIME + 10 the smoothed value lags by T, so the forecast approaches input + horizon.
    const r = compileModel(model({ start: 0, stop: 60, dt: 0.125 }, [aux('x', 'TIME + 10'), aux('f', 'FORCST(x, 2, 5, 0)')])).run({ method: 'rk4' });
    expect(r.series.get('f')![0]).toBe(10);
    const x = last(r.series.get('x')!);
    expect(last(r.series.get('f')!) / (x + 5)).toBeCloseTo(1, 1);
  });

  it('TREND of exponential growth approaches the growth rate', () => {
    const r = compileModel(model({ start: 0, stop: 60, dt: 0.125 }, [aux('x', 'EXP(0.05 * TIME)'), aux('tr', 'TREND(x, 2, 0.05)')])).run({ method: 'rk4' });
    expect(last(r.series.get('tr')!)).toBeCloseTo(0.05, 2);
  });
});
