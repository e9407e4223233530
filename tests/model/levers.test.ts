import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runChengyu } from '../../src/model/chengyu/index.ts';
import { PAPER_PACKAGE, valueAt } from '../../src/model/chengyu/experiments.ts';
import { defaultLeverConstants, START_YEAR_RANGE } from '../../src/model/scenario/levers.ts';
import type { RunResult } from '../../src/model/engine/types.ts';

const base = runChengyu();

/** Every output but the lever inputs themselves is identical. */
function identical(a: RunResult, b: RunResult) {
  expect(a.names).toEqual(b.names);
  const outputs = a.names.filter((n) => !n.startsWith('lever_'));
  expect(outputs.length).toBeGreaterThan(500);
  for (const n of outputs) expect(Array.from(a.series.get(n)!), n).toEqual(Array.from(b.series.get(n)!));
}

/** Each lever: its intensity field, a grid over its range, the output it must raise, and context constants. */
const LEVER_CASES = [
  { lever: 'science_city', field: 'lever_science_city_investment', grid: [0, 25, 50, 100, 200], output: 'rd_intensity_circle' },
  { lever: 'rd_support', field: 'lever_rd_support_extra_share_gdp', grid: [0, 0.25, 0.5, 1, 1.5], output: 'rd_intensity_circle' },
  { lever: 'corridor', field: 'lever_corridor_integration', grid: [0, 0.25, 0.5, 0.75, 1], output: 'tech_contracts_circle' },
  { lever: 'transfer', field: 'lever_transfer_level', grid: [0, 0.25, 0.5, 0.75, 1], output: 'tech_contracts_circle' },
  { lever: 'coordination', field: 'lever_coordination_level', grid: [0, 0.25, 0.5, 0.75, 1], output: 'tech_contracts_circle' },
  { lever: 'parks', field: 'lever_parks_count', grid: [0, 3, 6, 10, 20], output: 'hte_noncore_zones' },
] as const;

describe('levers at their defaults', () => {
  it('the explicit defaults give exactly the baseline', () => {
    identical(runChengyu(defaultLeverConstants()), base);
  });

  it.each(LEVER_CASES.map((c) => c.lever))('%s at zero intensity leaves every output identical, whatever its other fields', (lever) => {
    const others = Object.fromEntries(
      Object.entries(PAPER_PACKAGE[lever]).map(([k, v]) => [k, k.endsWith('start_year') ? 2023 : /investment|integration|count|level|extra_share/.test(k) ? 0 : v]),
    );
    if (lever === 'science_city') others.lever_science_city_sharing = 0.9;
    if (lever === 'parks') others.lever_parks_origin_share = 0.3;
    identical(runChengyu(others), base);
  });
});

