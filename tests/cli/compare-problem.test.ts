// `compare --problem FILE --runs N`: policy effects under uncertainty for XMILE models (a
// base model and its variants) and for the regional model's scenarios, on common draws of
// the problem's factors, per output and time the problem names. The regions model has
// level[r](t) = rate[r]·t; its policy variant doubles the growth, so in every draw the
// effect equals the reference's own value — equal means prove the draws are shared.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';
import { writeRegionsModel } from './regions-model.ts';

const T = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-compare-problem-'));
const base = writeRegionsModel(dir);
const same = join(dir, 'same.xmile');
const policy = join(dir, 'policy.xmile');
writeFileSync(same, readFileSync(base, 'utf8'));
writeFileSync(policy, readFileSync(base, 'utf8').replace('<eqn>rate</eqn>', '<eqn>2*rate</eqn>'));
const problem = join(dir, 'regions.problem.json');
writeFileSync(problem, JSON.stringify({
  factors: [{ name: 'rate[north]', bounds: [1, 3] }, { name: 'rate[south]', bounds: [0, 1] }],
  outputs: ['level', { name: 'total', times: [10] }],
  times: [5, 10],
}));

/** CSV text as records keyed by the header. */
function records(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text.trim().split('\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

describe('compare --problem on XMILE models', () => {
  it('reports each variant\'s effect per output and time of the problem, on common draws', () => {
    const r = cli(['compare', base, same, policy, '--problem', problem, '--runs', '1000', '--seed', '4', '--threshold', 'total=25', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^scenario,reference,kpi,unit,time,n,/);
    const rows = records(r.stdout);
    expect(rows.map((x) => `${x.scenario} ${x.kpi} ${x.time}`)).toEqual(['same', 'policy'].flatMap((s) => [
      `${s} level[north] 5`, `${s} level[north] 10`, `${s} level[south] 5`, `${s} level[south] 10`, `${s} total 10`,
    ]));
    for (const x of rows) {
      expect(x.reference).toBe('regions');
      expect(x.n).toBe('1000');
      if (x.scenario === 'same') {
        // The same model on the same draws: no effect in any run.
        for (const c of ['effect_mean', 'effect_sd', 'effect_p5', 'effect_p95']) expect(Number(x[c]), `${x.kpi} ${c}`).toBe(0);
      } else {
        // effect = rate·t = the reference's own value, draw by draw.
        expect(x.effect_mean).toBe(x.reference_mean);
        expect(Number(x.scenario_mean)).toBe(2 * Number(x.reference_mean));
      }
    }
    const north10 = rows.find((x) => x.scenario === 'policy' && x.kpi === 'level[north]' && x.time === '10')!;
    expect(Math.abs(Number(north10.effect_mean) - 20)).toBeLessThan(0.01); // E[rate_north]·10
    expect(Math.abs(Number(north10.effect_p5) - 11)).toBeLessThan(0.1); // (1 + 0.05·2)·10
    expect(Math.abs(Number(north10.effect_p95) - 29)).toBeLessThan(0.1);
    const total = rows.find((x) => x.scenario === 'policy' && x.kpi === 'total')!;
    // effect = 10·(rate_north + rate_south), symmetric about 25.
    expect(total.threshold).toBe('25');
    expect(Math.abs(Number(total.p_above_threshold) - 0.5)).toBeLessThan(0.05);
  }, T);

  it('is the same to the bit for the same seed, and a table names the variants', () => {
    const a = cli(['compare', base, policy, '--problem', problem, '--runs', '50', '--format', 'json']);
    const b = cli(['compare', base, policy, '--problem', problem, '--runs', '50', '--format', 'json']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout) as { reference: string; effects: Array<{ scenario: string; kpi: string; time: number }> };
    expect(j.reference).toBe('regions');
    expect(j.effects[0]).toMatchObject({ scenario: 'policy', kpi: 'level[north]', time: 5 });
    const t = cli(['compare', base, policy, '--problem', problem, '--runs', '50', '--format', 'table']);
    expect(t.stdout).toContain('regions: regions.xmile (reference)\npolicy: policy.xmile\n');
  }, T);

  it('refuses what does not fit: no --runs, --years, a factor one model lacks', () => {
    expect(cli(['compare', base, policy, '--problem', problem]).stderr).toBe(
      'chengyu-sim: --problem with compare needs --runs N (the effects are over draws of the problem\'s factors)\n',
    );
    const y = cli(['compare', base, policy, '--problem', problem, '--runs', '5', '--years', '5']);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/^chengyu-sim: --years: with --problem the times are the problem file's/);
    const other = join(dir, 'other.xmile');
    writeFileSync(other, readFileSync(base, 'utf8').replaceAll('rate', 'speed'));
    const o = cli(['compare', base, other, '--problem', problem, '--runs', '5']);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/factors\[0\]\.name: "rate\[north\]" is not a constant of the model/);
  }, T);
});

describe('compare --problem on the regional model', () => {
  it('draws the problem\'s factors for the scenarios and reports its outputs and years', () => {
    const p = join(dir, 'regional.problem.json');
    writeFileSync(p, JSON.stringify({
      factors: [{ name: 'knowledge_depreciation', bounds: [0.1, 0.2] }],
      outputs: [{ name: 'hte_circle', times: [2030, 2035] }, { name: 'hte[chengdu]', times: [2035] }],
    }));
    const r = cli(['compare', `${ROOT}scenarios/baseline.json`, `${ROOT}scenarios/corridor.json`, '--problem', p, '--runs', '20', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = records(r.stdout);
    expect(rows.map((x) => `${x.scenario} ${x.kpi} ${x.year} ${x.unit}`)).toEqual([
      'corridor hte_circle 2030 enterprises', 'corridor hte_circle 2035 enterprises', 'corridor hte[chengdu] 2035 enterprise',
    ]);
    for (const x of rows) {
      expect(Number(x.effect_sd)).toBeGreaterThan(0); // the factor moves the effect
      expect(Number(x.effect_p5)).toBeLessThanOrEqual(Number(x.effect_p95));
    }
  }, T);
});
