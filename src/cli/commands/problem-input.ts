// `--problem FILE` of batch, sensitivity, calibrate and slurm: read and validate the problem
// file, then check it against the model the command runs (a scenario of the regional model,
// or an XMILE model): every factor must be a constant (one element of an arrayed one), every
// output a variable or element, every time a saved time. Each error names the file, the JSON
// path and what is wrong, before any run.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CompiledModel } from '../../model/engine/index.ts';
import { canonicalColumn, canonicalName } from '../../model/engine/names.ts';
import { parseJsonText, JsonSyntaxError } from '../../model/scenario/json-text.ts';
import { factorDistribution, factorGroups, ProblemError, validateProblem, type Problem } from '../../model/analysis/problem.ts';
import type { UncertainParameter } from '../../model/analysis/sampling.ts';
import type { KpiSelector } from '../../model/analysis/sensitivity.ts';
import { quantile } from '../../model/analysis/distributions.ts';
import type { ModelRef } from '../../model/worker/model-ref.ts';
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { LEVERS } from '../../model/scenario/levers.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { inputName, readInput } from '../read-input.ts';
import { analysisInput, sha256, type AnalysisInput } from './analysis-input.ts';
import type { CalibrationInput } from './calibration-file.ts';
import { inputKind, MDL_EXTENSIONS } from './run.ts';
import { loadXmileModel } from './run-xmile.ts';

/** A model and a problem, checked against each other. */
export interface ProblemInput extends AnalysisInput {
  /** The model file's kind. */
  kind: 'scenario' | 'xmile';
  /** Factor ids (the model's constant names), in design-column order. */
  factors: string[];
  /** Groups of the factors; undefined when no factor names a group. */
  groups?: { names: string[]; of: Int32Array };
  /** Output columns × times the problem analyses. */
  kpis: KpiSelector[];
  /** The problem as read (payoff weights for calibrate). */
  problem: Problem;
  /** The compiled model (for calibrate, which runs in this thread). */
  model: CompiledModel;
  /** Every saved time of a run. */
  savedTimes: number[];
}

/** Read and validate a problem file; CliError naming the file and JSON path otherwise. */
export function readProblemFile(path: string): Problem {
  const name = inputName(path);
  let text: string;
  try {
    text = path === '-' ? readInput(path) : readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`--problem ${name}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message})`);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new CliError(`--problem ${name}: not valid JSON: ${err.message}`);
    throw err;
  }
  try {
    return validateProblem(value, `--problem ${name}`);
  } catch (err) {
    if (err instanceof ProblemError) throw new CliError(err.message);
    throw err;
  }
}

/** What the checks need of a model: its constants, columns and saved times. */
interface ModelShape {
  model: CompiledModel;
  times: number[];
  /** Outputs when the problem lists none. */
  defaultOutputs: string[];
}

