// Turn per-run results (in run order) into the batch's text outputs: summary.csv (long
// format statistics) and runs.csv (per-run parameters and KPIs at milestone years).
import { csvField, formatNumber, summaryCsv } from './format.ts';
import { describeColumns } from './statistics.ts';
import type { ChunkResult } from './chunk.ts';

/** All runs of a batch (or a shard), in run order. */
export interface RunTable {
  /** Index of the first run. */
  start: number;
  count: number;
  params: string[];
  outputs: string[];
  times: ArrayLike<number>;
  /** count × params values. */
  paramValues: Float64Array;
  /** count × (outputs × times) KPI values. */
  values: Float64Array;
}

/** summary.csv of a run table. */
export function summaryText(t: RunTable): string {
  const K = t.outputs.length * t.times.length;
  return summaryCsv(t.outputs, t.times, describeColumns(t.values, t.count, K));
}

/** The columns of a batch's runs.csv: parameter ids, outputs and their times. */
export type RunsColumns = Pick<RunTable, 'params' | 'outputs' | 'times'>;

/** Milestone times reported per run: multiples of 5 and the last time. */
export function milestoneIndices(times: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (times[i] % 5 === 0 || i === times.length - 1) idx.push(i);
  }
  return idx;
}

/** runs.csv: `run,<param>…,<output>@<time>…`, one row per run, outputs at milestone times. */
export function runsText(t: RunTable): string {
  return runsHeader(t) + runsRows(t);
}

/** The header line of runs.csv (with its newline). */
export function runsHeader(t: RunsColumns): string {
  const ms = milestoneIndices(t.times);
  const header = ['run', ...t.params, ...t.outputs.flatMap((o) => ms.map((i) => `${o}@${formatNumber(t.times[i])}`))];
  return header.map(csvField).join(',') + '\n';
}

/** The rows of runs.csv for the runs of `t` (each with its newline; '' for none). */
export function runsRows(t: RunTable): string {
  const T = t.times.length;
  const K = t.outputs.length * T;
  const P = t.params.length;
  const ms = milestoneIndices(t.times);
  let out = '';
  for (let r = 0; r < t.count; r++) {
    const row = [String(t.start + r)];
    for (let j = 0; j < P; j++) row.push(formatNumber(t.paramValues[r * P + j]));
    for (let o = 0; o < t.outputs.length; o++) for (const i of ms) row.push(formatNumber(t.values[r * K + o * T + i]));
    out += row.join(',') + '\n';
  }
  return out;
}

/** The rows of runs.csv for a computed chunk of a batch with these columns. */
export function chunkRunsRows(cols: RunsColumns, c: ChunkResult): string {
  return runsRows({ params: cols.params, outputs: cols.outputs, times: cols.times, start: c.start, count: c.count, paramValues: c.params, values: c.values });
}
