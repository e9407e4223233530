// `chengyu-sim slurm`: write (and with --submit, submit) a Slurm job array that runs a
// batch's shards, plus a merge job that writes DIR/summary.csv when all tasks succeeded.
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { CliError } from '../errors.ts';
import { EXIT } from '../exit-codes.ts';
import { STDIN } from '../read-input.ts';
import { checkOutDir } from './out-path.ts';
import { problemInput, requireProblemFor } from './problem-input.ts';
import { writeFileAtomic } from '../io.ts';
import {
  batchScript, mergeScript, submitScript, SLURM_FILES, SlurmPlanError, validatePlan, type SlurmPlan,
} from '../../cluster/sbatch-scripts.ts';
import { stillQueued, submitArrayAndMerge, SubmitError } from '../../cluster/sbatch-submit.ts';
import { parseScenario, ScenarioError } from '../../model/scenario/scenario.ts';

interface SlurmOptions {
  runs: string;
  seed: string;
  tasks: string;
  out: string;
  sampling?: string;
  partition?: string;
  time?: string;
  cpusPerTask?: string;
  maxRunning?: string;
  sbatchOption: string[];
  submit?: boolean;
  toyModel?: string;
  toyDelayMs?: string;
  problem?: string;
}

/** The plan fields that fix which runs each shard holds; a DIR keeps them for good. */
const PLAN_IDENTITY = ['scenario', 'runs', 'seed', 'tasks', 'batchArgs'] as const;

/** Register `slurm` on the program. */
export function register(program: Command): void {
  program
    .command('slurm')
    .description('write a Slurm job array for a sharded batch plus a merge job / 生成 Slurm 作业数组脚本（分片批量运行与合并）')
    .argument('<model>', 'scenario file of the regional model (.json), XMILE model (.xmile, .stmx, .xml) or Vensim model (.mdl)')
    .option('--problem <file>', 'problem file passed to every shard: the factors that vary, the outputs and times')
    .requiredOption('--runs <n>', 'number of Monte Carlo runs in the whole batch')
    .requiredOption('--seed <s>', 'batch seed (same seed → same summary.csv)')
    .requiredOption('--tasks <t>', 'number of array tasks (shards)')
    .requiredOption('--out <dir>', 'output directory on a shared filesystem')
    .option('--sampling <method>', 'random or lhs, passed to every shard')
    .option('--partition <name>', 'Slurm partition')
    .option('--time <HH:MM:SS>', 'wall-clock limit per task')
    .option('--cpus-per-task <c>', 'CPUs (and batch workers) per task', '1')
    .option('--max-running <k>', 'run at most k array tasks at once')
    .option('--sbatch-option <opt>', 'another sbatch option for both jobs, e.g. --account=abc (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--submit', 'submit the array and the merge job with sbatch and print their ids')
    // Passed to every shard's `batch` (its hidden test options): a model whose cost per
    // run the tests control, so a task can be cancelled midway.
    .addOption(new Option('--toy-model <name>', 'use a built-in toy model (tests)').hideHelp())
    .addOption(new Option('--toy-delay-ms <ms>', 'toy model cost per run (tests)').hideHelp())
    .action(async (scenario: string, opts: SlurmOptions) => {
      await slurmCommand(scenario, opts);
    });
}

