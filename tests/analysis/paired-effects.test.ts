import { describe, expect, it } from 'vitest';
import { pairedDifferences, pairedEffect } from '../../src/model/analysis/paired-effects.js';

describe('pairedEffect', () => {
  it('takes differences draw by draw, so a shared spread cancels', () => {
    // Baseline varies widely; the package adds exactly 10 in every draw.
    const base = [100, 300, 50, 900, 420];
    const pkg = base.map((b) => b + 10);
    const e = pairedEffect(base, pkg, 9.5);
    expect(e.n).toBe(5);
    expect(e.mean).toBe(10);
    expect(e.p5).toBe(10);
    expect(e.p95).toBe(10);
    expect(e.probabilityAbove).toBe(1);
  });

  it('gives type-7 percentiles and the share strictly above the threshold', () => {
    const base = [0, 0, 0, 0, 0];
    const pkg = [5, 1, 4, 2, 3];
    const e = pairedEffect(base, pkg, 3);
    expect(e.p50).toBe(3);
    expect(e.p25).toBe(2);
    expect(e.p5).toBeCloseTo(1.2, 12);
    expect(e.probabilityAbove).toBeCloseTo(0.4, 12);
  });

  it('drops pairs with a non-finite value and counts them', () => {
    const e = pairedEffect([1, NaN, 1, 1], [2, 2, Infinity, 3]);
    expect(e.n).toBe(2);
    expect(e.dropped).toBe(2);
    expect(e.mean).toBe(1.5);
    expect(Number.isNaN(e.probabilityAbove)).toBe(true);
  });

  it('refuses runs of different lengths', () => {
    expect(() => pairedDifferences([1, 2], [1])).toThrow(/differ in length/);
  });
});
