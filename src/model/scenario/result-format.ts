// A run's series as CSV (header `time,<variable>…`, one row per saved step) or as JSON
// with its provenance. Numbers are written in the shortest form that reads back to the
// same double, so a file reproduces the run bit for bit.
import type { RunResult } from '../engine/types.ts';
import { jsonNumbers, newTally, nonFiniteNote } from '../analysis/json-numbers.ts';

/** Everything needed to reproduce a run exactly. */
export interface RunProvenance {
  /** The program and its version, e.g. "chengyu-sim 0.1.0". */
  tool: string;
  /** Which model: "chengyu" (the regional model) or an XMILE file's name. */
  model?: string;
  /** The model's own name (an XMILE header's <name>), if it has one. */
  model_name?: string;
  /** Hash of the model's equations, parameters and calibration. */
  model_version: string;
  method: string;
  dt: number;
  start: number;
  stop: number;
  save_step: number;
  seed?: number | string;
  /** Name of the time unit, e.g. "year". */
  time_units?: string;
  /** The scenario as run (after --set), with every lever setting resolved (regional model). */
  scenario?: unknown;
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

/** Identifier of the run-output JSON format (schemas/run-output.schema.json); changes when the shape does. */
export const RUN_OUTPUT_FORMAT = 'chengyu-sim/run-output/1';

/** Units of an output column (engine units syntax), or undefined when the model gives none. */
export type UnitsOf = (column: string) => string | undefined;

/**
 * The chosen columns of a run as JSON text, in the one shape of every run output
 * (schemas/run-output.schema.json): `{format, provenance, columns, units, times, series}`.
 * NaN and ±Infinity are the strings "NaN", "Infinity", "-Infinity" (json-numbers.ts);
 * `note` says how many there are, for a warning on stderr.
 */
export function runToJsonWithNote(
  result: Pick<RunResult, 'times' | 'series'>,
  columns: readonly string[],
  provenance: RunProvenance,
  unitsOf: UnitsOf = () => undefined,
): { text: string; note?: string } {
  const tally = newTally();
  const series: Record<string, Array<number | string>> = {};
  const units: Record<string, string | null> = {};
  for (const c of columns) {
    const s = result.series.get(c);
    if (!s) throw new Error(`no series named ${JSON.stringify(c)} in the run`);
    series[c] = jsonNumbers(s, tally);
    units[c] = unitsOf(c) ?? null;
  }
  // Provenance indented for reading; each series on one line so the file stays compact.
  const prov = JSON.stringify(provenance, null, 2).replace(/\n/g, '\n  ');
  const rows = Object.entries(series).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const text = `{\n  "format": ${JSON.stringify(RUN_OUTPUT_FORMAT)},\n  "provenance": ${prov},\n  "columns": ${JSON.stringify(columns)},\n  "units": ${JSON.stringify(units)},\n  "times": ${JSON.stringify(jsonNumbers(result.times, tally))},\n  "series": {\n${rows.join(',\n')}\n  }\n}\n`;
  const note = nonFiniteNote(tally);
  return note ? { text, note } : { text };
}

/** The chosen columns of a run as JSON text (see runToJsonWithNote). */
export function runToJson(
  result: Pick<RunResult, 'times' | 'series'>,
  columns: readonly string[],
  provenance: RunProvenance,
  unitsOf?: UnitsOf,
): string {
  return runToJsonWithNote(result, columns, provenance, unitsOf).text;
}
