import { describe, expect, it } from 'vitest';
import { UnknownVariableError, defaultColumns, headlineNames, selectColumns, splitVarList } from '../../src/model/scenario/outputs.ts';
import { csvField, numberText, runToCsv, runToJson } from '../../src/model/scenario/result-format.ts';
import { fakeRun } from './fake-run.ts';

const run = fakeRun(
  {
    internal_x: [1, 2, 3],
    hte_circle: [10, 11, 12.5],
    'hte[chengdu]': [4, 5, 6],
    'hte[bishan]': [1, 1, 1],
    policy_cost: [0, 0.1 + 0.2, NaN],
    'w[a,b]': [Infinity, -Infinity, 0],
  },
  [2015, 2015.25, 2015.5],
);

describe('output names and --vars', () => {
  it('lists the stable headline names', () => {
    const h = headlineNames();
    expect(h).toContain('hte_sichuan');
    expect(h).toContain('rd_intensity_zones12');
    expect(h).toContain('tech_contracts_chengdu_city');
    expect(h).toHaveLength(17);
  });
  it('defaults to the headline outputs the run has, then per-node hte', () => {
    expect(defaultColumns(run)).toEqual(['hte_circle', 'policy_cost', 'hte[chengdu]', 'hte[bishan]']);
  });
  it('splits var lists at commas outside brackets', () => {
    expect(splitVarList('a, hte[chengdu],w[a,b],,')).toEqual(['a', 'hte[chengdu]', 'w[a,b]']);
  });
  it('selects exact names case-insensitively and expands array names', () => {
    expect(selectColumns(run, ['HTE_circle', 'hte'])).toEqual(['hte_circle', 'hte[chengdu]', 'hte[bishan]']);
    expect(selectColumns(run, ['w[a,b]'])).toEqual(['w[a,b]']);
  });
  it('names an unknown variable and what is available', () => {
    expect(() => selectColumns(run, ['hte_mars'])).toThrow(UnknownVariableError);
    expect(() => selectColumns(run, ['hte_mars'])).toThrow(/^--vars: unknown variable "hte_mars"; available: hte_circle, policy_cost, hte\[chengdu\]/);
  });
});

describe('CSV and JSON of a run', () => {
  it('writes numbers that read back exactly, and non-finite ones by name', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(numberText(Math.PI))).toBe(Math.PI);
    expect([NaN, Infinity, -Infinity].map(numberText)).toEqual(['NaN', 'Inf', '-Inf']);
  });
  it('quotes CSV fields that need it', () => {
    expect(csvField('w[a,b]')).toBe('"w[a,b]"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('plain')).toBe('plain');
  });
  it('writes the header and one row per saved step', () => {
    expect(runToCsv(run, ['hte_circle', 'policy_cost', 'w[a,b]'])).toBe(
      'time,hte_circle,policy_cost,"w[a,b]"\n2015,10,0,Inf\n2015.25,11,0.30000000000000004,-Inf\n2015.5,12.5,NaN,0\n',
    );
  });
  it('writes JSON with provenance, units, and NaN/±Infinity as strings', () => {
    const prov = { tool: 't', model_version: 'abc', method: 'euler', dt: 0.25, start: 2015, stop: 2035, save_step: 0.25, scenario: { id: 's' } };
    const parsed = JSON.parse(runToJson(run, ['hte_circle', 'policy_cost', 'w[a,b]'], prov, (c) => (c === 'hte_circle' ? 'enterprise' : undefined)));
    expect(parsed.format).toBe('chengyu-sim/run-output/1');
    expect(parsed.provenance).toEqual(prov);
    expect(parsed.columns).toEqual(['hte_circle', 'policy_cost', 'w[a,b]']);
    expect(parsed.units).toEqual({ hte_circle: 'enterprise', policy_cost: null, 'w[a,b]': null });
    expect(parsed.times).toEqual([2015, 2015.25, 2015.5]);
    expect(parsed.series).toEqual({ hte_circle: [10, 11, 12.5], policy_cost: [0, 0.30000000000000004, 'NaN'], 'w[a,b]': ['Infinity', '-Infinity', 0] });
  });
  it('fails on a column the run does not have', () => {
    expect(() => runToCsv(run, ['nope'])).toThrow('no series named "nope"');
  });
});
