// `chengyu-sim export` through the real command: the regional model, a scenario and an
// XMILE model to XMILE and .mdl; refusals and bad arguments as one line with exit 2 and
// no file changed.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';
import { loadXmile } from '../../src/model/xmile/index.ts';
import { compileModel } from '../../src/model/engine/index.ts';
import { buildChengyuSpec } from '../../src/model/chengyu/index.ts';
import { parseScenario, scenarioConstants } from '../../src/model/scenario/scenario.ts';
import { bitDifferences } from '../engine/export-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-export-'));
const T = 180_000;

describe('chengyu-sim export', () => {
  it('writes the regional model as XMILE that runs bit for bit like the model', () => {
    const out = join(dir, 'chengyu.xmile');
    const r = cli(['export', 'chengyu', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const back = loadXmile(readFileSync(out, 'utf8'));
    expect(bitDifferences(compileModel(buildChengyuSpec()).run(), compileModel(back).run())).toEqual([]);
  }, T);

  it("writes a scenario with its lever settings as named constants, running like the scenario's own run", () => {
    const file = join(ROOT, 'scenarios/paper-package.json');
    const r = cli(['export', file, '--format', 'xmile']);
    expect(r.code).toBe(0);
    const back = loadXmile(r.stdout);
    expect(back.variables.find((v) => v.name === 'lever_parks_count')!.equation).toBe('6');
    const scenario = parseScenario(readFileSync(file, 'utf8'));
    const viaScenario = compileModel(buildChengyuSpec()).run({ constants: scenarioConstants(scenario), sim: { stop: scenario.simulation.end } });
    expect(bitDifferences(viaScenario, compileModel(back).run())).toEqual([]);
  }, T);

  it('refuses .mdl of a model that saves interval means, in one line naming the construct, leaving --out untouched', () => {
    const out = join(dir, 'kept.mdl');
    writeFileSync(out, 'keep');
    const r = cli(['export', 'chengyu', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot export to Vensim \.mdl: \(model\): interval-mean saving .*--save-mode instant/);
    expect(readFileSync(out, 'utf8')).toBe('keep');
  }, T);

  it('writes the regional model as .mdl with --save-mode instant (DELAY FIXED, or the pipeline with --fixed-delay pipeline)', () => {
    const out = join(dir, 'chengyu.mdl');
    expect(cli(['export', 'chengyu', '--save-mode', 'instant', '--out', out]).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('src <-> node');
    expect(text).toMatch(/certificates_expiring_delay_fixed_1\[node\] = DELAY FIXED\(certificates_issued\[node\], certificate_validity, /);
    expect(text).toContain('SAVEPER = 1');
    const p = cli(['export', 'chengyu', '--save-mode', 'instant', '--fixed-delay', 'pipeline', '--format', 'mdl']);
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('certificates_expiring_delay_1_stage_24[node]');
    expect(p.stdout).not.toContain('DELAY FIXED');
  }, T);

  it('exports an XMILE model to .mdl', () => {
    const teacup = join(dir, 'teacup.xmile');
    writeFileSync(teacup, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>teacup</name></header>
<sim_specs><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
<model><variables>
  <stock name="Teacup Temperature"><eqn>180</eqn><outflow>Heat Loss to Room</outflow><units>degrees</units></stock>
  <flow name="Heat Loss to Room"><eqn>(Teacup_Temperature - Room_Temperature) / 10</eqn></flow>
  <aux name="Room Temperature"><eqn>70</eqn></aux>
</variables></model></xmile>`);
    const r = cli(['export', teacup, '--format', 'mdl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Teacup Temperature = INTEG((0) - (Heat Loss to Room), 180)');
    expect(r.stdout).toContain('Heat Loss to Room = (Teacup Temperature - Room Temperature) / 10');
    expect(r.stdout).toContain('TIME STEP = 0.125');
  }, T);

  it('rejects a missing format, an unknown extension and an unknown model with exit 2', () => {
    const noFormat = cli(['export', 'chengyu']);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toMatch(/--format is required/);
    const badExt = cli(['export', 'chengyu', '--out', join(dir, 'x.csv')]);
    expect(badExt.code).toBe(2);
    expect(badExt.stderr).toMatch(/unknown extension "\.csv"; allowed: \.xmile, \.stmx \(xmile\), \.mdl/);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    const badModel = cli(['export', 'model.txt', '--format', 'xmile']);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/model\.txt: not a model; give chengyu/);
    const delayXmile = cli(['export', 'chengyu', '--format', 'xmile', '--fixed-delay', 'pipeline']);
    expect(delayXmile.code).toBe(2);
    expect(delayXmile.stderr).toMatch(/--fixed-delay applies to --format mdl only/);
  }, T);
});
