// `compare A B … --problem FILE --runs N`: policy effects under uncertainty for any model.
// Every argument (all scenario files of the regional model, or all XMILE/.mdl models, e.g. a
// base model and its policy variants) is checked against the problem file; all run on the
// same N draws of the problem's factors (the first model's sampling plan, the same per-run
// seeds), and each variant's effect against the first is reported per output and time the
// problem names (mean, sd, percentiles, P(effect > threshold)).
import { basename, extname } from 'node:path';
import { runOnCommonDraws, commonDrawsProblem } from '../../model/analysis/common-draws.ts';
import { effectTable } from '../../model/analysis/effect-table.ts';
import type { SamplingMethod } from '../../model/analysis/sampling.ts';
import { canonicalName } from '../../model/engine/names.ts';
import { headlineKpis, type ComparedScenario, type Kpi } from '../../model/scenario/compare.ts';
import { markdownTable } from '../../model/scenario/compare-format.ts';
import { effectNotes, effectsCsv, effectsJson, effectsTable, type EffectsReport } from '../../model/scenario/effects-format.ts';
import { resolveModel } from '../../model/worker/model-ref.ts';
import { CliError } from '../errors.ts';
import { inputName } from '../read-input.ts';
import { renderTable } from '../text-table.ts';
import { intOption } from './analysis-input.ts';
import type { CalibrationInput } from './calibration-file.ts';
import { chooseFormat, type CompareOptions } from './compare.ts';
import { COMPARE_MAX_RUNS, parseThresholds } from './compare-effects.ts';
import { problemInput, type ProblemInput } from './problem-input.ts';
import { toolName } from './run-scenario.ts';
import { loadScenarioFile } from './scenario-input.ts';

/** The compared model's id and title: a scenario's own, else the model file's name. */
function comparedOf(file: string, input: ProblemInput): ComparedScenario {
  if (input.kind === 'scenario') {
    const s = loadScenarioFile(file);
    return { id: s.id, title: s.title };
  }
  const name = basename(inputName(file));
  const id = name.slice(0, name.length - extname(name).length) || name;
  return { id, title: { zh: name, en: name } };
}

/** Labels and units of the output columns: the regional model's headline KPIs, else the column and its variable's units. */
function kpisOf(input: ProblemInput, columns: readonly string[]): Kpi[] {
  const headline = new Map(headlineKpis().map((k) => [k.name, k]));
  return columns.map((c) => {
    const known = input.kind === 'scenario' ? headline.get(c) : undefined;
    if (known) return known;
    const base = canonicalName(c.replace(/\[.*$/, ''));
    const units = input.model.spec.variables.find((v) => canonicalName(v.name) === base)?.units ?? '';
    return { name: c, label: { zh: c, en: c }, unit: { zh: units, en: units } };
  });
}

/** Check, run and render `compare --problem --runs`; `note` collects what stderr should say. */
export async function renderProblemEffects(
  files: readonly string[],
  problemPath: string,
  opts: CompareOptions,
  explicit: { years: boolean; uncertainty: boolean },
  calibration: CalibrationInput | undefined,
  toTerminal: boolean,
): Promise<{ text: string; note?: string }> {
  if (files.length < 2) throw new CliError('compare: give at least two models or scenario files (the first is the reference)');
  if (opts.runs === undefined) throw new CliError('--problem with compare needs --runs N (the effects are over draws of the problem\'s factors)');
  if (explicit.years) throw new CliError(`--years: with --problem the times are the problem file's (its "times" and each output's "times"); drop --years`);
  if (explicit.uncertainty) throw new CliError(`--uncertainty: with --problem the factors of ${inputName(problemPath)} vary, not the model's uncertain inputs; drop --uncertainty`);
  const runs = intOption('--runs', opts.runs, 1, COMPARE_MAX_RUNS);
  const seed = intOption('--seed', opts.seed ?? '1', 0, 2 ** 53 - 1);
  const sampling = (opts.sampling ?? 'lhs') as SamplingMethod;
  const format = chooseFormat(opts.format, toTerminal);
  // Every file is checked against the problem before any run.
  const inputs: ProblemInput[] = [];
  for (const f of files) inputs.push(await problemInput(f, problemPath, calibration ? { calibration } : {}));
  const kinds = new Set(inputs.map((i) => i.kind));
  if (kinds.size > 1) throw new CliError('compare: give either scenario files of the regional model or XMILE/.mdl models, not both');
  const compared = files.map((f, i) => comparedOf(f, inputs[i]));
  const seen = new Map<string, string>();
  compared.forEach((c, i) => {
    const other = seen.get(c.id);
    if (other !== undefined) throw new CliError(`compare: ${files[i]} and ${other} are both named "${c.id}"; give the variants distinct ids or file names`);
    seen.set(c.id, files[i]);
  });
  const models = await Promise.all(inputs.map((i) => resolveModel(i.ref)));
  const problem = commonDrawsProblem(models, files);
  if (problem) throw new CliError(`compare: the models cannot share draws: ${problem}`);
  const ref = inputs[0];
  const columns = [...models[0].outputs];
  const thresholds = parseThresholds(opts.threshold ?? [], columns);
  const showProgress = !!process.stderr.isTTY;
  const tables = runOnCommonDraws(models, runs, seed, sampling, showProgress ? (done, total) => process.stderr.write(`\rcompare: ${done}/${total} runs`) : undefined);
  if (showProgress) process.stderr.write('\n');
  // The problem's (output, time) pairs only: outputs may each name their own times.
  const wanted = new Set(ref.kpis.map((k) => `${k.output}\0${k.time}`));
  const cells = effectTable(tables, Array.from(models[0].times), new Map(Object.entries(thresholds))).filter((c) => wanted.has(`${c.output}\0${c.time}`));
  const report: EffectsReport = {
    scenarios: compared,
    kpis: kpisOf(ref, columns),
    cells,
    runs,
    seed,
    uncertainty: `problem ${inputName(problemPath)}`,
    sampling,
    ...(ref.kind === 'xmile' ? { timeName: 'time' as const } : {}),
  };
  const notes = effectNotes(report);
  let text: string;
  if (format === 'table') text = effectsTable(report, opts.lang ?? 'en', renderTable);
  else if (format === 'markdown') text = effectsTable(report, opts.lang ?? 'en', markdownTable);
  else if (format === 'csv') text = effectsCsv(report);
  else {
    const j = effectsJson(report, { tool: toolName(), model_version: models[0].version, files: [...files], problem: ref.problem });
    text = j.text;
    if (j.note) notes.push(j.note);
  }
  return notes.length ? { text, note: notes.join('; ') } : { text };
}
