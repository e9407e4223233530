// A RunResult-shaped object for testing formatting and comparison without the model.
import type { RunResult } from '../../src/model/engine/types.ts';

/** A run from explicit columns; times default to 2015..2035 yearly. */
export function fakeRun(columns: Record<string, number[] | ((t: number) => number)>, times?: number[]): RunResult {
  const t = Float64Array.from(times ?? Array.from({ length: 21 }, (_, i) => 2015 + i));
  const series = new Map<string, Float64Array>();
  for (const [name, v] of Object.entries(columns)) {
    series.set(name, typeof v === 'function' ? Float64Array.from(t, v) : Float64Array.from(v));
  }
  return {
    times: t,
    names: Object.keys(columns),
    series,
    meta: { modelHash: 'h', method: 'euler', dt: 1, start: t[0], stop: t[t.length - 1], saveStep: 1 },
  };
}
