// Vensim data variables whose values are in the model text: a series of (time, value)
// points read between its points by its keyword, as Vensim (and PySD, SDEverywhere) do:
// :INTERPOLATE: (the default) linear between points, :HOLD BACKWARD: the last point's value
// until the next, :LOOK FORWARD: the next point's value, :RAW: :NA: wherever there is no
// point. Before the first point and after the last, the first and last values hold (except
// :RAW:, which is :NA: there too). A data equation (`x := expr` on other data) has a point
// wherever one of its inputs has one, and is read between them by its own keyword.
import type { GraphicalSpec } from '../engine/types.ts';
import type { DataMode } from './grammar.ts';

/** Vensim's :NA: (the reader's value for the keyword in equations too). */
export const NA = -1e38;

/** A data series: ascending times, their values, and how to read between them. */
export interface DataSeries { ts: number[]; vs: number[]; mode: DataMode }

/**
 * How close a time must be to a point to be at it: the run's times are sums of the time
 * step, so 0.1 * 3 is not 0.3 bit for bit. Far below any spacing of the points.
 */
function tolerances(ts: number[]): number[] {
  let gap = Infinity;
  for (let i = 1; i < ts.length; i++) gap = Math.min(gap, ts[i] - ts[i - 1]);
  return ts.map((t) => Math.min(1e-9 * Math.max(1, Math.abs(t)), gap / 4));
}

/** The series' value at time `t`. */
export function valueAt(s: DataSeries, t: number): number {
  const { ts, vs } = s;
  const tol = tolerances(ts);
  const at = ts.findIndex((x, i) => Math.abs(t - x) <= tol[i]);
  if (at >= 0) return vs[at];
  if (s.mode === 'raw') return NA;
  if (t < ts[0]) return vs[0];
  if (t > ts[ts.length - 1]) return vs[vs.length - 1];
  let i = 0;
  while (t > ts[i + 1]) i++;
  // Now ts[i] < t < ts[i + 1].
  if (s.mode === 'hold_backward') return vs[i];
  if (s.mode === 'look_forward') return vs[i + 1];
  return vs[i] + ((vs[i + 1] - vs[i]) * (t - ts[i])) / (ts[i + 1] - ts[i]);
}

/**
 * The engine's graphical function on Time that reads the series as its keyword says. Steps
 * (the engine's discrete tables hold a value from its x on) are placed a tolerance off the
 * points, so that a time at a point reads that point's value.
 */
export function seriesTable(s: DataSeries): GraphicalSpec {
  const { ts, vs } = s;
  const tol = tolerances(ts);
  const n = ts.length;
  switch (s.mode) {
    case 'interpolate':
      return { xs: [...ts], ys: [...vs], type: 'continuous' };
    case 'hold_backward':
      return { xs: ts.map((t, i) => (i === 0 ? t : t - tol[i])), ys: [...vs], type: 'discrete' };
    case 'look_forward':
      return { xs: ts.map((t, i) => (i === 0 ? t : ts[i - 1] + tol[i - 1])), ys: [...vs], type: 'discrete' };
    case 'raw': {
      const xs: number[] = [ts[0] - 2 * tol[0]];
      const ys: number[] = [NA];
      for (let i = 0; i < n; i++) {
        xs.push(ts[i] - tol[i], ts[i] + tol[i]);
        ys.push(vs[i], NA);
      }
      return { xs, ys, type: 'discrete' };
    }
  }
}

/** Times of all the series, ascending, each once (within the tolerance of the first series holding it). */
export function unionTimes(series: DataSeries[]): number[] {
  const all = series.flatMap((s) => s.ts).sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of all) if (!out.length || t - out[out.length - 1] > 1e-9 * Math.max(1, Math.abs(t))) out.push(t);
  return out;
}
