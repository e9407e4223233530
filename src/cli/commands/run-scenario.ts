// The scenario branch of `chengyu-sim run SCENARIO.json`: validate the file and the --set
// overrides, run the regional model, write the chosen series as CSV or JSON with the
// run's provenance. Nothing is written unless everything succeeded.
import { readFileSync } from 'node:fs';
import { defaultColumns, selectColumns, splitVarList, UnknownVariableError } from '../../model/scenario/outputs.ts';
import type { RunProvenance } from '../../model/scenario/result-format.ts';
import { runToCsv, runToJsonWithNote } from '../../model/scenario/result-format.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { applyCliSets, loadScenarioFile, splitCliSets } from './scenario-input.ts';
import { checkOutPath } from './out-path.ts';
import type { ScenarioModel, ScenarioRunExtras } from './scenario-model.ts';
import { checkSaveStep, parseRunFlags } from './run-settings.ts';
import { SIMULATION_LIMITS, type Scenario } from '../../model/scenario/scenario.ts';
import type { Method } from '../../model/engine/types.ts';
import { CHENGYU_SIM } from '../../model/chengyu/equations.ts';
import { runScenarioWith } from './scenario-model.ts';

/** Options of a scenario run. */
export interface RunScenarioOptions {
  set?: string[];
  vars?: string;
  format?: string;
  out?: string;
  /** Integration method, overriding the scenario's `simulation.method`. */
  method?: string;
  /** --dt, --end, --save-step, --seed as typed (run-settings.ts). */
  dt?: string;
  end?: string;
  saveStep?: string;
  seed?: string;
}

/** The scenario as `run` runs it: the file, then --set levers, --method, --dt, --end; plus the parameter overrides and save step/seed. */
export function scenarioForRun(file: string, opts: RunScenarioOptions): { scenario: Scenario; extras: ScenarioRunExtras } {
  const flags = parseRunFlags(opts);
  const { leverSets, parameters } = splitCliSets(opts.set ?? []);
  let scenario = applyCliSets(loadScenarioFile(file), leverSets);
  const L = SIMULATION_LIMITS;
  if (flags.dt !== undefined && !(L.dts as readonly number[]).includes(flags.dt)) {
    throw new CliError(`--dt: ${flags.dt} is not allowed for the regional model; allowed: ${L.dts.join(', ')} (years, so that years fall on steps)`);
  }
  if (flags.end !== undefined && !(Number.isInteger(flags.end) && flags.end >= L.endMin && flags.end <= L.endMax)) {
    throw new CliError(`--end: ${flags.end} is not allowed for the regional model; allowed: an integer year in [${L.endMin}, ${L.endMax}]`);
  }
  const simulation = {
    ...scenario.simulation,
    ...(opts.method ? { method: opts.method as Method } : {}),
    ...(flags.dt !== undefined ? { dt: flags.dt } : {}),
    ...(flags.end !== undefined ? { end: flags.end } : {}),
  };
  scenario = { ...scenario, simulation };
  checkSaveStep(flags.saveStep, simulation.dt ?? CHENGYU_SIM.dt, simulation.end ?? CHENGYU_SIM.stop, CHENGYU_SIM.start);
  const extras: ScenarioRunExtras = {
    ...(Object.keys(parameters).length ? { parameters } : {}),
    ...(flags.saveStep !== undefined ? { saveStep: flags.saveStep } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  };
  return { scenario, extras };
}

/** "chengyu-sim <version>", read from package.json. */
export function toolName(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `chengyu-sim ${pkg.version}`;
}

/** Run a scenario file and render its output text and a note for stderr, if any (no I/O besides reading the file). */
export function renderScenarioRunWithNote(file: string, opts: RunScenarioOptions, model: ScenarioModel): { text: string; note?: string } {
  const format = opts.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format: ${JSON.stringify(format)} is not allowed; allowed: csv, json`);
  if (opts.method !== undefined && opts.method !== 'euler' && opts.method !== 'rk4') {
    throw new CliError(`--method: ${JSON.stringify(opts.method)} is not allowed; allowed: euler, rk4`);
  }
  const { scenario, extras } = scenarioForRun(file, opts);
  const { result, resolved } = runScenarioWith(model, scenario, extras);
  let columns: string[];
  try {
    columns = opts.vars !== undefined ? selectColumns(result, splitVarList(opts.vars)) : defaultColumns(result);
  } catch (err) {
    if (err instanceof UnknownVariableError) {
      // Array names select all their elements, so they are candidates too.
      const names = [...new Set(result.names.flatMap((n) => [n, n.replace(/\[.*$/, '')]))];
      const quoted = JSON.stringify(err.variable);
      throw new CliError(err.message.replace(quoted, `${quoted}${didYouMean(err.variable, names)}`));
    }
    throw err;
  }
  if (opts.vars !== undefined && columns.length === 0) throw new CliError('--vars: no variable named; give a comma-separated list, e.g. hte_circle,policy_cost');
  if (format === 'csv') return { text: runToCsv(result, columns) };
  const provenance: RunProvenance = {
    tool: toolName(),
    model: 'chengyu',
    model_version: model.version,
    method: result.meta.method,
    dt: result.meta.dt,
    start: result.meta.start,
    stop: result.meta.stop,
    save_step: result.meta.saveStep,
    ...(result.meta.seed !== undefined ? { seed: result.meta.seed } : {}),
    time_units: 'year',
    scenario: resolved,
    ...(opts.set && opts.set.length > 0 ? { overrides: [...opts.set] } : {}),
  };
  return runToJsonWithNote(result, columns, provenance, model.unitsOf);
}

/** Run a scenario file and render its output text (see renderScenarioRunWithNote). */
export function renderScenarioRun(file: string, opts: RunScenarioOptions, model: ScenarioModel): string {
  return renderScenarioRunWithNote(file, opts, model).text;
}

/** `chengyu-sim run SCENARIO.json …`: run and write to --out (atomically) or stdout. */
export async function runScenarioCommand(file: string, opts: RunScenarioOptions, loadModel: () => Promise<ScenarioModel>): Promise<void> {
  // Validate the inputs before the (slower) model load, so bad input fails fast.
  checkOutPath(opts.out);
  scenarioForRun(file, opts);
  const { text, note } = renderScenarioRunWithNote(file, opts, await loadModel());
  await emit(text, opts.out);
  if (note) process.stderr.write(`chengyu-sim: warning: ${note}\n`);
}
