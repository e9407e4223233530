// Report-only auxiliaries (nothing the integration needs reads them) run only on save steps,
// and a runner runs only those its outputs read. Saved values must not change by a bit.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import type { Method } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

const dims = [{ name: 'node', elements: ['a', 'b', 'c', 'd', 'e', 'f'] }];
const spec = model({ start: 0, stop: 6, dt: 0.25 }, [
  aux('rate', '', { dims: ['node'], equation: { a: '0.1', b: '0.2', c: '0.05', d: '0.3', e: '0', f: '0.15' } }),
  stock('s', '10', ['grow'], ['decay'], { dims: ['node'] }),
  flow('grow', 's * rate * (1 + shock)', { dims: ['node'] }),
  flow('decay', 's * s / 1000', { dims: ['node'] }),
  aux('shock', 'RANDOM(-0.1, 0.1)'),
  // Report-only: totals, ratios of totals, a time-dependent index, a draw of its own.
  aux('total', 'SUM(s[:])'),
  aux('share', 's / total', { dims: ['node'] }),
  aux('index', 'total / INIT(total) * EXP(-0.01 * TIME)'),
  aux('noise', 'RANDOM(0, 1)'),
  aux('top_share', 'MAX(share[:])'),
], dims);

const methods: Method[] = ['euler', 'rk4'];

describe('report-only auxiliaries', () => {
  for (const method of methods) {
    it(`save the same bits whether saved every step or every fourth (${method})`, () => {
      const m = compileModel(spec);
      const fine = m.run({ method, sim: { saveStep: 0.25 }, seed: 7 });
      const coarse = m.run({ method, sim: { saveStep: 1 }, seed: 7 });
      for (const name of ['total', 'share[d]', 'index', 'top_share', 's[b]', 'noise']) {
        const f = fine.series.get(name)!;
        const c = coarse.series.get(name)!;
        expect(c.length).toBe(7);
        for (let i = 0; i < c.length; i++) expect(c[i], `${name} at ${i}`).toBe(f[4 * i]);
      }
    });

    it(`give a runner that saves only some outputs the full run's values (${method})`, () => {
      const m = compileModel(spec);
      const full = m.run({ method, seed: 3 });
      for (const outputs of [['top_share'], ['index', 's'], ['s[c]'], ['noise', 'share']]) {
        const r = m.createRunner({ outputs, method });
        const out = r.run(undefined, 3);
        const n = r.times.length;
        r.columns.forEach((col, k) => {
          expect([...out.subarray(k * n, (k + 1) * n)], `${outputs.join('+')}: ${col}`).toEqual([...full.series.get(col)!]);
        });
      }
    });
  }

  it('are left out of the per-step pass; draws stay in it (the random stream does not depend on what is saved)', () => {
    const src = compileModel(spec).source;
    const auxPass = src.slice(src.indexOf('function aux('), src.indexOf('function report('));
    const reportPass = src.slice(src.indexOf('function report('), src.indexOf('function rates('));
    // Two draws (shock, noise) per step, both in the per-step pass; the totals only in report.
    expect(auxPass.match(/H_\w+\(R,/g)).toHaveLength(2);
    expect(reportPass).not.toMatch(/\(R,/);
    expect(reportPass).toMatch(/Math\.max/);
    expect(auxPass).not.toMatch(/Math\.max/);
  });
});
