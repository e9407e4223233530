// `run SCENARIO.json` and `compare` end to end: the real command on the real (calibrated)
// regional model and the committed scenario files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineNames } from '../../src/model/scenario/outputs.ts';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-run-e2e-'));
const T = 400_000;

describe('chengyu-sim run SCENARIO.json', () => {
  it('writes the headline and per-node series as CSV to --out, one row per year 2015–2035', () => {
    const out = join(dir, 'baseline.csv');
    writeFileSync(out, 'old');
    const r = cli(['run', 'scenarios/baseline.json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('time');
    expect(header.slice(1, 18)).toEqual(headlineNames());
    for (const z of ['chengdu', 'chongqing_zone', 'mianyang', 'bishan', 'panzhihua']) expect(header).toContain(`hte[${z}]`);
    expect(lines).toHaveLength(22);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 21 }, (_, i) => 2015 + i));
    for (const l of lines.slice(1)) for (const v of l.split(',')) expect(Number.isFinite(Number(v))).toBe(true);
  }, T);

  it('JSON carries the provenance; --set and a default-valued lever behave exactly like the file', () => {
    const a = cli(['run', 'scenarios/science-city.json', '--format', 'json', '--set', 'science_city.investment=0', '--vars', 'hte_circle,rd_intensity_circle,policy_cost']);
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.stdout);
    expect(ja.provenance.model_version).toMatch(/^chengyu-[0-9a-f]{8,}/);
    expect(ja.provenance.method).toBe('euler');
    expect(ja.provenance.dt).toBe(0.125);
    expect(ja.provenance.overrides).toEqual(['science_city.investment=0']);
    expect(ja.provenance.scenario.levers.science_city).toEqual({ investment: 0, sharing: 0.5, start_year: 2026 });
    // science_city at investment 0 is every lever at its default: identical to the baseline, bit for bit
    const b = cli(['run', 'scenarios/baseline.json', '--format', 'json', '--vars', 'hte_circle,rd_intensity_circle,policy_cost']);
    const jb = JSON.parse(b.stdout);
    // (a different version means the model changed between the two runs: not this test's subject)
    expect(ja.provenance.model_version).toBe(jb.provenance.model_version);
    expect(ja.series).toEqual(jb.series);
    // and the file's own setting changes the outputs
    const c = JSON.parse(cli(['run', 'scenarios/science-city.json', '--format', 'json', '--vars', 'rd_intensity_circle,policy_cost']).stdout);
    expect(c.series.rd_intensity_circle[20]).toBeGreaterThan(jb.series.rd_intensity_circle[20]);
    expect(c.series.policy_cost[20]).toBeGreaterThan(0);
  }, T);

  it('is reproducible: the same scenario gives byte-identical output', () => {
    const x = cli(['run', 'scenarios/paper-package.json', '--vars', 'hte']);
    const y = cli(['run', 'scenarios/paper-package.json', '--vars', 'hte']);
    expect(x.code).toBe(0);
    expect(x.stdout.split('\n')[0]).toMatch(/^time,hte\[chengdu\],/);
    expect(x.stdout).toBe(y.stdout);
  }, T);

  it('honours the scenario simulation settings (end year, method)', () => {
    const f = join(dir, 'short.json');
    writeFileSync(f, JSON.stringify({ id: 'short', title: { zh: '短', en: 'Short' }, simulation: { end: 2025, method: 'rk4' } }));
    const r = cli(['run', f, '--format', 'json', '--vars', 'hte_circle']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.times[j.times.length - 1]).toBe(2025);
    expect(j.provenance.method).toBe('rk4');
    expect(j.provenance.stop).toBe(2025);
  }, T);

  it('names an unknown --vars variable, leaving --out untouched', () => {
    const out = join(dir, 'keep.csv');
    writeFileSync(out, 'keep');
    const r = cli(['run', 'scenarios/baseline.json', '--vars', 'hte_mars', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^chengyu-sim: --vars: unknown variable "hte_mars"; available: hte_sichuan/);
    expect(readFileSync(out, 'utf8')).toBe('keep');
  }, T);
});

describe('chengyu-sim compare', () => {
  it('compares the paper package with the baseline at 2025, 2030, 2035 (CSV when not on a terminal)', () => {
    const r = cli(['compare', 'scenarios/baseline.json', 'scenarios/paper-package.json', 'scenarios/rd-support.json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('kpi,unit,year,baseline,paper_package,paper_package_diff,paper_package_pct,rd_support,rd_support_diff,rd_support_pct');
    expect(lines).toHaveLength(1 + 17 * 3);
    const row = (kpi: string, year: number) => lines.find((l) => l.startsWith(`${kpi},`) && l.split(',')[2] === String(year))!.split(',');
    const hte = row('hte_circle', 2035);
    expect(Number(hte[5])).toBeCloseTo(Number(hte[4]) - Number(hte[3]), 6);
    expect(Number(hte[6])).toBeCloseTo((100 * Number(hte[5])) / Number(hte[3]), 6);
    expect(Number(row('rd_intensity_circle', 2035)[8])).toBeGreaterThan(0);
    expect(Number(row('policy_cost', 2030)[3])).toBe(0);
  }, T);

  it('writes a zh table to --out, and JSON with the model version', () => {
    const out = join(dir, 'cmp.txt');
    const r = cli(['compare', 'scenarios/baseline.json', 'scenarios/corridor.json', '--format', 'table', '--lang', 'zh', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const t = readFileSync(out, 'utf8');
    expect(t).toContain('baseline: 基准情景（参照）');
    expect(t).toMatch(/技术合同成交额（双城经济圈）\s+亿元\/年\s+2035/);
    const j = JSON.parse(cli(['compare', 'scenarios/baseline.json', 'scenarios/corridor.json', '--format', 'json']).stdout);
    expect(j.model_version).toMatch(/^chengyu-/);
    expect(j.scenarios.map((s: { id: string }) => s.id)).toEqual(['baseline', 'corridor']);
  }, T);
});
