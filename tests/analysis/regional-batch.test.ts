// The batch and sensitivity commands on the regional model itself (few runs: a run of the
// full model is far slower than the toy models the other suites use).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/chengyu-sim.js', import.meta.url));
const scenario = fileURLToPath(new URL('../../scenarios/corridor.json', import.meta.url));
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cy-regional-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('batch and sensitivity of the regional model', () => {
  it('same bytes in this thread and on two workers; manifest names scenario and model version', () => {
    const a = cli(['batch', scenario, '--runs', '4', '--seed', '5', '--workers', '0', '--chunk-size', '2', '--out', join(root, 'a')]);
    expect(a.stderr).toMatch(/4 computed/);
    const b = cli(['batch', scenario, '--runs', '4', '--seed', '5', '--workers', '2', '--chunk-size', '2', '--out', join(root, 'b')]);
    expect(b.status).toBe(0);
    const sa = readFileSync(join(root, 'a', 'summary.csv'));
    expect(readFileSync(join(root, 'b', 'summary.csv')).equals(sa)).toBe(true);
    const lines = sa.toString().split('\n');
    expect(lines.filter((l) => l.startsWith('hte_circle,2035,'))).toHaveLength(9);
    const m = JSON.parse(readFileSync(join(root, 'a', 'manifest.json'), 'utf8'));
    expect(m.scenario).toMatchObject({ id: 'corridor' });
    expect(m.modelVersion).toMatch(/^chengyu-/);
    expect(m.times[0]).toBe(2015);
    expect(m.times.at(-1)).toBe(2035);
  }, 300_000);
  it('Morris screening of hte_circle in 2035 ranks every uncertain parameter', () => {
    const r = cli(['sensitivity', scenario, '--method', 'morris', '--samples', '2', '--output', 'hte_circle', '--year', '2035', '--workers', '0', '--bootstrap', '20', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results[0]).toMatchObject({ output: 'hte_circle', year: 2035 });
    expect(out.results[0].parameters.length).toBeGreaterThan(5);
    expect(out.results[0].parameters.every((p: { mu_star: number }) => Number.isFinite(p.mu_star) && p.mu_star >= 0)).toBe(true);
  }, 300_000);
});
