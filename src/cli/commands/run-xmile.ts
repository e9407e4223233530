// `chengyu-sim run MODEL.xmile`: load an XMILE model, compile it, run it, print every
// variable at each saved time as CSV (header `time,<name>…`) or JSON (with run metadata).
import { basename } from 'node:path';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { inputName, readInput } from '../read-input.ts';
import { ModelError, compileModel, formatDiagnostic } from '../../model/engine/index.ts';
import type { CompiledModel, Method, RunResult } from '../../model/engine/index.ts';
import { importXmile } from '../../model/xmile/index.ts';

/** Options of the XMILE branch of `run`. */
export interface RunXmileOptions {
  format?: string;
  method?: string;
  out?: string;
  vars?: string;
  /** `name=value` overrides of model constants (`name[elem]=value` for one element). */
  set?: string[];
}

/** Parse `--set name=value` pairs into constant overrides. */
export function parseConstantSets(sets: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const i = s.lastIndexOf('=');
    const name = i > 0 ? s.slice(0, i).trim() : '';
    const value = i > 0 ? Number(s.slice(i + 1).trim()) : NaN;
    if (!name || s.slice(i + 1).trim() === '' || !Number.isFinite(value)) {
      throw new CliError(`--set ${s}: expected constant=number (e.g. --set "growth rate=0.03")`);
    }
    out[name] = value;
  }
  return out;
}

/** Quote a CSV cell when it holds a comma, quote or line break. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Format a number for CSV/JSON output (shortest text that reads back to the same double). */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** A run as CSV: header `time,<name>…`, one row per saved time. */
export function resultToCsv(r: RunResult, names: string[] = r.names): string {
  const cols = names.map((n) => r.series.get(n)!);
  const lines = [['time', ...names].map(csvCell).join(',')];
  for (let i = 0; i < r.times.length; i++) {
    let line = fmt(r.times[i]);
    for (const c of cols) line += `,${fmt(c[i])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** A run as JSON: metadata, times and a series per name (non-finite values as null). */
export function resultToJson(r: RunResult, names: string[], extra: Record<string, unknown>): string {
  const arr = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));
  const series: Record<string, Array<number | null>> = {};
  for (const n of names) series[n] = arr(r.series.get(n)!);
  return `${JSON.stringify({ meta: { ...r.meta, ...extra }, names, times: arr(r.times), series })}\n`;
}

/** Load and compile an XMILE file; errors become one-line CliErrors naming the file. */
export function loadXmileModel(path: string): CompiledModel {
  const file = inputName(path);
  let text: string;
  try {
    text = readInput(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the model (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`);
  }
  let imported: ReturnType<typeof importXmile> | undefined;
  try {
    imported = importXmile(text);
    // Vendor models often carry units their own tools only warn about: warn, then run.
    const model = compileModel(imported.spec, { units: 'warn' });
    for (const w of model.warnings) process.stderr.write(`chengyu-sim: warning: ${file}: ${formatDiagnostic(w)}\n`);
    return model;
  } catch (err) {
    if (err instanceof ModelError) {
      // Positions from the engine point into the translated equation: point into the XMILE one.
      const imp = imported;
      const diags = imp
        ? err.diagnostics.map((d) => (d.variable !== undefined && d.position !== undefined
          ? { ...d, position: imp.xmilePosition(d.variable, d.position) }
          : d))
        : err.diagnostics;
      throw new CliError(`${file}: ${new ModelError(diags).message}`);
    }
    throw err;
  }
}

function selectNames(model: CompiledModel, r: RunResult, vars: string | undefined): string[] {
  if (!vars) return r.names;
  const wanted = vars.split(',').map((s) => s.trim()).filter(Boolean);
  const lower = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '_');
  const out: string[] = [];
  for (const w of wanted) {
    const hits = r.names.filter((n) => lower(n) === lower(w) || lower(n).startsWith(`${lower(w)}[`));
    if (!hits.length) throw new CliError(`--vars: "${w}" is not a variable of the model${didYouMean(w, r.names)}`);
    out.push(...hits);
  }
  void model;
  return out;
}

/** The XMILE branch of `run`. */
export async function runXmileCommand(path: string, opts: RunXmileOptions): Promise<void> {
  const file = inputName(path);
  const method = opts.method as Method | undefined;
  if (method !== undefined && method !== 'euler' && method !== 'rk4') throw new CliError(`--method must be euler or rk4 (got ${method})`);
  const constants = parseConstantSets(opts.set ?? []);
  const model = loadXmileModel(path);
  let r: RunResult;
  try {
    r = model.run({ method, constants });
  } catch (err) {
    if (err instanceof ModelError) {
      const m = err.diagnostics.map((d) => d.message).join('; ');
      throw new CliError(`${file}: ${/constant/.test(m) ? `--set: ${m}` : err.message}`);
    }
    throw err;
  }
  const names = selectNames(model, r, opts.vars);
  const text = opts.format === 'json'
    ? resultToJson(r, names, { model: basename(file), modelName: model.spec.name ?? null })
    : resultToCsv(r, names);
  await emit(text, opts.out);
}
