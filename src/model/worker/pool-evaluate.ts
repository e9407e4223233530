// Evaluate many design points on a worker pool: rows are split into fixed blocks (so
// results never depend on the number of workers) and reassembled in order.
import type { Evaluate } from '../analysis/sensitivity.ts';
import type { WorkerPool } from './pool.ts';
import type { BatchJob } from './worker-api.ts';

/** An Evaluate that runs on `pool` for the model of `job`, with model seed `seed`. */
export function poolEvaluator(
  pool: WorkerPool,
  job: BatchJob,
  params: number,
  seed: number,
  rowsPerTask = 256,
  signal?: { readonly aborted: boolean },
): Evaluate {
  return async (points, columns) => {
    const rows = points.length / params;
    const m = columns.length;
    const y = new Float64Array(rows * m);
    const tasks = Math.ceil(rows / rowsPerTask);
    await pool.map(
      job,
      tasks,
      (api, i) => {
        const a = i * rowsPerTask;
        const b = Math.min(rows, a + rowsPerTask);
        return api.evaluate(points.slice(a * params, b * params), columns, seed);
      },
      (i, part) => {
        y.set(part, i * rowsPerTask * m);
      },
      { signal },
    );
    return y;
  };
}
