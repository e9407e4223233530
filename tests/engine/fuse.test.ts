// Loop fusion: adjacent element-wise loops become one only when the second reads the first's
// results at the current index; anything else (a fixed element, a row of a matrix, a shifted
// index, a different count) keeps them apart, and results never change.
import { describe, expect, it } from 'vitest';
import { fuseLoops } from '../../src/model/engine/fuse.ts';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, model } from './helpers.ts';

const loop = (n: number, ...body: string[]) => `for (let i_0 = 0; i_0 < ${n}; i_0++) {\n${body.join('\n')}\n}`;

describe('loop fusion', () => {
  it('fuses a chain of element-wise loops over the same count', () => {
    const out = fuseLoops([
      loop(3, 'v[(10 + i_0)] = (v[(0 + i_0)] * 2);'),
      loop(3, 'v[(20 + i_0)] = (v[(10 + i_0)] + v[5]);'),
      loop(3, 'v[(30 + i_0)] = Math.exp(v[(20 + i_0)]);'),
    ]);
    expect(out).toEqual([loop(3, 'v[(10 + i_0)] = (v[(0 + i_0)] * 2);', 'v[(20 + i_0)] = (v[(10 + i_0)] + v[5]);', 'v[(30 + i_0)] = Math.exp(v[(20 + i_0)]);')]);
  });

  it('keeps loops apart when the second reads another element, a row, or a shifted index of the first', () => {
    const a = loop(3, 'v[(10 + i_0)] = (v[(0 + i_0)] * 2);');
    for (const b of [
      loop(3, 'v[(20 + i_0)] = (v[(10 + i_0)] + v[11]);'), // a fixed element of a's result
      loop(3, 'v[(20 + i_0)] = (v[(9 + 1 * i_0)] + v[(10 + 3 * i_0)]);'), // a stride over it
      loop(3, 'v[(20 + i_0)] = v[(11 + i_0)];'), // the next element
      loop(4, 'v[(20 + i_0)] = v[(10 + i_0)];'), // another count
    ]) expect(fuseLoops([a, b])).toEqual([a, b]);
    // The first reading what the second writes must see its old values: no fusion.
    const c = loop(3, 'v[(10 + i_0)] = v[21];');
    const d = loop(3, 'v[(20 + i_0)] = v[(0 + i_0)];');
    expect(fuseLoops([c, d])).toEqual([c, d]);
    // Statements between loops end a chain.
    expect(fuseLoops([a, 'v[40] = v[10];', loop(3, 'v[(20 + i_0)] = v[(10 + i_0)];')])).toHaveLength(3);
  });

  it('leaves results unchanged on a model mixing element-wise, shifted and summed references', () => {
    const dims = [{ name: 'n', elements: ['a', 'b', 'c', 'd', 'e'] }];
    const spec = model({ start: 0, stop: 1, dt: 1 }, [
      aux('k', '', { dims: ['n'], equation: { a: '1', b: '2', c: '4', d: '8', e: '16' } }),
      aux('x', 'k * TIME + 1', { dims: ['n'] }),
      aux('y', 'x * 3', { dims: ['n'] }),
      aux('z', 'y + x[a] + SUM(x[*])', { dims: ['n'] }),
      aux('w', 'z / y', { dims: ['n'] }),
    ], dims);
    const r = compileModel(spec).run();
    for (const [i, k] of [1, 2, 4, 8, 16].entries()) {
      const e = 'abcde'[i];
      const x = k * 1 + 1;
      const sum = [1, 2, 4, 8, 16].reduce((s, kk) => s + kk + 1, 0);
      expect(r.series.get(`z[${e}]`)![1]).toBe(x * 3 + 2 + sum);
      expect(r.series.get(`w[${e}]`)![1]).toBe((x * 3 + 2 + sum) / (x * 3));
    }
  });
});
