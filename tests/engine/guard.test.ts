// Change guards: pure per-step statements that depend on a few rarely-changing slots run only
// when one of those slots changed. Results must be bit-identical to the plain program
// (CompileOptions.optimize false) whenever the inputs switch, ramp, flip sign through zero or
// turn NaN, under Euler and RK4.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec, RunOptions } from '../../src/model/engine/index.ts';
import { guardStatements } from '../../src/model/engine/guard.ts';
import type { Stmt } from '../../src/model/engine/lower.ts';
import { aux, flow, model, stock } from './helpers.ts';

const NODES = ['a', 'b', 'c', 'd'];
const dims = [{ name: 'node', elements: NODES }, { name: 'src', elements: [] as string[], aliasOf: 'node' }];
const matrix = (f: (i: number, j: number) => number) =>
  Object.fromEntries(NODES.flatMap((a, i) => NODES.map((b, j) => [`${a},${b}`, String(f(i, j))])));

/** A regional-style model: link weights blended by a lever effect that starts mid-run and builds up. */
function links(extra: { weight?: string; sum?: string } = {}): ModelSpec {
  const weight = extra.weight ?? 'IF_THEN_ELSE(active, base * (1 + gain * effect), base)';
  return model({ start: 0, stop: 6, dt: 0.25 }, [
    aux('base', '', { dims: ['node', 'src'], equation: matrix((i, j) => (i === j ? 0 : 1 / (1 + Math.abs(i - j)))) }),
    aux('gain', '0.8'),
    aux('lever', '1'),
    aux('effect', 'SMTH1(lever * STEP(1, 2.5), 1)'),
    aux('active', 'effect > 0'),
    aux('weight', weight, { dims: ['node', 'src'] }),
    aux('pool', extra.sum ?? 'SUM(weight[node, src] * x[src])', { dims: ['node'] }),
    flow('growth', '0.05 * x + 0.01 * pool', { dims: ['node'] }),
    stock('x', '', ['growth'], [], { dims: ['node'], equation: { a: '1', b: '2', c: '3', d: '4' } }),
  ], dims);
}

/** Every series of a run, as plain arrays (compared bit for bit: toEqual distinguishes -0). */
function series(spec: ModelSpec, optimize: boolean, opts: RunOptions = {}): Record<string, number[]> {
  const r = compileModel(spec, { optimize }).run(opts);
  return Object.fromEntries([...r.series].map(([k, s]) => [k, [...s]]));
}

describe('change guards', () => {
  it('guard a weight matrix on its lever effect and give the plain series when the branch flips mid-run', () => {
    const spec = links();
    expect(compileModel(spec).source).toMatch(/if \(!\(/);
    expect(compileModel(spec, { optimize: false }).source).not.toMatch(/if \(!\(/);
    for (const method of ['euler', 'rk4'] as const) {
      const opt = series(spec, true, { method });
      expect(opt).toEqual(series(spec, false, { method }));
      // The weights really switch: constant before the lever, growing after it.
      const w = opt['weight[a,b]'];
      expect(w[0]).toBe(w[8]); // time 2
      expect(w[24]).toBeGreaterThan(w[8]); // time 6
    }
  });

  it('give the SUM over the weight variable the values of the same SUM with the branch written inside it', () => {
    const inline = links({ sum: 'SUM(IF_THEN_ELSE(active, base[node, src] * (1 + gain * effect), base[node, src]) * x[src])' });
    const viaWeight = series(links(), true);
    const written = series(inline, false);
    for (const e of NODES) expect(viaWeight[`pool[${e}]`]).toEqual(written[`pool[${e}]`]);
    expect(viaWeight['pool[a]'][24]).not.toBe(series(links({ weight: 'base' }), true)['pool[a]'][24]);
  });

  it('recompute when a root changes the sign of zero or becomes NaN', () => {
    const spec = model({ start: 0, stop: 4, dt: 1 }, [
      aux('k', '', { dims: ['node'], equation: { a: '1', b: '2', c: '3', d: '4' } }),
      // 0 until time 2, then -0 (1 / -0 is -Infinity), then NaN from time 3.
      aux('r', 'IF_THEN_ELSE(TIME >= 3, 0 / 0, IF_THEN_ELSE(TIME >= 2, -1, 1) * 0)'),
      aux('y', '1 / r * k', { dims: ['node'] }),
      aux('z', 'y * 2 + k', { dims: ['node'] }),
      flow('f', 'SUM(z[*]) * 0', {}),
      stock('s', '0', ['f']),
    ], dims.slice(0, 1));
    expect(compileModel(spec).source).toMatch(/if \(!\(/);
    const opt = series(spec, true);
    expect(opt).toEqual(series(spec, false));
    expect(opt['y[a]'].slice(0, 4)).toEqual([Infinity, Infinity, -Infinity, NaN]);
  });

  it('group only pure statements with the same few roots, and order a group after what it reads', () => {
    const st = (target: number, deps: number[], flags: Partial<Stmt> = {}): Stmt =>
      ({ target, owner: `x${target}`, init: null, dyn: `v[${target}] = 0;`, deps: new Set(deps), ...flags });
    // 100 and 101 are stocks; 1 reads the time; 10..19 read 1 and 100; 20 reads 10..19 and 101; 30..39 read 1, 100 and 20's roots.
    const core = [st(1, [], { timeDep: true }), ...Array.from({ length: 10 }, (_, k) => st(10 + k, [1, 100, 500])), st(20, [10, 11, 101])];
    let next = 900;
    const items = guardStatements(core, new Map(core.map((s) => [s.target, s.deps])), new Set([500]), () => next++);
    const groups = items.flatMap((x) => ('group' in x ? [x.group] : []));
    expect(groups).toHaveLength(1);
    expect(groups[0].roots).toEqual([1, 100]);
    expect(groups[0].members.map((m) => m.target)).toEqual(Array.from({ length: 10 }, (_, k) => 10 + k));
    expect(groups[0].saved).toEqual([900, 901]);
    // The time-reading statement first, the group, then its reader (too few to be a group).
    expect(items.map((x) => ('stmt' in x ? x.stmt.target : 'group'))).toEqual([1, 'group', 20]);
  });
});
