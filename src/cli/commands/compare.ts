// `chengyu-sim compare A.json B.json […]`: run each scenario and show the headline KPIs
// at 2025, 2030 and 2035 side by side, with differences against the first scenario. With
// --runs N the scenarios run on N common draws of the uncertain inputs and each effect's
// distribution is shown instead (compare-effects.ts).
import { Command } from 'commander';
import { readCalibrationFile } from './calibration-file.ts';
import { choiceOption } from '../choice-option.ts';
import { compareRuns, COMPARE_YEARS } from '../../model/scenario/compare.ts';
import type { Lang } from '../../model/scenario/compare-format.ts';
import { comparisonCsv, comparisonJsonWithNote, comparisonMarkdown, comparisonTable } from '../../model/scenario/compare-format.ts';
import { SIMULATION_LIMITS } from '../../model/scenario/scenario.ts';
import { CliError } from '../errors.ts';
import { emit, toStdout } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';
import { collect, loadScenarioFile } from './scenario-input.ts';
import { UNCERTAINTY_SOURCES } from './analysis-input.ts';
import type { ScenarioModel } from './scenario-model.ts';
import { runScenarioWith } from './scenario-model.ts';
import { toolName } from './run-scenario.ts';

/** Options of `compare`. */
export interface CompareOptions {
  format?: string;
  lang?: Lang;
  years?: string;
  out?: string;
  /** Draws per scenario (compare-effects.ts); absent: one deterministic run each. */
  runs?: string;
  seed?: string;
  uncertainty?: string;
  sampling?: string;
  threshold?: string[];
  /** A problem file: the factors that vary and the outputs and times compared (compare-problem.ts). */
  problem?: string;
}

/** The formats of `compare`. */
export type CompareFormat = 'table' | 'csv' | 'json' | 'markdown';

/** The format an --out file's extension asks for. */
export const COMPARE_FORMATS_BY_EXTENSION: Readonly<Record<string, CompareFormat>> = { '.txt': 'table', '.csv': 'csv', '.json': 'json', '.md': 'markdown' };

/** Parse `--years 2025,2030`; each an integer year the model simulates. */
export function parseYears(text: string): number[] {
  const years = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (years.length === 0) throw new CliError('--years: no year given; e.g. --years 2025,2030,2035');
  return years.map((s) => {
    const y = Number(s);
    if (!/^\d{4}$/.test(s) || y < 2015 || y > SIMULATION_LIMITS.endMax) {
      throw new CliError(`--years: ${JSON.stringify(s)} is not allowed; allowed: integer years in [2015, ${SIMULATION_LIMITS.endMax}]`);
    }
    return y;
  });
}

/** The format to use: as asked, else a table on a terminal and CSV otherwise. */
export function chooseFormat(format: string | undefined, toTerminal: boolean): CompareFormat {
  if (format === undefined) return toTerminal ? 'table' : 'csv';
  if (format === 'table' || format === 'csv' || format === 'json' || format === 'markdown') return format;
  throw new CliError(`--format: ${JSON.stringify(format)} is not allowed; allowed: table, csv, json, markdown`);
}

/** Validate every file, run each scenario, render the comparison (the text, and a note for stderr if any). */
export function renderComparisonWithNote(files: readonly string[], opts: CompareOptions, model: ScenarioModel, toTerminal: boolean): { text: string; note?: string } {
  if (files.length < 2) throw new CliError('compare: give at least two scenario files (the first is the reference)');
  const format = chooseFormat(opts.format, toTerminal);
  const years = opts.years !== undefined ? parseYears(opts.years) : [...COMPARE_YEARS];
  // All files are validated before any run.
  const scenarios = files.map(loadScenarioFile);
  const resolved: unknown[] = [];
  const runs = scenarios.map((s) => {
    const r = runScenarioWith(model, s);
    resolved.push(r.resolved);
    return { scenario: { id: s.id, title: s.title }, result: r.result };
  });
  const c = compareRuns(runs, years);
  if (format === 'table') return { text: comparisonTable(c, opts.lang ?? 'en', renderTable) };
  if (format === 'markdown') return { text: comparisonMarkdown(c, opts.lang ?? 'en') };
  if (format === 'csv') return { text: comparisonCsv(c) };
  // The fully resolved scenarios (every lever field, method, dt) make the comparison reproducible.
  return comparisonJsonWithNote(c, { tool: toolName(), model_version: model.version, files: [...files], resolved_scenarios: resolved });
}

