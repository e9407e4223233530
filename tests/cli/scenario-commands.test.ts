import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderScenarioRun } from '../../src/cli/commands/run-scenario.ts';
import { chooseFormat, parseYears, renderComparison } from '../../src/cli/commands/compare.ts';
import { CliError } from '../../src/cli/errors.ts';
import { defaultLeverConstants } from '../../src/model/scenario/levers.ts';
import { fakeModel } from './fake-model.ts';
import { ROOT } from './run-cli.ts';

const scen = (name: string) => `${ROOT}scenarios/${name}.json`;
const dir = mkdtempSync(join(tmpdir(), 'cy-cmd-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return (err as Error).message;
  }
  throw new Error('expected a CliError');
};

describe('run SCENARIO.json (logic, with a stand-in model)', () => {
  it('passes the scenario as lever constants over the defaults, and its simulation settings', () => {
    const m = fakeModel();
    renderScenarioRun(scen('science-city'), {}, m);
    expect(m.calls[0].constants).toEqual({ ...defaultLeverConstants(), lever_science_city_investment: 50, lever_science_city_sharing: 0.5 });
    expect(m.calls[0].settings).toEqual({ stop: 2035, method: undefined, dt: undefined });
    renderScenarioRun(scen('baseline'), {}, m);
    expect(m.calls[1].constants).toEqual(defaultLeverConstants());
    expect(m.calls[1].settings).toEqual({ stop: 2035, method: 'euler', dt: 0.125 });
  });
  it('applies --set overrides on top of the file', () => {
    const m = fakeModel();
    renderScenarioRun(scen('science-city'), { set: ['science_city.investment=80', 'parks.count=3'] }, m);
    expect(m.calls[0].constants.lever_science_city_investment).toBe(80);
    expect(m.calls[0].constants.lever_parks_count).toBe(3);
  });
  it('lets --method override the scenario\'s method, and names a bad one', () => {
    const m = fakeModel();
    const out = JSON.parse(renderScenarioRun(scen('baseline'), { method: 'rk4', format: 'json' }, m));
    expect(m.calls[0].settings.method).toBe('rk4');
    expect(out.provenance.method).toBe('rk4');
    expect(out.provenance.scenario.simulation.method).toBe('rk4');
    expect(errorOf(() => renderScenarioRun(scen('baseline'), { method: 'heun' }, m))).toBe('--method: "heun" is not allowed; allowed: euler, rk4');
  });
  it('writes CSV of the headline and per-node columns by default', () => {
    const csv = renderScenarioRun(scen('baseline'), {}, fakeModel());
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('time,hte_circle,rd_intensity_circle,policy_cost,hte[chengdu],hte[bishan]');
    expect(lines).toHaveLength(162);
    expect(lines[1]).toBe('2015,1000,2,0,500,50');
  });
  it('writes only --vars columns, expanding array names', () => {
    const csv = renderScenarioRun(scen('baseline'), { vars: 'policy_cost,knowledge' }, fakeModel());
    expect(csv.split('\n')[0]).toBe('time,policy_cost,knowledge[chengdu]');
  });
  it('writes JSON with the provenance needed to reproduce the run', () => {
    const out = JSON.parse(renderScenarioRun(scen('parks'), { format: 'json', set: ['parks.count=9'], vars: 'hte' }, fakeModel()));
    expect(out.provenance.model_version).toBe('fake-v1');
    expect(out.provenance.tool).toMatch(/^chengyu-sim \d+\.\d+\.\d+/);
    expect(out.provenance.method).toBe('euler');
    expect(out.provenance.dt).toBe(0.25);
    expect(out.provenance.overrides).toEqual(['parks.count=9']);
    expect(out.provenance.scenario.id).toBe('parks');
    expect(out.provenance.scenario.levers.parks).toEqual({ count: 9, origin_share: 0.5, start_year: 2026 });
    expect(out.provenance.scenario.levers.corridor).toEqual({ integration: 0, start_year: 2026 });
    expect(out.provenance.scenario.simulation).toEqual({ end: 2035, method: 'euler', dt: 0.25 });
    expect(Object.keys(out.series)).toEqual(['hte[chengdu]', 'hte[bishan]']);
    expect(out.series['hte[chengdu]'][0]).toBe(509);
  });
  it('rejects bad input with one line naming what and where, before running', () => {
    const m = fakeModel();
    expect(errorOf(() => renderScenarioRun(scen('baseline'), { set: ['parks.count=99'] }, m))).toBe(
      '--set: parks.count: 99 is out of range; allowed: an integer in [0, 20] (parks)',
    );
    const bad = write('bad.json', '{"id":"b","title":{"zh":"a","en":"b"},"levers":{"corridor":{"integration":1.5}}}');
    expect(errorOf(() => renderScenarioRun(bad, {}, m))).toBe(
      `${bad}: levers.corridor.integration: 1.5 is out of range; allowed: a number in [0, 1] (share (0–1))`,
    );
    expect(errorOf(() => renderScenarioRun(join(dir, 'missing.json'), {}, m))).toBe(`${join(dir, 'missing.json')}: cannot read the scenario file (no such file)`);
    expect(errorOf(() => renderScenarioRun(scen('baseline'), { format: 'xlsx' }, m))).toBe('--format: "xlsx" is not allowed; allowed: csv, json');
    expect(m.calls).toHaveLength(0);
    expect(errorOf(() => renderScenarioRun(scen('baseline'), { vars: 'hte_mars' }, m))).toMatch(/^--vars: unknown variable "hte_mars"; available: hte_circle/);
    expect(errorOf(() => renderScenarioRun(scen('baseline'), { vars: ',' }, m))).toMatch(/^--vars: no variable named/);
  });
});

