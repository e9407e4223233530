// `chengyu-sim sensitivity MODEL [--problem FILE] --method morris|sobol [--samples N]
// [--output a,b --year 2030,2035|all] [--out FILE.csv|.json|.txt]`: which factors move the
// outputs. MODEL is a scenario of the regional model (its uncertain inputs vary, or a problem
// file's factors) or an XMILE model (a problem file's factors). Runs on the worker pool with
// progress on stderr; indices come with bootstrap intervals and warnings; --checkpoint keeps
// finished runs so an interrupted analysis resumes; --save-design exports X and Y for SALib.
import { Command, Option } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { inertFactors, sensitivity, sensitivityWarnings, type KpiSelector, type SensitivityReport } from '../../model/analysis/sensitivity.ts';
import { createProgress, type Progress } from '../../model/analysis/node/progress.ts';
import type { UncertainParameter } from '../../model/analysis/sampling.ts';
import { createFastNodePool, defaultWorkerCount } from '../../model/worker/node-pool.ts';
import { spawnInThread } from '../../model/worker/in-thread.ts';
import { poolEvaluator } from '../../model/worker/pool-evaluate.ts';
import { WorkerPool } from '../../model/worker/pool.ts';
import type { ModelRef } from '../../model/worker/model-ref.ts';
import type { BatchJob, ModelInfo } from '../../model/worker/worker-api.ts';
import { CliError } from '../errors.ts';
import { onInterrupt } from '../interrupt.ts';
import { emit } from '../io.ts';
import { readCalibrationFile } from './calibration-file.ts';
import { analysisInput, intOption, type AnalysisInput } from './analysis-input.ts';
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { outFormat } from './out-format.ts';
import { checkOutDir, checkOutPath } from './out-path.ts';
import { problemInput, requireProblemFor } from './problem-input.ts';
import { openCheckpoint, type Checkpoint } from './sensitivity-checkpoint.ts';
import { saveDesign } from './sensitivity-design.ts';
import { reportCsv, reportJson, reportTable } from './sensitivity-format.ts';

export { reportTable, reportJson, reportCsv };

/** Headline KPIs analysed when neither --output nor a problem file names outputs (those the model has). */
export const HEADLINE_KPIS = ['hte_circle', 'rd_intensity_circle', 'tech_contracts_circle'];

/** Morris trajectories of the screening that finds inert factors (--drop-inert). */
export const SCREEN_TRAJECTORIES = 10;

/** Design rows per block: the unit of work, of progress and of a checkpoint. */
const ROWS_PER_BLOCK = 256;

/** Options as commander passes them. */
export interface SensitivityCliOptions {
  method: 'morris' | 'sobol';
  samples?: string;
  levels?: string;
  output?: string;
  year?: string;
  format?: 'table' | 'json' | 'csv';
  seed: string;
  workers?: string;
  bootstrap: string;
  out?: string;
  problem?: string;
  saveDesign?: string;
  checkpoint?: string;
  dropInert?: boolean;
  toyModel?: string;
  toyDelayMs?: string;
  uncertainty?: UncertaintySource;
  calibration?: string;
}

/** The KPIs to analyse: --output/--year when given, else the problem's, else the headline KPIs at the last year. */
function pickKpis(info: ModelInfo, o: SensitivityCliOptions, fromProblem: KpiSelector[] | undefined): KpiSelector[] {
  const last = info.times[info.times.length - 1];
  if (fromProblem && o.output === undefined && o.year === undefined) return fromProblem;
  const outputs = o.output !== undefined
    ? o.output.split(',').map((s) => s.trim()).filter(Boolean)
    : fromProblem
      ? [...new Set(fromProblem.map((k) => k.output))]
      : info.outputs.filter((n) => HEADLINE_KPIS.includes(n));
  const chosen = outputs.length ? outputs : info.outputs;
  let years: number[];
  if (o.year === undefined) years = fromProblem ? [...new Set(fromProblem.map((k) => k.time))] : [last];
  else if (o.year.trim() === 'all') years = info.times;
  else {
    years = o.year.split(',').map((s) => {
      const y = Number(s.trim());
      if (s.trim() === '' || !Number.isFinite(y)) throw new CliError(`--year: ${JSON.stringify(s)} is not a number (a list like 2030,2035, or all)`);
      return y;
    });
  }
  return chosen.flatMap((output) => years.map((time) => ({ output, time })));
}

/** The model reference with only the factors at `keep` varying (the others at their defaults). */
function withFactors(ref: ModelRef, params: UncertainParameter[]): ModelRef {
  if (ref.kind === 'xmile') return { ...ref, params };
  if (ref.kind === 'chengyu') {
    const { uncertainty: _u, ...rest } = ref;
    return { ...rest, factors: params };
  }
  throw new CliError('--drop-inert applies to the regional model and XMILE models');
}

