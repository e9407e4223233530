// A runner rebuilt from its image (plain data, through JSON) runs the same code on the same
// plan: bit-identical outputs, same constants, and a clear error for a broken image.
import { describe, expect, it } from 'vitest';
import { compileModel, runnerFromImage } from '../../src/model/engine/index.ts';
import type { Method, RunnerImage } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const dims = [{ name: 'node', elements: ['a', 'b', 'c', 'd', 'e', 'f'] }];
const spec = model({ start: 0, stop: 8, dt: 0.25 }, [
  aux('rate', '', { dims: ['node'], equation: { a: '0.1', b: '0.2', c: '0.05', d: '0.3', e: '0', f: '0.15' } }),
  aux('scale', '1000'),
  stock('s', '10', ['grow'], ['decay'], { dims: ['node'] }),
  flow('grow', 's * rate * (1 + shock)', { dims: ['node'] }),
  flow('decay', 's * s / scale', { dims: ['node'] }),
  aux('shock', 'RANDOM(-0.1, 0.1)'),
  aux('lagged', 'DELAY3(SUM(s[:]), 2)'),
  aux('total', 'SUM(s[:])'),
  aux('share', 's / total', { dims: ['node'] }),
  aux('shape', 'curve(TIME)', { gf: { xs: [0, 4, 8], ys: [0, 1, 0.5] } }),
  aux('curve', '', { gf: { xs: [0, 4, 8], ys: [1, 3, 2] } }),
], dims);

describe('runner images', () => {
  for (const method of ['euler', 'rk4'] as Method[]) {
    it(`rebuild a runner with bit-identical outputs after a trip through JSON (${method})`, () => {
      const m = compileModel(spec);
      for (const outputs of [['total', 'share'], ['s[c]', 'lagged', 'shape']]) {
        const opts = { outputs, method, saveTimes: [0, 1.5, 4, 8] };
        const direct = m.createRunner(opts);
        const rebuilt = runnerFromImage(JSON.parse(JSON.stringify(m.runnerImage(opts))) as RunnerImage);
        expect(rebuilt.columns).toEqual(direct.columns);
        expect([...rebuilt.times]).toEqual([...direct.times]);
        const c = direct.defaults();
        c[direct.constantIndex('rate[d]')] = 0.25;
        c[direct.constantIndex('scale')] = 800;
        expect(rebuilt.constantIndex('RATE[d]')).toBe(direct.constantIndex('rate[d]'));
        for (const seed of [1, 'x']) expect([...rebuilt.run(c, seed)]).toEqual([...direct.run(c, seed)]);
        expect([...rebuilt.run()]).toEqual([...direct.run()]);
      }
    });
  }

  it('refuse a broken image with one message naming the problem', () => {
    const img = compileModel(spec).runnerImage({ outputs: ['total'] });
    expect(() => runnerFromImage({ ...img, format: 'other' } as unknown as RunnerImage)).toThrow(/runner image: format is "other"/);
    expect(() => runnerFromImage({ ...img, stockSlots: ['x'] } as unknown as RunnerImage)).toThrow(/runner image: stockSlots is not a list of numbers/);
    expect(() => runnerFromImage({ ...img, columns: [] })).toThrow(/runner image: columns do not match/);
    const r = runnerFromImage(img);
    expect(() => r.constantIndex('nope')).toThrow(/"nope" is not a constant/);
  });
});
