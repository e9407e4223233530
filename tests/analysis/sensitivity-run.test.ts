import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { kpiColumns, sensitivity, tornado } from '../../src/model/analysis/sensitivity.ts';
import { ishigamiIndices, toyModel } from '../../src/model/analysis/toy-models.ts';
import { evaluatePoints } from '../../src/model/analysis/evaluate.ts';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import { poolEvaluator } from '../../src/model/worker/pool-evaluate.ts';

const bin = fileURLToPath(new URL('../../bin/chengyu-sim.js', import.meta.url));

describe('sensitivity driver', () => {
  const model = toyModel('linear');
  const local = (points: Float64Array, cols: Int32Array) => Promise.resolve(evaluatePoints(model, points, cols, 1));

  it('selects KPI columns and names unknown outputs and years', () => {
    expect([...kpiColumns(model, [{ output: 'ratio', time: 2027 }])]).toEqual([11 + 2]);
    expect(() => kpiColumns(model, [{ output: 'nope', time: 2027 }])).toThrow(/unknown output "nope"; allowed: level, ratio, noisy/);
    expect(() => kpiColumns(model, [{ output: 'level', time: 1999 }])).toThrow(/1999 is not a reported time; allowed: 2025 to 2035/);
  }, 180_000);

  it('ranks the parameters of a model with known structure (Sobol and Morris)', async () => {
    // level(2035) = a + 10 b: Var(a) = 4, Var(10 b) = 100/12 → S_a ≈ 0.32, S_b ≈ 0.68; c, d ≈ 0.
    const kpis = [{ output: 'level', time: 2035 }, { output: 'ratio', time: 2025 }];
    const s = await sensitivity(model, { method: 'sobol', samples: 4096, seed: 3, kpis, bootstrap: 50 }, local);
    expect(s.evaluations).toBe(4096 * 6);
    const level = s.results[0].sobol!;
    expect(level.S1[0]).toBeCloseTo(4 / (4 + 100 / 12), 1);
    expect(level.S1[1]).toBeCloseTo(100 / 12 / (4 + 100 / 12), 1);
    expect(Math.abs(level.ST[2])).toBeLessThan(1e-12);
    expect(tornado(s.results[0], s.params).map((b) => b.param).slice(0, 2)).toEqual(['b', 'a']);
    // ratio = a / c does not depend on b or d at all.
    expect(tornado(s.results[1], s.params).slice(2).every((b) => b.value === 0)).toBe(true);
    const m = await sensitivity(model, { method: 'morris', samples: 30, seed: 3, kpis, bootstrap: 50 }, local);
    expect(m.evaluations).toBe(30 * 5);
    expect(m.results[0].morris!.muStar[1]).toBeCloseTo(10, 10); // ∂level/∂b over b's full range [0, 1]
    expect(m.results[0].morris!.muStar[3]).toBe(0);
  }, 180_000);

  it('gives the same numbers on a worker pool as in this thread', async () => {
    const pool = createNodePool(2);
    try {
      const kpis = [{ output: 'ratio', time: 2030 }];
      const job = { model: { kind: 'toy' as const, name: 'linear' }, runs: 1, seed: 1, sampling: 'random' as const };
      const opts = { method: 'sobol' as const, samples: 700, seed: 5, kpis, bootstrap: 20 };
      const a = await sensitivity(model, opts, local);
      const b = await sensitivity(model, opts, poolEvaluator(pool, job, 4, 1, 100));
      expect(b).toEqual(a);
    } finally {
      pool.close();
    }
  }, 180_000);
});

describe('chengyu-sim sensitivity', () => {
  it('estimates Ishigami Sobol indices within 0.02 (JSON output)', () => {
    const r = spawnSync(process.execPath, [bin, 'sensitivity', '--toy-model', 'ishigami', '--method', 'sobol', '--samples', '8192', '--format', 'json', '--workers', '2', '--bootstrap', '50'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const exact = ishigamiIndices();
    out.results[0].parameters.forEach((p: { S1: number; ST: number; ST_ci: [number, number] }, i: number) => {
      expect(Math.abs(p.S1 - exact.S1[i])).toBeLessThan(0.02);
      expect(Math.abs(p.ST - exact.ST[i])).toBeLessThan(0.02);
      expect(p.ST_ci[0]).toBeLessThanOrEqual(p.ST);
    });
  }, 180_000);
  it('prints a ranked table and rejects bad options with one line', () => {
    const r = spawnSync(process.execPath, [bin, 'sensitivity', '--toy-model', 'ishigami', '--workers', '0', '--samples', '40'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^x\d/.test(l));
    expect(rows.map((l) => l.slice(0, 2))).toHaveLength(3);
    expect(r.stdout).toMatch(/Morris elementary effects, 4 levels \(160 runs/);
    const bad = spawnSync(process.execPath, [bin, 'sensitivity', '--toy-model', 'ishigami', '--samples', '1'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim()).toBe('chengyu-sim: --samples: "1" is not allowed; allowed: an integer from 2 to 10000000');
  }, 180_000);
});
