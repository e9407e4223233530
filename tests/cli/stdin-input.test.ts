// `-` as the input file reads stdin, through the real command: a scenario for `run`,
// `compare` and `batch`, an XMILE model for `run` and `bench`; errors name stdin.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from './run-cli.ts';

vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'cy-stdin-'));
const xmile = `<?xml version="1.0"?>
<xmile version="1.0"><header><name>decay</name></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model><variables>
  <stock name="S"><eqn>8</eqn><outflow>out</outflow></stock>
  <flow name="out"><eqn>S / 2</eqn></flow>
</variables></model></xmile>`;

describe('- reads stdin', () => {
  it('run - with a scenario gives the same output as the file', () => {
    const file = cli(['run', 'scenarios/corridor.json', '--vars', 'hte_circle']);
    expect(file.code).toBe(0);
    const piped = cli(['run', '-', '--vars', 'hte_circle'], { input: readFileSync('scenarios/corridor.json', 'utf8') });
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(file.stdout);
  });

  it('run - and bench - with an XMILE model', () => {
    const r = cli(['run', '-'], { input: xmile });
    expect(r.stdout).toBe('time,S,out\n0,8,4\n1,4,2\n2,2,1\n');
    const b = cli(['bench', '-', '--runs', '5', '--format', 'json'], { input: xmile });
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).model).toBe('stdin');
  });

  it('compare reads one of its scenarios from stdin', () => {
    const r = cli(['compare', 'scenarios/baseline.json', '-', '--years', '2035', '--format', 'csv'], { input: readFileSync('scenarios/corridor.json', 'utf8') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/corridor/);
  });

  it('batch reads its scenario from stdin', () => {
    const out = join(dir, 'batch');
    const r = cli(['batch', '-', '--runs', '4', '--workers', '0', '--out', out], { input: readFileSync('scenarios/corridor.json', 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).scenario.id).toBe('corridor');
  });

  it('doc --check - compares stdin', () => {
    const doc = cli(['doc']).stdout;
    const ok = cli(['doc', '--check', '-'], { input: doc });
    expect(ok.stderr).toBe('stdin is up to date\n');
    expect(ok.code).toBe(0);
    const stale = cli(['doc', '--check', '-'], { input: `${doc}edited\n` });
    expect(stale.stderr).toBe('chengyu-sim: stdin is out of date; run: chengyu-sim doc --out FILE\n');
    expect(stale.code).toBe(1);
  });

  it('errors name stdin; slurm refuses it', () => {
    const bad = cli(['run', '-'], { input: '{"id":"x","title":{"zh":"x","en":"x"},"levers":{"parks":{"count":2.5}}}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('chengyu-sim: stdin: levers.parks.count: 2.5 is not a whole number; allowed: an integer in [0, 20] (parks)\n');
    const neither = cli(['run', '-'], { input: 'time,S\n' });
    expect(neither.code).toBe(2);
    // Neither JSON nor XML: read as a Vensim .mdl, and the error says so.
    expect(neither.stderr).toMatch(/^chengyu-sim: stdin \(read as a Vensim \.mdl\): syntax error/);
    const slurm = cli(['slurm', '-', '--runs', '8', '--seed', '1', '--tasks', '2', '--out', join(dir, 'sl')], { input: '{}' });
    expect(slurm.code).toBe(2);
    expect(slurm.stderr).toBe('chengyu-sim: slurm: the scenario must be a file the cluster tasks can read, not stdin (-)\n');
  });
});
