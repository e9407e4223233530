// `chengyu-sim sensitivity SCENARIO.json --method morris|sobol [--samples N]
// [--output hte_circle --year 2035] [--format table|json]`: which uncertain parameters
// move the headline KPIs. Runs on the worker pool; indices come with bootstrap intervals.
import { Command, Option } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { sensitivity, tornado, type KpiSelector, type SensitivityReport } from '../../model/analysis/sensitivity.ts';
import { createFastNodePool, defaultWorkerCount } from '../../model/worker/node-pool.ts';
import { spawnInThread } from '../../model/worker/in-thread.ts';
import { poolEvaluator } from '../../model/worker/pool-evaluate.ts';
import { WorkerPool } from '../../model/worker/pool.ts';
import { CliError } from '../errors.ts';
import { onInterrupt } from '../interrupt.ts';
import { emit } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { readCalibrationFile } from './calibration-file.ts';
import { analysisInput, intOption } from './analysis-input.ts';
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** Headline KPIs analysed when --output is absent (those the model has). */
export const HEADLINE_KPIS = ['hte_circle', 'rd_intensity_circle', 'tech_contracts_circle'];

/** Options as commander passes them. */
export interface SensitivityCliOptions {
  method: 'morris' | 'sobol';
  samples?: string;
  output?: string;
  year?: string;
  format?: 'table' | 'json';
  seed: string;
  workers?: string;
  bootstrap: string;
  out?: string;
  toyModel?: string;
  uncertainty?: UncertaintySource;
  calibration?: string;
}

/** A number for a terminal table. */
function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4).replace(/\.?0+e/, 'e').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : '—';
}

/** The report as aligned tables, one per KPI, parameters ranked. */
export function reportTable(r: SensitivityReport): string {
  const parts: string[] = [];
  for (const k of r.results) {
    const title = `${k.output} @ ${k.time} — ${r.method === 'sobol' ? 'Sobol indices' : 'Morris elementary effects'} (${r.evaluations} runs, seed ${r.seed}, 95% bootstrap intervals)`;
    const index = new Map(r.params.map((p, i) => [p, i]));
    const bars = tornado(k, r.params);
    if (k.sobol) {
      const s = k.sobol;
      const rows = bars.map((b) => {
        const i = index.get(b.param)!;
        return [b.param, fmt(s.S1[i]), `[${fmt(s.S1ci[i][0])}, ${fmt(s.S1ci[i][1])}]`, fmt(s.ST[i]), `[${fmt(s.STci[i][0])}, ${fmt(s.STci[i][1])}]`];
      });
      const legend = 'S1: first-order index (share of variance from the parameter alone); ST: total index (with all its interactions)';
      parts.push(`${title}\n${legend}\n${renderTable(['parameter', 'S1', 'S1 CI', 'ST', 'ST CI'], rows, ['left', 'right', 'right', 'right', 'right'])}`);
    } else {
      const m = k.morris!;
      const rows = bars.map((b) => {
        const i = index.get(b.param)!;
        return [b.param, fmt(m.muStar[i]), `[${fmt(m.muStarCi[i][0])}, ${fmt(m.muStarCi[i][1])}]`, fmt(m.mu[i]), fmt(m.sigma[i])];
      });
      const legend = 'μ*: mean |elementary effect| in output units per full range of the parameter; μ: signed mean; σ: spread (nonlinearity, interactions)';
      parts.push(`${title}\n${legend}\n${renderTable(['parameter', 'μ*', 'μ* CI', 'μ', 'σ'], rows, ['left', 'right', 'right', 'right', 'right'])}`);
    }
  }
  return parts.join('\n');
}

/** The report as JSON (full precision). */
export function reportJson(r: SensitivityReport, extra: Record<string, unknown>): string {
  const results = r.results.map((k) => ({
    output: k.output,
    year: k.time,
    parameters: r.params.map((id, i) =>
      k.sobol
        ? { id, S1: k.sobol.S1[i], S1_ci: k.sobol.S1ci[i], ST: k.sobol.ST[i], ST_ci: k.sobol.STci[i] }
        : { id, mu_star: k.morris!.muStar[i], mu_star_ci: k.morris!.muStarCi[i], mu: k.morris!.mu[i], sigma: k.morris!.sigma[i] },
    ),
    ...(k.sobol ? { variance: k.sobol.variance } : {}),
  }));
  return JSON.stringify({ ...extra, method: r.method, samples: r.samples, seed: r.seed, evaluations: r.evaluations, results }, null, 2) + '\n';
}