describe('compare (logic, with a stand-in model)', () => {
  it('compares against the first scenario at 2025, 2030, 2035', () => {
    const csv = renderComparison([scen('baseline'), scen('science-city')], { format: 'csv' }, fakeModel(), false);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('kpi,unit,year,baseline,science_city,science_city_diff,science_city_pct');
    expect(lines).toContain('hte_circle,enterprises,2035,1200,1250,50,4.166666666666667');
    expect(lines).toContain('policy_cost,100 million CNY/yr,2030,0,50,50,');
  });
  it('renders a table on a terminal, CSV otherwise, as asked', () => {
    expect(chooseFormat(undefined, true)).toBe('table');
    expect(chooseFormat(undefined, false)).toBe('csv');
    expect(chooseFormat('json', true)).toBe('json');
    const t = renderComparison([scen('baseline'), scen('science-city')], { lang: 'zh' }, fakeModel(), true);
    expect(t).toContain('baseline: 基准情景（参照）');
    expect(t).toMatch(/高新技术企业数（双城经济圈）\s+家\s+2035\s+1200\s+1250\s+\+50\s+\+4\.2%/);
  });
  it('takes --years and carries provenance in JSON', () => {
    const j = JSON.parse(renderComparison([scen('baseline'), scen('rd-support')], { format: 'json', years: '2021,2035' }, fakeModel(), false));
    expect(j.years).toEqual([2021, 2035]);
    expect(j.model_version).toBe('fake-v1');
    expect(j.resolved_scenarios[1].levers.rd_support).toEqual({ extra_share_gdp: 0.5, start_year: 2026 });
    expect(j.resolved_scenarios[0].simulation).toEqual({ end: 2035, method: 'euler', dt: 0.125 });
    const rd = j.rows.find((r: { kpi: string; year: number }) => r.kpi === 'rd_intensity_circle' && r.year === 2035);
    expect(rd.values).toEqual([2, 2.5]);
  });
  it('rejects bad input before running anything', () => {
    const m = fakeModel();
    expect(errorOf(() => renderComparison([scen('baseline')], {}, m, false))).toMatch(/at least two scenario files/);
    const bad = write('bad2.json', '{"id":"b","title":{"zh":"a","en":"b"},\n"levers":{"parks":{"count":2.5}}}');
    expect(errorOf(() => renderComparison([scen('baseline'), bad], {}, m, false))).toBe(
      `${bad}: levers.parks.count: 2.5 is not a whole number; allowed: an integer in [0, 20] (parks)`,
    );
    expect(m.calls).toHaveLength(0);
    expect(errorOf(() => parseYears('2025,2040'))).toBe('--years: "2040" is not allowed; allowed: integer years in [2015, 2035]');
    expect(errorOf(() => parseYears('soon'))).toContain('"soon" is not allowed');
  });
});
