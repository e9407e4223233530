import { describe, expect, it } from 'vitest';
import { compareRuns, differences, headlineKpis, valueAt } from '../../src/model/scenario/compare.ts';
import { comparisonCsv, comparisonJson, comparisonTable, readable, readablePct } from '../../src/model/scenario/compare-format.ts';
import { displayWidth, renderTable } from '../../src/cli/text-table.ts';
import { fakeRun } from './fake-run.ts';

const quarterly = Array.from({ length: 81 }, (_, i) => 2015 + i * 0.25);
const A = fakeRun({ hte_circle: (t) => 100 * (t - 2014), rd_intensity_sichuan: () => 2, policy_cost: () => 0 }, quarterly);
const B = fakeRun({ hte_circle: (t) => 110 * (t - 2014), rd_intensity_sichuan: () => 2.5, policy_cost: () => 10 }, quarterly);
const sc = (id: string) => ({ id, title: { zh: `情景${id}`, en: `Scenario ${id}` } });

describe('comparison arithmetic', () => {
  it('reads the value at a saved year exactly, NaN when absent', () => {
    expect(valueAt(A, 'hte_circle', 2030)).toBe(1600);
    expect(valueAt(A, 'hte_circle', 2036)).toBeNaN();
    expect(valueAt(A, 'nope', 2030)).toBeNaN();
    expect(valueAt(A, 'hte_circle', 2030.1)).toBeNaN();
  });
  it('computes differences and percentages against the first value', () => {
    expect(differences([200, 250, 150])).toEqual({ diff: [0, 50, -50], pct: [0, 25, -25] });
    expect(differences([0, 10]).pct).toEqual([null, null]);
    expect(differences([-4, -2]).pct).toEqual([0, 50]);
    expect(differences([NaN, 1]).pct).toEqual([null, null]);
  });
  it('compares runs at 2025, 2030, 2035 for the KPIs present', () => {
    const c = compareRuns([{ scenario: sc('a'), result: A }, { scenario: sc('b'), result: B }]);
    expect(c.kpis.map((k) => k.name)).toEqual(['hte_circle', 'rd_intensity_sichuan', 'policy_cost']);
    expect(c.rows).toHaveLength(9);
    const r = c.rows.find((x) => x.kpi === 'hte_circle' && x.year === 2035)!;
    expect(r.values).toEqual([2100, 2310]);
    expect(r.diff).toEqual([0, 210]);
    expect(r.pct[1]).toBeCloseTo(10, 12);
    const cost = c.rows.find((x) => x.kpi === 'policy_cost' && x.year === 2025)!;
    expect(cost.pct).toEqual([null, null]);
  });
  it('labels every headline KPI in both languages', () => {
    for (const k of headlineKpis()) expect(k.label.zh && k.label.en && k.unit.zh && k.unit.en).toBeTruthy();
  });
});

describe('comparison output', () => {
  const c = compareRuns([{ scenario: sc('a'), result: A }, { scenario: sc('b'), result: B }, { scenario: sc('b'), result: A }]);
  it('formats readable numbers', () => {
    expect([readable(2310.4), readable(25.04), readable(2.345), readable(0.1234), readable(NaN)]).toEqual(['2310', '25.0', '2.35', '0.123', '—']);
    expect([readable(210, true), readable(-0.0001, true), readable(0, true), readable(0.5, true, 2), readable(50, true, 1200)]).toEqual(['+210', '0.000', '0', '+0.50', '+50']);
    expect([readablePct(10), readablePct(-2.04), readablePct(null), readablePct(0.01)]).toEqual(['+10.0%', '-2.0%', '—', '0.0%']);
  });
  it('renders a table with the reference and Δ columns, ids made unique', () => {
    const t = comparisonTable(c, 'en', renderTable);
    expect(t).toContain('a: Scenario a (reference)');
    expect(t).toMatch(/KPI\s+unit\s+year\s+a\s+b\s+Δ b\s+Δ% b\s+b#2\s+Δ b#2\s+Δ% b#2/);
    expect(t).toMatch(/High-tech enterprises, Twin-city circle\s+enterprises\s+2035\s+2100\s+2310\s+\+210\s+\+10\.0%\s+2100\s+0\s+0\.0%/);
    const zh = comparisonTable(c, 'zh', renderTable);
    expect(zh).toContain('高新技术企业数（双城经济圈）');
  });
  it('writes CSV at full precision with one row per KPI and year', () => {
    const lines = comparisonCsv(c).trimEnd().split('\n');
    expect(lines[0]).toBe('kpi,unit,year,a,b,b_diff,b_pct,b_2,b_2_diff,b_2_pct');
    expect(lines).toContain('hte_circle,enterprises,2035,2100,2310,210,10,2100,0,0');
    expect(lines).toContain('policy_cost,100 million CNY/yr,2030,0,10,10,,0,0,');
    expect(lines).toHaveLength(10);
  });
  it('writes JSON with nulls for undefined percentages', () => {
    const j = JSON.parse(comparisonJson(c, { model_version: 'v' }));
    expect(j.model_version).toBe('v');
    expect(j.rows.find((r: { kpi: string }) => r.kpi === 'policy_cost').pct).toEqual([null, null, null]);
  });
});

describe('text tables', () => {
  it('counts CJK characters as two columns and aligns them', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('成都')).toBe(4);
    expect(displayWidth('（）')).toBe(4);
    const t = renderTable(['名称', 'n'], [['成都', '1'], ['abc', '22']], ['left', 'right']);
    expect(t).toBe('名称   n\n----  --\n成都   1\nabc   22\n');
  });
});

describe('markdown comparison', () => {
  it('lists the scenarios and renders a pipe table with right-aligned numbers', async () => {
    const { comparisonMarkdown } = await import('../../src/model/scenario/compare-format.ts');
    const c = compareRuns([{ scenario: sc('a'), result: A }, { scenario: sc('b'), result: B }], [2035]);
    const md = comparisonMarkdown(c, 'en');
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('- a: Scenario a (reference)');
    expect(lines[1]).toBe('- b: Scenario b');
    expect(lines[3]).toBe('| KPI | unit | year | a | b | Δ b | Δ% b |');
    expect(lines[4]).toBe('|:---|:---|---:|---:|---:|---:|---:|');
    expect(lines).toContain('| High-tech enterprises, Twin-city circle | enterprises | 2035 | 2100 | 2310 | +210 | +10.0% |');
  });
});
