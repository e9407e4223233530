import { describe, expect, it } from 'vitest';
import { buildChengyuSpec, runChengyu } from '../../src/model/chengyu/index.ts';
import { valueAt } from '../../src/model/chengyu/experiments.ts';
import { NODE_IDS } from '../../src/model/chengyu/nodes.ts';
import { PARAMETER_INDEX } from '../../src/model/chengyu/parameters.ts';
import { CALIBRATED_VALUES } from '../../src/model/chengyu/equations.ts';

// Speed rests on a structural property: exponentials and powers over the node × node matrices
// depend on constants only, so the engine computes them once per run instead of every step.
const spec = buildChengyuSpec();
// Identities between variables hold at each instant, not between year means of products.
const INSTANT = { sim: { saveMode: 'instant' as const } };
const TIME_DEPENDENT_FUNCTIONS = /\b(TIME|STEP|RAMP|PULSE|SMTH1|SMTH3|SMTHN|DELAY|DELAY1|DELAY3|DELAYN|TREND|FORCST|PREVIOUS|RANDOM|NORMAL|LOGNORMAL|POISSON|EXPRND)\b/;
const text = (e: string | Record<string, string>) => (typeof e === 'string' ? e : Object.values(e).join(' '));
const refs = (e: string) => [...e.matchAll(/\b[a-z_][a-z0-9_]*\b/g)].map((m) => m[0]).filter((n) => n !== 'node' && n !== 'src');

function constantOnly(): Set<string> {
  const byName = new Map(spec.variables.map((v) => [v.name, v]));
  const memo = new Map<string, boolean>();
  const visit = (name: string): boolean => {
    if (memo.has(name)) return memo.get(name)!;
    memo.set(name, false);
    const v = byName.get(name);
    const eq = v ? text(v.equation) : '';
    const ok = !!v && v.kind === 'aux' && !TIME_DEPENDENT_FUNCTIONS.test(eq) && refs(eq).every(visit);
    memo.set(name, ok);
    return ok;
  };
  return new Set(spec.variables.map((v) => v.name).filter(visit));
}

