// Observed points for the charts, from the calibration targets, each with the source and the
// decision behind it. The whole circle has no target of its own; where both provinces have an
// enterprise count for a year, their sum is shown as a derived point (the model's circle is
// every node of the two provinces), so the default view (circle, enterprises) shows the data.
import type { TargetRow } from '../../model/chengyu/data/target-rows.ts';
import type { Observation, ObservationBasis } from './types.ts';

/** Derived circle series: the output and the two provincial outputs it sums. */
const CIRCLE_SUMS: ReadonlyArray<{ column: string; parts: [string, string] }> = [
  { column: 'hte_circle', parts: ['hte_sichuan', 'hte_chongqing'] },
];

const basisOf = (t: TargetRow): ObservationBasis => ({ column: t.output, value: t.value, source: t.source, decision: t.decision });

/** Every target as an observed point, plus the derived circle sums (point estimates only). */
export function observedPoints(targets: readonly TargetRow[]): Observation[] {
  const out: Observation[] = targets.map((t) => ({ column: t.output, time: t.year, value: t.value, bound: t.bound, basis: [basisOf(t)] }));
  for (const { column, parts } of CIRCLE_SUMS) {
    const [a, b] = parts.map((p) => new Map(targets.filter((t) => t.output === p && t.bound === 'point').map((t) => [t.year, t])));
    for (const [year, ta] of a) {
      const tb = b.get(year);
      if (tb) out.push({ column, time: year, value: ta.value + tb.value, bound: 'point', basis: [basisOf(ta), basisOf(tb)] });
    }
  }
  return out;
}
