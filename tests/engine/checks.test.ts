// Every check before a model runs, with its message, and the code-injection case.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/engine/index.ts';
import { ModelError, compileModel } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const sim = { start: 0, stop: 1, dt: 1 };
function diagnostics(spec: Parameters<typeof compileModel>[0]): Diagnostic[] {
  try {
    compileModel(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    return (err as ModelError).diagnostics;
  }
  throw new Error('expected a ModelError');
}

describe('model checks', () => {
  it('refuses injected code as a parse error, and generated code contains no model text', () => {
    const d = diagnostics(model(sim, [aux('x', '1); process.exit(0); (1')]));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'parse', variable: 'x', position: 1 });
    expect(d[0].message).toMatch(/syntax error/);
    for (const eq of ['a = 1', 'f(x) = 2', '1; 2', '"text"', '[1, 2]', '{a: 1}', 'x.y', 'a < b < c']) {
      expect(diagnostics(model(sim, [aux('x', eq), aux('a', '1'), aux('b', '1'), aux('c', '1'), aux('y', '1')]))[0].kind).toBe('parse');
    }
    const m = compileModel(model(sim, [aux('Secret_Name_Here', '1.5e3'), aux('other', 'secret_name_here * 2')]));
    expect(m.source).not.toMatch(/secret/i);
    expect(m.source).not.toContain('1.5e3');
  });

  it('undefined names, with position', () => {
    const d = diagnostics(model(sim, [aux('x', '1 + missing_thing * 2')]));
    expect(d).toEqual([{ kind: 'undefined', variable: 'x', message: '"missing_thing" is not defined', position: 4 }]);
    const d2 = diagnostics(model(sim, [aux('x', 'FOO(1)')]));
    expect(d2[0]).toMatchObject({ kind: 'undefined', message: 'unknown function "FOO"', position: 0 });
    const d3 = diagnostics(model(sim, [stock('s', '1', ['ghost'])]));
    expect(d3[0]).toMatchObject({ kind: 'undefined', variable: 's', message: 'flow "ghost" of stock "s" is not defined' });
  });

  it('circular definitions among non-stock variables name the loop', () => {
    const d = diagnostics(model(sim, [aux('a', 'b + 1'), aux('b', 'c * 2'), aux('c', 'a'), aux('ok', '1')]));
    expect(d).toHaveLength(1);
    expect(d[0].kind).toBe('cycle');
    expect(d[0].message).toMatch(/^circular definition: (a → b → c → a|b → c → a → b|c → a → b → c) \(only stocks may close a loop\)$/);
    const self = diagnostics(model(sim, [aux('a', 'a + 1')]));
    expect(self[0].message).toBe('"a" is defined in terms of itself (circular definition; only stocks may close a loop)');
    // A loop through a stock, or through a smooth, is fine.
    expect(() => compileModel(model(sim, [stock('s', '1', ['f']), flow('f', 's * 0.1')]))).not.toThrow();
    expect(() => compileModel(model(sim, [aux('a', 'SMTH1(b, 2, 0)'), aux('b', 'a + 1')]))).not.toThrow();
  });

  it('wrong number of arguments', () => {
    const d = diagnostics(model(sim, [aux('x', 'STEP(1)'), aux('y', 'SMTH1(1, 2, 3, 4)'), aux('z', 'MIN()')]));
    expect(d.map((x) => x.message)).toEqual([
      'STEP takes 2 argument(s), got 1',
      'SMTH1 takes 2 to 3 argument(s), got 4',
      'MIN takes at least 1 argument(s), got 0',
    ]);
    expect(d.every((x) => x.kind === 'arity')).toBe(true);
  });

  it('dimension mismatches', () => {
    const dims = [{ name: 'node', elements: ['a', 'b'] }, { name: 'other', elements: ['x', 'y'] }];
    const msgs = (vars: Parameters<typeof model>[1]) => diagnostics(model(sim, vars, dims)).map((x) => `${x.kind}: ${x.message}`);
    expect(msgs([aux('k', '1', { dims: ['node'] }), aux('s', 'k * 2')])).toEqual([
      'dimension: "k" is arrayed over "node", which this equation does not bind (reduce it with SUM/MEAN/MIN/MAX or pick an element)',
    ]);
    expect(msgs([aux('k', '1', { dims: ['node'] }), aux('s', 'k[a, b]')])).toEqual([
      'dimension: "k" has 1 dimension(s) but is used with 2 subscript(s)',
    ]);
    expect(msgs([aux('k', '1', { dims: ['node'] }), aux('s', 'k[x]')])).toEqual([
      'dimension: "k" has no element or dimension "x" (its dimension is "node")',
    ]);
    expect(msgs([aux('k', '1', { dims: ['node'] }), aux('s', 'k[other]', { dims: ['other'] })])).toEqual([
      'dimension: "k" is indexed by "other", which does not match its dimension "node"',
    ]);
    expect(msgs([aux('k', '1', { dims: ['nowhere'] })])).toEqual(['dimension: unknown dimension "nowhere"']);
    expect(msgs([aux('s', 'SUM(1) + x[*]'), aux('x', '1', { dims: ['node'] })])[0]).toMatch(/only allowed inside SUM/);
  });

  it('malformed specs (e.g. from JSON) get messages, not crashes', () => {
    const msgs = (vars: unknown[]) => diagnostics({ sim, variables: vars } as Parameters<typeof compileModel>[0]).map((d) => `${d.variable}: ${d.message}`);
    expect(msgs([{ name: 'a', kind: 'param', equation: '1' }])).toEqual(['a: kind must be stock, flow or aux (got "param")']);
    expect(msgs([{ kind: 'aux', equation: '1' }])).toEqual(['variable #1: has no name']);
    expect(msgs([{ name: 'a', kind: 'aux', equation: 3 }])).toEqual(['a: equation must be text, or an object of texts by element']);
    expect(msgs([{ name: 'a', kind: 'aux', equation: '1', gf: { xs: [1, 0], ys: [0, 1] } }])).toEqual(['a: graphical function xs must be ascending']);
    expect(diagnostics({ sim: { start: 0, stop: -1, dt: 0 }, variables: [] }).map((d) => d.message)).toEqual([
      'sim specs: dt must be positive (got 0)', 'sim specs: stop (-1) is before start (0)',
    ]);
  });

  it('the error message is readable and lists the problems', () => {
    try {
      compileModel(model(sim, [aux('x', 'nope')]));
    } catch (err) {
      expect((err as Error).message).toBe('x: "nope" is not defined (at character 1)');
    }
  });
});
