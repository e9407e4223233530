import { describe, expect, it } from 'vitest';
import { rollLines, rollOnce } from '../../src/model/engine/roll.ts';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

// Run generated statements over a fresh state vector and return it.
function exec(lines: string[], n = 100): Float64Array {
  const v = new Float64Array(n).map((_, i) => i * 0.37 + 1);
  new Function('v', lines.join('\n'))(v);
  return v;
}

describe('loop rolling', () => {
  it('rolls statements whose integer literals vary linearly', () => {
    const lines = [0, 1, 2, 3].map((i) => `v[${10 + i}] = (v[${20 + 2 * i}] * v[5]) + ${i + 1};`);
    const out = rollOnce(lines, 'i_0');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^for \(let i_0 = 0; i_0 < 4; i_0\+\+\)/);
    expect(exec(out)).toEqual(exec(lines));
  });

  it('rolls interleaved groups and rows of a 2-D array into nested loops', () => {
    const lines: string[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 5; c++) {
      lines.push(`v[${30 + r * 5 + c}] = v[${r}] * v[${5 + c}];`, `v[${50 + r * 5 + c}] = v[${30 + r * 5 + c}] - 1.5;`);
    }
    const out = rollLines(lines);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('i_1');
    expect(exec(out)).toEqual(exec(lines));
  });

  it('keeps irregular statements, fractional and large literals, and digits inside names', () => {
    const lines = ['v[1] = Math.log10(v[2]);', 'v[2] = Math.log10(v[3]);', 'v[4] = 0.5;', 'v[5] = 1.5;', 'v[6] = 2.5;',
      'v[7] = 1e-7 + v[8];', 'v[8] = 1e-8 + v[9];', 'v[9] = 1e-9 + v[10];', 'v[1] = 9999999999;', 'v[2] = 9999999998;', 'v[3] = 9999999997;',
      'v[10] = 1e+21;', 'v[11] = 2e+21;', 'v[12] = 3e+21;'];
    const out = rollOnce(lines, 'i_0');
    expect(out).toEqual(lines);
  });

  it('does not roll a run that stops being linear', () => {
    const lines = ['v[1] = v[10];', 'v[2] = v[11];', 'v[3] = v[12];', 'v[4] = v[20];'];
    const out = rollOnce(lines, 'i_0');
    expect(out).toHaveLength(2);
    expect(out[1]).toBe('v[4] = v[20];');
    expect(exec(out)).toEqual(exec(lines));
  });

  it('generates loops for apply-to-all arrays, with the same results as scalar equations', () => {
    const dims = [{ name: 'n', elements: ['a', 'b', 'c', 'd', 'e'] }, { name: 'm', elements: ['a', 'b', 'c', 'd', 'e'], aliasOf: 'n' }];
    const arr = model({ start: 0, stop: 5, dt: 0.25 }, [
      stock('s', 'n * 10', ['g'], [], { dims: ['n'] }),
      flow('g', 'sum(w[n, m] * s[m]) * 0.01 - s * k', { dims: ['n'] }),
      aux('w', '1 / (1 + abs(n - m))', { dims: ['n', 'm'] }),
      aux('k', '0.05', {}),
    ], dims);
    const c = compileModel(arr);
    expect(c.source).toMatch(/for \(let i_0/);
    const r = c.run();
    // Element c by hand: the same operations in scalar form.
    const names = ['a', 'b', 'c', 'd', 'e'];
    const scal = model({ start: 0, stop: 5, dt: 0.25 }, [
      ...names.map((x, i) => stock(`s_${x}`, `${(i + 1) * 10}`, [`g_${x}`])),
      ...names.map((x, i) => flow(`g_${x}`, `(${names.map((y, j) => `w_${x}_${y} * s_${y}`).join(' + ')}) * 0.01 - s_${x} * k`)),
      ...names.flatMap((x, i) => names.map((y, j) => aux(`w_${x}_${y}`, `1 / (1 + abs(${i + 1} - ${j + 1}))`))),
      aux('k', '0.05'),
    ]);
    const rs = compileModel(scal).run();
    names.forEach((x) => expect(r.series.get(`s[${x}]`)).toEqual(rs.series.get(`s_${x}`)));
  });
});
