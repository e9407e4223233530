import { describe, expect, it } from 'vitest';
import { fanOf } from '../../src/ui/model-bridge/uncertainty.ts';
import { headlineDraws } from '../../src/ui/model-bridge/headline-draws.ts';
import { drawsOf } from '../../src/ui/model-bridge/headline-types.ts';
import { posteriorRuns, withOutputs } from '../../src/ui/model-bridge/posterior-runs.ts';
import { paperPackageConstants } from '../../src/model/chengyu/experiments.ts';

const scales = [{ family: 'hte' as const, sigma: 0.176 }];

describe('one set of posterior runs for the headline band and the chart fan', () => {
  it('the fan read from the headline band\'s runs is the fan of its own runs, to the bit', () => {
    const c = paperPackageConstants();
    const alone = fanOf(c, 'hte_circle', 24, scales);
    const cols = ['rd_intensity_circle', 'hte_circle', 'tech_contracts_circle'];
    const draws = headlineDraws(c, cols, [2030, 2035], 24);
    const kept = posteriorRuns(c, ['hte_circle'], 24);
    // The headline band's runs are what is kept now, and the fan reads them rather than running again.
    expect(kept.outputs).toEqual(cols);
    expect(posteriorRuns(c, ['tech_contracts_circle'], 24)).toBe(kept);
    const shared = fanOf(c, 'hte_circle', 24, scales);
    expect(shared).toEqual(alone);
    expect(shared.forecast).toBeDefined();
    // The fan's 2035 median is the median of the cards' 2035 draws.
    const d = [...drawsOf(draws, 'hte_circle', 2035)!].sort((a, b) => a - b);
    const i = shared.times.indexOf(2035);
    expect(shared.p50[i]).toBeCloseTo((d[11] + d[12]) / 2, 9);
  });

  it('other settings or another number of runs are runs of their own', () => {
    const a = posteriorRuns({}, ['hte_circle'], 12);
    expect(posteriorRuns({}, ['hte_circle'], 13)).not.toBe(a);
    expect(posteriorRuns({ lever_transfer_level: 0.5 }, ['hte_circle'], 12)).not.toBe(a);
    expect(posteriorRuns({}, ['hte_circle', 'gdp_circle'], 12)).not.toBe(a);
  });

  it('picks outputs in the order asked, and names an output the runs lack', () => {
    const t = posteriorRuns({}, ['hte_circle', 'rd_intensity_circle'], 5);
    const s = withOutputs(t, ['rd_intensity_circle']);
    const T = t.times.length;
    for (let r = 0; r < 5; r++) expect(Array.from(s.values.subarray(r * T, (r + 1) * T))).toEqual(Array.from(t.values.subarray((2 * r + 1) * T, (2 * r + 2) * T)));
    expect(() => withOutputs(t, ['gdp_circle'])).toThrow(/no output gdp_circle/);
  });
});
