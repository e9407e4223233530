import { describe, expect, it } from 'vitest';
import { bandFactor, withForecastError } from '../../src/model/analysis/forecast-error.ts';
import type { RunTable } from '../../src/model/analysis/summarize.ts';

/** A table of `runs` identical runs: outputs a, b, c, each 100 at every time 2020–2035. */
function table(runs: number, start = 0): RunTable {
  const times = Array.from({ length: 16 }, (_, i) => 2020 + i);
  return { start, count: runs, params: [], outputs: ['a', 'b', 'c'], times, paramValues: new Float64Array(0), values: new Float64Array(runs * 3 * times.length).fill(100) };
}
const spec = { origin: 2022, outputs: { a: { group: 'g', sigma: 0.2 }, b: { group: 'g', sigma: 0.1 } } };
const at = (t: RunTable, r: number, o: number, i: number) => t.values[r * t.outputs.length * t.times.length + o * t.times.length + i];

describe('forecast error as a random walk in logs after the last observation', () => {
  it('leaves values up to the origin and outputs without a scale unchanged', () => {
    const t = withForecastError(table(50), spec, 1);
    for (let r = 0; r < 50; r++) {
      for (let i = 0; i <= 2; i++) expect([at(t, r, 0, i), at(t, r, 1, i)]).toEqual([100, 100]);
      for (let i = 0; i < 16; i++) expect(at(t, r, 2, i)).toBe(100);
    }
    // The input table is not changed.
    expect(table(1).values.every((v) => v === 100)).toBe(true);
  });

  it('spreads the log values by σ·√(years ahead), and one group shares one walk', () => {
    const n = 4000;
    const t = withForecastError(table(n), spec, 7);
    const sd = (o: number, i: number) => {
      const xs = Array.from({ length: n }, (_, r) => Math.log(at(t, r, o, i) / 100));
      const m = xs.reduce((s, x) => s + x, 0) / n;
      return { m, sd: Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1)) };
    };
    // 1, 4 and 13 years ahead: sd 0.2, 0.4, 0.2·√13 (within sampling error, ~2.5 % of the sd at n = 4000).
    for (const [i, h] of [[3, 1], [6, 4], [15, 13]]) {
      const s = sd(0, i);
      expect(s.sd).toBeGreaterThan(0.2 * Math.sqrt(h) * 0.93);
      expect(s.sd).toBeLessThan(0.2 * Math.sqrt(h) * 1.07);
      expect(Math.abs(s.m)).toBeLessThan(0.2 * Math.sqrt(h) * 0.06);
    }
    // b walks with a at half its scale: log b = log a / 2 in every run and year.
    for (let r = 0; r < 20; r++) for (let i = 3; i < 16; i++) expect(Math.log(at(t, r, 1, i) / 100)).toBeCloseTo(Math.log(at(t, r, 0, i) / 100) / 2, 12);
  });

  it('gives each run the same walk however the runs are split (seeded by seed and run index)', () => {
    const whole = withForecastError(table(10), spec, 'x');
    const tail = withForecastError(table(4, 6), spec, 'x');
    const K = 3 * 16;
    expect(Array.from(tail.values)).toEqual(Array.from(whole.values.subarray(6 * K)));
    expect(Array.from(withForecastError(table(10), spec, 'y').values)).not.toEqual(Array.from(whole.values));
  });

  it('with replicates, repeats each run with its own walks, in run order', () => {
    const t = table(3);
    t.values.forEach((_, i) => (t.values[i] = 100 + Math.floor(i / 48)));
    const rep = withForecastError(t, spec, 3, 4);
    expect(rep.count).toBe(12);
    for (let r = 0; r < 12; r++) {
      // Up to the origin, and for output c, each replicate is its run.
      expect(at(rep, r, 0, 2)).toBe(100 + Math.floor(r / 4));
      expect(at(rep, r, 2, 15)).toBe(100 + Math.floor(r / 4));
    }
    // Replicates of one run differ after the origin.
    expect(new Set([0, 1, 2, 3].map((r) => at(rep, r, 0, 15))).size).toBe(4);
  });
});

describe('the band factor of a log-normal error', () => {
  it('spans the central 90 % (or another level) of exp(σ·√years·Z)', () => {
    expect(bandFactor(0.2, 4)).toBeCloseTo(Math.exp(1.6448536269514722 * 0.4), 9);
    expect(bandFactor(0.1, 1, 0.5)).toBeCloseTo(Math.exp(0.6744897501960817 * 0.1), 9);
    expect(bandFactor(0.3, 0)).toBe(1);
  });
});
