// Every command that takes an XMILE model takes a Vensim .mdl the same way, from a file and
// from stdin: run, bench, batch, sensitivity, calibrate, slurm, vars/describe, export.
// The model is a teacup, whose Euler steps give T_n = R + (T0 − R)(1 − dt/τ)^n exactly
// (Vensim's single precision: compared to 1e-5 relative).
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const MDL = `{UTF-8}
Cup = INTEG(-cooling, 180) ~ F ~ The tea's temperature. |
cooling = (Cup - room) / tau ~ F/Minute ~ |
room = 70 ~ F ~ |
tau = 10 ~ Minute ~ |
INITIAL TIME = 0 ~ Minute ~ |
FINAL TIME = 10 ~ Minute ~ |
TIME STEP = 1 ~ Minute ~ |
SAVEPER = TIME STEP ~ Minute ~ |
\\\\\\---/// Sketch information
`;
const cup = (tau: number, room: number, n: number) => room + (180 - room) * (1 - 1 / tau) ** n;

const dir = mkdtempSync(join(tmpdir(), 'cy-mdl-cmds-'));
const model = join(dir, 'teacup.mdl');
writeFileSync(model, MDL);
const problem = join(dir, 'problem.json');
writeFileSync(problem, JSON.stringify({ factors: [{ name: 'tau', bounds: [5, 15] }], outputs: [{ name: 'Cup', times: [5, 10] }] }));
const T = 120_000;

describe('commands on a Vensim .mdl model', () => {
  it('run: a file and the same text on stdin give the exact Euler values', () => {
    const file = cli(['run', model, '--vars', 'Cup']);
    expect(file.code, file.stderr).toBe(0);
    const rows = file.stdout.trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    rows.forEach(([t, c]) => expect(c).toBeCloseTo(cup(10, 70, t), 3));
    expect(cli(['run', '-', '--vars', 'Cup'], { input: MDL }).stdout).toBe(file.stdout);
    const bad = cli(['run', '-'], { input: 'time,S\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^chengyu-sim: stdin \(read as a Vensim \.mdl\): syntax error .*\(line 1, column 5\)/);
  }, T);

  it('bench: times runs of the .mdl, from a file and from stdin', () => {
    for (const r of [cli(['bench', model, '--runs', '5', '--format', 'json']), cli(['bench', '-', '--runs', '5', '--format', 'json'], { input: MDL })]) {
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.runs).toBe(5);
      expect(j.steps).toBe(10);
      expect(j.per_run_us).toBeGreaterThan(0);
    }
  }, T);

  it('batch (worker threads): every run matches the formula at its sampled τ', () => {
    const out = join(dir, 'batch');
    const r = cli(['batch', model, '--problem', problem, '--runs', '12', '--seed', '4', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...lines] = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(head).toBe('run,tau,Cup@5,Cup@10');
    expect(lines).toHaveLength(12);
    for (const l of lines) {
      const [, tau, c5, c10] = l.split(',').map(Number);
      expect(Math.abs(c5 / cup(tau, 70, 5) - 1)).toBeLessThan(1e-5);
      expect(Math.abs(c10 / cup(tau, 70, 10) - 1)).toBeLessThan(1e-5);
    }
  }, T);

  it('sensitivity: Morris on the .mdl read from stdin', () => {
    const r = cli(['sensitivity', '-', '--problem', problem, '--method', 'morris', '--samples', '6', '--workers', '0', '--format', 'json'], { input: MDL });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.results).toHaveLength(2);
    // Cup falls as τ shrinks: every elementary effect of τ is positive.
    for (const k of j.results) expect(k.parameters[0].mu).toBeGreaterThan(0);
  }, T);

  it('calibrate: recovers τ from observations the formula made', () => {
    const cal = join(dir, 'cal.json');
    writeFileSync(cal, JSON.stringify({ factors: [{ name: 'tau', bounds: [2, 30] }], payoff: [{ variable: 'Cup', weight: 1 }] }));
    const data = join(dir, 'obs.csv');
    writeFileSync(data, `time,Cup\n${[0, 2, 4, 6, 8, 10].map((t) => `${t},${cup(8, 70, t)}`).join('\n')}\n`);
    const out = join(dir, 'fit.json');
    const r = cli(['calibrate', model, '--problem', cal, '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).parameters.tau).toBeCloseTo(8, 3);
  }, T);

  it('slurm: writes the job scripts for the .mdl', () => {
    const out = join(dir, 'sl');
    const r = cli(['slurm', model, '--problem', problem, '--runs', '8', '--seed', '1', '--tasks', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'slurm', 'batch.sbatch'))).toBe(true);
  }, T);

  it('vars and describe: the .mdl\'s variables with their units and comments', () => {
    const v = cli(['vars', model, '--format', 'json']);
    expect(v.code, v.stderr).toBe(0);
    const entries = (JSON.parse(v.stdout) as { variables: Array<{ name: string; kind: string; units?: string }> }).variables;
    expect(entries.find((e) => e.name === 'Cup')).toMatchObject({ kind: 'stock', units: 'F' });
    const d = cli(['describe', 'Cup', '-'], { input: MDL });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/The tea's temperature\./);
  }, T);

  it('export: the .mdl as XMILE runs to the same values', () => {
    const xmile = join(dir, 'teacup.xmile');
    const e = cli(['export', model, '--out', xmile]);
    expect(e.code, e.stderr).toBe(0);
    expect(cli(['run', xmile, '--vars', 'Cup']).stdout).toBe(cli(['run', model, '--vars', 'Cup']).stdout);
    expect(cli(['export', '-', '--format', 'xmile'], { input: MDL }).stdout).toBe(readFileSync(xmile, 'utf8'));
  }, T);
});
