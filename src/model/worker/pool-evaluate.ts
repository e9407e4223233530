// Evaluate many design points on a worker pool: rows are split into fixed blocks (so
// results never depend on the number of workers) and reassembled in order. Blocks already
// computed (a checkpoint) are passed in and skipped; each new block is handed to `onBlock`
// as it arrives, so a caller can keep it on disk and resume after an interruption.
import type { Evaluate } from '../analysis/sensitivity.ts';
import type { WorkerPool } from './pool.ts';
import type { BatchJob } from './worker-api.ts';

/** Resumable evaluation: blocks known beforehand, and who hears of new ones. */
export interface BlockOptions {
  /** Block index → its rows × columns values, from an earlier, interrupted evaluation. */
  done?: ReadonlyMap<number, Float64Array>;
  /** A block has been computed (awaited before the next result is handled). */
  onBlock?: (index: number, values: Float64Array) => void | Promise<void>;
  /** Rows finished so far (reused blocks included), of `rows` in all. */
  onRows?: (done: number, rows: number) => void;
}

/** An Evaluate that runs on `pool` for the model of `job`, with model seed `seed`. */
export function poolEvaluator(
  pool: WorkerPool,
  job: BatchJob,
  params: number,
  seed: number,
  rowsPerTask = 256,
  signal?: { readonly aborted: boolean },
  blocks: BlockOptions = {},
): Evaluate {
  return async (points, columns) => {
    const rows = points.length / params;
    const m = columns.length;
    const y = new Float64Array(rows * m);
    const tasks = Math.ceil(rows / rowsPerTask);
    const todo: number[] = [];
    let rowsDone = 0;
    const rowsOf = (i: number) => Math.min(rows, (i + 1) * rowsPerTask) - i * rowsPerTask;
    for (let i = 0; i < tasks; i++) {
      const part = blocks.done?.get(i);
      if (part && part.length === rowsOf(i) * m) {
        y.set(part, i * rowsPerTask * m);
        rowsDone += rowsOf(i);
      } else todo.push(i);
    }
    blocks.onRows?.(rowsDone, rows);
    await pool.map(
      job,
      todo.length,
      (api, t) => {
        const a = todo[t] * rowsPerTask;
        const b = Math.min(rows, a + rowsPerTask);
        return api.evaluate(points.slice(a * params, b * params), columns, seed);
      },
      async (t, part) => {
        y.set(part, todo[t] * rowsPerTask * m);
        await blocks.onBlock?.(todo[t], part);
        rowsDone += rowsOf(todo[t]);
        blocks.onRows?.(rowsDone, rows);
      },
      { signal },
    );
    return y;
  };
}
