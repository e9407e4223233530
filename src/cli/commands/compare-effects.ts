// `compare --runs N`: the scenarios run on N common draws of the regional model's uncertain
// inputs (chengyu/policy-effects.ts) and each scenario's effect against the first is
// reported per KPI and year as a distribution (mean, sd, p5 … p95, P(effect > threshold)).
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { chengyuPolicyEffects } from '../../model/chengyu/policy-effects.ts';
import type { SamplingMethod } from '../../model/analysis/sampling.ts';
import { COMPARE_YEARS, headlineKpis } from '../../model/scenario/compare.ts';
import { markdownTable } from '../../model/scenario/compare-format.ts';
import { effectNotes, effectsCsv, effectsJson, effectsTable, type EffectsReport } from '../../model/scenario/effects-format.ts';
import { scenarioConstants, type Scenario } from '../../model/scenario/scenario.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { renderTable } from '../text-table.ts';
import { intOption } from './analysis-input.ts';
import type { CalibrationInput } from './calibration-file.ts';
import { chooseFormat, parseYears, type CompareOptions } from './compare.ts';
import { toolName } from './run-scenario.ts';
import { loadScenarioFile } from './scenario-input.ts';

/** Largest --runs of compare (runs are in this process; 10^5 × a few scenarios is minutes). */
export const COMPARE_MAX_RUNS = 100_000;

/** Everything `compare --runs` needs, checked. */
export interface EffectsInput {
  files: string[];
  scenarios: Scenario[];
  runs: number;
  seed: number;
  years: number[];
  uncertainty: UncertaintySource;
  sampling: SamplingMethod;
  thresholds: Record<string, number>;
  format?: string;
  lang: 'zh' | 'en';
  calibration?: CalibrationInput;
}

/** Parse `--threshold kpi=value` texts: a compared KPI (of `names`, default the headline ones), a finite number, each KPI once. */
export function parseThresholds(texts: readonly string[], names: readonly string[] = headlineKpis().map((k) => k.name)): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of texts) {
    const m = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(t);
    const value = m && m[2] !== '' ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) throw new CliError(`--threshold ${t}: expected kpi=number, e.g. --threshold hte_circle=500`);
    const kpi = m[1];
    if (!names.includes(kpi)) throw new CliError(`--threshold ${t}: ${JSON.stringify(kpi)} is not a compared KPI${didYouMean(kpi, [...names]) || `; allowed: ${names.join(', ')}`}`);
    if (Object.hasOwn(out, kpi)) throw new CliError(`--threshold ${t}: a threshold for ${kpi} is already given`);
    out[kpi] = value;
  }
  return out;
}

/** Check the options and files of `compare --runs` (before the model loads). */
export function effectsInput(files: readonly string[], opts: CompareOptions, calibration?: CalibrationInput): EffectsInput {
  if (files.length < 2) throw new CliError('compare: give at least two scenario files (the first is the reference)');
  const uncertainty = (opts.uncertainty ?? 'posterior') as UncertaintySource;
  if (calibration && !calibration.posterior && uncertainty !== 'prior') {
    throw new CliError(`--calibration ${calibration.path}: it has no posterior to draw from; write one with \`calibrate --posterior --out FILE\`, or add --uncertainty prior`);
  }
  const scenarios = files.map(loadScenarioFile);
  const ends = new Set(scenarios.map((s) => s.simulation.end ?? 2035));
  if (ends.size > 1) {
    throw new CliError(`compare --runs: the scenarios end in different years (${scenarios.map((s, i) => `${files[i]}: ${s.simulation.end ?? 2035}`).join(', ')}); effects pair the same years, so give them one simulation.end`);
  }
  const years = opts.years !== undefined ? parseYears(opts.years) : [...COMPARE_YEARS];
  const end = [...ends][0];
  const late = years.find((y) => y > end);
  if (late !== undefined) throw new CliError(`--years: ${late} is after the scenarios' end year ${end}`);
  return {
    files: [...files],
    scenarios,
    runs: intOption('--runs', opts.runs, 1, COMPARE_MAX_RUNS),
    seed: intOption('--seed', opts.seed ?? '1', 0, 2 ** 53 - 1),
    years,
    uncertainty,
    sampling: (opts.sampling ?? 'lhs') as SamplingMethod,
    thresholds: parseThresholds(opts.threshold ?? []),
    ...(opts.format !== undefined ? { format: opts.format } : {}),
    lang: opts.lang ?? 'en',
    ...(calibration ? { calibration } : {}),
  };
}

/** Run the effects and render them; `note` collects what stderr should say (one run, dropped values, non-finite JSON). */
export function renderEffects(input: EffectsInput, toTerminal: boolean): { text: string; note?: string } {
  const format = chooseFormat(input.format, toTerminal);
  const showProgress = !!process.stderr.isTTY;
  const effects = chengyuPolicyEffects({
    variants: input.scenarios.map((s) => ({
      id: s.id,
      constants: scenarioConstants(s),
      ...(s.simulation.method ? { method: s.simulation.method } : {}),
      ...(s.simulation.end !== undefined ? { end: s.simulation.end } : {}),
      ...(s.simulation.dt !== undefined ? { dt: s.simulation.dt } : {}),
    })),
    runs: input.runs,
    seed: input.seed,
    sampling: input.sampling,
    uncertainty: input.uncertainty,
    outputs: headlineKpis().map((k) => k.name),
    years: input.years,
    thresholds: input.thresholds,
    ...(input.calibration ? { parameters: input.calibration.parameters, ...(input.calibration.posterior ? { posterior: input.calibration.posterior } : {}) } : {}),
    ...(showProgress ? { onProgress: (done: number, total: number) => process.stderr.write(`\rcompare: ${done}/${total} runs`) } : {}),
  });
  if (showProgress) process.stderr.write('\n');
  const present = new Set(effects.outputs);
  const report: EffectsReport = {
    scenarios: input.scenarios.map((s) => ({ id: s.id, title: s.title })),
    kpis: headlineKpis().filter((k) => present.has(k.name)),
    cells: effects.cells,
    runs: input.runs,
    seed: input.seed,
    uncertainty: input.uncertainty,
    sampling: input.sampling,
  };
  const notes = effectNotes(report);
  let text: string;
  if (format === 'table') text = effectsTable(report, input.lang, renderTable);
  else if (format === 'markdown') text = effectsTable(report, input.lang, markdownTable);
  else if (format === 'csv') text = effectsCsv(report);
  else {
    const j = effectsJson(report, { tool: toolName(), model_version: effects.modelVersion, files: input.files });
    text = j.text;
    if (j.note) notes.push(j.note);
  }
  return notes.length ? { text, note: notes.join('; ') } : { text };
}