/** The model constant element a factor name means; throws a ProblemError naming the factor. */
function resolveFactor(model: CompiledModel, name: string, at: string, source: string): string {
  const want = canonicalColumn(name);
  for (const c of model.constants) {
    const el = c.elements.find((e) => canonicalColumn(e) === want);
    if (el !== undefined) return el;
    if (canonicalName(c.name) === want) {
      throw new ProblemError(source, at, `"${name}" is an array of ${c.elements.length} elements; a factor is one element, e.g. "${c.elements[0]}" (list each that varies)`);
    }
  }
  const isVariable = model.spec.variables.some((v) => canonicalName(v.name) === canonicalName(name.replace(/\[.*$/, '')));
  if (isVariable) throw new ProblemError(source, at, `"${name}" is not a constant of the model (its equation is not a number), so it cannot vary`);
  throw new ProblemError(source, at, `"${name}" is not a constant of the model${didYouMean(name, model.constants.flatMap((c) => c.elements))}`);
}

/** The model's output columns for an output name (all elements of an array); throws naming it. */
function resolveOutput(model: CompiledModel, name: string, at: string, source: string): string[] {
  const want = canonicalColumn(name);
  const exact = model.columns.filter((c) => canonicalColumn(c) === want);
  if (exact.length) return exact;
  const elements = model.columns.filter((c) => c.includes('[') && canonicalName(c.slice(0, c.indexOf('['))) === want);
  if (elements.length) return elements;
  throw new ProblemError(source, at, `"${name}" is not a variable of the model${didYouMean(name, model.columns)}`);
}

/** Times of `given` as saved times of the run (exact within round-off); throws naming the first that is not. */
function resolveTimes(given: number[] | 'all' | undefined, saved: number[], at: string, source: string): number[] {
  if (given === undefined || given === 'all') return saved;
  return given.map((t, i) => {
    const hit = saved.find((s) => Math.abs(s - t) <= 1e-9 * Math.max(1, Math.abs(t)));
    if (hit === undefined) throw new ProblemError(source, `${at}[${i}]`, `${t} is not a saved time; allowed: ${saved[0]} to ${saved[saved.length - 1]} by ${saved.length > 1 ? +(saved[1] - saved[0]).toPrecision(12) : 0}`);
    return hit;
  });
}

/** Lever factors of the regional model must stay inside the lever's range (as `run` checks settings). */
function checkLeverFactor(id: string, p: UncertainParameter, at: string, source: string): void {
  const hit = LEVERS.flatMap((l) => l.fields.map((f) => ({ name: `lever_${l.id}_${f.field}`, f }))).find((x) => x.name === id);
  if (!hit) return;
  if (hit.f.integer) throw new ProblemError(source, at, `lever input "${id}" takes whole numbers only; a factor varies continuously`);
  const lo = quantile(p.distribution, 0);
  const hi = quantile(p.distribution, 1);
  if (!(lo >= hit.f.min && hi <= hit.f.max)) {
    throw new ProblemError(source, at, `lever input "${id}" ranges over [${hit.f.min}, ${hit.f.max}]; the factor's values span [${lo}, ${hi}] (give bounds inside the range)`);
  }
}

/** Check `problem` against a model; returns the factors as uncertain parameters, the output columns, the KPIs and the report times. */
function resolveProblem(problem: Problem, shape: ModelShape, source: string, regional: boolean) {
  const { model } = shape;
  const params: UncertainParameter[] = problem.factors.map((f, i) => {
    const at = `factors[${i}]`;
    const id = resolveFactor(model, f.name, `${at}.name`, source);
    const p = { id, distribution: factorDistribution(f) };
    if (regional) checkLeverFactor(id, p, at, source);
    return p;
  });
  const ids = new Map<string, number>();
  params.forEach((p, i) => {
    if (ids.has(p.id)) throw new ProblemError(source, `factors[${i}].name`, `"${problem.factors[i].name}" is the same constant as factors[${ids.get(p.id)}]`);
    ids.set(p.id, i);
  });
  for (const name of Object.keys(problem.constants ?? {})) {
    const id = resolveFactor(model, name, `constants.${name}`, source);
    if (ids.has(id)) throw new ProblemError(source, `constants.${name}`, `"${name}" is also factors[${ids.get(id)}]; a constant is either fixed or varied`);
  }
  const defaultTimes = resolveTimes(problem.times, shape.times, 'times', source);
  const entries = problem.outputs ?? shape.defaultOutputs;
  const kpis: KpiSelector[] = [];
  const columns: string[] = [];
  entries.forEach((e, i) => {
    const o = typeof e === 'string' ? { name: e } : e;
    const at = typeof e === 'string' ? `outputs[${i}]` : `outputs[${i}].name`;
    const cols = resolveOutput(model, o.name, at, source);
    const times = o.times === undefined ? defaultTimes : resolveTimes(o.times, shape.times, `outputs[${i}].times`, source);
    for (const c of cols) {
      if (!columns.includes(c)) columns.push(c);
      for (const t of times) if (!kpis.some((k) => k.output === c && k.time === t)) kpis.push({ output: c, time: t });
    }
  });
  // The runner reports the union of the times any KPI asks for, in run order.
  const wanted = new Set(kpis.map((k) => k.time));
  const saveTimes = shape.times.filter((t) => wanted.has(t));
  return { params, columns, kpis, saveTimes };
}

/** Every saved time of a run of `model` (start to stop by the save step). */
function savedTimesOf(model: CompiledModel, stop?: number): number[] {
  const s = model.spec.sim;
  const end = stop ?? s.stop;
  const step = s.saveStep ?? s.dt;
  const n = Math.floor((end - s.start) / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => +(s.start + i * step).toPrecision(15));
}

/**
 * The model of `modelPath` (a scenario file of the regional model, or an XMILE model) with
 * the factors, outputs and times of the problem file `problemPath`.
 */
export async function problemInput(
  modelPath: string | undefined,
  problemPath: string,
  extras: { uncertainty?: UncertaintySource; calibration?: CalibrationInput } = {},
): Promise<ProblemInput> {
  if (!modelPath) throw new CliError('missing the model argument: a scenario file (.json) or an XMILE model');
  const problem = readProblemFile(problemPath);
  const source = `--problem ${inputName(problemPath)}`;
  const kind = inputKind(modelPath);
  const fail = (err: unknown): never => {
    if (err instanceof ProblemError) throw new CliError(err.message);
    throw err;
  };
  const anyGroup = problem.factors.some((f) => f.group !== undefined);
  if (kind === 'scenario') {
    if (extras.uncertainty) throw new CliError(`--uncertainty: with --problem the factors of ${inputName(problemPath)} vary, not the model's uncertain inputs; drop --uncertainty`);
    const base = analysisInput(modelPath, undefined, 'prior', extras.calibration);
    if (base.ref.kind !== 'chengyu') throw new Error('a scenario names the regional model');
    const { getChengyuModel } = await import('../../model/chengyu/index.ts');
    const { HEADLINE_OUTPUTS } = await import('../../model/chengyu/outputs.ts');
    const model = getChengyuModel();
    const end = base.ref.end ?? model.spec.sim.stop;
    const times = Array.from({ length: end - model.spec.sim.start + 1 }, (_, i) => model.spec.sim.start + i);
    let r: ReturnType<typeof resolveProblem> | undefined;
    try {
      r = resolveProblem(problem, { model, times, defaultOutputs: [...HEADLINE_OUTPUTS] }, source, true);
    } catch (err) {
      fail(err);
    }
    const { params, columns, kpis, saveTimes } = r!;
    const { uncertainty: _u, ...chengyu } = base.ref;
    const ref: ModelRef = {
      ...chengyu,
      constants: { ...chengyu.constants, ...(problem.constants ?? {}) },
      factors: params,
      outputs: columns,
      saveTimes,
    };
    return {
      ref,
      kind,
      scenario: { ...base.scenario, digest: sha256(`${base.scenario.digest}\0${JSON.stringify(problem)}`) },
      factors: params.map((p) => p.id),
      ...(anyGroup ? { groups: factorGroups(problem.factors) } : {}),
      kpis,
      problem,
      model,
      savedTimes: times,
    };
  }
  if (extras.calibration) throw new CliError('--calibration applies to the regional model (a scenario .json), not to an XMILE model');
  if (extras.uncertainty) throw new CliError('--uncertainty applies to the regional model (a scenario .json), not to an XMILE model');
  const model = loadXmileModel(modelPath);
  const text = readInput(modelPath);
  const stocks = model.spec.variables.filter((v) => v.kind === 'stock').map((v) => v.name);
  let r: ReturnType<typeof resolveProblem> | undefined;
  try {
    r = resolveProblem(problem, { model, times: savedTimesOf(model), defaultOutputs: stocks }, source, false);
  } catch (err) {
    fail(err);
  }
  const { params, columns, kpis, saveTimes } = r!;
  const ref: ModelRef = {
    kind: 'xmile',
    text,
    params,
    outputs: columns,
    saveTimes,
    ...(problem.constants ? { constants: problem.constants } : {}),
  };
  return {
    ref,
    kind,
    scenario: { id: basename(inputName(modelPath)), digest: sha256(`${sha256(text)}\0${JSON.stringify(problem)}`), ...(modelPath !== '-' ? { path: modelPath } : {}) },
    factors: params.map((p) => p.id),
    ...(anyGroup ? { groups: factorGroups(problem.factors) } : {}),
    kpis,
    problem,
    model,
    savedTimes: savedTimesOf(model),
  };
}

/** An XMILE model without a problem file has nothing to vary: say what to give. */
export function requireProblemFor(modelPath: string | undefined, problem: string | undefined, command: string): void {
  if (problem || !modelPath) return;
  if (inputKind(modelPath) === 'xmile') {
    const kind = MDL_EXTENSIONS.includes(extname(modelPath).toLowerCase()) ? 'a Vensim .mdl model' : 'an XMILE model';
    const what = command === 'compare' ? 'give --problem FILE naming the factors that vary and --runs N (the models are compared on common draws of them)' : 'give --problem FILE naming the factors that vary';
    throw new CliError(`${command}: ${inputName(modelPath)} is ${kind}, which declares no uncertain inputs; ${what} (see docs/problem.schema.json)`);
  }
}
