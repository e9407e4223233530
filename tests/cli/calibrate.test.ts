// `chengyu-sim calibrate`, `validate` and `data` through the real command. Fits are kept tiny
// (one start, a few dozen runs, a few posterior generations) and written to a temporary --out,
// so the committed calibration is untouched.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_PATH, POSTERIOR_PATH } from '../../src/cli/commands/calibrate.ts';
import { VALIDATION_PATH } from '../../src/cli/commands/validate.ts';
import { CALIBRATED_IDS } from '../../src/model/chengyu/index.ts';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-cal-'));
const T = 400_000;
const committed = () => [CALIBRATION_PATH, POSTERIOR_PATH, VALIDATION_PATH].map((p) => readFileSync(p, 'utf8'));

describe('chengyu-sim calibrate', () => {
  it('fits and reports, but writes nothing without --write or --out, and says so', () => {
    const before = committed();
    const r = cli(['calibrate', '--starts', '1', '--max-evals', '30', '--seed', '7']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('calibrate: nothing written (use --write to replace the committed calibration, or --out FILE)');
    expect(r.stdout).toMatch(/^Basis: Weighted least squares/);
    expect(r.stdout).toMatch(/hte_sichuan\s+2022\s+official/);
    expect(r.stdout).toContain('Acceptance targets of the calibrated baseline:');
    expect(committed()).toEqual(before);
  }, T);

  it('writes the calibration and a posterior sample deterministically to --out', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const args = ['calibrate', '--starts', '1', '--max-evals', '30', '--seed', '7', '--posterior', '--generations', '20'];
    const r = cli([...args, '--out', a]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`calibrate: wrote ${a}`);
    expect(r.stdout).toMatch(/Posterior \(DE-MCz/);
    expect(r.stdout).toMatch(/Coverage of the \d+ targets by the 90 % bands/);
    const file = JSON.parse(readFileSync(a, 'utf8'));
    expect(Object.keys(file.parameters).sort()).toEqual([...CALIBRATED_IDS].sort());
    expect(file).toMatchObject({ seed: 7, starts: 1, maxEvals: 30, fitWindow: [2015, 2022] });
    expect(file.posterior.generations).toBe(20);
    expect(file.posterior.parameters).toEqual(expect.arrayContaining([...CALIBRATED_IDS, 'model_error_hte']));
    cli([...args, '--out', b]);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  }, T);

  it('reports the committed calibration and posterior without fitting (--report-only)', () => {
    const r = cli(['calibrate', '--report-only', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.calibration.parameters).toEqual(JSON.parse(readFileSync(CALIBRATION_PATH, 'utf8')).parameters);
    expect(j.targets.map((t: { name: string }) => t.name)).toContain('hte_sichuan MAPE 2015–2022 (%)');
    expect(j.coverage.predictiveCoverage).toBeGreaterThanOrEqual(0.8);
    for (const s of j.posterior.summary) expect(s.rhat, s.id).toBeLessThan(1.1);
    expect(j.fitted.find((f: { id: string }) => f.id === 'conversion_sichuan_other_factor').atBound).toBe('lower');
    const text = cli(['calibrate', '--report-only']).stdout;
    expect(text).toMatch(/^On a bound of its range .*: conversion_sichuan_other_factor \(lower\)$/m);
  }, T);

  it('rejects bad options in one line, writing nothing', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"keep": true}\n');
    const r = cli(['calibrate', '--starts', '0', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('chengyu-sim: --starts: "0" is not allowed; allowed: an integer in [1, 1000]\n');
    const txt = cli(['calibrate', '--out', join(dir, 'cal.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toBe(`chengyu-sim: --out ${join(dir, 'cal.txt')}: unknown extension ".txt"; allowed: .json\n`);
    expect(existsSync(join(dir, 'cal.txt'))).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('{"keep": true}\n');
    const both = cli(['calibrate', '--write', '--out', out]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--write and --out exclude each other/);
    expect(readFileSync(out, 'utf8')).toBe('{"keep": true}\n');
  }, T);
});

describe('chengyu-sim validate', () => {
  it('fits up to the cut-off, writes every point as CSV and the per-series errors as a table', () => {
    const before = committed();
    const out = join(dir, 'hindcast.csv');
    const r = cli(['validate', '--cutoff', '2020', '--starts', '1', '--max-evals', '30', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('validation,cutoff,output,year,role,observed,simulated,error_pct');
    expect(lines.some((l) => /^hindcast,2020,hte_sichuan,2021,forecast,10205,/.test(l))).toBe(true);
    expect(lines.some((l) => /^hindcast,2020,hte_sichuan,2019,fit,5594,/.test(l))).toBe(true);
    expect(lines.some((l) => /^in_sample,2022,hte_chongqing,2022,fit,6348,/.test(l))).toBe(true);
    const t = cli(['validate', '--cutoff', '2021', '--starts', '1', '--max-evals', '30', '--generations', '10']);
    expect(t.stdout).toMatch(/Hindcast: fitted on the targets 2015–2021, forecast 2022–2022/);
    expect(t.stdout).toMatch(/hte_sichuan\s+1\s+\d+\.\d/);
    // The naive drift forecast from 2021: 2 614 (2015) → 10 205 (2021) carried one year on is
    // 12 806, 11.7 % below the 14 500 of 2022.
    expect(t.stdout).toMatch(/Against the naive forecast \(each series' average growth over 2015–2021 carried forward/);
    expect(t.stdout).toMatch(/hte_sichuan\s+1\s+\d+\.\d\s+11\.7\s+-?\d+\.\d\d/);
    expect(t.stdout).toMatch(/The posterior fitted on 2015–2021 \(10 generations, largest R-hat not computable from so few states, \d+ draws\): its 90 % posterior-predictive band covers \d+ % of the \d+ later observations/);
    expect(committed()).toEqual(before);
  }, T);

  it('with several cut-offs, fits each and adds the errors by years ahead against the naive trend', () => {
    const before = committed();
    const r = cli(['validate', '--cutoff', '2020,2021', '--starts', '1', '--max-evals', '30', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { hindcasts: Array<{ cutoff: number }>; horizons: Array<{ family: string; horizon: number; points: number; cutoffs: number[] }> };
    expect(j.hindcasts.map((h) => h.cutoff)).toEqual([2020, 2021]);
    // One year ahead comes from both cut-offs (2021 from 2020, 2022 from 2021); two years ahead only from 2020.
    const hte1 = j.horizons.find((h) => h.family === 'hte' && h.horizon === 1)!;
    const hte2 = j.horizons.find((h) => h.family === 'hte' && h.horizon === 2)!;
    expect(hte1.cutoffs).toEqual([2020, 2021]);
    expect(hte2.cutoffs).toEqual([2020]);
    expect(j.horizons.some((h) => h.horizon > 2)).toBe(false);
    // The forecast-error scale per family: hte over its three points of those horizons.
    const fe = (j as unknown as { forecastError: Array<{ family: string; sigma: number; points: number; cutoffs: number[] }> }).forecastError.find((f) => f.family === 'hte')!;
    expect(fe.points).toBe(hte1.points + hte2.points);
    expect(fe.cutoffs).toEqual([2020, 2021]);
    expect(fe.sigma).toBeGreaterThan(0);
    const t = cli(['validate', '--cutoff', '2020,2021', '--starts', '1', '--max-evals', '30']);
    expect(t.stdout).toMatch(/By years ahead, over the cut-offs 2020, 2021 \(model and naive trend on the same points\):/);
    expect(t.stdout).toMatch(/hte\s+1\s+\d+\s+2020 2021\s+\d+\.\d\s+\d+\.\d/);
    expect(t.stdout).toContain('Forecast-error scale per family');
    expect(t.stdout).toMatch(new RegExp(`hte\\s+${fe.points}\\s+${fe.sigma.toFixed(3)}\\s+×/÷ \\d+\\.\\d\\d`));
    expect(committed()).toEqual(before);
  }, T);

  it('refuses a repeated cut-off, and --write with more than one', () => {
    expect(cli(['validate', '--cutoff', '2020,2020']).stderr).toBe('chengyu-sim: --cutoff: "2020,2020" names a year twice\n');
    const w = cli(['validate', '--cutoff', '2019,2020', '--write']);
    expect(w.code).toBe(2);
    expect(w.stderr).toBe('chengyu-sim: --write: takes one --cutoff (the committed validation holds one hindcast)\n');
  }, T);

  it('refuses a cut-off outside 2016–2021', () => {
    const r = cli(['validate', '--cutoff', '2023']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('chengyu-sim: --cutoff: "2023" is not allowed; allowed: a year in [2016, 2021]\n');
  }, T);
});

describe('chengyu-sim data', () => {
  it('exports the targets as the shipped CSV and the official figures as JSON', () => {
    const csv = cli(['data']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(readFileSync(new URL('../../src/model/chengyu/data/calibration-targets.csv', import.meta.url), 'utf8'));
    const out = join(dir, 'official.json');
    expect(cli(['data', '--table', 'official', '--out', out]).code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.table).toBe('official');
    expect(j.rows.length).toBe(128);
    expect(j.rows[0]).toMatchObject({ indicator: 'gdp', region: 'Chengdu High-tech Zone', reliability: 'medium' });
    expect(typeof j.rows[0].value).toBe('number');
    const bad = cli(['data', '--table', 'zone']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean zones/);
  }, T);
});
