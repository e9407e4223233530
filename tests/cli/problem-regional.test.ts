// The regional model from a problem file, through the real commands: registry parameters and
// a lever as factors, outputs beyond the headline KPIs (gdp[chengdu], gdp_sichuan) at listed
// years; levers are range-checked as `run` checks them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-problem-regional-'));
const scenario = join(ROOT, 'scenarios/baseline.json');
const write = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
const problem = write('regional.problem.json', {
  factors: [
    { name: 'gdp_growth_late', distribution: 'triangular', bounds: [0.03, 0.07], mode: 0.05 },
    { name: 'value_added_ratio', bounds: [0.18, 0.32] },
    { name: 'lever_rd_support_extra_share_gdp', bounds: [0, 1.5] },
  ],
  outputs: [{ name: 'gdp[chengdu]', times: [2025, 2035] }, 'gdp_sichuan', 'rd_intensity_circle'],
  times: [2035],
});

describe('the regional model from a problem file', () => {
  it('sensitivity: Morris over registry parameters and a lever, for element and province outputs at listed years', () => {
    const r = cli(['sensitivity', scenario, '--problem', problem, '--method', 'morris', '--samples', '3', '--workers', '1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.evaluations).toBe(12);
    expect(j.results.map((k: { output: string; year: number }) => `${k.output}@${k.year}`)).toEqual(['gdp[chengdu]@2025', 'gdp[chengdu]@2035', 'gdp_sichuan@2035', 'rd_intensity_circle@2035']);
    const rd = j.results[3].parameters.find((p: { id: string }) => p.id === 'lever_rd_support_extra_share_gdp');
    // Extra R&D support raises the circle's R&D intensity.
    expect(rd.mu).toBeGreaterThan(0);
    expect(j.model_version).toMatch(/^chengyu-.*-problem-/);
  }, T);

  it('batch: summary.csv holds the problem\'s outputs at its years only', () => {
    const out = join(dir, 'batch');
    const r = cli(['batch', scenario, '--problem', problem, '--runs', '8', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect([...new Set(rows.map((c) => `${c[0]}@${c[1]}`))]).toEqual(['gdp[chengdu]@2025', 'gdp[chengdu]@2035', 'gdp_sichuan@2025', 'gdp_sichuan@2035', 'rd_intensity_circle@2025', 'rd_intensity_circle@2035']);
  }, T);

  it('a lever factor outside the lever\'s range, a whole-number lever, or --uncertainty with --problem is refused', () => {
    const wide = write('wide.json', { factors: [{ name: 'lever_rd_support_extra_share_gdp', bounds: [0, 3] }] });
    const r = cli(['batch', scenario, '--problem', wide, '--runs', '4', '--out', join(dir, 'x')]);
    expect(r.stderr).toBe(`chengyu-sim: --problem ${wide}: factors[0]: lever input "lever_rd_support_extra_share_gdp" ranges over [0, 1.5]; the factor's values span [0, 3] (give bounds inside the range)\n`);
    expect(r.code).toBe(2);
    const whole = write('whole.json', { factors: [{ name: 'lever_parks_count', bounds: [0, 5] }] });
    expect(cli(['sensitivity', scenario, '--problem', whole]).stderr).toBe(`chengyu-sim: --problem ${whole}: factors[0]: lever input "lever_parks_count" takes whole numbers only; a factor varies continuously\n`);
    const both = cli(['sensitivity', scenario, '--problem', problem, '--uncertainty', 'prior']);
    expect(both.stderr).toMatch(/^chengyu-sim: --uncertainty: with --problem the factors of .* vary, not the model's uncertain inputs; drop --uncertainty\n$/);
    expect(both.code).toBe(2);
  }, T);
});
