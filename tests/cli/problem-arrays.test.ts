// A model with arrays, analysed from a problem file through the real commands. Each region's
// level grows at its own rate, level[r](t) = rate[r]·t (exact under Euler), total = Σ level:
// the indices are known in closed form (S1 = ST = each rate's share of Var(total); level[north]
// depends on rate[north] alone), a constant that feeds nothing is inert, and a group's index is
// the sum of its members'. Also: warnings (zero variance, noise), --bootstrap 0 wording,
// --drop-inert, and the formats.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';
import { writeRegionsModel } from './regions-model.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-arrays-'));
const model = writeRegionsModel(dir, `
  <aux name="unused"><eqn>5</eqn></aux>
  <aux name="flat"><eqn>unused * 0 + 3</eqn></aux>`);

const write = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const problem = write('regions.problem.json', {
  factors: [
    { name: 'rate[north]', bounds: [0, 2] },
    { name: 'rate[south]', bounds: [0, 4] },
    { name: 'unused', bounds: [0, 1] },
  ],
  outputs: ['level', { name: 'total', times: [5, 10] }],
  times: [10],
});
// Var(total at t) = t² (2²/12 + 4²/12): north's share 0.2, south's 0.8.
const SHARE = { 'rate[north]': 0.2, 'rate[south]': 0.8 };

describe('a model with arrays from a problem file', () => {
  it('Sobol: closed-form indices for elements and sums; the unused constant is reported inert', () => {
    const r = cli(['sensitivity', model, '--problem', problem, '--method', 'sobol', '--samples', '16384', '--bootstrap', '50', '--workers', '1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.results.map((k: { output: string; year: number }) => `${k.output}@${k.year}`)).toEqual(['level[north]@10', 'level[south]@10', 'total@5', 'total@10']);
    const at = (o: string, t: number) => j.results.find((k: { output: string; year: number }) => k.output === o && k.year === t);
    const p = (k: { parameters: Array<{ id: string; S1: number; ST: number }> }, id: string) => k.parameters.find((x) => x.id === id)!;
    // level[north] moves with rate[north] alone: the others' total indices are exactly 0.
    expect(Math.abs(p(at('level[north]', 10), 'rate[north]').S1 - 1)).toBeLessThan(0.02);
    expect(p(at('level[north]', 10), 'rate[south]').ST).toBe(0);
    expect(p(at('level[north]', 10), 'unused').ST).toBe(0);
    for (const t of [5, 10]) {
      for (const [id, share] of Object.entries(SHARE)) {
        expect(Math.abs(p(at('total', t), id).S1 - share), `${id} @ ${t}`).toBeLessThan(0.02);
        expect(Math.abs(p(at('total', t), id).ST - share), `${id} @ ${t}`).toBeLessThan(0.02);
      }
    }
    expect(j.inert).toEqual(['unused']);
    expect(r.stderr).toMatch(/sensitivity: 1 inert factor\(s\), no effect on any analysed output \(add --drop-inert to leave them out\): unused\n/);
  }, T);

  it('Morris: μ* of total at 10 is exactly 10 × each rate\'s range; --drop-inert screens unused out first', () => {
    const r = cli(['sensitivity', model, '--problem', problem, '--method', 'morris', '--samples', '8', '--workers', '0', '--drop-inert', '--output', 'total', '--year', '10', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sensitivity: dropped 1 inert factor\(s\) \(no effect on any output over 40 screening runs\): unused\n/);
    expect(r.stderr).toMatch(/sensitivity: morris, 8 samples, 2 parameters, 1 KPI\(s\)\n/);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('output,time,factor,mu_star,mu_star_low,mu_star_high,mu,sigma');
    expect(rows.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['total,10,rate[north]', 'total,10,rate[south]']);
    expect(Number(rows[1].split(',')[3])).toBeCloseTo(20, 10);
    expect(Number(rows[2].split(',')[3])).toBeCloseTo(40, 10);
  }, T);

  it('groups: a group of both rates carries all of total\'s variance; the table names groups and says when there are no intervals', () => {
    const grouped = write('grouped.problem.json', {
      factors: [
        { name: 'rate[north]', bounds: [0, 2], group: 'rates' },
        { name: 'rate[south]', bounds: [0, 4], group: 'rates' },
        { name: 'unused', bounds: [0, 1] },
      ],
      outputs: [{ name: 'total', times: [10] }],
    });
    const r = cli(['sensitivity', model, '--problem', grouped, '--method', 'sobol', '--samples', '4096', '--bootstrap', '0', '--workers', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/total @ 10 — Sobol indices \(16384 runs, seed 1, no intervals: --bootstrap 0\)/);
    const row = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`${name} `))!.trim().split(/\s+/);
    expect(Math.abs(Number(row('rates')[1]) - 1)).toBeLessThan(0.05);
    expect(Math.abs(Number(row('rates')[2]) - 1)).toBeLessThan(0.05);
    expect(row('unused').slice(1)).toEqual(['0', '0']);
    expect(r.stdout).not.toMatch(/CI/);
    expect(r.stderr).toMatch(/sensitivity: sobol, 4096 samples, 3 parameters in 2 groups, 1 KPI\(s\)\n/);
  }, T);

  it('an output that does not vary: NaN indices (not 0) and a warning', () => {
    const withFlat = write('flat.problem.json', { factors: [{ name: 'rate[north]', bounds: [0, 2] }], outputs: ['flat', 'total'], times: [10] });
    const r = cli(['sensitivity', model, '--problem', withFlat, '--method', 'sobol', '--samples', '64', '--bootstrap', '10', '--workers', '0', '--output', 'flat', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')[1]).toBe('flat,10,rate[north],NaN,NaN,NaN,NaN,NaN,NaN');
    expect(r.stderr).toMatch(/sensitivity: warning: flat @ 10: the output does not vary over the design; its indices are undefined \(NaN\)\n/);
    // JSON writes them as every JSON output of the tool does: the string "NaN", not null.
    const j = JSON.parse(cli(['sensitivity', model, '--problem', withFlat, '--method', 'sobol', '--samples', '64', '--bootstrap', '10', '--workers', '0', '--output', 'flat', '--format', 'json']).stdout);
    expect(j.results[0].parameters[0]).toMatchObject({ S1: 'NaN', ST: 'NaN' });
    expect(j.results[0].sum_S1).toBe('NaN');
    const small = cli(['sensitivity', model, '--problem', problem, '--method', 'sobol', '--samples', '8', '--bootstrap', '50', '--workers', '0', '--output', 'total', '--year', '10']);
    expect(small.stderr).toMatch(/sensitivity: warning: total @ 10: bootstrap intervals up to [\d.]+ wide \(> 0\.1\): the indices are noisy; increase --samples/);
  }, T);

  it('batch: Monte Carlo of the elements; the mean of total at 10 is 10 × (1 + 2)', () => {
    const out = join(dir, 'batch');
    const r = cli(['batch', model, '--problem', problem, '--runs', '2000', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const mean = Number(rows.find((c) => c[0] === 'total' && c[1] === '10' && c[2] === 'mean')![3]);
    expect(Math.abs(mean - 30)).toBeLessThan(0.05);
    expect(rows.some((c) => c[0] === 'level[south]')).toBe(true);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  }, T);
});
