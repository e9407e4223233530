import { describe, expect, it } from 'vitest';
import { costProbabilityFront, goalSeek, type GoalProblem, type GoalSeekState } from '../../src/model/analysis/goal-seek.js';
import { parseGoalTarget, targetMeeting } from '../../src/model/analysis/goal-targets.js';

// Ten draws of an uncertain offset, -2 … 2 evenly.
const EPS = Array.from({ length: 10 }, (_, i) => -2 + (4 * i) / 9);

/** y = a + b + ε at cost 2a + b: the cheapest package puts everything into b. */
function toy(threshold: number, confidence = 0.8): GoalProblem {
  return {
    decisions: [
      { id: 'a', min: 0, max: 10, integer: false },
      { id: 'b', min: 0, max: 20, integer: false },
    ],
    targets: [parseGoalTarget(`y@2030>=${threshold}`)],
    confidence,
    budget: Infinity,
    evaluate: (ps) => Promise.resolve(ps.map((p) => ({ cost: 2 * p.a + p.b, values: [EPS.map((e) => p.a + p.b + e)] }))),
  };
}

describe('goal targets', () => {
  it('parses the written form and refuses others', () => {
    expect(parseGoalTarget('rd_intensity_sichuan@2030>=2.5')).toMatchObject({ output: 'rd_intensity_sichuan', year: 2030, op: '>=', value: 2.5 });
    expect(parseGoalTarget(' hte[chengdu] @ 2035 <= 1e4 ')).toMatchObject({ output: 'hte[chengdu]', year: 2035, op: '<=', value: 10000 });
    expect(() => parseGoalTarget('hte_circle>40000')).toThrow(/output@year>=value/);
  });

  it('decides by the order statistic of the confidence', () => {
    const t = parseGoalTarget('y@2030>=5');
    // 8 of 10 draws at or above 5 → met at 0.8, the 8th best value is exactly 5.
    const m = targetMeeting(t, [9, 8, 7, 6, 5.5, 5.2, 5.1, 5, 1, 0], 0.8);
    expect(m.probability).toBe(0.8);
    expect(m.reached).toBe(5);
    expect(m.shortfall).toBe(0);
    const miss = targetMeeting(t, [9, 8, 7, 6, 5.5, 5.2, 5.1, 4, 1, NaN], 0.8);
    expect(miss.probability).toBe(0.7);
    expect(miss.shortfall).toBeCloseTo(0.2, 12);
  });
});

describe('goalSeek', () => {
  it('finds the analytic cheapest package of a toy problem', async () => {
    // Met in 8 of 10 draws ⇔ a + b + ε_(8th best) ≥ 10; ε_(8th best) = EPS[2]; cost = b = 10 − EPS[2].
    const optimum = 10 - EPS[2];
    const r = await goalSeek(toy(10), { seed: 3, generations: 80, seeds: [{ a: 0, b: 0 }, { a: 10, b: 20 }] });
    expect(r.best.feasible).toBe(true);
    expect(r.best.cost).toBeGreaterThanOrEqual(optimum - 1e-9);
    expect(r.best.cost).toBeLessThan(optimum * 1.005);
    expect(r.best.pkg.a).toBeLessThan(0.05);
  });

  it('says a target is out of reach and how close the best package comes', async () => {
    const r = await goalSeek(toy(100), { seed: 3, generations: 30, seeds: [{ a: 10, b: 20 }] });
    expect(r.best.feasible).toBe(false);
    expect(r.best.meetings[0].reached).toBeCloseTo(30 + EPS[2], 6);
    expect(r.best.meetings[0].probability).toBe(0);
  });

  it('is deterministic for a seed and resumes a checkpoint to the same answer', async () => {
    const whole = await goalSeek(toy(10), { seed: 5, generations: 30 });
    let saved: GoalSeekState | undefined;
    await goalSeek(toy(10), { seed: 5, generations: 15, onGeneration: (s) => (saved = JSON.parse(JSON.stringify(s)) as GoalSeekState) });
    const resumed = await goalSeek(toy(10), { seed: 5, generations: 30, resume: saved });
    expect(resumed.best).toEqual(whole.best);
    expect(resumed.evaluations).toBe(whole.evaluations);
  });

  it('keeps a front where cost rises with probability', async () => {
    const r = await goalSeek(toy(10, 0.9), { seed: 1, generations: 20, seeds: [{ a: 0, b: 0 }] });
    const front = costProbabilityFront(r.front);
    for (let i = 1; i < front.length; i++) {
      expect(front[i].cost).toBeGreaterThanOrEqual(front[i - 1].cost);
      expect(front[i].meetings[0].probability).toBeGreaterThan(front[i - 1].meetings[0].probability);
    }
    expect(front[0].cost).toBe(0);
  });
});
