// A run's series as CSV (header `time,<variable>…`, one row per saved step) or as JSON
// with its provenance. Numbers are written in the shortest form that reads back to the
// same double, so a file reproduces the run bit for bit.
import type { RunResult } from '../engine/types.ts';

/** Everything needed to reproduce a run exactly. */
export interface RunProvenance {
  /** The program and its version, e.g. "chengyu-sim 0.1.0". */
  tool: string;
  /** Hash of the model's equations, parameters and calibration. */
  model_version: string;
  method: string;
  dt: number;
  start: number;
  stop: number;
  save_step: number;
  seed?: number | string;
  /** The scenario as run (after --set), with every lever setting resolved. */
  scenario: unknown;
  /** The --set overrides applied, as given. */
  overrides?: string[];
}

/** A number as CSV/JSON text: shortest round-trip form; NaN and ±Infinity spelled out. */
export function numberText(v: number): string {
  return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
}

/** Quote a CSV field if it holds a comma, quote or line break (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The chosen columns of a run as CSV text. */
export function runToCsv(result: Pick<RunResult, 'times' | 'series'>, columns: readonly string[]): string {
  const series = columns.map((c) => {
    const s = result.series.get(c);
    if (!s) throw new Error(`no series named ${JSON.stringify(c)} in the run`);
    return s;
  });
  const lines = [['time', ...columns].map(csvField).join(',')];
  for (let i = 0; i < result.times.length; i++) {
    let line = numberText(result.times[i]);
    for (const s of series) line += `,${numberText(s[i])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** JSON has no NaN or Infinity: those become null. */
const jsonNumbers = (a: ArrayLike<number>): Array<number | null> => Array.from(a, (v) => (Number.isFinite(v) ? v : null));

/** The chosen columns of a run as JSON text: `{provenance, times, series: {name: [...]}}`. */
export function runToJson(result: Pick<RunResult, 'times' | 'series'>, columns: readonly string[], provenance: RunProvenance): string {
  const series: Record<string, Array<number | null>> = {};
  for (const c of columns) {
    const s = result.series.get(c);
    if (!s) throw new Error(`no series named ${JSON.stringify(c)} in the run`);
    series[c] = jsonNumbers(s);
  }
  // Provenance indented for reading; each series on one line so the file stays compact.
  const prov = JSON.stringify(provenance, null, 2).replace(/\n/g, '\n  ');
  const rows = Object.entries(series).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "provenance": ${prov},\n  "times": ${JSON.stringify(jsonNumbers(result.times))},\n  "series": {\n${rows.join(',\n')}\n  }\n}\n`;
}
