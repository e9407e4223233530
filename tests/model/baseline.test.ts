import { describe, expect, it } from 'vitest';
import { runChengyu, getChengyuModel, checkTargets, fitReport, REGIONS, headlineOutputs, NODE_IDS } from '../../src/model/chengyu/index.ts';
import { valueAt } from '../../src/model/chengyu/experiments.ts';

const base = runChengyu();

describe('calibrated baseline', () => {
  it('meets every acceptance target of the calibration', () => {
    const checks = checkTargets(base);
    expect(checks).toHaveLength(9);
    for (const c of checks) expect(c.value, c.name).toBeLessThanOrEqual(c.limit);
  });

  it('fits each Table-2 enterprise series within 5 % MAPE', () => {
    const report = fitReport(base);
    for (const s of ['hte_sichuan (Table 2)', 'hte_chengdu_city (Table 2)', 'hte_chongqing (Table 2)']) {
      const series = report.series.find((x) => x.series === s)!;
      expect(series.rows.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018]);
      expect(series.mape, s).toBeLessThan(5);
    }
  });

  it('reports observed, simulated, error and MAPE per series', () => {
    const row = fitReport(base).series.flatMap((s) => s.rows).find((r) => r.output === 'rd_intensity_sichuan')!;
    expect(row.observed).toBe(1.81);
    expect(row.simulated).toBeCloseTo(valueAt(base, 'rd_intensity_sichuan', 2018), 12);
    expect(row.error).toBeCloseTo(row.simulated - 1.81, 12);
  });

  it('starts from the 2015 Table-2 counts', () => {
    expect(valueAt(base, 'hte_sichuan', 2015)).toBeCloseTo(2614, 6);
    expect(valueAt(base, 'hte_chengdu_city', 2015)).toBeCloseTo(1706, 6);
    expect(valueAt(base, 'hte_chongqing', 2015)).toBeCloseTo(940, 6);
  });

  it('makes each regional output the sum of its nodes', () => {
    for (const r of REGIONS) {
      for (const y of [2015, 2025, 2035]) {
        const sum = r.nodes.reduce((s, n) => s + valueAt(base, `hte[${n}]`, y), 0);
        expect(valueAt(base, `hte_${r.id}`, y)).toBeCloseTo(sum, 6);
        const tc = r.nodes.reduce((s, n) => s + valueAt(base, `tech_contracts[${n}]`, y), 0);
        expect(valueAt(base, `tech_contracts_${r.id}`, y)).toBeCloseTo(tc, 6);
      }
    }
  });

  it('computes R&D intensity as percent of GDP', () => {
    const rd = valueAt(base, 'rd_expenditure_chongqing', 2030);
    const gdp = valueAt(base, 'gdp_chongqing', 2030);
    expect(valueAt(base, 'rd_intensity_chongqing', 2030)).toBeCloseTo((100 * rd) / gdp, 10);
  });

  it('exposes every headline output and per-node arrays, yearly 2015–2035', () => {
    expect(Array.from(base.times)).toEqual(Array.from({ length: 21 }, (_, i) => 2015 + i));
    for (const n of headlineOutputs) expect(base.series.has(n), n).toBe(true);
    for (const id of NODE_IDS) expect(base.series.has(`hte[${id}]`), id).toBe(true);
    expect(valueAt(base, 'policy_cost', 2035)).toBe(0);
    expect(valueAt(base, 'policy_cost_cumulative', 2035)).toBe(0);
  });

  it('grows but stays plausible to 2035', () => {
    const h35 = valueAt(base, 'hte_circle', 2035);
    expect(h35).toBeGreaterThan(valueAt(base, 'hte_circle', 2020));
    expect(h35).toBeLessThan(200_000);
    expect(valueAt(base, 'rd_intensity_circle', 2035)).toBeLessThan(6);
  });

  it('is deterministic and the same under RK4 within a small tolerance', () => {
    const again = runChengyu();
    expect(Array.from(again.series.get('hte_circle')!)).toEqual(Array.from(base.series.get('hte_circle')!));
    const rk4 = runChengyu({}, { method: 'rk4' });
    const rel = Math.abs(valueAt(rk4, 'hte_circle', 2035) / valueAt(base, 'hte_circle', 2035) - 1);
    expect(rel).toBeLessThan(0.05);
  });

  it('takes parameter overrides as run constants without recompiling', () => {
    const model = getChengyuModel();
    const r = runChengyu({}, { parameters: { knowledge_depreciation: 0.3 } });
    expect(getChengyuModel()).toBe(model);
    expect(valueAt(r, 'hte_circle', 2035)).not.toBe(valueAt(base, 'hte_circle', 2035));
    expect(() => runChengyu({}, { parameters: { no_such_parameter: 1 } })).toThrow(/no_such_parameter/);
    expect(() => runChengyu({}, { parameters: { 'talent_per_hte[atlantis]': 1 } })).toThrow(/atlantis/);
    expect(() => runChengyu({}, { parameters: { knowledge_depreciation: Number.NaN } })).toThrow(/knowledge_depreciation.*finite/);
    expect(valueAt(runChengyu({}, { parameters: { 'talent_per_hte[chengdu]': 30 } }), 'talent[chengdu]', 2015)).toBeCloseTo(30 * valueAt(base, 'hte[chengdu]', 2015), 6);
  });
});