/** Validate every file, run each scenario, render the comparison. */
export function renderComparison(files: readonly string[], opts: CompareOptions, model: ScenarioModel, toTerminal: boolean): string {
  return renderComparisonWithNote(files, opts, model, toTerminal).text;
}

/** Register `compare`. */
export function register(program: Command): void {
  program
    .command('compare')
    .description('run scenarios and compare headline KPIs at 2025, 2030, 2035 against the first; with --runs, each effect\'s distribution over common draws')
    .argument('<scenarios...>', 'scenario files (JSON); the first is the reference')
    .addOption(choiceOption('--format <format>', 'output format (default: from the --out extension .txt, .csv, .json, .md; else a table on a terminal, csv otherwise)', ['table', 'csv', 'json', 'markdown']))
    .addOption(choiceOption('--lang <lang>', 'label language of the table and markdown', ['zh', 'en']).default('en'))
    .option('--years <list>', 'comma-separated years', '2025,2030,2035')
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .option('--calibration <file>', 'use this calibration (written by `calibrate --out`) instead of the committed one')
    .option('--runs <n>', 'run every scenario on N common draws of the uncertain inputs and report each effect\'s distribution (mean, sd, p5–p95)')
    .option('--seed <s>', 'with --runs: seed of the draws (same seed → same numbers)', '1')
    .addOption(choiceOption('--uncertainty <source>', 'with --runs: draw from the joint posterior (default), its marginals, or the registry priors of the uncertain parameters (calibrated ones fixed at their fit)', [...UNCERTAINTY_SOURCES]).default('posterior'))
    .addOption(choiceOption('--sampling <method>', 'with --runs: sampling design', ['random', 'lhs']).default('lhs'))
    .option('--threshold <kpi=value>', 'with --runs: also report P(effect > value) for this KPI (repeatable)', collect, [])
    .option('--problem <file>', 'with --runs: draw the factors of this problem file and compare its outputs and times; the arguments may then be XMILE/.mdl models (base and variants)')
    .action(async (files: string[], opts: CompareOptions & { calibration?: string }, cmd: Command) => {
      // Fail on bad files, options and paths before loading the model.
      const format = outFormat(opts.out, opts.format as CompareFormat | undefined, COMPARE_FORMATS_BY_EXTENSION);
      checkOutPath(opts.out);
      const calibration = readCalibrationFile(opts.calibration);
      const toTerminal = toStdout(opts.out) && !!process.stdout.isTTY;
      let out: { text: string; note?: string };
      if (opts.problem !== undefined) {
        const { renderProblemEffects } = await import('./compare-problem.ts');
        const explicit = { years: cmd.getOptionValueSource('years') === 'cli', uncertainty: cmd.getOptionValueSource('uncertainty') === 'cli' };
        out = await renderProblemEffects(files, opts.problem, { ...opts, format }, explicit, calibration, toTerminal);
        await emit(out.text, opts.out);
        if (out.note) process.stderr.write(`chengyu-sim: warning: ${out.note}\n`);
        return;
      }
      const { requireProblemFor } = await import('./problem-input.ts');
      for (const f of files) requireProblemFor(f, undefined, 'compare');
      for (const f of files) loadScenarioFile(f);
      if (opts.runs !== undefined) {
        const { renderEffects, effectsInput } = await import('./compare-effects.ts');
        const input = effectsInput(files, { ...opts, format }, calibration);
        out = renderEffects(input, toTerminal);
      } else {
        for (const o of ['seed', 'uncertainty', 'sampling', 'threshold'] as const) {
          const given = o === 'threshold' ? (opts.threshold ?? []).length > 0 : cmd.getOptionValueSource(o) === 'cli';
          if (given) throw new CliError(`--${o} applies only with --runs N (effects under uncertainty)`);
        }
        const { loadScenarioModel } = await import('./load-model.ts');
        out = renderComparisonWithNote(files, { ...opts, format }, await loadScenarioModel(calibration), toTerminal);
      }
      await emit(out.text, opts.out);
      if (out.note) process.stderr.write(`chengyu-sim: warning: ${out.note}\n`);
    });
}
