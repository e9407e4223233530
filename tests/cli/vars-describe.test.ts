// `chengyu-sim vars [MODEL]` and `describe NAME [MODEL]` through the real command, for the
// regional model and an XMILE model: kinds, units, dimensions, names, equations, inputs,
// ranges and provenance; formats by --out extension; unknown names refused with a hint.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-vars-'));
const model = join(dir, 'pop.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>pop</name></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
<model><variables>
  <stock name="Population"><dimensions><dim name="Region"/></dimensions><eqn>100</eqn><inflow>births</inflow><units>people</units><doc>People living in a region.</doc></stock>
  <flow name="births"><dimensions><dim name="Region"/></dimensions><eqn>Population * birth_rate</eqn><units>people/year</units></flow>
  <aux name="birth rate"><eqn>0.02</eqn><units>1/year</units></aux>
  <aux name="total"><eqn>SUM(Population[*])</eqn><units>people</units></aux>
</variables></model></xmile>`);

const csvRows = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));

describe('chengyu-sim vars', () => {
  it('lists an XMILE model\'s variables with kind, units, dims and doc (CSV by --out extension)', () => {
    const out = join(dir, 'vars.csv');
    const r = cli(['vars', model, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = csvRows(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['name', 'kind', 'units', 'dims', 'label_en', 'label_zh', 'doc']);
    expect(rows.slice(1)).toEqual([
      ['Population', 'stock', 'people', 'Region', '', '', 'People living in a region.'],
      ['births', 'flow', 'people/year', 'Region', '', '', ''],
      ['birth rate', 'constant', '1/year', '', '', '', ''],
      ['total', 'aux', 'people', '', '', '', ''],
    ]);
  }, T);

  it('lists the regional model with its registry parameters, levers and stocks; --kind filters', () => {
    const r = cli(['vars', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('chengyu');
    const by = new Map(j.variables.map((v: { name: string }) => [v.name, v]));
    expect(by.get('hte')).toMatchObject({ kind: 'stock', units: 'enterprise', dims: ['node'] });
    expect(by.get('talent_per_hte')).toMatchObject({ kind: 'constant', units: 'person/enterprise', dims: ['node'] });
    // Lever inputs carry their zh/en names from the lever table.
    expect(by.get('lever_corridor_integration')).toMatchObject({ kind: 'constant', label: { en: expect.stringMatching(/corridor/i), zh: expect.stringMatching(/走廊/) } });
    for (const v of j.variables) if (v.label) expect(v.label.en && v.label.zh).toBeTruthy();
    const stocks = cli(['vars', '--kind', 'stock', '--format', 'csv']);
    const names = csvRows(stocks.stdout).slice(1).map((x) => x[0]);
    expect(names).toContain('hte');
    expect(names).not.toContain('talent_per_hte');
    expect(csvRows(stocks.stdout).slice(1).every((x) => x[1] === 'stock')).toBe(true);
  }, T);

  it('prints an aligned table by default, zh headers with --lang zh', () => {
    const r = cli(['vars', model, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^名称\s+类型\s+单位\s+维度/);
    expect(r.stdout).toMatch(/Population\s+stock\s+people\s+Region/);
  }, T);
});

describe('chengyu-sim describe', () => {
  it('shows an XMILE variable in full: equation, inputs, used by, units', () => {
    const r = cli(['describe', 'Birth_Rate', model]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'birth rate (constant)',
      '  units:      1/year',
      '  equation:   0.02',
      '  uses:       —',
      '  used by:    births',
      '',
    ].join('\n'));
    const pop = cli(['describe', 'Population', model, '--format', 'json']);
    const j = JSON.parse(pop.stdout);
    expect(j).toMatchObject({ model: 'pop.xmile', name: 'Population', kind: 'stock', dims: ['Region'], inflows: ['births'], used_by: expect.arrayContaining(['births', 'total']) });
  }, T);

  it('shows a regional parameter with its plausible range, provenance and how to set it', () => {
    const r = cli(['describe', 'talent_per_hte']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^talent_per_hte \(constant, dims node\)\n/);
    expect(r.stdout).toMatch(/\n {2}range: {6}\[30, 55\] person\/enterprise\n/);
    expect(r.stdout).toMatch(/\n {2}provenance: source: .*Section 4\.3/);
    expect(r.stdout).toMatch(/\n {2}set with: {3}--set talent_per_hte=value/);
    expect(r.stdout).toMatch(/\n {2}used by: {4}talent\n/);
  }, T);

  it('refuses an unknown name with a suggestion, exit 2', () => {
    const r = cli(['describe', 'htee']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('chengyu-sim: describe: "htee" is not a variable of chengyu (did you mean hte?)\n');
    const x = cli(['describe', 'nothing_like_it', model]);
    expect(x.stderr).toBe('chengyu-sim: describe: "nothing_like_it" is not a variable of ' + model + '; `chengyu-sim vars` lists them\n');
  }, T);
});
