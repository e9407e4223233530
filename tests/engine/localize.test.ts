// Locals in generated functions: fixed slots the function never writes are read once at its
// start, a fixed slot's new value is reused from a local, an element's new value is reused
// within its loop iteration, slots written earlier are read once before a loop; guarded
// blocks' writes are read back; stores all stay, and anything the pass cannot bound is left as is.
import { describe, expect, it } from 'vitest';
import { localizeLines } from '../../src/model/engine/localize.ts';
import { compileModel } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const loop = (n: number, ...body: string[]) => `for (let i_0 = 0; i_0 < ${n}; i_0++) {\n${body.join('\n')}\n}`;

describe('localizeLines', () => {
  it('reads unwritten fixed slots once and reuses written values from locals', () => {
    expect(localizeLines(['v[10] = (v[1] * 2);', 'v[11] = (v[10] + v[1]);'])).toEqual([
      'const r1 = v[1];',
      'const w10 = (r1 * 2);',
      'v[10] = w10;',
      'const w11 = (w10 + r1);',
      'v[11] = w11;',
    ]);
  });

  it('keeps reading the state vector before a slot is written, and for slots written twice', () => {
    expect(localizeLines(['v[10] = v[11];', 'v[11] = 1;'])).toEqual(['const w10 = v[11];', 'v[10] = w10;', 'const w11 = 1;', 'v[11] = w11;']);
    expect(localizeLines(['v[5] = 1;', 'v[6] = v[5];', 'v[5] = 2;', 'v[7] = v[5];'])).toEqual([
      'v[5] = 1;',
      'const w6 = v[5];',
      'v[6] = w6;',
      'v[5] = 2;',
      'const w7 = v[5];',
      'v[7] = w7;',
    ]);
  });

  it("reuses an element's new value within the loop iteration and hoists invariant reads out of the loop", () => {
    const out = localizeLines([loop(3, 'v[(10 + i_0)] = (v[(0 + i_0)] * v[20]);', 'v[(13 + i_0)] = (v[(10 + i_0)] + v[(11 + 0 * i_0)]);')]);
    expect(out).toEqual([
      'const r20 = v[20];',
      loop(3, 'const e10 = (v[(0 + i_0)] * r20);', 'v[(10 + i_0)] = e10;', 'v[(13 + i_0)] = (e10 + v[(11 + 0 * i_0)]);'),
    ]);
  });

  it('does not hoist a slot a loop writes, and leaves comparisons alone', () => {
    const out = localizeLines([loop(3, 'v[(10 + i_0)] = (v[11] !== 0 ? v[(0 + i_0)] : 1);'), 'v[20] = (v[11] == v[3] ? 1 : 0);']);
    expect(out).toEqual(['const r3 = v[3];', loop(3, 'v[(10 + i_0)] = (v[11] !== 0 ? v[(0 + i_0)] : 1);'), 'const w20 = (v[11] == r3 ? 1 : 0);', 'v[20] = w20;']);
  });

  it('reads an array written by an earlier loop once before a later loop that reads its elements', () => {
    const lines = [loop(2, 'v[(10 + i_0)] = v[(0 + i_0)];'), loop(2, 'v[(20 + i_0)] = ((v[(30 + 2 * i_0)] * v[10]) + (v[(31 + 2 * i_0)] * v[11]));')];
    expect(localizeLines(lines)).toEqual([
      lines[0],
      'const l10 = v[10];',
      'const l11 = v[11];',
      loop(2, 'v[(20 + i_0)] = ((v[(30 + 2 * i_0)] * l10) + (v[(31 + 2 * i_0)] * l11));'),
    ]);
    // Not when a later line writes the slot again, and not in the plain baseline.
    const again = [...lines, 'v[10] = 1;'];
    expect(localizeLines(again).join('\n')).not.toContain('const l10');
    expect(localizeLines(lines, false).join('\n')).not.toContain('const l');
  });

  it('bounds strided writes of a loop (a delay line) and keeps the rest of the function localised', () => {
    const lines = ['v[1] = v[2];', loop(2, 'if (stage === 0) v[(10 + 3 * i_0)] = v[(11 + 3 * i_0)];'), 'v[20] = (v[13] + v[2]);'];
    expect(localizeLines(lines)).toEqual([
      'const r2 = v[2];',
      'const w1 = r2;',
      'v[1] = w1;',
      loop(2, 'if (stage === 0) v[(10 + 3 * i_0)] = v[(11 + 3 * i_0)];'),
      'const w20 = (v[13] + r2);',
      'v[20] = w20;',
    ]);
  });

  it('reads back from the state vector what a guarded block wrote, since the block may not have run', () => {
    const block = 'if (!(v[1] === v[9])) {\nv[9] = v[1];\nv[5] = (v[1] * 2);\n' + loop(2, 'v[(6 + i_0)] = v[5];') + '\n}';
    const out = localizeLines(['v[1] = v[2];', block, 'v[8] = (v[5] + v[6]);']);
    expect(out).toEqual([
      'const r2 = v[2];',
      'const w1 = r2;',
      'v[1] = w1;',
      'if (!(w1 === v[9])) {\nv[9] = w1;\nv[5] = (w1 * 2);\n' + loop(2, 'v[(6 + i_0)] = v[5];') + '\n}',
      'const w8 = (v[5] + v[6]);',
      'v[8] = w8;',
    ]);
  });

  it('leaves a function with writes it cannot bound unchanged', () => {
    const twoD = `for (let i_1 = 0; i_1 < 2; i_1++) {\nfor (let i_0 = 0; i_0 < 2; i_0++) {\nv[((10 + 2 * i_1) + i_0)] = v[1];\n}\n}`;
    const lines = [twoD, 'v[20] = v[1];'];
    expect(localizeLines(lines)).toEqual(lines);
    expect(localizeLines(['v[ix[0]] = v[1];'])).toEqual(['v[ix[0]] = v[1];']);
  });
});

describe('generated code with locals', () => {
  it('runs an array model with element chains and fixed reads exactly as written (Euler and RK4)', () => {
    const dims = [{ name: 'n', elements: ['a', 'b', 'c'] }];
    const spec = model({ start: 0, stop: 2, dt: 0.5 }, [
      aux('k', '', { dims: ['n'], equation: { a: '0.1', b: '0.2', c: '0.4' } }),
      aux('g', '0.5'),
      flow('growth', 'x * k * g', { dims: ['n'] }),
      aux('share', 'growth / SUM(growth[*])', { dims: ['n'] }),
      stock('x', '1', ['growth'], [], { dims: ['n'] }),
    ], dims);
    const m = compileModel(spec);
    expect(m.source).toMatch(/const r\d+ = v\[\d+\];/);
    const euler = m.run();
    const rk4 = m.run({ method: 'rk4' });
    for (const [i, k] of [0.1, 0.2, 0.4].entries()) {
      const e = 'abc'[i];
      // Euler: x grows by (1 + 0.5·k·g) per step of 0.5.
      expect(euler.series.get(`x[${e}]`)![4]).toBeCloseTo((1 + 0.5 * k * 0.5) ** 4, 12);
      expect(rk4.series.get(`x[${e}]`)![4]).toBeCloseTo(Math.exp(k * 0.5 * 2), 6);
    }
    const shares = ['a', 'b', 'c'].map((e) => euler.series.get(`share[${e}]`)![2]);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
