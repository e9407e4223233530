// Policy effects from run tables computed on common draws (common-draws.ts): for every
// variant after the first, every output and every saved time, the distribution of the
// paired difference variant − reference.
import { pairedEffect, type EffectSummary } from './paired-effects.ts';
import { mean } from './statistics.ts';
import type { RunTable } from './summarize.ts';

/** One variant's effect on one output at one time. */
export interface EffectCell {
  /** Index of the variant (1 … tables.length − 1; 0 is the reference). */
  variant: number;
  output: string;
  time: number;
  /** Mean of the reference's and of the variant's values over finite runs (NaN if none). */
  referenceMean: number;
  variantMean: number;
  effect: EffectSummary;
}

/** Column of output o at time index t over the runs of a table. */
function column(t: RunTable, o: number, ti: number): Float64Array {
  const T = t.times.length;
  const K = t.outputs.length * T;
  const out = new Float64Array(t.count);
  for (let r = 0; r < t.count; r++) out[r] = t.values[r * K + o * T + ti];
  return out;
}

/** Mean of the finite values of xs; NaN when none is finite. */
function finiteMean(xs: Float64Array): number {
  return mean(xs.filter((x) => Number.isFinite(x)));
}

/**
 * The effects of tables[1…] against tables[0] at the times `times` (default all saved
 * times), outputs in table order; `thresholds` maps an output to the effect size whose
 * probability of being exceeded is reported.
 */
export function effectTable(tables: readonly RunTable[], times?: readonly number[], thresholds: ReadonlyMap<string, number> = new Map()): EffectCell[] {
  const ref = tables[0];
  if (!ref) throw new Error('effectTable needs at least one run table');
  const at = (times ?? Array.from(ref.times)).map((y) => {
    const i = Array.prototype.findIndex.call(ref.times, (t: number) => Math.abs(t - y) <= 1e-9);
    if (i < 0) throw new RangeError(`time ${y} is not a saved time (${ref.times[0]}–${ref.times[ref.times.length - 1]})`);
    return { y, i };
  });
  const cells: EffectCell[] = [];
  for (let v = 1; v < tables.length; v++) {
    for (let o = 0; o < ref.outputs.length; o++) {
      const output = ref.outputs[o];
      for (const { y, i } of at) {
        const base = column(ref, o, i);
        const pkg = column(tables[v], o, i);
        cells.push({ variant: v, output, time: y, referenceMean: finiteMean(base), variantMean: finiteMean(pkg), effect: pairedEffect(base, pkg, thresholds.get(output) ?? NaN) });
      }
    }
  }
  return cells;
}