describe('per-step work of the regional model', () => {
  const constant = constantOnly();

  it('finds the constant-only matrices (the check itself works)', () => {
    for (const n of ['dist_km', 'spill_decay_none', 'spill_decay_full', 'reach_decay_none', 'reach_decay_full', 'corridor_response']) expect(constant.has(n), n).toBe(true);
    for (const n of ['spill_weight', 'reach', 'corridor_effect', 'hte']) expect(constant.has(n), n).toBe(false);
  });

  it('computes no exponential or power over a node × node matrix inside the time loop', () => {
    const offenders = spec.variables.filter((v) => (v.dims?.length ?? 0) === 2 && /EXP\(|\^|LN\(/.test(text(v.equation)) && !constant.has(v.name));
    expect(offenders.map((v) => v.name)).toEqual([]);
  });

  it('blends the link weights from constant matrices: the base before any lever acts, border × blended decay after', () => {
    const runs = [runChengyu({}, INSTANT), runChengyu({ lever_corridor_integration: 0.6, lever_coordination_level: 0.7, lever_corridor_start_year: 2022, lever_coordination_start_year: 2021 }, INSTANT)];
    for (const r of runs) {
      for (const y of [2018, 2035]) {
        const k = valueAt(r, 'corridor_effect', y);
        const co = valueAt(r, 'coordination_effect', y);
        for (const [m, none, full] of [['spill_weight', 'spill_decay_none', 'spill_decay_full'], ['reach', 'reach_decay_none', 'reach_decay_full']]) {
          for (const pair of ['chengdu,chongqing_zone', 'mianyang,chengdu', 'rongchang,neijiang', 'chengdu,chengdu']) {
            const b = valueAt(r, `border_none[${pair}]`, y);
            const n = valueAt(r, `${none}[${pair}]`, y);
            const f = valueAt(r, `${full}[${pair}]`, y);
            expect(valueAt(r, `${m}[${pair}]`, y), `${m}[${pair}] ${y}`).toBeCloseTo((b + (1 - b) * co) * (n + k * (f - n)), 12);
          }
        }
      }
    }
    expect(valueAt(runs[1], 'corridor_effect', 2035)).toBeGreaterThan(0.5);
  });

  it('keeps the lever responses (exponentials of constants) out of the time loop', () => {
    for (const n of ['corridor_response', 'coordination_response', 'transfer_response', 'park_capacity']) expect(constant.has(n), n).toBe(true);
    // Per step, EXP remains only in the two price/scale indices; the fractional powers are
    // node-wise (the engine takes them as exp/log).
    const stepExp = spec.variables.filter((v) => /EXP\(/.test(text(v.equation)) && !constant.has(v.name) && v.kind !== 'stock').map((v) => v.name);
    expect(stepExp.sort()).toEqual(['firm_scale', 'price_level']);
    expect(constant.has('certificate_survival')).toBe(true);
    const stepPow = spec.variables.filter((v) => /\^/.test(text(v.equation)) && !constant.has(v.name)).map((v) => v.name);
    expect(stepPow.sort()).toEqual(['buyer_share', 'capability', 'certification_incentive', 'hte_size_weighted', 'innovation_index', 'local_formation', 'transfer_push']);
    for (const n of stepPow) expect(spec.variables.find((v) => v.name === n)!.dims?.length ?? 0, n).toBeLessThanOrEqual(1);
  });

  // The sums write the link weights out (so that before any lever acts a step sums over the
  // constant base only); they must still equal the sums over the reported weight matrices.
  const leverRun = () => runChengyu({
    lever_corridor_integration: 0.6, lever_coordination_level: 0.7, lever_corridor_start_year: 2022, lever_coordination_start_year: 2021,
    lever_science_city_investment: 150, lever_science_city_sharing: 0.5, lever_rd_support_extra_share_gdp: 0.3, lever_science_city_start_year: 2021, lever_rd_support_start_year: 2021,
  }, INSTANT);
  const runs = [['baseline', runChengyu({}, INSTANT)], ['levers', leverRun()]] as const;
  const param = (id: string) => CALIBRATED_VALUES[id] ?? (PARAMETER_INDEX.get(id)!.value as number);

  it('sums over the written-out link weights equal the sums over spill_weight and reach', () => {
    for (const [label, r] of runs) {
      for (const y of [2016, 2025, 2035]) {
        const at = (n: string) => valueAt(r, n, y);
        for (const n of NODE_IDS) {
          const sum = (w: string, x: (s: string) => number) => NODE_IDS.reduce((a, s) => a + at(`${w}[${n},${s}]`) * x(s), 0);
          const check = (got: number, want: number, what: string) => expect(Math.abs(got - want), `${label} ${y} ${what}[${n}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
          check(at(`spillover_pool[${n}]`), sum('spill_weight', (s) => at(`effective_knowledge[${s}]`)), 'spillover_pool');
          check(at(`market_access[${n}]`) - param('external_market_weight') * at('gdp_circle_index'), sum('reach', (s) => at(`buyer_share[${s}]`)), 'market_access');
          check(at(`tech_absorbed[${n}]`), at(`buyer_share[${n}]`) * sum('reach', (s) => at(`seller_sales[${s}]`)), 'tech_absorbed');
        }
      }
    }
    expect(valueAt(runs[1][1], `facility_access[${NODE_IDS[0]}]`, 2035)).toBeGreaterThan(0);
  });

  it('computes capability and transfer push as the powers they are', () => {
    for (const [label, r] of runs) {
      for (const y of [2016, 2025, 2035]) {
        const at = (n: string) => valueAt(r, n, y);
        for (const n of NODE_IDS) {
          const cap = (at(`support_rd_intensity[${n}]`) / valueAt(r, `support_rd_intensity[${n}]`, 2015)) ** param('certification_rd_elasticity');
          expect(at(`capability[${n}]`), `${label} ${y} capability[${n}]`).toBeCloseTo(cap, 12);
          expect(at(`transfer_push[${n}]`), `${label} ${y} transfer_push[${n}]`).toBeCloseTo(at(`absorbed_ratio[${n}]`) ** param('transfer_formation_elasticity'), 12);
        }
      }
    }
    // The lever run raises capability somewhere (the test is not only about 1 = 1).
    expect(Math.max(...NODE_IDS.map((n) => valueAt(runs[1][1], `capability[${n}]`, 2035)))).toBeGreaterThan(1.001);
  });
});
