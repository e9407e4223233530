// The scenario branch of `chengyu-sim run SCENARIO.json`: validate the file and the --set
// overrides, run the regional model, write the chosen series as CSV or JSON with the
// run's provenance. Nothing is written unless everything succeeded.
import { readFileSync } from 'node:fs';
import { defaultColumns, selectColumns, splitVarList, UnknownVariableError } from '../../model/scenario/outputs.ts';
import type { RunProvenance } from '../../model/scenario/result-format.ts';
import { runToCsv, runToJson } from '../../model/scenario/result-format.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { applyCliSets, loadScenarioFile } from './scenario-input.ts';
import { checkOutPath } from './out-path.ts';
import type { ScenarioModel } from './scenario-model.ts';
import { runScenarioWith } from './scenario-model.ts';

/** Options of a scenario run. */
export interface RunScenarioOptions {
  set?: string[];
  vars?: string;
  format?: string;
  out?: string;
  /** Integration method, overriding the scenario's `simulation.method`. */
  method?: string;
}

/** "chengyu-sim <version>", read from package.json. */
export function toolName(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `chengyu-sim ${pkg.version}`;
}

/** Run a scenario file and render its output text (no I/O besides reading the file). */
export function renderScenarioRun(file: string, opts: RunScenarioOptions, model: ScenarioModel): string {
  const format = opts.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format: ${JSON.stringify(format)} is not allowed; allowed: csv, json`);
  if (opts.method !== undefined && opts.method !== 'euler' && opts.method !== 'rk4') {
    throw new CliError(`--method: ${JSON.stringify(opts.method)} is not allowed; allowed: euler, rk4`);
  }
  let scenario = applyCliSets(loadScenarioFile(file), opts.set ?? []);
  if (opts.method) scenario = { ...scenario, simulation: { ...scenario.simulation, method: opts.method } };
  const { result, resolved } = runScenarioWith(model, scenario);
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
  if (format === 'csv') return runToCsv(result, columns);
  const provenance: RunProvenance = {
    tool: toolName(),
    model_version: model.version,
    method: result.meta.method,
    dt: result.meta.dt,
    start: result.meta.start,
    stop: result.meta.stop,
    save_step: result.meta.saveStep,
    ...(result.meta.seed !== undefined ? { seed: result.meta.seed } : {}),
    scenario: resolved,
    ...(opts.set && opts.set.length > 0 ? { overrides: [...opts.set] } : {}),
  };
  return runToJson(result, columns, provenance);
}

/** `chengyu-sim run SCENARIO.json …`: run and write to --out (atomically) or stdout. */
export async function runScenarioCommand(file: string, opts: RunScenarioOptions, loadModel: () => Promise<ScenarioModel>): Promise<void> {
  // Validate the inputs before the (slower) model load, so bad input fails fast.
  checkOutPath(opts.out);
  applyCliSets(loadScenarioFile(file), opts.set ?? []);
  const text = renderScenarioRun(file, opts, await loadModel());
  await emit(text, opts.out);
}
