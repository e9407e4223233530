// `chengyu-sim batch SCENARIO.json --runs N --seed S [--workers K] [--shard i/n]
// [--sampling random|lhs] --out DIR`: a resumable Monte Carlo batch (see
// src/model/analysis/node/run-batch.ts). Without --shard, the shard comes from a cluster
// scheduler's array variables when present (shard-from-env.ts).
import { Command, Option } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { BatchRequestError, runBatch } from '../../model/analysis/node/run-batch.ts';
import { parseShard, type Shard } from '../../model/analysis/shard.ts';
import { shardFromEnv } from '../../model/analysis/shard-from-env.ts';
import type { SamplingMethod } from '../../model/analysis/sampling.ts';
import { defaultWorkerCount } from '../../model/worker/node-pool.ts';
import { CliError } from '../errors.ts';
import { EXIT } from '../exit-codes.ts';
import { readCalibrationFile } from './calibration-file.ts';
import { analysisInput, intOption, UNCERTAINTY_SOURCES } from './analysis-input.ts';
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { reportInterrupt } from './batch-interrupt.ts';
import { checkOutDir } from './out-path.ts';
import { problemInput, requireProblemFor } from './problem-input.ts';

/** Options of `batch` as commander passes them. */
export interface BatchCliOptions {
  runs?: string;
  seed: string;
  workers?: string;
  shard?: string;
  sampling: SamplingMethod;
  out?: string;
  chunkSize?: string;
  toyModel?: string;
  toyDelayMs?: string;
  uncertainty?: UncertaintySource;
  calibration?: string;
  problem?: string;
  extend?: boolean;
}

/** The shard of this process: explicit `--shard` wins over the scheduler's environment. */
export function pickShard(explicit: string | undefined, env: Record<string, string | undefined>): (Shard & { source?: string }) | undefined {
  try {
    if (explicit !== undefined) return parseShard(explicit);
    return shardFromEnv(env);
  } catch (err) {
    // Both parseShard and shardFromEnv (ShardEnvError) name the offending text or variable.
    if (err instanceof Error) throw new CliError(err.message);
    throw err;
  }
}

/** Run the batch command (exported for tests); `args` are its command line, for the resume hint after Ctrl-C. */
export async function batchCommand(model: string | undefined, o: BatchCliOptions, args: readonly string[] = ['batch']): Promise<void> {
  if (!o.out) throw new CliError('--out DIR is required');
  checkOutDir(o.out);
  const runs = intOption('--runs', o.runs, 1, 100_000_000);
  const seed = intOption('--seed', o.seed, 0, 2 ** 53 - 1);
  const workers = o.workers === undefined ? defaultWorkerCount() : intOption('--workers', o.workers, 0, 256);
  const chunkSize = o.chunkSize === undefined ? undefined : intOption('--chunk-size', o.chunkSize, 1, 1_000_000);
  const shard = pickShard(o.shard, process.env);
  const toy = o.toyModel ? { name: o.toyModel, delayMs: o.toyDelayMs ? Number(o.toyDelayMs) : undefined } : undefined;
  const calibration = readCalibrationFile(o.calibration);
  if (o.problem && toy) throw new CliError('--problem and --toy-model exclude each other');
  requireProblemFor(model, o.problem, 'batch');
  const input = o.problem
    ? await problemInput(model, o.problem, { ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}), ...(calibration ? { calibration } : {}) })
    : analysisInput(model, toy, o.uncertainty ?? 'posterior', calibration);
  const t0 = Date.now();
  const stopReporting = reportInterrupt(o.out, runs, args);
  const outcome = await runBatch({
    dir: o.out,
    job: { model: input.ref, runs, seed, sampling: o.sampling },
    scenario: input.scenario,
    shard: shard ? { index: shard.index, count: shard.count } : undefined,
    workers,
    chunkSize,
    progress: process.stderr,
    onWorkerDied: (m) => process.stderr.write(`batch: a worker died (${m})\n`),
    ...(o.extend ? { extend: true } : {}),
  }).catch((err: unknown) => {
    throw new CliError(err instanceof Error ? err.message : String(err), err instanceof BatchRequestError ? EXIT.badInput : EXIT.failure);
  }).finally(stopReporting);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const m = outcome.manifest;
  const from = shard?.source ? ` (shard ${shard.index}/${shard.count} from ${shard.source})` : '';
  process.stderr.write(
    `batch: runs ${m.range[0]}–${m.range[1] - 1} of ${m.runs} done${from}: ${outcome.computedRuns} computed, ${outcome.reusedRuns} resumed, ${secs} s → ${o.out}/summary.csv\n`,
  );
  // A spread needs two runs: summary.csv says NaN rather than a misleading 0.
  if (m.runs < 2) process.stderr.write('batch: note: with one run the sd in summary.csv is NaN (a spread needs at least two runs)\n');
}

/** Register `batch`. */
export function register(program: Command): void {
  program
    .command('batch')
    .description('Monte Carlo batch over the uncertain parameters; resumable, shardable / 蒙特卡洛批量运行（可续跑、可分片）')
    .argument('[model]', 'scenario file of the regional model (.json), XMILE model (.xmile, .stmx, .xml) or Vensim model (.mdl); - for stdin')
    .option('--problem <file>', 'problem file: the factors that vary (distributions, bounds), the outputs and times (see docs/problem.schema.json)')
    .requiredOption('--runs <n>', 'number of runs N of the whole batch')
    .option('--seed <s>', 'batch seed (same seed → same bytes)', '1')
    .option('--workers <k>', 'worker threads (default: one per core; 0 = in this thread)')
    .option('--shard <i/n>', 'run only the i-th (0-based) of n slices of the N runs; merge the slices with `merge`')
    .addOption(choiceOption('--sampling <method>', 'sampling design', ['random', 'lhs']).default('lhs'))
    .requiredOption('--out <dir>', 'output directory (summary.csv, runs.csv, manifest.json, chunks/); Ctrl-C keeps the finished runs, the same command resumes')
    .option('--chunk-size <n>', 'runs per chunk (unit of work and of resume)')
    .option('--extend', 'grow the batch already in --out to --runs N (random sampling only): the result is the same bytes as a batch of N runs from the start')
    .option('--calibration <file>', 'use this calibration (written by `calibrate --posterior --out`) and its posterior')
    .addOption(choiceOption('--uncertainty <source>', 'regional model: draw joint posterior draws (default), the posterior marginals, or the registry priors of the uncertain parameters (calibrated ones fixed at their fit)', [...UNCERTAINTY_SOURCES]))
    .addOption(new Option('--toy-model <name>', 'use a built-in toy model (tests)').hideHelp())
    .addOption(new Option('--toy-delay-ms <ms>', 'toy model cost per run (tests)').hideHelp())
    .action(async (model: string | undefined, o: BatchCliOptions) => {
      // The command line as typed (bin/chengyu-sim.js passes it on unchanged): the same line resumes.
      await batchCommand(model, o, process.argv.slice(2));
    });
}
