// Evaluate a model at given parameter points (sensitivity designs), in this thread.
import { kpiWidth, type BatchModel } from './batch-model.ts';
import type { Evaluate } from './sensitivity.ts';

/** Run `model` at each row of `points`, keeping only KPI `columns` (pure). */
export function evaluatePoints(model: BatchModel, points: Float64Array, columns: Int32Array, seed: number): Float64Array {
  const P = model.params.length;
  const rows = P === 0 ? 0 : points.length / P;
  const out = new Float64Array(kpiWidth(model));
  const y = new Float64Array(rows * columns.length);
  for (let r = 0; r < rows; r++) {
    out.fill(NaN);
    model.run(points.subarray(r * P, (r + 1) * P), seed, out);
    for (let c = 0; c < columns.length; c++) y[r * columns.length + c] = out[columns[c]];
  }
  return y;
}

/** An Evaluate running `model` in this thread (e.g. inside the web app's model worker). */
export function localEvaluator(model: BatchModel, seed: number): Evaluate {
  return (points, columns) => Promise.resolve(evaluatePoints(model, points, columns, seed));
}
