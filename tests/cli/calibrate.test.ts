// `chengyu-sim calibrate` through the real command. Fits are kept tiny (one start, a few
// dozen runs) and written to a temporary --out, so the committed calibration is untouched.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_PATH } from '../../src/cli/commands/calibrate.ts';
import { CALIBRATED_IDS } from '../../src/model/chengyu/index.ts';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-cal-'));
const T = 400_000;

describe('chengyu-sim calibrate', () => {
  it('fits deterministically, writes the calibration atomically to --out and prints the fit report', () => {
    const committed = readFileSync(CALIBRATION_PATH, 'utf8');
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const r = cli(['calibrate', '--starts', '1', '--max-evals', '40', '--seed', '7', '--out', a]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`calibrate: wrote ${a}`);
    expect(r.stdout).toMatch(/^Basis: Weighted least squares/);
    expect(r.stdout).toMatch(/hte_sichuan \(Table 2\)\s+2018\s+Table 2\s+4250/);
    expect(r.stdout).toMatch(/MAPE hte_sichuan \(Table 2\)\s+\d+\.\d%/);
    expect(r.stdout).toContain('Acceptance targets of the calibrated baseline:');
    const file = JSON.parse(readFileSync(a, 'utf8'));
    expect(Object.keys(file.parameters).sort()).toEqual([...CALIBRATED_IDS].sort());
    expect(file).toMatchObject({ seed: 7, starts: 1, maxEvals: 40 });
    cli(['calibrate', '--starts', '1', '--max-evals', '40', '--seed', '7', '--out', b]);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(CALIBRATION_PATH, 'utf8')).toBe(committed);
  }, T);

  it('reports the committed calibration without fitting (--report-only --format json)', () => {
    const r = cli(['calibrate', '--report-only', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.calibration.parameters).toEqual(JSON.parse(readFileSync(CALIBRATION_PATH, 'utf8')).parameters);
    expect(j.report.series.length).toBeGreaterThan(5);
    for (const s of j.report.series) expect(Number.isFinite(s.mape)).toBe(true);
    expect(j.targets.map((t: { name: string }) => t.name)).toContain('hte_sichuan Table 2 2015–2018 MAPE (%)');
  }, T);

  it('rejects a bad option in one line, writing nothing', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"keep": true}\n');
    const r = cli(['calibrate', '--starts', '0', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('chengyu-sim: --starts: "0" is not allowed; allowed: an integer in [1, 1000]\n');
    expect(readFileSync(out, 'utf8')).toBe('{"keep": true}\n');
  }, T);
});
