import { describe, expect, it } from 'vitest';
import { runChengyu } from '../../src/model/chengyu/index.ts';
import { valueAt } from '../../src/model/chengyu/experiments.ts';
import { LEVERS, START_YEAR_RANGE } from '../../src/model/scenario/levers.ts';
import type { RunResult } from '../../src/model/engine/types.ts';

/** Every lever field at its maximum (or minimum), starting at `start`. */
function allLevers(pick: 'max' | 'min', start: number): Record<string, number> {
  const c: Record<string, number> = {};
  for (const l of LEVERS) for (const f of l.fields) c[`lever_${l.id}_${f.field}`] = f.field === 'start_year' ? start : f[pick];
  return c;
}

// Variables that are signed by nature (net flows and growth rates); everything else must stay >= 0.
const SIGNED = /^(talent_change|talent_growth_rate|log_[a-z_]+)(\[|$)/; // logarithms are signed

function finiteNonNegative(r: RunResult) {
  // One assertion over all values (an expect per value is slow at thousands of series).
  const bad: string[] = [];
  for (const n of r.names) {
    for (const x of r.series.get(n)!) if (!Number.isFinite(x) || (!SIGNED.test(n) && x < 0)) bad.push(`${n} = ${x}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

describe('extreme conditions over 20 years', () => {
  it('every lever at its maximum from the earliest start year stays finite and non-negative', () => {
    finiteNonNegative(runChengyu(allLevers('max', START_YEAR_RANGE.min)));
  });

  it('every lever at its maximum from 2021 stays finite and non-negative, RK4 too', () => {
    finiteNonNegative(runChengyu(allLevers('max', 2021)));
    finiteNonNegative(runChengyu(allLevers('max', 2021), { method: 'rk4' }));
  });

  it('every lever at its minimum stays finite and non-negative', () => {
    finiteNonNegative(runChengyu(allLevers('min', START_YEAR_RANGE.min)));
  });

  it('extreme parameters at the ends of their ranges stay finite and non-negative', () => {
    finiteNonNegative(
      runChengyu(allLevers('max', START_YEAR_RANGE.min), {
        parameters: { knowledge_depreciation: 0.3, renewal_probability: 0.6, sme_exit_rate: 0.2, talent_growth_base: 0.03, talent_attraction: 0.1, corridor_mobility_gain: 1 },
      }),
    );
  });

  it('a node without talent forms no enterprises, even with every lever on', () => {
    for (const constants of [{}, allLevers('max', START_YEAR_RANGE.min), { lever_parks_count: 20, lever_parks_origin_share: 0.5 }]) {
      // 0 is outside talent_per_hte's plausible range: an extreme condition, asked for as such.
      const r = runChengyu(constants, { parameters: { 'talent_per_hte[zigong]': 0 }, outsideRange: true });
      expect(() => runChengyu(constants, { parameters: { 'talent_per_hte[zigong]': 0 } })).toThrow(/outside the plausible range/);
      expect(Array.from(r.series.get('talent[zigong]')!).every((x) => x === 0)).toBe(true);
      expect(Array.from(r.series.get('formation[zigong]')!).every((x) => x === 0)).toBe(true);
      // No new S&T SMEs: its firms (registry plus certified) only move between the two or leave.
      const sme = r.series.get('sme[zigong]')!;
      const hte = r.series.get('hte[zigong]')!;
      for (let i = 1; i < sme.length; i++) expect(sme[i] + hte[i]).toBeLessThanOrEqual(sme[i - 1] + hte[i - 1] + 1e-9);
      // Other nodes still form enterprises.
      expect(valueAt(r, 'formation[luzhou]', 2030)).toBeGreaterThan(0);
    }
  });

  it('a circle without talent forms no enterprises and its enterprises decline', () => {
    const parameters = Object.fromEntries(
      ['chengdu', 'deyang', 'mianyang', 'leshan', 'zigong', 'panzhihua', 'luzhou', 'neijiang', 'chongqing_zone', 'yongchuan', 'bishan', 'rongchang', 'rest_of_chengdu', 'rest_of_sichuan', 'rest_of_chongqing'].map((n) => [`talent_per_hte[${n}]`, 0]),
    );
    const r = runChengyu({}, { parameters, outsideRange: true });
    finiteNonNegative(r);
    expect(valueAt(r, 'hte_circle', 2035)).toBeLessThan(valueAt(r, 'hte_circle', 2018));
  });
});
