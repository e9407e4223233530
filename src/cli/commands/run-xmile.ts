// `chengyu-sim run MODEL.xmile`: load an XMILE model, compile it, run it, print every
// variable at each saved time as CSV (header `time,<name>…`) or JSON (the one run-output
// shape, schemas/run-output.schema.json, with provenance and units).
import { basename, extname } from 'node:path';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { inputName, readInput } from '../read-input.ts';
import { ModelError, compileModel, formatDiagnostic } from '../../model/engine/index.ts';
import type { CompiledModel, Method, RunResult } from '../../model/engine/index.ts';
import type { Diagnostic, ModelSpec } from '../../model/engine/types.ts';
import { importXmile } from '../../model/xmile/index.ts';
import { importMdl } from '../../model/mdl/index.ts';
import { isXmileText } from '../../model/analysis/model-text.ts';
import { unitsByName } from '../../model/engine/spec-units.ts';
import { runToJsonWithNote, type RunProvenance } from '../../model/scenario/result-format.ts';
import { checkSaveStep, parseRunFlags } from './run-settings.ts';
import { toolName } from './run-scenario.ts';

/** Options of the XMILE branch of `run`. */
export interface RunXmileOptions {
  format?: string;
  method?: string;
  out?: string;
  vars?: string;
  /** `name=value` overrides of model constants (`name[elem]=value` for one element). */
  set?: string[];
  /** --dt, --end, --save-step, --seed as typed (run-settings.ts). */
  dt?: string;
  end?: string;
  saveStep?: string;
  seed?: string;
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

/** Load and compile an XMILE or Vensim .mdl file; errors become one-line CliErrors naming the file. */
export function loadXmileModel(path: string): CompiledModel {
  const file = inputName(path);
  let text: string;
  try {
    text = readInput(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the model (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`);
  }
  // A file by its extension; stdin by its content (XMILE opens with "<", a .mdl never does).
  if (path === '-' ? !isXmileText(text) : extname(path).toLowerCase() === '.mdl') {
    // Positions point into the translated equation, not the .mdl: give the definition's place.
    return compileImported(path === '-' ? `${file} (read as a Vensim .mdl)` : file, () => importMdl(text), (imp, d) => {
      const p = d.variable !== undefined ? imp.placeOf(d.variable) : undefined;
      return p ? { ...d, position: undefined, message: `${d.message} (defined at line ${p.line}, column ${p.column})` } : d;
    });
  }
  // Positions from the engine point into the translated equation: point into the XMILE one.
  return compileImported(file, () => importXmile(text), (imp, d) => (d.variable !== undefined && d.position !== undefined
    ? { ...d, position: imp.xmilePosition(d.variable, d.position) }
    : d));
}

/** Import a model, compile it (units only warned about), and map engine diagnostics back into the file. */
function compileImported<I extends { spec: ModelSpec }>(file: string, load: () => I, place: (imp: I, d: Diagnostic) => Diagnostic): CompiledModel {
  let imported: I | undefined;
  try {
    imported = load();
    // Vendor models often carry units their own tools only warn about: warn, then run.
    const model = compileModel(imported.spec, { units: 'warn' });
    for (const w of model.warnings) process.stderr.write(`chengyu-sim: warning: ${file}: ${formatDiagnostic(w)}\n`);
    return model;
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    const imp = imported;
    const diags = imp ? err.diagnostics.map((d) => place(imp, d)) : err.diagnostics;
    throw new CliError(`${file}: ${new ModelError(diags).message}`);
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
  const flags = parseRunFlags(opts);
  const model = loadXmileModel(path);
  const spec = model.spec.sim;
  const dt = flags.dt ?? spec.dt;
  const stop = flags.end ?? spec.stop;
  if (stop < spec.start) throw new CliError(`--end: ${stop} is before the model's start time ${spec.start}`);
  checkSaveStep(flags.saveStep, dt, stop, spec.start);
  const sim = {
    ...(flags.dt !== undefined ? { dt: flags.dt } : {}),
    ...(flags.end !== undefined ? { stop: flags.end } : {}),
    ...(flags.saveStep !== undefined ? { saveStep: flags.saveStep } : {}),
  };
  let r: RunResult;
  try {
    r = model.run({ method, constants, sim, ...(flags.seed !== undefined ? { seed: flags.seed } : {}) });
  } catch (err) {
    if (err instanceof ModelError) {
      const m = err.diagnostics.map((d) => d.message).join('; ');
      throw new CliError(`${file}: ${/constant/.test(m) ? `--set: ${m}` : err.message}`);
    }
    throw err;
  }
  const names = selectNames(model, r, opts.vars);
  if (opts.format !== 'json') {
    await emit(resultToCsv(r, names), opts.out);
    return;
  }
  const provenance: RunProvenance = {
    tool: toolName(),
    model: basename(file),
    ...(model.spec.name ? { model_name: model.spec.name } : {}),
    model_version: r.meta.modelHash,
    method: r.meta.method,
    dt: r.meta.dt,
    start: r.meta.start,
    stop: r.meta.stop,
    save_step: r.meta.saveStep,
    ...(r.meta.seed !== undefined ? { seed: r.meta.seed } : {}),
    ...(spec.timeUnits ? { time_units: spec.timeUnits } : {}),
    ...(opts.set && opts.set.length > 0 ? { overrides: [...opts.set] } : {}),
  };
  const units = unitsByName(model.spec);
  const { text, note } = runToJsonWithNote(r, names, provenance, (c) => units.get(c.replace(/\[.*$/, '').toLowerCase()));
  await emit(text, opts.out);
  if (note) process.stderr.write(`chengyu-sim: warning: ${note}\n`);
}
