// The headline band's runs, inside a model worker: the regional model under the default
// uncertainty (the joint posterior, see model/chengyu/posterior-data.ts) with a fixed seed,
// so every lever setting sees the same draws and package − baseline pairs draw by draw.
import { posteriorRuns } from './posterior-runs.ts';
import type { HeadlineDraws } from './headline-types.ts';

/** Values of `columns` at `years` in each of `runs` posterior draws under lever `constants`. */
export function headlineDraws(constants: Record<string, number>, columns: string[], years: readonly number[], runs: number): HeadlineDraws {
  const table = posteriorRuns(constants, columns, runs);
  const times = Array.from(table.times);
  const at = years.map((y) => {
    const i = times.findIndex((t) => Math.abs(t - y) < 1e-9);
    if (i < 0) throw new Error(`the model saves no value for ${y}`);
    return i;
  });
  const T = times.length;
  const K = table.outputs.length * T;
  const values = new Float64Array(columns.length * years.length * runs);
  // Runs are rows of K values (output o at time t → o·T + t).
  for (let c = 0; c < columns.length; c++) {
    const o = table.outputs.indexOf(columns[c]);
    for (let y = 0; y < years.length; y++) {
      const base = (c * years.length + y) * runs;
      for (let r = 0; r < runs; r++) values[base + r] = table.values[r * K + o * T + at[y]];
    }
  }
  return { columns: [...columns], years: [...years], runs, values };
}