describe('each lever at its scenario setting', () => {
  const value = (c: Record<string, number>, out: string, y = 2035) => valueAt(runChengyu(c), out, y);

  it('science city and R&D support raise R&D intensity', () => {
    for (const l of ['science_city', 'rd_support'] as const) {
      for (const r of ['sichuan', 'chongqing', 'circle']) {
        expect(value(PAPER_PACKAGE[l], `rd_intensity_${r}`), `${l} ${r}`).toBeGreaterThan(valueAt(base, `rd_intensity_${r}`, 2035));
      }
    }
  });

  it('corridor, transfer and coordination raise technology-contract turnover', () => {
    for (const l of ['corridor', 'transfer', 'coordination'] as const) {
      for (const r of ['chengdu_city', 'chongqing', 'circle']) {
        expect(value(PAPER_PACKAGE[l], `tech_contracts_${r}`), `${l} ${r}`).toBeGreaterThan(valueAt(base, `tech_contracts_${r}`, 2035));
      }
    }
  });

  it("parks raise every non-core zone's enterprises and take formation from the cores", () => {
    const r = runChengyu(PAPER_PACKAGE.parks);
    for (const z of ['deyang', 'mianyang', 'leshan', 'zigong', 'panzhihua', 'luzhou', 'neijiang', 'yongchuan', 'bishan', 'rongchang']) {
      expect(valueAt(r, `hte[${z}]`, 2035), z).toBeGreaterThan(valueAt(base, `hte[${z}]`, 2035));
    }
    expect(valueAt(r, 'hte[chengdu]', 2035)).toBeLessThan(valueAt(base, 'hte[chengdu]', 2035));
    expect(valueAt(r, 'hte_circle', 2035)).toBeGreaterThan(valueAt(base, 'hte_circle', 2035));
  });

  it('parks work best near the 50:50 pilot rule and not at all when one side gets nothing', () => {
    const at = (s: number) => value({ lever_parks_count: 6, lever_parks_origin_share: s }, 'hte_noncore_zones');
    expect(at(0.5)).toBeGreaterThan(at(0.3));
    expect(at(0.5)).toBeGreaterThan(at(0.7));
    expect(at(0)).toBeCloseTo(valueAt(base, 'hte_noncore_zones', 2035), 6);
    expect(at(1)).toBeCloseTo(valueAt(base, 'hte_noncore_zones', 2035), 6);
  });

  it('science-city sharing spreads the facility to the other zones', () => {
    const at = (s: number) => runChengyu({ lever_science_city_investment: 50, lever_science_city_sharing: s });
    const low = at(0.1);
    const high = at(0.9);
    expect(valueAt(high, 'hte[mianyang]', 2035)).toBeGreaterThan(valueAt(low, 'hte[mianyang]', 2035));
    expect(valueAt(high, 'hte_zones12', 2035)).toBeGreaterThan(valueAt(low, 'hte_zones12', 2035));
  });

  // Time Y is the end of year Y; rates report the year's mean. A lever starting in year Y acts
  // over the whole of year Y and changes no reported value of any variable before Y.
  it.each(LEVER_CASES.map((c) => [c.lever, c] as const))('%s changes no value of any variable before its start year and acts from it', (_, c) => {
    for (const start of [START_YEAR_RANGE.min, 2021, 2026]) {
      const r = runChengyu({ ...PAPER_PACKAGE[c.lever], [`lever_${c.lever}_start_year`]: start });
      const before = Array.from(r.times).filter((t) => t < start);
      // Only the lever's setting itself (its inputs and constant transforms of them, such as a
      // saturating response) may differ: constant over time, they describe the package, not the economy.
      const setting = (n: string) => new Set(r.series.get(n)!).size === 1;
      for (const n of r.names) {
        const changed = before.filter((y) => valueAt(r, n, y) !== valueAt(base, n, y));
        if (changed.length && setting(n)) continue;
        expect(changed, `${n} with a start in ${start}`).toEqual([]);
      }
      expect(valueAt(r, c.output, start + 4)).toBeGreaterThan(valueAt(base, c.output, start + 4));
    }
  });

  it("puts a lever's spending in its start year's figure, the whole year of it", () => {
    for (const start of [START_YEAR_RANGE.min, 2021, 2026]) {
      const r = runChengyu({ ...PAPER_PACKAGE.science_city, lever_science_city_start_year: start });
      expect(valueAt(r, 'policy_cost', start - 1)).toBe(0);
      expect(valueAt(r, 'policy_cost', start)).toBeCloseTo(50, 12);
      expect(valueAt(r, 'policy_cost_cumulative', start)).toBeCloseTo(50, 12);
      expect(valueAt(r, 'policy_cost_cumulative', start - 1)).toBe(0);
    }
  });

  it('facilities take years to build: science-city capacity lags its spending', () => {
    const r = runChengyu(PAPER_PACKAGE.science_city);
    expect(valueAt(r, 'facility', 2026)).toBeLessThan(0.1 * 50);
    expect(valueAt(r, 'facility', 2031)).toBeGreaterThan(valueAt(r, 'facility', 2028));
  });
});

describe('effects grow monotonically with diminishing returns', () => {
  it.each(LEVER_CASES.map((c) => [c.lever, c] as const))('%s', (_, c) => {
    const ys = c.grid.map((x) => valueAt(runChengyu({ [c.field]: x }), c.output, 2035));
    const slopes = ys.slice(1).map((y, i) => (y - ys[i]) / (c.grid[i + 1] - c.grid[i]));
    for (const s of slopes) expect(s).toBeGreaterThan(0);
    for (let i = 1; i < slopes.length; i++) expect(slopes[i]).toBeLessThan(slopes[i - 1]);
  });
});

describe('scenario files', () => {
  it('use the settings the experiments use', () => {
    const read = (f: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8'));
    const pkg = read('paper-package.json').levers as Record<string, Record<string, number>>;
    const files: Record<string, string> = { science_city: 'science-city.json', corridor: 'corridor.json', parks: 'parks.json', coordination: 'coordination.json', transfer: 'transfer.json', rd_support: 'rd-support.json' };
    for (const [lever, fields] of Object.entries(pkg)) {
      const asConstants = Object.fromEntries(Object.entries(fields).map(([f, v]) => [`lever_${lever}_${f}`, v]));
      expect(asConstants, lever).toEqual(PAPER_PACKAGE[lever]);
      expect(read(files[lever]).levers[lever], lever).toEqual(fields);
    }
  });
});