/** Run the sensitivity command (exported for tests). */
export async function sensitivityCommand(scenario: string | undefined, o: SensitivityCliOptions): Promise<void> {
  // Before any run: a batch of model runs must not end in a rename error.
  const format = outFormat(o.out, o.format, { '.txt': 'table', '.json': 'json' }) ?? 'table';
  checkOutPath(o.out);
  const samples = o.samples === undefined ? (o.method === 'sobol' ? 512 : 20) : intOption('--samples', o.samples, 2, 10_000_000);
  const seed = intOption('--seed', o.seed, 0, 2 ** 31 - 1);
  const workers = o.workers === undefined ? defaultWorkerCount() : intOption('--workers', o.workers, 0, 256);
  const bootstrap = intOption('--bootstrap', o.bootstrap, 0, 100_000);
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !Number.isFinite(year)) throw new CliError(`--year: ${JSON.stringify(o.year)} is not a number`);
  const input = analysisInput(scenario, o.toyModel ? { name: o.toyModel } : undefined, o.uncertainty ?? 'posterior-marginals', readCalibrationFile(o.calibration));
  const job = { model: input.ref, runs: 1, seed, sampling: 'random' as const };
  const pool = workers > 0 ? await createFastNodePool(workers) : new WorkerPool(spawnInThread, 1);
  let report: SensitivityReport;
  let version: string;
  const stopReporting = onInterrupt(() => 'sensitivity: interrupted; nothing was written\n');
  try {
    const info = await pool.describe(job);
    version = info.version;
    if (info.params.length === 0) throw new CliError('the model has no uncertain parameters (no distribution in the registry)');
    const last = info.times[info.times.length - 1];
    const outputs = o.output ? [o.output] : info.outputs.filter((n) => HEADLINE_KPIS.includes(n));
    const kpis: KpiSelector[] = (outputs.length ? outputs : info.outputs).map((output) => ({ output, time: year ?? last }));
    process.stderr.write(`sensitivity: ${o.method}, ${samples} samples, ${info.params.length} parameters, ${kpis.length} KPI(s)\n`);
    report = await sensitivity(info, { method: o.method, samples, seed, kpis, bootstrap }, poolEvaluator(pool, job, info.params.length, seed));
  } catch (err) {
    throw err instanceof CliError ? err : new CliError(err instanceof Error ? err.message : String(err));
  } finally {
    stopReporting();
    pool.close();
  }
  const text = format === 'json' ? reportJson(report, { scenario: input.scenario, model_version: version }) : reportTable(report);
  await emit(text, o.out);
}

/** Register `sensitivity`. */
export function register(program: Command): void {
  program
    .command('sensitivity')
    .description('Morris screening or Sobol indices of the headline KPIs / 敏感性分析（Morris 筛选或 Sobol 指数）')
    .argument('[scenario]', 'scenario file (JSON; - for stdin)')
    .addOption(choiceOption('--method <method>', 'morris (screening) or sobol (variance-based)', ['morris', 'sobol']).default('morris'))
    .option('--samples <n>', 'Sobol: base samples N, N·(d+2) runs (default 512); Morris: trajectories r, r·(d+1) runs (default 20)')
    .option('--output <name>', 'KPI output to analyse (default: the headline KPIs)')
    .option('--year <year>', 'year of the KPI (default: the last year)')
    .addOption(choiceOption('--format <format>', 'output format (default: table, or from the --out extension: .txt, .json)', ['table', 'json']))
    .option('--seed <s>', 'seed of the design and the bootstrap', '1')
    .option('--workers <k>', 'worker threads (default: one per core; 0 = in this thread)')
    .option('--bootstrap <b>', 'bootstrap resamples for the intervals', '500')
    .option('--calibration <file>', 'use this calibration (written by `calibrate --posterior --out`) and its posterior')
    .addOption(choiceOption('--uncertainty <source>', 'regional model: vary the posterior marginals (default; correlations dropped, as the indices need independent factors) or the registry priors', ['posterior-marginals', 'prior']))
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout)')
    .addOption(new Option('--toy-model <name>', 'use a built-in toy model (tests)').hideHelp())
    .action(async (scenario: string | undefined, o: SensitivityCliOptions) => {
      await sensitivityCommand(scenario, o);
    });
}
