// The public API beyond run(): the batch runner, constants, graph and loops, hash, metadata.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import * as lib from '../../src/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const spec = model({ start: 0, stop: 10, dt: 0.5, saveStep: 1 }, [
  stock('pop', '100', ['births'], ['deaths']),
  flow('births', 'pop * birth_rate * effect'),
  flow('deaths', 'pop / lifetime'),
  aux('birth_rate', '0.1'), aux('lifetime', '20'),
  aux('effect', 'crowding(pop / cap_total)'),
  aux('crowding', '', { gf: { xs: [0, 1, 2], ys: [1, 0.5, 0] } }),
  aux('capacity', '', { dims: ['region'], equation: { east: '200', west: '400' } }),
  aux('cap_total', 'SUM(capacity[*])'),
], [{ name: 'region', elements: ['east', 'west'] }]);

describe('engine API', () => {
  it('is exported from the package entry', () => {
    expect(lib.compileModel).toBe(compileModel);
    expect(typeof lib.ModelError).toBe('function');
  });

  it('batch runner: fixed outputs and times, constants vector, reused buffer, same numbers as run()', () => {
    const fixed = spec;
    const m = compileModel(fixed);
    const runner = m.createRunner({ outputs: ['pop', 'capacity'], saveTimes: [0, 5, 10] });
    expect(runner.columns).toEqual(['pop', 'capacity[east]', 'capacity[west]']);
    expect([...runner.times]).toEqual([0, 5, 10]);
    const c = runner.defaults();
    expect([...c]).toEqual([0.1, 20, 200, 400]);
    const out1 = runner.run(c);
    const full = m.run();
    expect(out1[2]).toBe(full.series.get('pop')![10]);
    c[runner.constantIndex('birth_rate')] = 0.2;
    const out2 = runner.run(c);
    expect(out2).toBe(out1); // the same buffer, overwritten
    expect(out2[2]).toBe(m.run({ constants: { birth_rate: 0.2 } }).series.get('pop')![10]);
    expect(out2[3 + 1]).toBe(200);
    c[runner.constantIndex('capacity[west]')] = 1000;
    expect(runner.run(c)[6 + 2]).toBe(1000);
    expect(() => m.createRunner({ outputs: ['nope'] })).toThrow(/"nope" is not a variable/);
    expect(() => m.createRunner({ outputs: ['pop'], saveTimes: [0.25] })).toThrow(/not a step of the run/);
    expect(() => runner.run(new Float64Array(1))).toThrow(/constants vector has 1 values, the model has 4/);
  });

  it('constants: names, element names, defaults; an arrayed override sets every element', () => {
    const m = compileModel(spec);
    expect(m.constants.map((k) => k.name)).toEqual(['birth_rate', 'lifetime', 'capacity']);
    expect(m.constants[2]).toEqual({ name: 'capacity', elements: ['capacity[east]', 'capacity[west]'], defaults: [200, 400], index: 2 });
    const r = m.run({ constants: { capacity: 50 } });
    expect(r.series.get('cap_total')![0]).toBe(100);
    expect(m.run({ constants: { 'capacity[west]': 1 } }).series.get('cap_total')![0]).toBe(201);
  });

  it('graph: what drives each variable, and the feedback loops through it', () => {
    const fixed = spec;
    const g = compileModel(fixed).graph;
    expect(g.node('births')!.uses.sort()).toEqual(['birth_rate', 'effect', 'pop']);
    expect(g.node('pop')!.uses.sort()).toEqual(['births', 'deaths']);
    expect(g.node('pop')!.usedBy.sort()).toEqual(['births', 'deaths', 'effect']);
    expect(g.node('effect')!.uses.sort()).toEqual(['cap_total', 'crowding', 'pop']);
    expect(g.loopsThrough('pop')).toEqual([['pop', 'births'], ['pop', 'deaths'], ['pop', 'effect', 'births']]);
    expect(g.loopsThrough('lifetime')).toEqual([]);
  });

  it('metadata and hash: stable for the same spec, different when an equation changes', () => {
    const fixed = spec;
    const a = compileModel(fixed);
    const b = compileModel(JSON.parse(JSON.stringify(fixed)));
    const c = compileModel({ ...fixed, variables: fixed.variables.map((v) => (v.name === 'lifetime' ? { ...v, equation: '21' } : v)) });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    const r = a.run({ method: 'rk4' });
    expect(r.meta).toEqual({ modelHash: a.hash, method: 'rk4', dt: 0.5, start: 0, stop: 10, saveStep: 1 });
    expect(r.times.length).toBe(11);
    expect(r.names).not.toContain('crowding');
  });
});
