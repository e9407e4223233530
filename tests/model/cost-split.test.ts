import { describe, expect, it } from 'vitest';
import { runChengyu } from '../../src/model/chengyu/index.ts';
import { COST_SPLIT_OUTPUTS } from '../../src/model/chengyu/outputs.ts';
import { PAPER_PACKAGE, paperPackageConstants, valueAt } from '../../src/model/chengyu/experiments.ts';

const YEARS = [2025, 2026, 2030, 2035];

/** Sum of outputs at a year. */
const sum = (r: ReturnType<typeof runChengyu>, names: readonly string[], y: number) => names.reduce((s, n) => s + valueAt(r, n, y), 0);

describe('who pays the policy cost', () => {
  const settings: Array<[string, Record<string, number>]> = [
    ['the paper package', paperPackageConstants()],
    ...Object.entries(PAPER_PACKAGE).map(([id, c]): [string, Record<string, number>] => [id, { ...c }]),
    ['parks with the origin taking 80 %', { ...PAPER_PACKAGE.parks, lever_parks_origin_share: 0.8, lever_parks_count: 12 }],
  ];

  it.each(settings)('%s: the province parts and the area parts each sum to the total, every year', (_name, constants) => {
    const r = runChengyu(constants);
    for (const y of YEARS) {
      const total = valueAt(r, 'policy_cost', y);
      expect(sum(r, COST_SPLIT_OUTPUTS.province, y), `province ${y}`).toBeCloseTo(total, 9);
      expect(sum(r, COST_SPLIT_OUTPUTS.area, y), `area ${y}`).toBeCloseTo(total, 9);
      const parks = valueAt(r, 'park_cost_total', y);
      expect(sum(r, COST_SPLIT_OUTPUTS.parksProvince, y), `parks province ${y}`).toBeCloseTo(parks, 9);
      expect(sum(r, COST_SPLIT_OUTPUTS.parksArea, y), `parks area ${y}`).toBeCloseTo(parks, 9);
      for (const n of [...COST_SPLIT_OUTPUTS.province, ...COST_SPLIT_OUTPUTS.area]) expect(valueAt(r, n, y), `${n} ${y}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('the parks cost count × cost per park from their start year, and the origin share decides the cores\' part', () => {
    for (const origin of [0.2, 0.5, 0.8]) {
      const r = runChengyu({ ...PAPER_PACKAGE.parks, lever_parks_origin_share: origin });
      expect(valueAt(r, 'park_cost_total', 2025)).toBe(0);
      expect(valueAt(r, 'park_cost_total', 2030)).toBeCloseTo(6 * 2, 9);
      expect(valueAt(r, 'park_cost_core', 2030)).toBeCloseTo(6 * 2 * origin, 9);
      expect(valueAt(r, 'park_cost_noncore_zones', 2030)).toBeCloseTo(6 * 2 * (1 - origin), 9);
    }
  });

  it('the joint programmes are split between the provinces and counted outside the zones', () => {
    const r = runChengyu({ ...PAPER_PACKAGE.corridor });
    const total = valueAt(r, 'policy_cost', 2030);
    expect(total).toBeGreaterThan(0);
    expect(valueAt(r, 'policy_cost_sichuan', 2030)).toBeCloseTo(total / 2, 9);
    expect(valueAt(r, 'policy_cost_outside_zones', 2030)).toBeCloseTo(total, 9);
    expect(valueAt(r, 'policy_cost_core', 2030)).toBe(0);
  });

  it('the science city is paid where it is built: in the two cores, half each', () => {
    const r = runChengyu({ ...PAPER_PACKAGE.science_city });
    const total = valueAt(r, 'policy_cost', 2030);
    expect(valueAt(r, 'policy_cost_core', 2030)).toBeCloseTo(total, 9);
    expect(valueAt(r, 'policy_cost_chongqing', 2030)).toBeCloseTo(total / 2, 9);
  });

  it('at the baseline every part is zero', () => {
    const r = runChengyu();
    for (const n of [...COST_SPLIT_OUTPUTS.province, ...COST_SPLIT_OUTPUTS.area, 'park_cost_total']) expect(valueAt(r, n, 2035), n).toBe(0);
  });
});
