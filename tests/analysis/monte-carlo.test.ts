import { describe, expect, it } from 'vitest';
import { fanCharts, monteCarlo, monteCarloSummary } from '../../src/model/analysis/monte-carlo.ts';
import { toyModel } from '../../src/model/analysis/toy-models.ts';
import { summaryText } from '../../src/model/analysis/summarize.ts';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import { monteCarloOnPool } from '../../src/model/worker/pool-monte-carlo.ts';
import { normalQuantile } from '../../src/model/analysis/normal.ts';

describe('in-memory Monte Carlo and fan charts', () => {
  it('fan charts have ordered bands and the known quantiles of level(2025) ~ N(10, 2)', () => {
    const fans = monteCarloSummary(toyModel('linear'), 4000, 8);
    const level = fans.find((f) => f.output === 'level')!;
    expect(level.times).toHaveLength(11);
    for (let i = 0; i < 11; i++) {
      expect(level.p5[i]).toBeLessThan(level.p25[i]);
      expect(level.p25[i]).toBeLessThan(level.p50[i]);
      expect(level.p50[i]).toBeLessThan(level.p75[i]);
      expect(level.p75[i]).toBeLessThan(level.p95[i]);
    }
    expect(Math.abs(level.p95[0] - (10 + 2 * normalQuantile(0.95)))).toBeLessThan(0.05);
  });
  it('a worker pool gives the same run table as this thread', async () => {
    const pool = createNodePool(2);
    try {
      const job = { model: { kind: 'toy' as const, name: 'linear' }, runs: 500, seed: 4, sampling: 'random' as const };
      const seen: number[] = [];
      const pooled = await monteCarloOnPool(pool, job, (d) => seen.push(d), 64);
      const local = monteCarlo(toyModel('linear'), 500, 4, 'random');
      expect(summaryText(pooled)).toBe(summaryText(local));
      expect(Buffer.from(pooled.paramValues.buffer).equals(Buffer.from(local.paramValues.buffer))).toBe(true);
      expect(seen.at(-1)).toBe(500);
      expect(fanCharts(pooled)).toEqual(fanCharts(local));
    } finally {
      pool.close();
    }
  });
});
