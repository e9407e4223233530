import { describe, expect, it } from 'vitest';
import { runChengyu, getChengyuModel, checkTargets, fitReport, REGIONS, headlineOutputs, NODE_IDS } from '../../src/model/chengyu/index.ts';
import { valueAt } from '../../src/model/chengyu/experiments.ts';

const base = runChengyu();

describe('calibrated baseline', () => {
  it('meets the acceptance targets of the 2015–2022 fit (enterprise MAPE ≤ 5 %, R&D intensity within 0.15 points)', () => {
    const checks = checkTargets(base);
    const named = (prefix: string) => checks.filter((c) => c.name.startsWith(prefix));
    for (const o of ['hte_sichuan MAPE 2015–2022', 'hte_chengdu_city MAPE 2015–2022', 'hte_chongqing MAPE 2015–2022', 'rd_intensity_sichuan', 'rd_intensity_chongqing']) {
      const c = named(o);
      expect(c, o).toHaveLength(1);
      expect(c[0].value, c[0].name).toBeLessThanOrEqual(c[0].limit);
    }
  });

  it('meets the technology-contract target (within 15 %) at every point but one, and within 20 % at that one', () => {
    const tech = checkTargets(base).filter((c) => c.name.startsWith('tech_contracts_'));
    expect(tech.length).toBeGreaterThanOrEqual(5);
    expect(tech.filter((c) => !c.pass).length).toBeLessThanOrEqual(1);
    for (const c of tech) expect(c.value, c.name).toBeLessThan(20);
  });

  it('fits the official year-end counts after the paper: Sichuan 2021–2022 and Chongqing 2021–2022 within 10 %', () => {
    const rows = fitReport(base).series.flatMap((s) => s.rows);
    for (const [o, y] of [['hte_sichuan', 2021], ['hte_sichuan', 2022], ['hte_chongqing', 2021], ['hte_chongqing', 2022]] as const) {
      const r = rows.find((x) => x.output === o && x.year === y)!;
      expect(Math.abs(r.errorPct), `${o} ${y}`).toBeLessThan(10);
    }
  });

  it('reports observed, simulated, error and MAPE per series', () => {
    const row = fitReport(base).series.flatMap((s) => s.rows).find((r) => r.output === 'rd_intensity_sichuan' && r.year === 2020)!;
    expect(row.observed).toBe(2.17);
    expect(row.simulated).toBeCloseTo(valueAt(base, 'rd_intensity_sichuan', 2020), 12);
    expect(row.error).toBeCloseTo(row.simulated - 2.17, 12);
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

  it('computes R&D intensity as percent of GDP (the year means of the ratio and of the flows agree closely)', () => {
    const rd = valueAt(base, 'rd_expenditure_chongqing', 2030);
    const gdp = valueAt(base, 'gdp_chongqing', 2030);
    expect(valueAt(base, 'rd_intensity_chongqing', 2030) / ((100 * rd) / gdp)).toBeCloseTo(1, 3);
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

describe('runChengyu input checks', () => {
  it('refuses lever inputs that are unknown, out of range, not whole or not finite, naming them', () => {
    expect(() => runChengyu({ lever_corridor_integration: 1.5 })).toThrow('lever input "lever_corridor_integration" (lever corridor, field integration): 1.5 is out of range; allowed: a number in [0, 1]');
    expect(() => runChengyu({ lever_parks_count: 2.5 })).toThrow('lever input "lever_parks_count" (lever parks, field count): 2.5 is not a whole number');
    expect(() => runChengyu({ lever_parks_start_year: 2015 })).toThrow(/out of range; allowed: an integer in \[2017, 2035\]/);
    expect(() => runChengyu({ lever_corridor_width: 1 })).toThrow(/"lever_corridor_width" is not a lever field/);
    expect(() => runChengyu({ lever_rd_support_extra_share_gdp: Number.NaN })).toThrow(/must be a finite number/);
    expect(valueAt(runChengyu({ lever_corridor_integration: 1 }), 'corridor_effect', 2035)).toBeGreaterThan(0);
  });

  it('refuses parameter overrides like --set: unknown, not an element, not finite, outside the plausible range', () => {
    expect(() => runChengyu({}, { parameters: { no_such_parameter: 1 } })).toThrow('parameter "no_such_parameter": "no_such_parameter" is not a parameter of the regional model');
    expect(() => runChengyu({}, { parameters: { knowledge_depreciation: 5 } })).toThrow(/^parameter "knowledge_depreciation": 5 is outside the plausible range \[[^\]]+\]/);
    expect(() => runChengyu({}, { parameters: { knowledge_depreciation: Number.POSITIVE_INFINITY } })).toThrow(/Infinity is not a finite number/);
    expect(() => runChengyu({}, { parameters: { knowledge_depreciation: 0.2 } })).not.toThrow();
  });
});
