// `chengyu-sim compare A.json B.json […]`: run each scenario and show the headline KPIs
// at 2025, 2030 and 2035 side by side, with differences against the first scenario.
import { Command } from 'commander';
import { readCalibrationFile } from './calibration-file.ts';
import { choiceOption } from '../choice-option.ts';
import { compareRuns, COMPARE_YEARS } from '../../model/scenario/compare.ts';
import type { Lang } from '../../model/scenario/compare-format.ts';
import { comparisonCsv, comparisonJson, comparisonMarkdown, comparisonTable } from '../../model/scenario/compare-format.ts';
import { SIMULATION_LIMITS } from '../../model/scenario/scenario.ts';
import { CliError } from '../errors.ts';
import { emit, toStdout } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';
import { loadScenarioFile } from './scenario-input.ts';
import type { ScenarioModel } from './scenario-model.ts';
import { runScenarioWith } from './scenario-model.ts';
import { toolName } from './run-scenario.ts';

/** Options of `compare`. */
export interface CompareOptions {
  format?: string;
  lang?: Lang;
  years?: string;
  out?: string;
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

/** Validate every file, run each scenario, render the comparison. */
export function renderComparison(files: readonly string[], opts: CompareOptions, model: ScenarioModel, toTerminal: boolean): string {
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
  if (format === 'table') return comparisonTable(c, opts.lang ?? 'en', renderTable);
  if (format === 'markdown') return comparisonMarkdown(c, opts.lang ?? 'en');
  if (format === 'csv') return comparisonCsv(c);
  // The fully resolved scenarios (every lever field, method, dt) make the comparison reproducible.
  return comparisonJson(c, { tool: toolName(), model_version: model.version, files: [...files], resolved_scenarios: resolved });
}

/** Register `compare`. */
export function register(program: Command): void {
  program
    .command('compare')
    .description('run scenarios and compare headline KPIs at 2025, 2030, 2035 against the first')
    .argument('<scenarios...>', 'scenario files (JSON); the first is the reference')
    .addOption(choiceOption('--format <format>', 'output format (default: from the --out extension .txt, .csv, .json, .md; else a table on a terminal, csv otherwise)', ['table', 'csv', 'json', 'markdown']))
    .addOption(choiceOption('--lang <lang>', 'label language of the table and markdown', ['zh', 'en']).default('en'))
    .option('--years <list>', 'comma-separated years', '2025,2030,2035')
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .option('--calibration <file>', 'use this calibration (written by `calibrate --out`) instead of the committed one')
    .action(async (files: string[], opts: CompareOptions & { calibration?: string }) => {
      // Fail on bad files and paths before loading the model.
      const format = outFormat(opts.out, opts.format as CompareFormat | undefined, COMPARE_FORMATS_BY_EXTENSION);
      checkOutPath(opts.out);
      for (const f of files) loadScenarioFile(f);
      const calibration = readCalibrationFile(opts.calibration);
      const { loadScenarioModel } = await import('./load-model.ts');
      const text = renderComparison(files, { ...opts, format }, await loadScenarioModel(calibration), toStdout(opts.out) && !!process.stdout.isTTY);
      await emit(text, opts.out);
    });
}