/** Run the sensitivity command (exported for tests). */
export async function sensitivityCommand(modelPath: string | undefined, o: SensitivityCliOptions): Promise<void> {
  // Before any run: a batch of model runs must not end in a rename error.
  const format = outFormat(o.out, o.format, { '.txt': 'table', '.json': 'json', '.csv': 'csv' }) ?? 'table';
  checkOutPath(o.out);
  checkOutDir(o.saveDesign, '--save-design');
  checkOutDir(o.checkpoint, '--checkpoint');
  const samples = o.samples === undefined ? (o.method === 'sobol' ? 512 : 20) : intOption('--samples', o.samples, 2, 10_000_000);
  if (o.levels !== undefined && o.method !== 'morris') throw new CliError('--levels applies to --method morris (the grid of its trajectories)');
  const levels = o.levels === undefined ? 4 : intOption('--levels', o.levels, 2, 1000);
  if (levels % 2) throw new CliError(`--levels: ${levels} is not allowed; allowed: an even integer from 2 to 1000 (Morris moves by half the grid)`);
  const seed = intOption('--seed', o.seed, 0, 2 ** 31 - 1);
  const workers = o.workers === undefined ? defaultWorkerCount() : intOption('--workers', o.workers, 0, 256);
  const bootstrap = intOption('--bootstrap', o.bootstrap, 0, 100_000);
  const calibration = readCalibrationFile(o.calibration);
  let input: AnalysisInput & { kpis?: KpiSelector[]; groups?: { names: string[]; of: Int32Array } };
  if (o.problem) {
    if (o.toyModel) throw new CliError('--problem and --toy-model exclude each other');
    input = await problemInput(modelPath, o.problem, { ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}), ...(calibration ? { calibration } : {}) });
  } else {
    requireProblemFor(modelPath, o.problem, 'sensitivity');
    const toy = o.toyModel ? { name: o.toyModel, ...(o.toyDelayMs ? { delayMs: intOption('--toy-delay-ms', o.toyDelayMs, 0, 10_000) } : {}) } : undefined;
    input = analysisInput(modelPath, toy, o.uncertainty ?? 'posterior-marginals', calibration);
  }
  let job: BatchJob = { model: input.ref, runs: 1, seed, sampling: 'random' };
  const pool = workers > 0 ? await createFastNodePool(workers) : new WorkerPool(spawnInThread, 1);
  let report: SensitivityReport;
  let info: ModelInfo;
  let checkpoint: Checkpoint | undefined;
  let totalRows = 0;
  const stopReporting = onInterrupt(() =>
    checkpoint
      ? `sensitivity: interrupted; kept ${checkpoint.rowsKept()} of ${totalRows} runs in ${checkpoint.dir}; the same command resumes from there\n`
      : `sensitivity: interrupted; nothing was written${o.checkpoint ? '' : ' (with --checkpoint DIR, finished runs are kept and the same command resumes)'}\n`,
  );
  let groups = input.groups;
  let inert: string[] = [];
  let dropped: string[] = [];
  try {
    info = await pool.describe(job);
    if (info.params.length === 0) throw new CliError('the model has no uncertain parameters (no distribution in the registry)');
    const kpis = pickKpis(info, o, input.kpis);
    // Each evaluation keeps its blocks under its own key; progress counts the runs of this call.
    const evaluator = (what: string, rows: (d: number) => number, identity: Record<string, unknown>) => {
      let progress: Progress | undefined;
      if (o.checkpoint) checkpoint = openCheckpoint(o.checkpoint, { ...identity, modelVersion: info.version, params: info.params, seed, rowsPerBlock: ROWS_PER_BLOCK }, identity.kpis ? (identity.kpis as unknown[]).length : 1);
      totalRows = rows(info.params.length);
      const kept = checkpoint?.rowsKept() ?? 0;
      if (kept) process.stderr.write(`sensitivity: ${what}: resuming with ${kept} of ${totalRows} runs from ${checkpoint!.dir}\n`);
      const onRows = (done: number, all: number) => {
        progress ??= createProgress(`sensitivity: ${what}`, all, process.stderr, done);
        progress.update(done);
        if (done === all) progress.finish();
      };
      return poolEvaluator(pool, job, info.params.length, seed, ROWS_PER_BLOCK, undefined, checkpoint ? checkpoint.blocks(onRows) : { onRows });
    };
    if (o.dropInert) {
      // Every output at every reported time: "inert" means no effect on any of them.
      const all = info.outputs.flatMap((output) => info.times.map((time) => ({ output, time })));
      const screen = await sensitivity(
        info,
        { method: 'morris', samples: SCREEN_TRAJECTORIES, seed, kpis: all, bootstrap: 0, ...(groups ? { groups } : {}) },
        evaluator('screening', (d) => SCREEN_TRAJECTORIES * ((groups?.names.length ?? d) + 1), { phase: 'screen', method: 'morris', samples: SCREEN_TRAJECTORIES, groups: groups?.names, kpis: all }),
      );
      checkpoint?.remove();
      checkpoint = undefined;
      const drop = new Set(inertFactors(screen));
      dropped = [...drop];
      if (drop.size === screen.params.length) throw new CliError(`every factor is inert (no effect on any output over ${screen.evaluations} screening runs): nothing to analyse`);
      if (drop.size) {
        const keep = info.params.map((p, i) => !drop.has(groups ? groups.names[groups.of[i]] : p.id));
        const params = info.params.filter((_, i) => keep[i]);
        if (groups) {
          const of = groups.of.filter((_, i) => keep[i]);
          const names = groups.names.filter((g) => !drop.has(g));
          groups = { names, of: Int32Array.from(of, (g) => names.indexOf(groups!.names[g])) };
        }
        job = { ...job, model: withFactors(job.model, params) };
        info = await pool.describe(job);
        process.stderr.write(`sensitivity: dropped ${drop.size} inert factor(s) (no effect on any output over ${screen.evaluations} screening runs): ${dropped.join(', ')}\n`);
      } else process.stderr.write(`sensitivity: no inert factors found (${screen.evaluations} screening runs)\n`);
    }
    const k = groups?.names.length ?? info.params.length;
    process.stderr.write(`sensitivity: ${o.method}, ${samples} samples, ${info.params.length} parameters${groups ? ` in ${k} groups` : ''}, ${kpis.length} KPI(s)\n`);
    report = await sensitivity(
      info,
      { method: o.method, samples, seed, kpis, bootstrap, levels, ...(groups ? { groups } : {}), keepDesign: o.saveDesign !== undefined },
      evaluator(o.method, () => (o.method === 'sobol' ? samples * (k + 2) : samples * (k + 1)), { phase: 'analysis', method: o.method, samples, levels, groups: groups?.names, kpis }),
    );
    if (!o.dropInert) inert = inertFactors(report);
  } catch (err) {
    throw err instanceof CliError ? err : new CliError(err instanceof Error ? err.message : String(err));
  } finally {
    stopReporting();
    pool.close();
  }
  const warnings = sensitivityWarnings(report);
  for (const w of warnings) process.stderr.write(`sensitivity: warning: ${w.message}\n`);
  if (inert.length) {
    process.stderr.write(`sensitivity: ${inert.length} inert factor(s), no effect on any analysed output (add --drop-inert to leave them out): ${inert.join(', ')}\n`);
  }
  if (o.saveDesign) {
    const files = saveDesign(o.saveDesign, report, info.params, report.results, groups);
    process.stderr.write(`sensitivity: wrote the design and outputs to ${o.saveDesign} (${files.length} files)\n`);
  }
  const extra = { scenario: input.scenario, model_version: info.version, ...(o.dropInert ? { dropped } : {}) };
  const text = format === 'json' ? reportJson(report, extra, warnings, inert) : format === 'csv' ? reportCsv(report) : reportTable(report, bootstrap);
  await emit(text, o.out);
  checkpoint?.remove();
}

