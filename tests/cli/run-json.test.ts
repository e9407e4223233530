// The one JSON shape of run outputs (schemas/run-output.schema.json) through the real
// command, for the regional model and an XMILE model alike: units per column, and NaN/±Inf
// written as distinguishable strings with a warning on stderr.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-runjson-'));
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/run-output.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const odd = join(dir, 'odd.xmile');
writeFileSync(odd, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>odd</name></header>
<sim_specs time_units="Years"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model><variables>
  <stock name="S"><eqn>1</eqn><inflow>f</inflow><units>people</units></stock>
  <flow name="f"><eqn>S</eqn></flow>
  <aux name="nan"><eqn>0/0</eqn></aux>
  <aux name="up"><eqn>1/0</eqn></aux>
  <aux name="down"><eqn>-1/0</eqn></aux>
</variables></model></xmile>`);

describe('run --format json', () => {
  it('writes NaN, Infinity and -Infinity as strings, warns on stderr, and matches the schema (XMILE)', () => {
    const r = cli(['run', odd, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('chengyu-sim: warning: the output holds 3 NaN, 3 Infinity, 3 -Infinity values, written in JSON as the strings "NaN", "Infinity", "-Infinity"\n');
    const j = JSON.parse(r.stdout);
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j.series.nan).toEqual(['NaN', 'NaN', 'NaN']);
    expect(j.series.up).toEqual(['Infinity', 'Infinity', 'Infinity']);
    expect(j.series.down).toEqual(['-Infinity', '-Infinity', '-Infinity']);
    expect(j.units).toEqual({ S: 'people', f: null, nan: null, up: null, down: null });
    expect(j.provenance).toMatchObject({ model: 'odd.xmile', model_name: 'odd', save_step: 1, time_units: 'Years' });
    // A CSV run is not JSON: no warning.
    expect(cli(['run', odd]).stderr).toBe('');
  }, T);

  it('gives the regional model the same shape, with each column\'s units and no warning when all is finite', () => {
    const out = join(dir, 'base.json');
    const r = cli(['run', 'scenarios/baseline.json', '--vars', 'hte_circle,hte', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j.format).toBe('chengyu-sim/run-output/1');
    expect(j.provenance).toMatchObject({ model: 'chengyu', time_units: 'year', save_step: 1 });
    expect(j.columns[0]).toBe('hte_circle');
    expect(j.units.hte_circle).toMatch(/enterprise/);
    expect(j.units['hte[chengdu]']).toMatch(/enterprise/);
  }, T);
});
