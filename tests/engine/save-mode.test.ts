import { describe, expect, it } from 'vitest';
import { compileModel, runnerFromImage } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

// rate = TIME, integrated by Euler at dt 0.25 from 0: the year's mean of the step-start values
// 0, 0.25, 0.5, 0.75 is 0.375, exactly the stock's change over the year.
const spec = (saveMode?: 'instant' | 'interval-mean') =>
  model({ start: 0, stop: 3, dt: 0.25, saveStep: 1, ...(saveMode ? { saveMode } : {}) }, [
    flow('rate', 'TIME'),
    stock('total', '0', ['rate']),
    aux('level', 'total * 2', { save: 'instant' }),
    aux('switch', 'STEP(1, 2)'),
  ]);

describe('interval-mean saving', () => {
  it('reports a rate as its mean over the save interval, equal to the stock change (Euler)', () => {
    const r = compileModel(spec('interval-mean')).run({});
    const rate = r.series.get('rate')!;
    const total = r.series.get('total')!;
    expect(rate[0]).toBe(0);
    expect(rate[1]).toBeCloseTo(0.375, 15);
    for (let i = 1; i < r.times.length; i++) expect(rate[i]).toBeCloseTo(total[i] - total[i - 1], 14);
  });

  it('keeps stocks and levels marked instant at their saved-time value', () => {
    const mean = compileModel(spec('interval-mean')).run({});
    const inst = compileModel(spec()).run({});
    expect([...mean.series.get('total')!]).toEqual([...inst.series.get('total')!]);
    expect([...mean.series.get('level')!]).toEqual([...inst.series.get('level')!]);
    // Instant saving reports TIME itself.
    expect([...inst.series.get('rate')!]).toEqual([0, 1, 2, 3]);
  });

  it('leaves the interval before a switch untouched: a step at t = 2 first shows in the point at 3', () => {
    const r = compileModel(spec('interval-mean')).run({});
    expect([...r.series.get('switch')!]).toEqual([0, 0, 0, 1]);
    expect([...compileModel(spec()).run({}).series.get('switch')!]).toEqual([0, 0, 1, 1]);
  });

  it('gives runners and runner images the same numbers as run()', () => {
    const m = compileModel(spec('interval-mean'));
    const runner = m.createRunner({ outputs: ['rate', 'total'] });
    const out = runner.run();
    const r = m.run({});
    expect([...out.subarray(0, 4)]).toEqual([...r.series.get('rate')!]);
    expect([...out.subarray(4, 8)]).toEqual([...r.series.get('total')!]);
    const img = runnerFromImage(JSON.parse(JSON.stringify(m.runnerImage({ outputs: ['rate', 'total'] }))));
    expect([...img.run()]).toEqual([...out]);
  });

  it('can be switched off per run and refuses an unknown mode', () => {
    const m = compileModel(spec('interval-mean'));
    expect([...m.run({ sim: { saveMode: 'instant' } }).series.get('rate')!]).toEqual([0, 1, 2, 3]);
    expect(() => m.run({ sim: { saveMode: 'sum' as 'instant' } })).toThrow(/unknown saveMode "sum"/);
  });
});

describe('powers', () => {
  it('keeps integer powers exact and fractional powers within an ulp or two of Math.pow', () => {
    const m = compileModel(model({ start: 0, stop: 0, dt: 1 }, [aux('a', '2 ^ 3'), aux('b', 'x ^ 0.37'), aux('x', '7.25'), aux('c', '(-8) ^ n'), aux('n', '3'), aux('z', '0 ^ 0.5')]));
    const r = m.run({});
    expect(r.series.get('a')![0]).toBe(8);
    expect(r.series.get('b')![0]).toBeCloseTo(Math.pow(7.25, 0.37), 14);
    expect(r.series.get('c')![0]).toBe(-512);
    expect(r.series.get('z')![0]).toBe(0);
  });
});

describe('interval-mean saving of values constant over an interval', () => {
  it('reports them exactly (0.7 stays 0.7, not a float sum divided by the step count)', () => {
    const m = compileModel(model({ start: 0, stop: 2, dt: 0.125, saveStep: 1, saveMode: 'interval-mean' }, [aux('k', '0.7'), aux('k2', 'k * 1')]));
    const r = m.run({});
    expect([...r.series.get('k2')!]).toEqual([0.7, 0.7, 0.7]);
  });
});
