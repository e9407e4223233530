// `chengyu-sim run MODEL.xmile` through the real command: CSV and JSON output, --method,
// --out written atomically, and one-line errors that leave an existing --out untouched.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-xmile-'));
const T = 120_000;
const model = join(dir, 'growth.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>growth</name></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<dimensions><dim name="Region"><elem name="a"/><elem name="b, c"/></dim></dimensions>
<model><variables>
  <stock name="Stock A"><eqn>100</eqn><inflow>growth</inflow></stock>
  <flow name="growth"><eqn>Stock_A * rate</eqn></flow>
  <aux name="rate"><eqn>0.1</eqn></aux>
  <aux name="per region"><dimensions><dim name="Region"/></dimensions><eqn>Stock_A / 2</eqn></aux>
</variables></model></xmile>`);

describe('chengyu-sim run MODEL.xmile', () => {
  it('prints CSV: time, then every variable, array elements as name[elem], commas quoted', () => {
    const r = cli(['run', model]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('time,Stock A,growth,rate,per region[a],"per region[b, c]"');
    expect(lines[1]).toBe('0,100,10,0.1,50,50');
    expect(lines[3]).toBe('2,121,12.100000000000001,0.1,60.5,60.5');
  }, T);

  it('--method rk4 changes the integration; --format json carries the run metadata', () => {
    const r = cli(['run', model, '--method', 'rk4', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.provenance).toMatchObject({ method: 'rk4', dt: 1, start: 0, stop: 2, save_step: 1, model: 'growth.xmile', model_name: 'growth' });
    expect(j.provenance.model_version).toMatch(/^[0-9a-f]{16}$/);
    expect(j.times).toEqual([0, 1, 2]);
    expect(j.series['Stock A'][1]).toBeCloseTo(100 * (1 + 0.1 + 0.01 / 2 + 0.001 / 6 + 0.0001 / 24), 10);
  }, T);

  it('--set overrides constants of the model; unknown or malformed ones are refused', () => {
    const r = cli(['run', model, '--set', 'rate=0.2', '--vars', 'Stock A']);
    expect(r.stdout.trim().split('\n')).toEqual(['time,Stock A', '0,100', '1,120', '2,144']);
    const bad = cli(['run', model, '--set', 'growth=1']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toBe(`chengyu-sim: ${model}: --set: "growth" is not a constant of the model (constants: rate)\n`);
    expect(cli(['run', model, '--set', 'rate']).stderr).toBe('chengyu-sim: --set rate: expected constant=number (e.g. --set "growth rate=0.03")\n');
  }, T);

  it('--out writes the file atomically; errors are one line, non-zero, and leave --out untouched', () => {
    const out = join(dir, 'out.csv');
    expect(cli(['run', model, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('time,Stock A')).toBe(true);
    writeFileSync(out, 'previous');
    const bad = join(dir, 'bad.xmile');
    writeFileSync(bad, readFileSync(model, 'utf8').replace('Stock_A * rate', 'Stock_A * nothing'));
    const r = cli(['run', bad, '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe(`chengyu-sim: ${bad}: growth: "nothing" is not defined (at character 11)\n`);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    const broken = join(dir, 'broken.xmile');
    writeFileSync(broken, '<xmile><model>');
    const r2 = cli(['run', broken]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/not well-formed XML/);
    const r3 = cli(['run', join(dir, 'missing.xmile')]);
    expect(r3.stderr).toBe(`chengyu-sim: ${join(dir, 'missing.xmile')}: cannot read the model (no such file)\n`);
    const r4 = cli(['run', bad, '--debug']);
    expect(r4.stderr).toMatch(/\n\s+at /);
  }, T);
});
