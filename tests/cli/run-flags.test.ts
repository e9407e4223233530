// `run` flags through the real command: --set for registry parameters (range-checked) and
// any XMILE constant, --dt, --end, --save-step, --seed; refusals in one line, exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-runflags-'));
const BASE = 'scenarios/baseline.json';
const noisy = join(dir, 'noisy.xmile');
writeFileSync(noisy, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>noisy</name></header>
<sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
<model><variables>
  <stock name="S"><eqn>100</eqn><inflow>f</inflow></stock>
  <flow name="f"><eqn>S * rate + RANDOM(0, 1)</eqn></flow>
  <aux name="rate"><eqn>0.1</eqn></aux>
</variables></model></xmile>`);

const last = (csv: string) => csv.trimEnd().split('\n').at(-1)!;
const col = (csv: string) => csv.trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[1]));

/** Expect a one-line refusal with exit 2 and nothing on stdout. */
function refused(args: string[], pattern: RegExp): void {
  const r = cli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('run SCENARIO.json: --set for registry parameters, --dt, --end, --save-step', () => {
  it('sets a registry parameter (whole or per node) and the output follows it', () => {
    const base = cli(['run', BASE, '--vars', 'hte_circle', '--end', '2020']);
    const low = cli(['run', BASE, '--vars', 'hte_circle', '--end', '2020', '--set', 'talent_per_hte=30']);
    const node = cli(['run', BASE, '--vars', 'hte_circle', '--end', '2020', '--set', 'talent_per_hte[chengdu]=30']);
    for (const r of [base, low, node]) expect(r.code).toBe(0);
    expect(last(base.stdout).startsWith('2020,')).toBe(true);
    const [b, l, n] = [base, low, node].map((r) => Number(last(r.stdout).split(',')[1]));
    expect(l).toBeLessThan(n);
    expect(n).toBeLessThan(b);
  }, T);

  it('refuses a parameter outside its plausible range, an unknown one, or a bad node, naming it', () => {
    refused(['run', BASE, '--set', 'talent_per_hte=80'], /^chengyu-sim: --set talent_per_hte=80: 80 is outside the plausible range \[30, 55\] person\/enterprise of talent_per_hte \(/);
    refused(['run', BASE, '--set', 'talent_per_het=40'], /"talent_per_het" is not a parameter of the regional model \(did you mean talent_per_hte\?\)/);
    refused(['run', BASE, '--set', 'talent_per_hte[lhasa]=40'], /"lhasa" is not an element of talent_per_hte; allowed: /);
    refused(['run', BASE, '--set', 'talent_per_hte=much'], /--set talent_per_hte=much: expected a number after "="/);
  }, T);

  it('--end stops earlier, --dt and --save-step change the grid; the JSON provenance records them', () => {
    const r = cli(['run', BASE, '--vars', 'hte_circle', '--end', '2018', '--dt', '0.25', '--save-step', '0.5', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.times).toEqual([2015, 2015.5, 2016, 2016.5, 2017, 2017.5, 2018]);
    expect(j.provenance).toMatchObject({ dt: 0.25, stop: 2018, save_step: 0.5 });
    expect(j.provenance.scenario.simulation).toMatchObject({ end: 2018, dt: 0.25 });
  }, T);

  it('refuses steps, years and save steps the regional model does not allow', () => {
    refused(['run', BASE, '--dt', '0.3'], /^chengyu-sim: --dt: 0\.3 is not allowed for the regional model; allowed: 1, 0\.5, 0\.25, 0\.125, 0\.0625, 0\.03125/);
    refused(['run', BASE, '--end', '2040'], /^chengyu-sim: --end: 2040 is not allowed for the regional model; allowed: an integer year in \[2016, 2035\]/);
    refused(['run', BASE, '--save-step', '0.3'], /^chengyu-sim: --save-step: 0\.3 is not a whole number of steps dt = 0\.125/);
    refused(['run', BASE, '--dt', 'fast'], /^chengyu-sim: --dt: "fast" is not allowed; allowed: a positive number/);
  }, T);
});

describe('run MODEL.xmile: --seed, --dt, --end, --save-step', () => {
  it('--seed changes the random draws and reproduces them; the seed is recorded', () => {
    const a = cli(['run', noisy, '--vars', 'S', '--seed', '1']);
    const b = cli(['run', noisy, '--vars', 'S', '--seed', '1']);
    const c = cli(['run', noisy, '--vars', 'S', '--seed', '2']);
    const none = cli(['run', noisy, '--vars', 'S']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect(none.stdout).not.toBe(a.stdout);
    const j = JSON.parse(cli(['run', noisy, '--seed', '42', '--format', 'json']).stdout);
    expect(j.provenance.seed).toBe(42);
  }, T);

  it('--dt, --end and --save-step override the model\'s sim specs', () => {
    const r = cli(['run', noisy, '--vars', 'rate', '--dt', '0.5', '--end', '3', '--save-step', '1.5', '--set', 'rate=0.3']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['time,rate', '0,0.3', '1.5,0.3', '3,0.3']);
    const s = col(cli(['run', noisy, '--vars', 'S', '--dt', '0.25', '--seed', '1']).stdout);
    expect(s).toHaveLength(17);
  }, T);

  it('refuses an end before the start and a save step off the grid', () => {
    refused(['run', noisy, '--end', '-1'], /^chengyu-sim: --end: -1 is before the model's start time 0\n$/);
    refused(['run', noisy, '--dt', '0.5', '--save-step', '0.7'], /--save-step: 0\.7 is not a whole number of steps dt = 0\.5/);
    refused(['run', noisy, '--seed', '-3'], /^chengyu-sim: --seed: "-3" is not allowed; allowed: an integer from 0 to /);
  }, T);
});