/** Register `sensitivity`. */
export function register(program: Command): void {
  program
    .command('sensitivity')
    .description('Morris screening or Sobol indices of model outputs / 敏感性分析（Morris 筛选或 Sobol 指数）')
    .argument('[model]', 'scenario file of the regional model (.json), XMILE model (.xmile, .stmx, .xml) or Vensim model (.mdl); - for stdin')
    .option('--problem <file>', 'problem file: the factors that vary (distributions, bounds, groups), the outputs and times (see docs/problem.schema.json)')
    .addOption(choiceOption('--method <method>', 'morris (screening) or sobol (variance-based)', ['morris', 'sobol']).default('morris'))
    .option('--samples <n>', 'Sobol: base samples N, N·(k+2) runs (default 512); Morris: trajectories r, r·(k+1) runs (default 20); k = factors or groups')
    .option('--levels <p>', 'Morris: grid levels (even; default 4)')
    .option('--output <names>', 'outputs to analyse, comma-separated (default: the problem\'s, or the headline KPIs)')
    .option('--year <years>', 'times of the outputs, comma-separated, or all (default: the problem\'s, or the last year)')
    .addOption(choiceOption('--format <format>', 'output format (default: table, or from the --out extension: .txt, .json, .csv)', ['table', 'json', 'csv']))
    .option('--seed <s>', 'seed of the design and the bootstrap', '1')
    .option('--workers <k>', 'worker threads (default: one per core; 0 = in this thread)')
    .option('--bootstrap <b>', 'bootstrap resamples for the intervals (0: none)', '500')
    .option('--drop-inert', 'screen first and leave out factors with no effect on any output')
    .option('--save-design <dir>', 'also write the design and outputs (X, Y as .csv and .npy, a SALib problem) to DIR')
    .option('--checkpoint <dir>', 'keep finished runs in DIR; after an interruption the same command resumes')
    .option('--calibration <file>', 'use this calibration (written by `calibrate --posterior --out`) and its posterior')
    .addOption(choiceOption('--uncertainty <source>', 'regional model: vary the posterior marginals (default; correlations dropped, as the indices need independent factors) or the registry priors of the uncertain parameters (calibrated ones fixed at their fit)', ['posterior-marginals', 'prior']))
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout)')
    .addOption(new Option('--toy-model <name>', 'use a built-in toy model (tests)').hideHelp())
    .addOption(new Option('--toy-delay-ms <ms>', 'toy model cost per run (tests)').hideHelp())
    .action(async (model: string | undefined, o: SensitivityCliOptions) => {
      await sensitivityCommand(model, o);
    });
}
