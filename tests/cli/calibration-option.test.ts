// `--calibration FILE` on run, compare, batch and sensitivity, run as a user runs them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_PATH } from '../../src/cli/commands/calibrate.ts';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-calopt-'));
const T = 300_000;
const committed = JSON.parse(readFileSync(CALIBRATION_PATH, 'utf8'));
const other = join(dir, 'other.json');
writeFileSync(other, JSON.stringify({ ...committed, parameters: { ...committed.parameters, certification_rate: committed.parameters.certification_rate * 1.5 } }));

describe('--calibration FILE', () => {
  it('runs and compares with another calibration, and records it in the model version', () => {
    const args = ['run', 'scenarios/baseline.json', '--vars', 'hte_circle', '--format', 'json'];
    const a = JSON.parse(cli(args).stdout);
    const b = cli([...args, '--calibration', other]);
    expect(b.code).toBe(0);
    const jb = JSON.parse(b.stdout);
    expect(jb.series.hte_circle[0]).toBe(a.series.hte_circle[0]);
    expect(jb.series.hte_circle.at(-1)).toBeGreaterThan(a.series.hte_circle.at(-1));
    expect(jb.provenance.model_version).not.toBe(a.provenance.model_version);
    // The committed calibration as a file gives the committed numbers.
    const same = JSON.parse(cli([...args, '--calibration', CALIBRATION_PATH]).stdout);
    expect(same.series.hte_circle).toEqual(a.series.hte_circle);
    const c = cli(['compare', 'scenarios/baseline.json', 'scenarios/corridor.json', '--format', 'csv', '--calibration', other]);
    expect(c.code).toBe(0);
    expect(c.stdout.split('\n')[0]).toBe('kpi,unit,year,baseline,corridor,corridor_diff,corridor_pct');
  }, T);

  it('refuses a file with an unknown parameter or a bad value in one line, before any work', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ parameters: { certification_rat: 0.1 } }));
    const r = cli(['run', 'scenarios/baseline.json', '--calibration', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`chengyu-sim: --calibration ${bad}: parameters.certification_rat: not a calibrated parameter of the model (did you mean certification_rate?)\n`);
    writeFileSync(bad, '{"parameters": {"certification_rate": "x"}}');
    expect(cli(['run', 'scenarios/baseline.json', '--calibration', bad]).stderr).toMatch(/parameters\.certification_rate: "x" is not a finite number/);
    expect(cli(['run', 'scenarios/baseline.json', '--calibration', join(dir, 'none.json')]).stderr).toMatch(/cannot read \(no such file\)/);
  }, T);

  it('refuses values outside the plausible range, a missing parameter, and a posterior with an unknown column or a draw out of range', () => {
    const bad = join(dir, 'range.json');
    const refused = (file: object, message: string) => {
      writeFileSync(bad, JSON.stringify(file));
      const r = cli(['run', 'scenarios/baseline.json', '--calibration', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`chengyu-sim: --calibration ${bad}: ${message}\n`);
    };
    refused({ ...committed, parameters: { ...committed.parameters, certification_rate: 5 } },
      'parameters.certification_rate: 5 is outside the plausible range [0.02, 0.6] of certification_rate');
    const { certification_rate: _, ...rest } = committed.parameters;
    refused({ ...committed, parameters: rest },
      'parameters: missing certification_rate (a calibration gives every calibrated parameter, as `calibrate --out` writes)');
    const posterior = JSON.parse(readFileSync(join(CALIBRATION_PATH, '..', 'posterior.json'), 'utf8'));
    const j = posterior.parameters.indexOf('certification_rate');
    const draws = posterior.draws.map((row: number[]) => [...row]);
    draws[3][j] = 50;
    refused({ ...committed, posterior: { ...posterior, draws } },
      'posterior.draws[3] (certification_rate): 50 is outside the plausible range [0.02, 0.6] of certification_rate');
    refused({ ...committed, posterior: { ...posterior, parameters: ['bogus_param', ...posterior.parameters.slice(1)] } },
      'posterior.parameters[0]: "bogus_param" is not a parameter of the model');
  }, T);

  it('lets a batch draw from the file\'s posterior, or its priors; refuses a posterior it does not have', () => {
    const out = join(dir, 'batch');
    const r = cli(['batch', 'scenarios/baseline.json', '--runs', '8', '--workers', '0', '--calibration', other, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it has no posterior to draw from/);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    const p = cli(['batch', 'scenarios/baseline.json', '--runs', '8', '--workers', '0', '--calibration', other, '--uncertainty', 'prior', '--out', out]);
    expect(p.code).toBe(0);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toMatch(/^output,time,statistic,value/);
  }, T);
});
