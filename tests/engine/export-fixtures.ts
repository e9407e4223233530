// Models and comparisons shared by the export tests.
import { existsSync, readFileSync } from 'node:fs';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec, RunResult } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';

/**
 * A small model with every construct the exporters translate: an aliased 2-D array summed
 * over the alias, per-element and apply-to-all equations, lookups of each kind, fixed and
 * material delays, smoothing, INIT inside an expression, STEP, RAMP, XIDZ/ZIDZ, comparisons
 * used as numbers, MIN/MAX, non-negative stocks and flows, and interval-mean saving.
 */
export function constructsModel(): ModelSpec {
  return model(
    { start: 0, stop: 6, dt: 0.25, saveStep: 1, method: 'euler', timeUnits: 'year', saveMode: 'interval-mean' },
    [
      aux('w', '', { dims: ['r', 's'], equation: { 'a,a': '0', 'a,b': '0.5', 'a,c': '0.25', 'b,a': '0.5', 'b,b': '0', 'b,c': '-0.125', 'c,a': '0.25', 'c,b': '0.125', 'c,c': '0' }, units: '1', label: { en: 'weights', zh: '权重' } }),
      aux('k', '', { dims: ['r'], equation: { a: '1', b: '2', c: '3' }, units: '1' }),
      aux('tau', '2', { units: 'year' }),
      aux('year_length', '1', { units: 'year' }),
      stock('x', 'k * 10', ['grow'], ['drain'], { dims: ['r'], nonNegative: true, units: 'thing', doc: 'A stock per region.' }),
      flow('grow', 'SUM(w[r, s] * x[s]) * 0.05 / year_length + STEP(1, 2) + RAMP(0.5, 1, 3)', { dims: ['r'], units: 'thing/year' }),
      flow('drain', 'x * k * 0.2 / tau * (TIME > 3) + IF_THEN_ELSE(x < 5 and TIME >= 1, 1, 0)', { dims: ['r'], nonNegative: true, units: 'thing/year' }),
      aux('total', 'SUM(x[:])', { units: 'thing', save: 'instant' }),
      aux('share', 'XIDZ(x, total, 0) + ZIDZ(x, total - total)', { dims: ['r'], units: '1' }),
      aux('smoothed', 'SMTH1(total, tau)', { units: 'thing' }),
      aux('lagged', 'DELAY(total, 1, INIT(total) / 2) * 2', { units: 'thing' }),
      aux('pipeline', 'DELAY3(total, tau) + SMTH3(total, 1, 4)', { units: 'thing' }),
      aux('relative', 'total / INIT(total)', { units: '1' }),
      aux('extremes', 'MAX(x[:]) - MIN(x[a], x[b], x[c]) + MEAN(x[:])', { units: 'thing' }),
      aux('effect', 'TIME', { gf: { xs: [0, 2, 4], ys: [1, 3, 2] }, units: '1' }),
      aux('policy', 'TIME', { gf: { xs: [1, 3, 5], ys: [0.5, 0.75, 1], type: 'discrete' }, units: '1' }),
      aux('curve', '', { gf: { xs: [0, 10], ys: [0, 1] } }),
      aux('curved', 'curve(total) * effect + policy ^ 2 + k[b] ^ 0.5', { units: '1' }),
    ],
    [
      { name: 'r', elements: ['a', 'b', 'c'] },
      { name: 's', elements: ['a', 'b', 'c'], aliasOf: 'r' },
    ],
  );
}

/** Where the shared test models live (read only when present). */
export const TEST_MODELS = new URL('../../../shared/test-models/', import.meta.url);

/** A test model's text, or undefined when ../shared/test-models is absent. */
export function testModel(path: string): string | undefined {
  const url = new URL(path, TEST_MODELS);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}

/** Run a spec with its own settings. */
export const runSpec = (spec: ModelSpec): RunResult => compileModel(spec).run();

/** Columns whose series differ in any bit, as "name@i: a vs b" (empty when identical). */
export function bitDifferences(a: RunResult, b: RunResult): string[] {
  const out: string[] = [];
  // Column order may differ (the reader lists stocks, then flows, then auxiliaries): compare by name.
  if ([...a.names].sort().join('|') !== [...b.names].sort().join('|')) out.push(`columns differ: ${a.names.length} vs ${b.names.length}`);
  if ([...a.times].join() !== [...b.times].join()) out.push('times differ');
  for (const n of a.names) {
    const x = a.series.get(n)!;
    const y = b.series.get(n);
    if (!y) continue;
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(x[i], y[i])) {
        out.push(`${n}@${i}: ${x[i]} vs ${y[i]}`);
        break;
      }
    }
  }
  return out;
}
