import { describe, expect, it } from 'vitest';
import { packageInteraction, paperPackageConstants, PAPER_PACKAGE, valueAt } from '../../src/model/chengyu/experiments.ts';
import { runChengyu } from '../../src/model/chengyu/index.ts';

describe('the paper package is not the plain sum of its parts', () => {
  const rows = packageInteraction(['hte_circle', 'hte_noncore_zones', 'rd_intensity_circle', 'tech_contracts_circle', 'tech_potential_circle', 'policy_cost_cumulative'], 2035);
  const row = (o: string) => rows.find((r) => r.output === o)!;

  it('computes the package and single effects from real runs', () => {
    const base = valueAt(runChengyu(), 'hte_circle', 2035);
    const pkg = valueAt(runChengyu(paperPackageConstants()), 'hte_circle', 2035);
    expect(row('hte_circle').package).toBeCloseTo(pkg - base, 6);
    expect(Object.keys(row('hte_circle').single).sort()).toEqual(Object.keys(PAPER_PACKAGE).sort());
  });

  it('technology-contract potential shows strong synergy (conversion × knowledge × reach multiply)', () => {
    const r = row('tech_potential_circle');
    expect(r.interaction).toBeGreaterThan(0);
    expect(r.interactionPct).toBeGreaterThan(10);
  });

  it('the turnover ceiling offsets that synergy: realised turnover is far less super-additive than its potential', () => {
    const realised = row('tech_contracts_circle');
    const potential = row('tech_potential_circle');
    expect(realised.interactionPct).toBeLessThan(potential.interactionPct - 10);
    expect(realised.package / realised.baseline).toBeLessThan(potential.package / potential.baseline);
    expect(realised.package).toBeGreaterThan(0);
  });

  it('enterprises of the circle gain more together than the parts add up to', () => {
    const r = row('hte_circle');
    expect(r.package).toBeGreaterThan(0);
    expect(r.interactionPct).toBeGreaterThan(1);
  });

  it('costs add up almost exactly (spending is nearly additive, effects are not)', () => {
    const r = row('policy_cost_cumulative');
    expect(Math.abs(r.interactionPct)).toBeLessThan(Math.abs(row('hte_circle').interactionPct));
    expect(Math.abs(r.interactionPct)).toBeLessThan(Math.abs(row('tech_potential_circle').interactionPct));
  });
});
