import { describe, expect, it } from 'vitest';
import type { BatchModel } from '../../src/model/analysis/batch-model.ts';
import { commonDrawsProblem, runOnCommonDraws } from '../../src/model/analysis/common-draws.ts';
import { effectTable } from '../../src/model/analysis/effect-table.ts';
import { toyModel } from '../../src/model/analysis/toy-models.ts';

/** The linear toy model with `shift` added to every output: a "policy" of known effect. */
function shifted(shift: number): BatchModel {
  const m = toyModel('linear');
  return { ...m, run: (v, seed, out) => { m.run(v, seed, out); for (let i = 0; i < out.length; i++) out[i] += shift; } };
}

describe('runOnCommonDraws and effectTable', () => {
  it('runs every variant on the same points and seeds, so a constant shift is the effect in every draw', () => {
    const [a, b] = runOnCommonDraws([shifted(0), shifted(2.5)], 40, 9);
    expect(Array.from(b.paramValues)).toEqual(Array.from(a.paramValues));
    const cells = effectTable([a, b], [2030], new Map([['level', 2]]));
    expect(cells.map((c) => c.output)).toEqual(['level', 'ratio', 'noisy']);
    for (const c of cells) {
      expect(c.effect.mean).toBeCloseTo(2.5, 12);
      expect(c.effect.sd).toBeCloseTo(0, 12);
      expect(c.effect.p5).toBeCloseTo(2.5, 12);
    }
    expect(cells[0].effect.probabilityAbove).toBe(1);
    expect(Number.isNaN(cells[1].effect.probabilityAbove)).toBe(true);
    expect(cells[0].variantMean - cells[0].referenceMean).toBeCloseTo(2.5, 12);
  });

  it('refuses models that cannot share draws, naming them', () => {
    const other = { ...toyModel('linear'), times: Float64Array.of(2025, 2026) };
    expect(commonDrawsProblem([toyModel('linear'), other], ['base', 'short'])).toBe('short saves other times (2025–2026) than base (2025–2035)');
    expect(commonDrawsProblem([toyModel('linear'), toyModel('ishigami')], ['a', 'b'])).toBe('b has other uncertain inputs than a');
    expect(() => runOnCommonDraws([toyModel('linear'), toyModel('ishigami')], 4, 1)).toThrow(/cannot run on common draws/);
    expect(() => effectTable(runOnCommonDraws([toyModel('linear')], 2, 1), [1999])).toThrow(/1999 is not a saved time/);
  });

  it('gives an effect sd of NaN for one run (a spread needs two)', () => {
    const cells = effectTable(runOnCommonDraws([shifted(0), shifted(1)], 1, 3), [2025]);
    expect(Number.isNaN(cells[0].effect.sd)).toBe(true);
    expect(cells[0].effect.mean).toBe(1);
  });
});
