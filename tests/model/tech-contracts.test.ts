import { describe, expect, it } from 'vitest';
import { runChengyu, NODES } from '../../src/model/chengyu/index.ts';
import { paperPackageConstants, valueAt } from '../../src/model/chengyu/experiments.ts';
import { PARAMETER_INDEX } from '../../src/model/chengyu/parameters.ts';
import { CALIBRATED_VALUES } from '../../src/model/chengyu/equations.ts';
import { LEVERS } from '../../src/model/scenario/levers.ts';
import type { RunResult } from '../../src/model/engine/types.ts';

const base = runChengyu();
const pkg = runChengyu(paperPackageConstants());
const ceiling = CALIBRATED_VALUES.tech_turnover_ceiling ?? (PARAMETER_INDEX.get('tech_turnover_ceiling')!.value as number);
const share = (r: RunResult, region: string, y: number) => valueAt(r, `tech_contracts_${region}`, y) / valueAt(r, `gdp_${region}`, y);
const allMax = () => {
  const c: Record<string, number> = {};
  for (const l of LEVERS) for (const f of l.fields) c[`lever_${l.id}_${f.field}`] = f.field === 'start_year' ? 2021 : f.max;
  return c;
};

describe('technology-contract turnover', () => {
  it("fits Sichuan's registered turnover 2018 and 2021 and Chongqing's 2022 within 20 %, on the registered basis (not the paper's 1 621.3)", () => {
    expect(Math.abs(valueAt(base, 'tech_contracts_sichuan', 2018) / 1004.18 - 1)).toBeLessThan(0.2);
    expect(Math.abs(valueAt(base, 'tech_contracts_sichuan', 2021) / 1396.7 - 1)).toBeLessThan(0.2);
    expect(Math.abs(valueAt(base, 'tech_contracts_chongqing', 2022) / 630.4 - 1)).toBeLessThan(0.2);
    // The paper's circle total is on another basis (its Chengdu figure exceeds all of Sichuan's registered turnover).
    expect(valueAt(base, 'tech_contracts_circle', 2018)).toBeLessThan(1621.3);
  });

  it('stays below the ceiling share of GDP in every province and year, even with every lever at its maximum', () => {
    for (const r of [base, pkg, runChengyu(allMax())]) {
      for (let y = 2015; y <= 2035; y++) {
        for (const region of ['sichuan', 'chongqing', 'circle']) expect(share(r, region, y), `${region} ${y}`).toBeLessThan(ceiling);
      }
    }
  });

  it('grows ever more slowly as it approaches the ceiling (baseline 2035 share well below Beijing-level)', () => {
    const g = (a: number, b: number) => (valueAt(base, 'tech_contracts_circle', b) / valueAt(base, 'tech_contracts_circle', a)) ** (1 / (b - a)) - 1;
    expect(g(2025, 2035)).toBeLessThan(g(2018, 2025));
    expect(g(2030, 2035)).toBeLessThan(g(2025, 2030));
    expect(share(base, 'circle', 2035)).toBeLessThan(0.6 * ceiling);
  });

  it('the paper package raises turnover by tens of percent, not multiples', () => {
    const rise = valueAt(pkg, 'tech_contracts_circle', 2035) / valueAt(base, 'tech_contracts_circle', 2035) - 1;
    expect(rise).toBeGreaterThan(0.1);
    expect(rise).toBeLessThan(1);
  });

  it('realises ceiling × GDP × P / (ceiling × GDP + P) of the potential P per province', () => {
    // An identity at each instant (year means of products differ from products of year means).
    const pkg = runChengyu(paperPackageConstants(), { sim: { saveMode: 'instant' } });
    for (const prov of ['sichuan', 'chongqing'] as const) {
      const ids = NODES.filter((n) => n.province === prov).map((n) => n.id);
      for (const y of [2018, 2035]) {
        const P = ids.reduce((s, id) => s + valueAt(pkg, `tech_potential[${id}]`, y), 0);
        const Y = valueAt(pkg, `gdp_${prov}`, y);
        expect(valueAt(pkg, `tech_contracts_${prov}`, y)).toBeCloseTo((ceiling * Y * P) / (ceiling * Y + P), 6);
      }
    }
  });

  it('a higher ceiling lets more of the potential through', () => {
    const at = (c: number) => valueAt(runChengyu({}, { parameters: { tech_turnover_ceiling: c } }), 'tech_contracts_circle', 2035);
    expect(at(0.25)).toBeGreaterThan(at(0.19));
    expect(at(0.19)).toBeGreaterThan(at(0.1));
  });
});
