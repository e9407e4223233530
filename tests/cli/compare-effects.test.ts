// `chengyu-sim compare --runs N` through the real command: policy effects on common draws
// (checked against two independent `batch` runs with the same seed), thresholds, one run,
// JSON, refusals; and the deterministic compare's CSV (names R keeps, missing cells empty).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-effects-'));
const BASE = 'scenarios/baseline.json';
const PKG = 'scenarios/paper-package.json';

/** Parse a CSV without quoted fields into objects by header. */
function rows(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('compare --runs N (effects under uncertainty)', () => {
  it('pairs the draws: a scenario against a copy of itself has an effect of exactly 0 in every draw', () => {
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(BASE, 'utf8').replace('"id": "baseline"', '"id": "baseline-copy"'));
    const r = cli(['compare', BASE, copy, '--runs', '12', '--years', '2035', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const all = rows(r.stdout);
    expect(all).toHaveLength(17);
    const hte = all.find((x) => x.kpi === 'hte_circle')!;
    expect(hte.scenario).toBe('baseline-copy');
    for (const c of ['effect_mean', 'effect_sd', 'effect_p5', 'effect_p95']) expect(Number(hte[c])).toBe(0);
    expect(Number(hte.reference_mean)).toBeGreaterThan(10_000);
  }, T);

  it('gives the same effects as the difference of two batches drawn with the same seed', () => {
    const args = ['--runs', '16', '--seed', '7', '--workers', '0'];
    expect(cli(['batch', BASE, ...args, '--out', join(dir, 'b0')]).code).toBe(0);
    expect(cli(['batch', PKG, ...args, '--out', join(dir, 'b1')]).code).toBe(0);
    const col = (d: string) => rows(readFileSync(join(dir, d, 'runs.csv'), 'utf8')).map((x) => Number(x['hte_circle@2030']));
    const d = col('b1').map((v, i) => v - col('b0')[i]);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sorted = [...d].sort((a, b) => a - b);
    const r = cli(['compare', BASE, PKG, '--runs', '16', '--seed', '7', '--years', '2030', '--threshold', `hte_circle=${sorted[11]}`, '--format', 'csv']);
    expect(r.code).toBe(0);
    const hte = rows(r.stdout).find((x) => x.kpi === 'hte_circle')!;
    expect(Number(hte.effect_mean)).toBeCloseTo(mean, 6);
    // Type-7 median of 16 values: halfway between the 8th and 9th.
    expect(Number(hte.effect_p50)).toBeCloseTo((sorted[7] + sorted[8]) / 2, 6);
    expect(Number(hte.threshold)).toBe(sorted[11]);
    expect(Number(hte.p_above_threshold)).toBe(4 / 16);
    expect(hte.n).toBe('16');
  }, T);

  it('is reproducible to the byte for a seed, and another seed gives other draws', () => {
    const a = cli(['compare', BASE, PKG, '--runs', '8', '--seed', '3', '--format', 'csv']);
    const b = cli(['compare', BASE, PKG, '--runs', '8', '--seed', '3', '--format', 'csv']);
    const c = cli(['compare', BASE, PKG, '--runs', '8', '--seed', '4', '--format', 'csv']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  }, T);

  it('with one run leaves the sd empty and says why on stderr; JSON by the --out extension, sd null', () => {
    const out = join(dir, 'one.json');
    const r = cli(['compare', BASE, PKG, '--runs', '1', '--years', '2035', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^chengyu-sim: warning: with one run the spread of an effect is unknown: effect_sd is left empty/);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.runs).toBe(1);
    expect(j.uncertainty).toBe('posterior');
    expect(j.effects).toHaveLength(17);
    expect(j.effects[0].sd).toBeNull();
    expect(j.effects[0].p5).toBe(j.effects[0].p95);
    const csv = cli(['compare', BASE, PKG, '--runs', '1', '--years', '2035', '--format', 'csv']);
    expect(rows(csv.stdout)[0].effect_sd).toBe('');
  }, T);

  it('draws from the priors with --uncertainty prior (other numbers than the posterior)', () => {
    const post = cli(['compare', BASE, PKG, '--runs', '6', '--years', '2035', '--format', 'csv']);
    const prior = cli(['compare', BASE, PKG, '--runs', '6', '--years', '2035', '--format', 'csv', '--uncertainty', 'prior']);
    expect(prior.code).toBe(0);
    expect(prior.stdout).not.toBe(post.stdout);
  }, T);

  it('refuses bad options with one line and exit 2', () => {
    const bad = (args: string[], msg: RegExp) => {
      const r = cli(['compare', BASE, PKG, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    };
    bad(['--runs', '0'], /^chengyu-sim: --runs: "0" is not allowed; allowed: an integer from 1 to 100000\n$/);
    bad(['--runs', '5', '--threshold', 'hte_circl=3'], /"hte_circl" is not a compared KPI \(did you mean hte_circle\?\)/);
    bad(['--runs', '5', '--threshold', 'hte_circle=lots'], /--threshold hte_circle=lots: expected kpi=number/);
    bad(['--seed', '3'], /^chengyu-sim: --seed applies only with --runs N/);
    bad(['--threshold', 'hte_circle=1'], /^chengyu-sim: --threshold applies only with --runs N/);
  }, T);
});

describe('compare CSV (one deterministic run per scenario)', () => {
  it('names columns as R keeps them (underscores, no hyphens) and leaves every missing value empty', () => {
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify({ id: 'short-run', title: { zh: '短', en: 'Short' }, simulation: { end: 2030 } }));
    const r = cli(['compare', BASE, PKG, short, '--years', '2030,2035', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...lines] = r.stdout.trimEnd().split('\n');
    expect(head).toBe('kpi,unit,year,baseline,paper_package,paper_package_diff,paper_package_pct,short_run,short_run_diff,short_run_pct');
    expect(head).toMatch(/^[A-Za-z0-9_,]+$/);
    expect(r.stdout).not.toMatch(/NaN|Inf/);
    const hte2035 = lines.find((l) => l.startsWith('hte_circle,enterprises,2035,'))!.split(',');
    expect(hte2035.slice(7)).toEqual(['', '', '']);
    const cost = lines.find((l) => l.startsWith('policy_cost,'))!.split(',');
    // The reference's cost is 0: the percentage is not defined, an empty cell like any missing value.
    expect(cost[6]).toBe('');
  }, T);
});
