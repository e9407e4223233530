import { describe, expect, it } from 'vitest';
import { describe as stats, describeColumns, mean, percentileSorted, sampleSd, selectOrderStatistics, STATISTICS } from '../../src/model/analysis/statistics.ts';
import seedrandom from 'seedrandom';
import { formatNumber, summaryCsv } from '../../src/model/analysis/format.ts';
import { Sampler } from '../../src/model/analysis/sampling.ts';
import { computeChunk } from '../../src/model/analysis/chunk.ts';
import { toyModel } from '../../src/model/analysis/toy-models.ts';
import { normalQuantile } from '../../src/model/analysis/normal.ts';

describe('percentiles (type 7, linear interpolation)', () => {
  it('match R quantile(type = 7) on small samples', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.05, .25, .5, .75, .95)) → 1.2 2 3 4 8.8
    const x = Float64Array.of(1, 2, 3, 4, 10);
    expect([0.05, 0.25, 0.5, 0.75, 0.95].map((p) => percentileSorted(x, p))).toEqual([
      1.2, 2, 3, 4, 8.799999999999999,
    ]);
    expect(percentileSorted(Float64Array.of(7), 0.3)).toBe(7);
    expect(percentileSorted(Float64Array.of(0, 10), 0.25)).toBe(2.5);
  });
  it('mean and sd', () => {
    const x = Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9);
    expect(mean(x)).toBe(5);
    expect(sampleSd(x)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    // One value says nothing about the spread: NaN, not 0.
    expect(sampleSd(Float64Array.of(3))).toBeNaN();
    // Compensated summation: 1e16 + 1 + -1e16 is 1, not 0.
    expect(mean(Float64Array.of(1e16, 1, -1e16))).toBeCloseTo(1 / 3, 15);
  });
  it('selection finds the values a full sort puts at each position (ties, signed zeros, sorted runs)', () => {
    const rng = seedrandom.alea('select');
    const samples: Float64Array[] = [Float64Array.of(5), Float64Array.of(2, 1), Float64Array.from({ length: 1000 }, (_, i) => i), Float64Array.from({ length: 1000 }, (_, i) => -i)];
    for (let t = 0; t < 60; t++) {
      const n = 1 + Math.floor(rng() * 400);
      const levels = 1 + Math.floor(rng() * 6); // few distinct values: many ties
      samples.push(Float64Array.from({ length: n }, () => (rng() < 0.1 ? (rng() < 0.5 ? -0 : 0) : Math.floor(rng() * levels) * (rng() < 0.5 ? 1.5 : -2.25))));
    }
    for (const xs of samples) {
      const sorted = Float64Array.from(xs).sort();
      const n = xs.length;
      const ks = [...new Set([0, Math.floor(n / 20), Math.floor(n / 4), Math.floor(n / 2), n - 1].filter((k) => k < n))].sort((a, b) => a - b);
      const got = selectOrderStatistics(xs, ks);
      for (const k of ks) expect(got[k] === sorted[k], `n=${n} k=${k}`).toBe(true); // ±0 compare equal, as they print
    }
    // The twelve positions a summary of 10 000 runs asks for at once (pairs around each
    // percentile, ends), on continuous, tied and sorted data.
    const n = 10_000;
    const ks = [0, 499, 500, 2499, 2500, 4999, 5000, 7499, 7500, 9499, 9500, 9999];
    for (const xs of [
      Float64Array.from({ length: n }, () => rng() * 100),
      Float64Array.from({ length: n }, () => Math.floor(rng() * 3)),
      Float64Array.from({ length: n }, (_, i) => n - i),
    ]) {
      const sorted = Float64Array.from(xs).sort();
      const got = selectOrderStatistics(xs, ks);
      for (const k of ks) expect(got[k], `k=${k}`).toBe(sorted[k]);
    }
  });

  it('describe gives what sorting the sample gives', () => {
    const rng = seedrandom.alea('describe');
    for (const n of [1, 2, 3, 7, 20, 101, 1000]) {
      const xs = Float64Array.from({ length: n }, () => Math.round(rng() * 50) / 7);
      const sorted = Float64Array.from(xs).sort();
      const want = [mean(xs), sampleSd(xs), sorted[0], ...[0.05, 0.25, 0.5, 0.75, 0.95].map((p) => percentileSorted(sorted, p)), sorted[n - 1]];
      expect([...stats(xs)], `n=${n}`).toEqual(want);
    }
  });

  it('describeColumns gives each column what describe gives it, across column blocks', () => {
    const rng = seedrandom.alea('columns');
    const runs = 57;
    const width = 37; // more than two gather blocks, the last one partial
    const values = Float64Array.from({ length: runs * width }, () => Math.round(rng() * 40) / 3);
    const got = describeColumns(values, runs, width);
    const S = STATISTICS.length;
    for (let k = 0; k < width; k++) {
      const col = Float64Array.from({ length: runs }, (_, r) => values[r * width + k]);
      expect([...got.subarray(k * S, (k + 1) * S)], `column ${k}`).toEqual([...stats(col)]);
    }
  });

  it('describe orders statistics as STATISTICS and propagates NaN', () => {
    const d = stats(Float64Array.of(3, 1, 2));
    expect(Object.fromEntries(STATISTICS.map((s, i) => [s, d[i]]))).toMatchObject({ mean: 2, min: 1, p50: 2, max: 3 });
    expect([...stats(Float64Array.of(1, NaN))].every(Number.isNaN)).toBe(true);
  });
});

describe('statistics of a model with a known distribution', () => {
  it('level(t) = a + b t with a ~ N(10, 2), b ~ U(0,1): percentiles at t = 0 are normal quantiles', () => {
    const model = toyModel('linear');
    const N = 20000;
    const sampler = new Sampler({ params: model.params, runs: N, seed: 5, method: 'lhs' });
    const chunk = computeChunk(model, sampler, 0, N);
    const K = model.outputs.length * model.times.length;
    const s = describeColumns(chunk.values, N, K);
    const S = STATISTICS.length;
    const at = (col: number, name: string) => s[col * S + STATISTICS.indexOf(name as never)];
    for (const [name, p] of [['p5', 0.05], ['p25', 0.25], ['p50', 0.5], ['p75', 0.75], ['p95', 0.95]] as const) {
      expect(Math.abs(at(0, name) - (10 + 2 * normalQuantile(p)))).toBeLessThan(0.03);
    }
    expect(Math.abs(at(0, 'mean') - 10)).toBeLessThan(0.01);
    expect(Math.abs(at(0, 'sd') - 2)).toBeLessThan(0.01);
    // At t = 10 (column 10): mean 10 + 10·0.5 = 15, sd √(4 + 100/12).
    expect(Math.abs(at(10, 'mean') - 15)).toBeLessThan(0.02);
    expect(Math.abs(at(10, 'sd') - Math.sqrt(4 + 100 / 12))).toBeLessThan(0.02);
  });
});

describe('formatting', () => {
  it('writes shortest round-trip numbers and the long-format CSV', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e21)).toBe('1e+21');
    const stats = new Float64Array(2 * STATISTICS.length).map((_, i) => i / 4);
    const csv = summaryCsv(['x,y'], Float64Array.of(2020, 2021), stats);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('output,time,statistic,value');
    expect(lines[1]).toBe('"x,y",2020,mean,0');
    expect(lines[2]).toBe('"x,y",2020,sd,0.25');
    expect(lines).toHaveLength(1 + 2 * STATISTICS.length);
    expect(lines.at(-1)).toBe(`"x,y",2021,max,${(2 * STATISTICS.length - 1) / 4}`);
  });
});
