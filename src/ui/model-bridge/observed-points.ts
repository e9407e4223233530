// Observed points for the charts, from the calibration targets, each with the source and the
// decision behind it. The whole circle has no target of its own; where both provinces have an
// enterprise count for a year, their sum is shown as a derived point (the model's circle is
// every node of the two provinces), so the default view (circle, enterprises) shows the data;
// likewise its R&D intensity, as the model defines it: both provinces' R&D over both GDPs.
import type { TargetRow } from '../../model/chengyu/data/target-rows.ts';
import type { Observation, ObservationBasis } from './types.ts';

/** Derived circle series: the output and the two provincial outputs it sums. */
const CIRCLE_SUMS: ReadonlyArray<{ column: string; parts: [string, string] }> = [
  { column: 'hte_circle', parts: ['hte_sichuan', 'hte_chongqing'] },
];

/** Derived circle ratios: 100 × sum(numerators) / sum(denominators), as the model's circle intensity. */
const CIRCLE_RATIOS: ReadonlyArray<{ column: string; num: [string, string]; den: [string, string] }> = [
  { column: 'rd_intensity_circle', num: ['rd_expenditure_sichuan', 'rd_expenditure_chongqing'], den: ['gdp_sichuan', 'gdp_chongqing'] },
];

const basisOf = (t: TargetRow): ObservationBasis => ({ column: t.output, value: t.value, source: t.source, decision: t.decision });

/** Every target as an observed point, plus the derived circle sums and ratios (from point estimates only). */
export function observedPoints(targets: readonly TargetRow[]): Observation[] {
  const out: Observation[] = targets.map((t) => ({ column: t.output, time: t.year, value: t.value, bound: t.bound, basis: [basisOf(t)] }));
  for (const { column, parts } of CIRCLE_SUMS) {
    const [a, b] = parts.map((p) => new Map(targets.filter((t) => t.output === p && t.bound === 'point').map((t) => [t.year, t])));
    for (const [year, ta] of a) {
      const tb = b.get(year);
      if (tb) out.push({ column, time: year, value: ta.value + tb.value, bound: 'point', basis: [basisOf(ta), basisOf(tb)], derivation: 'sum' });
    }
  }
  for (const { column, num, den } of CIRCLE_RATIOS) {
    const series = [...num, ...den].map((p) => new Map(targets.filter((t) => t.output === p && t.bound === 'point').map((t) => [t.year, t])));
    for (const year of series[0].keys()) {
      const ts = series.map((m) => m.get(year));
      if (ts.some((t) => !t)) continue;
      const [a, b, c, d] = ts as TargetRow[];
      out.push({ column, time: year, value: (100 * (a.value + b.value)) / (c.value + d.value), bound: 'point', basis: [a, b, c, d].map(basisOf), derivation: 'ratio' });
    }
  }
  return out;
}
