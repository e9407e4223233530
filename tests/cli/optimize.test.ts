// `chengyu-sim optimize` through the real command: the empty package when the baseline already
// meets the targets, a clear answer for an unreachable target, a found package that meets its
// targets when run, determinism, checkpoint resume, and bad input refused with exit 2.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/scenario/scenario.ts';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-opt-'));
const T = 600_000;
// A target the baseline misses (its circle count for 2030 reaches 66 000 in a third of the draws) but a package reaches.
const REACHABLE = ['--target', 'hte_circle@2030>=66000', '--confidence', '0.6', '--runs', '12', '--generations', '4', '--seed', '3'];

describe('chengyu-sim optimize', () => {
  it('answers the empty package at cost 0 when the baseline already meets the targets', () => {
    const r = cli(['optimize', '--target', 'hte_circle@2030>=40000', '--target', 'rd_intensity_sichuan@2030>=2.5', '--runs', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The baseline already meets every target with at least 80 % probability over 20 common posterior draws: the answer is the empty package, cost 0\./);
    expect(r.stdout).toMatch(/hte_circle@2030>=40000\s+\d+\s+100 %/);
  }, T);

  it('says clearly when a target is out of reach, and how close the strongest package comes', () => {
    const r = cli(['optimize', '--target', 'rd_intensity_sichuan@2030>=9', '--runs', '10', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { feasible: boolean; unreachable: boolean; best: { targets: { reached: number; probability: number }[] } };
    expect(j.feasible).toBe(false);
    expect(j.unreachable).toBe(true);
    expect(j.best.targets[0].probability).toBe(0);
    expect(j.best.targets[0].reached).toBeGreaterThan(2.7);
    expect(j.best.targets[0].reached).toBeLessThan(9);
    const t = cli(['optimize', '--target', 'rd_intensity_sichuan@2030>=9', '--runs', '10']);
    expect(t.stdout).toMatch(/^Not reachable within the lever ranges: even with every lever at its strongest from 2026, rd_intensity_sichuan reaches \d\.\d\d by 2030 with 80 % probability \(target >= 9: probability 0\.00\)\./);
    expect(t.stdout).not.toContain('As a scenario file');
  }, T);

  it('finds a package that meets the target, writes it as a scenario, and does so deterministically', () => {
    const out = join(dir, 'package.json');
    const a = cli(['optimize', ...REACHABLE, '--format', 'json']);
    const b = cli(['optimize', ...REACHABLE, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout) as { feasible: boolean; costSplit: { sichuan: number; chongqing: number }; best: { cost: number; targets: { probability: number }[] }; front: { cost: number }[] };
    expect(j.feasible).toBe(true);
    // Who pays adds up to the package's cost.
    expect(j.costSplit.sichuan + j.costSplit.chongqing).toBeCloseTo(j.best.cost, 6);
    expect(j.best.cost).toBeGreaterThan(0);
    expect(j.best.targets[0].probability).toBeGreaterThanOrEqual(0.6);
    expect(a.stderr).toMatch(/optimize: generation 4\/4: \d+ packages/);
    const t = cli(['optimize', ...REACHABLE, '--out', out]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Cheapest package found: cumulative cost \d+ 亿元 to 2035/);
    expect(t.stdout).toContain(`Scenario written to ${out}.`);
    expect(t.stdout).toMatch(/\nPaid by Sichuan \d+ 亿元 \(\d+ %\), by Chongqing \d+ 亿元 \(\d+ %\)\.\n/);
    // The scenario file is valid and, run on its own, lifts the circle's 2030 count above the baseline's.
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(Object.keys(scenario.levers).length).toBeGreaterThan(0);
    const run = cli(['run', out, '--vars', 'hte_circle']);
    const base = cli(['run', 'scenarios/baseline.json', '--vars', 'hte_circle']);
    const at2030 = (csv: string) => Number(csv.split('\n').find((l) => l.startsWith('2030,'))!.split(',')[1]);
    expect(at2030(run.stdout)).toBeGreaterThan(at2030(base.stdout));
  }, T);

  it('resumes from a checkpoint to the same answer as an uninterrupted search', () => {
    const ck = join(dir, 'search.ckpt.json');
    const half = cli(['optimize', ...REACHABLE.slice(0, -4), '--generations', '2', '--seed', '3', '--checkpoint', ck, '--format', 'json']);
    expect(half.code).toBe(0);
    expect(existsSync(ck)).toBe(true);
    const resumed = cli(['optimize', ...REACHABLE, '--checkpoint', ck, '--format', 'json']);
    expect(resumed.stderr).toContain(`optimize: resuming from ${ck} at generation 2`);
    const whole = cli(['optimize', ...REACHABLE, '--format', 'json']);
    expect(resumed.stdout).toBe(whole.stdout);
    // A checkpoint of another question is refused, not silently reused.
    const other = cli(['optimize', '--target', 'hte_circle@2030>=67000', '--runs', '12', '--checkpoint', ck]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('saved by optimize with other targets or options');
  }, T);

  it('refuses bad input with one line and exit 2, writing nothing', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous\n');
    const cases: [string[], RegExp][] = [
      [['--target', 'hte_circle>40000'], /--target: target "hte_circle>40000" is not of the form output@year>=value/],
      [['--target', 'hte_nowhere@2030>=1'], /the model has no output hte_nowhere/],
      [['--target', 'hte_circle@2040>=1'], /must lie in 2015–2035/],
      [['--target', 'hte_circle@2030>=1', '--fix', 'parks.size=2'], /--fix parks\.size=2: no lever field parks\.size/],
      [['--target', 'hte_circle@2030>=1', '--fix', 'parks.count=2.5'], /--fix parks\.count=2\.5: 2\.5 is not a whole number/],
      [['--target', 'hte_circle@2030>=1', '--confidence', '1.5'], /--confidence: "1\.5" is not allowed/],
    ];
    for (const [args, msg] of cases) {
      const r = cli(['optimize', ...args, '--runs', '5', '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  }, T);
});
