// The web app's goal search (model-bridge/goal-search.ts, as the model worker runs it) gives
// the package `chengyu-sim optimize` gives with the same settings: the same method, common
// draws and seed, so the browser's answer can be reproduced headless. Also its three kinds
// of answer, and progress after every generation.
import { describe, expect, it } from 'vitest';
import { goalSearch, goalTargetText } from '../../src/ui/model-bridge/goal-search.ts';
import type { GoalProgress, GoalRequest } from '../../src/ui/model-bridge/goal-types.ts';
import { packageLevers, packageSettings } from '../../src/model/chengyu/optimize.ts';
import { resolveLevers } from '../../src/model/scenario/scenario.ts';
import { cli } from '../cli/run-cli.ts';

const T = 600_000;

/** The CLI's arguments for a request. */
function cliArgs(req: GoalRequest): string[] {
  return [
    'optimize',
    ...req.targets.flatMap((t) => ['--target', goalTargetText(t)]),
    '--confidence', String(req.confidence),
    ...(req.budget === null ? [] : ['--budget', String(req.budget)]),
    ...Object.entries(req.fixed).flatMap(([k, v]) => ['--fix', `${k}=${v}`]),
    '--runs', String(req.runs), '--generations', String(req.generations), '--seed', String(req.seed), '--format', 'json',
  ];
}

interface CliJson {
  feasible: boolean;
  baselineMeets: boolean;
  unreachable: boolean;
  evaluations: number;
  costSplit: { sichuan: number; chongqing: number } | null;
  best: { cost: number; package: Record<string, number>; targets: { probability: number; reached: number }[] };
  front: { cost: number; targets: { probability: number }[] }[];
}

describe('goal search in the web app', () => {
  it('finds the package the CLI finds with the same settings, to the bit, and reports each generation', async () => {
    const req: GoalRequest = {
      targets: [{ output: 'hte_circle', year: 2030, op: '>=', value: 66000 }],
      confidence: 0.6,
      budget: null,
      fixed: { 'parks.count': 2 },
      runs: 12,
      generations: 3,
      seed: 3,
    };
    const seen: GoalProgress[] = [];
    const a = await goalSearch(req, (p) => seen.push(p));
    const r = cli(cliArgs(req));
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as CliJson;
    expect(a.kind).toBe('found');
    expect(j.feasible).toBe(true);
    expect(a.best.cost).toBe(j.best.cost);
    expect(a.best.levers).toEqual(resolveLevers({ levers: packageLevers(packageSettings(j.best.package, req.fixed)) }));
    expect(a.best.meetings).toEqual(j.best.targets.map((t) => ({ probability: t.probability, reached: t.reached })));
    expect(a.split).toEqual(j.costSplit);
    expect(a.evaluations).toBe(j.evaluations);
    // The front as the CLI lists it (the CLI's JSON has all of it; the panel at most 12 rows, first and last kept).
    expect(a.front[0].cost).toBe(j.front[0].cost);
    expect(a.front.at(-1)!.cost).toBe(j.front.at(-1)!.cost);
    expect(a.front.every((p) => j.front.some((f) => f.cost === p.cost))).toBe(true);
    expect(seen.map((p) => p.generation)).toEqual([1, 2, 3]);
    expect(seen.every((p) => p.generations === 3 && p.evaluations > 2)).toBe(true);
    expect(seen.at(-1)!.feasible).toBe(true);
  }, T);

  it('answers the empty package when the baseline meets the targets, and says when a target is out of reach', async () => {
    const base = await goalSearch({ targets: [{ output: 'hte_circle', year: 2030, op: '>=', value: 40000 }], confidence: 0.8, budget: null, fixed: {}, runs: 10, generations: 5, seed: 1 });
    expect(base.kind).toBe('baseline');
    expect(base.best.cost).toBe(0);
    expect(base.best.meetings[0].probability).toBe(1);
    const far = await goalSearch({ targets: [{ output: 'rd_intensity_sichuan', year: 2030, op: '>=', value: 9 }], confidence: 0.8, budget: null, fixed: {}, runs: 10, generations: 5, seed: 1 });
    expect(far.kind).toBe('unreachable');
    expect(far.best.meetings[0].probability).toBe(0);
    expect(far.best.meetings[0].reached).toBeGreaterThan(2.7);
    expect(far.best.meetings[0].reached).toBeLessThan(9);
    expect(far.targetTexts).toEqual(['rd_intensity_sichuan@2030>=9']);
  }, T);

  it('refuses a target the model cannot judge, naming it', async () => {
    await expect(goalSearch({ targets: [{ output: 'hte_nowhere', year: 2030, op: '>=', value: 1 }], confidence: 0.8, budget: null, fixed: {}, runs: 5, generations: 1, seed: 1 })).rejects.toThrow(/no output hte_nowhere/);
  });
});
