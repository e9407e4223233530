// Arrays: apply-to-all and per-element equations, aliases, subranges, 2-D, reductions.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const dims = [
  { name: 'node', elements: ['chengdu', 'deyang', 'chongqing'], subranges: { sichuan: ['chengdu', 'deyang'] } },
  { name: 'src', elements: [], aliasOf: 'node' },
];

describe('arrays', () => {
  it('per-element and apply-to-all equations, columns named name[elem] and name[a,b]', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [
      aux('k', '', { dims: ['node'], equation: { chengdu: '1', deyang: '2', chongqing: '4' } }),
      aux('k2', 'k * 10', { dims: ['node'] }),
      aux('w', 'k[node] * 100 + k[src]', { dims: ['node', 'src'] }),
    ], dims)).run();
    expect(r.names).toContain('k2[deyang]');
    expect(r.series.get('k2[chongqing]')![0]).toBe(40);
    expect(r.series.get('w[deyang,chongqing]')![0]).toBe(204);
  });

  it('SUM over a free alias dimension keeps the bound one: SUM(w[node, src] * k[src])', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [
      aux('k', '', { dims: ['node'], equation: { chengdu: '1', deyang: '2', chongqing: '4' } }),
      aux('w', 'IF_THEN_ELSE(node == src, 0, 1)', { dims: ['node', 'src'] }),
      aux('spill', 'SUM(w[node, src] * k[src])', { dims: ['node'] }),
    ], dims)).run();
    expect(r.series.get('spill[chengdu]')![0]).toBe(6);
    expect(r.series.get('spill[deyang]')![0]).toBe(5);
    expect(r.series.get('spill[chongqing]')![0]).toBe(3);
  });

  it('reductions over wildcards and subranges; MIN/MAX with one argument reduce, with two are element-wise', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [
      aux('k', '', { dims: ['node'], equation: { chengdu: '1', deyang: '2', chongqing: '4' } }),
      aux('total', 'SUM(k[:])'), aux('avg', 'MEAN(k[*])'), aux('lo', 'MIN(k)'), aux('hi', 'MAX(k[:])'),
      aux('prod', 'PROD(k[:])'), aux('sc', 'SUM(k[sichuan])'), aux('pick', 'k[chongqing] + k[1]'),
      aux('clip', 'MIN(k, 3)', { dims: ['node'] }),
      aux('share', 'k / SUM(k[:])', { dims: ['node'] }),
    ], dims.map((d) => (d.name === 'node' ? d : d)))).run();
    const g = (n: string) => r.series.get(n)![0];
    expect([g('total'), g('avg'), g('lo'), g('hi'), g('prod'), g('sc'), g('pick')]).toEqual([7, 7 / 3, 1, 4, 8, 3, 5]);
    expect(g('clip[chongqing]')).toBe(3);
    expect(g('share[deyang]')).toBeCloseTo(2 / 7, 15);
  });

  it('arrayed stocks and flows integrate element by element; SMTH1 per element', () => {
    const r = compileModel(model({ start: 0, stop: 2, dt: 1 }, [
      stock('s', '10', ['inflow'], [], { dims: ['node'] }),
      flow('inflow', 'rate * s', { dims: ['node'] }),
      aux('rate', '', { dims: ['node'], equation: { chengdu: '0.1', deyang: '0.2', chongqing: '0' } }),
      aux('sm', 'SMTH1(s, 1)', { dims: ['node'] }),
    ], dims)).run();
    expect([...r.series.get('s[deyang]')!]).toEqual([10, 12, 14.4]);
    expect([...r.series.get('sm[deyang]')!]).toEqual([10, 10, 12]);
  });

  it('a variable over a subrange maps to its parent elements', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [
      aux('k', '', { dims: ['node'], equation: { chengdu: '1', deyang: '2', chongqing: '4' } }),
      aux('ks', 'k * 3', { dims: ['sichuan'] }),
      aux('total', 'SUM(ks[:])'),
    ], dims)).run();
    expect(r.names).toContain('ks[deyang]');
    expect(r.names).not.toContain('ks[chongqing]');
    expect(r.series.get('ks[deyang]')![0]).toBe(6);
    expect(r.series.get('total')![0]).toBe(9);
  });

  it('the dimension name as a value is the 1-based element position', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [aux('i', 'node', { dims: ['node'] })], dims)).run();
    expect(r.series.get('i[chongqing]')![0]).toBe(3);
  });

  it('per-element definitions may refer to each other (ordered element by element)', () => {
    const r = compileModel(model({ start: 0, stop: 1, dt: 1 }, [
      aux('x', '', { dims: ['node'], equation: { chengdu: 'x[deyang] + 1', deyang: '2', chongqing: 'x[chengdu] * 2' } }),
    ], dims)).run();
    expect(r.series.get('x[chongqing]')![0]).toBe(6);
  });
});

describe('reductions inside IF_THEN_ELSE branches', () => {
  const five = [{ name: 'node', elements: ['a', 'b', 'c', 'd', 'e'] }, { name: 'src', elements: [], aliasOf: 'node' }];
  const spec = model({ start: 0, stop: 4, dt: 1 }, [
    aux('k', '', { dims: ['node'], equation: { a: '1', b: '2', c: '4', d: '8', e: '16' } }),
    aux('w', 'IF_THEN_ELSE(node == src, 0, 1)', { dims: ['node', 'src'] }),
    stock('g', '1', ['grow'], [], { dims: ['node'] }),
    flow('grow', 'g', { dims: ['node'] }),
    aux('flag', 'STEP(1, 2)'),
    aux('y', 'IF_THEN_ELSE(flag, SUM(w[node, src] * g[src]), SUM(g[node] * k[src]))', { dims: ['node'] }),
  ], five);

  it('give the taken branch, element by element, as the condition changes', () => {
    const r = compileModel(spec).run();
    const y = (e: string) => [...r.series.get(`y[${e}]`)!];
    // g doubles every step from 1: g(t) = 2^t in every element.
    expect(y('b')).toEqual([31, 62, 4 * 4, 8 * 4, 16 * 4]);
    expect(y('a')).toEqual([31, 62, 4 * 4, 8 * 4, 16 * 4]);
  });

  it('are computed in place (only when their branch is taken), not every step in a slot of their own', () => {
    const src = compileModel(spec).source;
    // Each element's statement holds both sums inside the conditional.
    // (an operand may be a local the generated function read the slot into)
    expect(src).toMatch(/!== 0 \? \(\(v\[[^\]]+\] \* (?:v\[[^\]]+\]|[rlw]\d+)\) \+ [^:]+ : \(\(v\[/);
  });
});
