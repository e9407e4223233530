import { describe, expect, it } from 'vitest';
import { buildChengyuSpec, runChengyu } from '../../src/model/chengyu/index.ts';
import { valueAt } from '../../src/model/chengyu/experiments.ts';

// Speed rests on a structural property: exponentials and powers over the node × node matrices
// depend on constants only, so the engine computes them once per run instead of every step.
const spec = buildChengyuSpec();
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
    const runs = [runChengyu(), runChengyu({ lever_corridor_integration: 0.6, lever_coordination_level: 0.7, lever_corridor_start_year: 2022, lever_coordination_start_year: 2021 })];
    for (const r of runs) {
      for (const y of [2018, 2035]) {
        const k = valueAt(r, 'corridor_effect', y);
        const co = valueAt(r, 'coordination_effect', y);
        for (const [m, none, full] of [['spill_weight', 'spill_decay_none', 'spill_decay_full'], ['reach', 'reach_decay_none', 'reach_decay_full']]) {
          for (const pair of ['chengdu,chongqing', 'mianyang,chengdu', 'rongchang,neijiang', 'chengdu,chengdu']) {
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
    // Per step, EXP remains only in the two price/scale indices and the node-wise powers written as EXP(e * LN(x)).
    const stepExp = spec.variables.filter((v) => /EXP\(/.test(text(v.equation)) && !constant.has(v.name) && v.kind !== 'stock').map((v) => v.name);
    expect(stepExp.sort()).toEqual(['buyer_share', 'capability', 'firm_scale', 'hte_size_weighted', 'innovation_index', 'local_formation', 'price_level']);
  });
});
