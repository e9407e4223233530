import { afterAll, describe, expect, it } from 'vitest';
import { createUncertaintyService } from '../../src/model/worker/uncertainty-service.ts';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import { monteCarloSummary } from '../../src/model/analysis/monte-carlo.ts';
import { toyModel } from '../../src/model/analysis/toy-models.ts';

const service = createUncertaintyService(createNodePool(2));
afterAll(() => service.close());
const linear = { kind: 'toy' as const, name: 'linear' };

describe('uncertainty service (what the web app calls)', () => {
  it('returns the fan charts of an in-thread Monte Carlo, filtered by output', async () => {
    const progress: number[] = [];
    const fans = await service.fanCharts({ model: linear, runs: 300, seed: 2, outputs: ['ratio'], onProgress: (d) => progress.push(d) });
    expect(fans).toEqual(monteCarloSummary(toyModel('linear'), 300, 2).filter((f) => f.output === 'ratio'));
    expect(progress.at(-1)).toBe(300);
  });
  it('latest wins: a superseded request resolves to null', async () => {
    const first = service.fanCharts({ model: linear, runs: 2000, seed: 1 });
    const second = service.fanCharts({ model: linear, runs: 100, seed: 1 });
    expect(await first).toBeNull();
    expect((await second)!.length).toBe(3);
  });
  it('returns tornado bars for one KPI, largest first', async () => {
    const r = await service.tornado({ model: linear, method: 'sobol', samples: 1024, seed: 1, output: 'level', year: 2035, bootstrap: 20 });
    expect(r!.bars.map((b) => b.param).slice(0, 2)).toEqual(['b', 'a']);
    expect(r!.bars[0].low).toBeLessThanOrEqual(r!.bars[0].value);
    expect(r!.report.evaluations).toBe(1024 * 6);
  });
});