async function slurmCommand(scenarioArg: string, opts: SlurmOptions): Promise<void> {
  // The array tasks read the scenario later, on other nodes: stdin is gone by then.
  if (scenarioArg === STDIN) throw new CliError('slurm: the scenario must be a file the cluster tasks can read, not stdin (-)');
  if (opts.problem === STDIN) throw new CliError('slurm: the problem must be a file the cluster tasks can read, not stdin (-)');
  checkOutDir(opts.out);
  const scenario = resolve(scenarioArg);
  if (!existsSync(scenario)) throw new CliError(`model file not found: ${scenarioArg}`);
  requireProblemFor(scenario, opts.problem, 'slurm');
  // The same checks as each shard's `batch` will make, now rather than after hours in the queue.
  if (opts.problem) await problemInput(scenario, resolve(opts.problem));
  else checkScenario(scenario, scenarioArg);
  if (opts.sampling !== undefined && opts.sampling !== 'random' && opts.sampling !== 'lhs') {
    throw new CliError(`--sampling must be random or lhs (got ${JSON.stringify(opts.sampling)})`);
  }
  const plan: SlurmPlan = {
    node: process.execPath,
    cli: fileURLToPath(new URL('../../../bin/chengyu-sim.js', import.meta.url)),
    scenario,
    runs: integerOption('--runs', opts.runs),
    seed: integerOption('--seed', opts.seed),
    tasks: integerOption('--tasks', opts.tasks),
    out: resolve(opts.out),
    cpusPerTask: integerOption('--cpus-per-task', opts.cpusPerTask ?? '1'),
    batchArgs: [
      ...(opts.problem ? ['--problem', resolve(opts.problem)] : []),
      ...(opts.sampling ? ['--sampling', opts.sampling] : []),
      ...(opts.toyModel ? ['--toy-model', opts.toyModel] : []),
      ...(opts.toyDelayMs ? ['--toy-delay-ms', String(integerOption('--toy-delay-ms', opts.toyDelayMs))] : []),
    ],
  };
  if (opts.partition !== undefined) plan.partition = opts.partition;
  if (opts.maxRunning !== undefined) plan.maxRunning = integerOption('--max-running', opts.maxRunning);
  if (opts.sbatchOption.length > 0) plan.sbatchOptions = opts.sbatchOption;
  if (opts.time !== undefined) plan.time = opts.time;
  try {
    validatePlan(plan);
  } catch (err) {
    if (err instanceof SlurmPlanError) throw new CliError(err.message);
    throw err;
  }
  checkSamePlan(plan);

  const dir = plan.out;
  const paths = {
    batch: `${dir}/${SLURM_FILES.batch}`,
    merge: `${dir}/${SLURM_FILES.merge}`,
    submit: `${dir}/${SLURM_FILES.submit}`,
    plan: `${dir}/slurm/plan.json`,
    jobs: `${dir}/slurm/jobs.json`,
  };
  // Two arrays computing the same shards at once would only waste the allocation.
  if (opts.submit) await checkNothingQueued(paths.jobs);
  // Slurm opens the log files before the job runs: their directory must exist.
  mkdirSync(`${dir}/${SLURM_FILES.logs}`, { recursive: true });
  mkdirSync(`${dir}/${SLURM_FILES.shards}`, { recursive: true });
  writeFileAtomic(paths.batch, batchScript(plan));
  writeFileAtomic(paths.merge, mergeScript(plan));
  writeFileAtomic(paths.submit, submitScript(plan));
  chmodSync(paths.submit, 0o755);
  writeFileAtomic(paths.plan, `${JSON.stringify(planIdentity(plan), null, 2)}\n`);
  process.stderr.write(`wrote ${paths.batch}, ${paths.merge} and ${paths.submit} / 已生成作业脚本\n`);

  if (!opts.submit) {
    process.stderr.write(`submit with / 提交: bash ${paths.submit}\n`);
    return;
  }
  try {
    const jobs = await submitArrayAndMerge(paths.batch, paths.merge);
    writeFileAtomic(paths.jobs, `${JSON.stringify({ ...jobs, submitted: new Date().toISOString() }, null, 2)}\n`);
    process.stdout.write(`array job: ${jobs.arrayJob}\nmerge job: ${jobs.mergeJob}\n`);
    process.stderr.write(`when the merge job has run, the result is ${dir}/summary.csv / 合并作业完成后结果在 ${dir}/summary.csv\n`);
  } catch (err) {
    if (err instanceof SubmitError) throw new CliError(err.message, EXIT.failure);
    throw err;
  }
}

async function checkNothingQueued(jobsFile: string): Promise<void> {
  if (!existsSync(jobsFile)) return;
  let ids: string[];
  try {
    const j = JSON.parse(readFileSync(jobsFile, 'utf8')) as { arrayJob?: unknown; mergeJob?: unknown };
    ids = [j.arrayJob, j.mergeJob].filter((x): x is string => typeof x === 'string' && /^\d+$/.test(x));
  } catch {
    return;
  }
  const queued = await stillQueued(ids);
  if (queued.length > 0) {
    throw new CliError(
      `jobs of the previous submission to this --out are still queued (${queued.join(', ')}); ` +
        `wait for them or cancel them (scancel ${ids.join(' ')}) before submitting again`,
    );
  }
}

// Fail now, not after the job has queued for hours on the cluster.
function checkScenario(path: string, given: string): void {
  if (!existsSync(path)) throw new CliError(`scenario file not found: ${given}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read scenario file ${given}: ${(err as Error).message}`);
  }
  try {
    parseScenario(text, given);
  } catch (err) {
    if (err instanceof ScenarioError) throw new CliError(err.message);
    throw err;
  }
}

function integerOption(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`${name} must be a whole number (got ${JSON.stringify(text)})`);
  return Number(text.trim());
}

function planIdentity(plan: SlurmPlan): Record<string, unknown> {
  return Object.fromEntries(PLAN_IDENTITY.map((k) => [k, plan[k] ?? []]));
}

// Shard directories from a different plan would be resumed as if they were this one's.
function checkSamePlan(plan: SlurmPlan): void {
  const path = `${plan.out}/slurm/plan.json`;
  if (!existsSync(path)) return;
  let old: Record<string, unknown>;
  try {
    old = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new CliError(`${path} is not readable JSON; remove it or choose another --out`);
  }
  const now = planIdentity(plan);
  for (const key of PLAN_IDENTITY) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) {
      throw new CliError(
        `--out ${plan.out} holds a batch planned with ${key} ${JSON.stringify(old[key])}, not ${JSON.stringify(now[key])}; ` +
          'use another --out (or delete that directory) to start a different batch',
      );
    }
  }
}
