// Slurm batch scripts for a sharded Monte Carlo batch: a job array whose task i runs
// shard i (picked from SLURM_ARRAY_TASK_ID by `chengyu-sim batch`), and a merge job that
// combines the shard directories into DIR/summary.csv once every task has succeeded.
// Pure text generation; validation of user input happens here too, so the command and
// the tests share one set of messages.

/**
 * Everything a job array + merge job pair needs; paths must be absolute.
 * DIR holds shards/task-<i> (one batch directory per shard), merged/ (the merged batch
 * directory), summary.csv (a copy of merged/summary.csv) and slurm/ (scripts, logs).
 */
export interface SlurmPlan {
  /** Absolute path of the node binary that runs the CLI on the compute nodes. */
  node: string;
  /** Absolute path of bin/chengyu-sim.js in this checkout (on a shared filesystem). */
  cli: string;
  /** Absolute path of the scenario file. */
  scenario: string;
  runs: number;
  seed: number;
  /** Number of array tasks, i.e. shards. */
  tasks: number;
  /** Absolute output directory: DIR/summary.csv, DIR/shards/task-<i>, DIR/slurm. */
  out: string;
  partition?: string;
  /** Wall-clock limit per task, HH:MM:SS or D-HH:MM:SS. */
  time?: string;
  /** CPUs per task; the batch uses as many workers. Default 1. */
  cpusPerTask?: number;
  /** At most this many array tasks run at once (`--array=0-(T-1)%K`). */
  maxRunning?: number;
  /** Further sbatch options for both jobs, e.g. "--account=abc" or "--mem=2G". */
  sbatchOptions?: readonly string[];
  /** Extra `chengyu-sim batch` options passed through unchanged (e.g. ["--sampling", "lhs"]). */
  batchArgs?: readonly string[];
}

/** Files `chengyu-sim slurm` writes, relative to DIR. */
export const SLURM_FILES = {
  batch: 'slurm/batch.sbatch',
  merge: 'slurm/merge.sbatch',
  submit: 'slurm/submit.sh',
  logs: 'slurm/logs',
  shards: 'shards',
  /** The merged batch directory (manifest, chunks, runs.csv, summary.csv). */
  merged: 'merged',
  summary: 'summary.csv',
} as const;

/** Thrown for a plan that cannot become a valid job; the message names the option. */
export class SlurmPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlurmPlanError';
  }
}

/** The largest array Slurm accepts by default (MaxArraySize=1001 → indices 0..1000). */
export const DEFAULT_MAX_ARRAY_TASKS = 1001;

/** Check a plan; throws SlurmPlanError naming the first bad option and its value. */
export function validatePlan(plan: SlurmPlan): void {
  positiveInt('--runs', plan.runs);
  if (!Number.isSafeInteger(plan.seed) || plan.seed < 0) {
    throw new SlurmPlanError(`--seed must be an integer ≥ 0 (got ${plan.seed})`);
  }
  positiveInt('--tasks', plan.tasks);
  if (plan.tasks > plan.runs) {
    throw new SlurmPlanError(`--tasks ${plan.tasks} is more than --runs ${plan.runs}: every task needs at least one run`);
  }
  if (plan.tasks > DEFAULT_MAX_ARRAY_TASKS) {
    throw new SlurmPlanError(
      `--tasks ${plan.tasks} exceeds Slurm's default MaxArraySize (${DEFAULT_MAX_ARRAY_TASKS} tasks); use fewer tasks with more runs each`,
    );
  }
  if (plan.cpusPerTask !== undefined) positiveInt('--cpus-per-task', plan.cpusPerTask);
  if (plan.maxRunning !== undefined) positiveInt('--max-running', plan.maxRunning);
  for (const o of plan.sbatchOptions ?? []) {
    if (!/^--[a-z][a-z0-9-]*(=[A-Za-z0-9_.,:+=@/%-]+)?$/.test(o)) {
      throw new SlurmPlanError(`--sbatch-option must look like --name or --name=value without blanks or quotes, e.g. --account=abc (got ${JSON.stringify(o)})`);
    }
    const name = o.slice(2).split('=')[0];
    // These the scripts set themselves; a second value would silently win or break them.
    if (['partition', 'time', 'cpus-per-task'].includes(name)) {
      throw new SlurmPlanError(`--sbatch-option ${o}: use the command's own --${name} option`);
    }
    if (['array', 'output', 'error', 'dependency', 'job-name', 'open-mode', 'wrap', 'ntasks', 'requeue', 'no-requeue', 'kill-on-invalid-dep', 'parsable'].includes(name)) {
      throw new SlurmPlanError(`--sbatch-option ${o}: --${name} is set by the generated scripts`);
    }
  }
  if (plan.partition !== undefined && !/^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/.test(plan.partition)) {
    throw new SlurmPlanError(`--partition must be a partition name or a comma-separated list of them (got ${JSON.stringify(plan.partition)})`);
  }
  if (plan.time !== undefined && !isSlurmTime(plan.time)) {
    throw new SlurmPlanError(`--time must be HH:MM:SS or D-HH:MM:SS, e.g. 02:00:00 (got ${JSON.stringify(plan.time)})`);
  }
  for (const [name, path] of [['node', plan.node], ['cli', plan.cli], ['scenario', plan.scenario]] as const) {
    if (!path.startsWith('/')) throw new SlurmPlanError(`${name} path must be absolute (got ${JSON.stringify(path)})`);
    if (/[\0\n\r]/.test(path)) throw new SlurmPlanError(`${name} path contains a control character: ${JSON.stringify(path)}`);
  }
  if (!plan.out.startsWith('/')) throw new SlurmPlanError(`--out must be an absolute path (got ${JSON.stringify(plan.out)})`);
  // DIR appears in #SBATCH --output lines, which sbatch splits on blanks and in which
  // '%' starts a file-name pattern, so only plain path characters are accepted there.
  if (!/^[A-Za-z0-9_.,+=@:/-]+$/.test(plan.out)) {
    throw new SlurmPlanError(
      `--out ${JSON.stringify(plan.out)} has characters that #SBATCH lines cannot carry (blanks, quotes, %, …); choose a plain path`,
    );
  }
}

/** True for a Slurm time limit written HH:MM:SS or D-HH:MM:SS (minutes, seconds < 60). */
export function isSlurmTime(text: string): boolean {
  const m = /^(?:(\d+)-)?(\d{1,4}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return false;
  const [, days, hours, minutes, seconds] = m;
  if (Number(minutes) > 59 || Number(seconds) > 59) return false;
  if (days !== undefined && Number(hours) > 23) return false;
  return Number(days ?? 0) + Number(hours) + Number(minutes) + Number(seconds) > 0;
}

/** The job-array script: task i runs shard i into DIR/shards/task-i (resumable). */
export function batchScript(plan: SlurmPlan): string {
  validatePlan(plan);
  const cpus = plan.cpusPerTask ?? 1;
  const lines = [
    '#!/bin/bash',
    '#SBATCH --job-name=chengyu-batch',
    `#SBATCH --array=0-${plan.tasks - 1}${plan.maxRunning !== undefined ? `%${plan.maxRunning}` : ''}`,
    '#SBATCH --requeue',
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${cpus}`,
    ...optionLines(plan),
    // Append, so the log of a re-queued task keeps its first attempt too.
    '#SBATCH --open-mode=append',
    `#SBATCH --output=${plan.out}/${SLURM_FILES.logs}/batch-%A_%a.out`,
    '',
    `# Written by \`chengyu-sim slurm\`: ${plan.runs} runs, seed ${plan.seed}, ${plan.tasks} shards.`,
    '# Submit: sbatch batch.sbatch, then the merge job after it (see submit.sh).',
    '# A task that is re-queued, or the whole array submitted again, resumes: runs already',
    '# in DIR/shards/task-<i> are kept, so completed tasks finish at once.',
    'set -euo pipefail',
    ': "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}"',
    '',
    '# The array index is the shard index even when only some indices are re-submitted',
    '# (sbatch --array=2,5 batch.sbatch): the shard count is fixed here.',
    `export CHENGYU_SHARD_COUNT=${plan.tasks}`,
    `exec ${shellWords([plan.node, plan.cli, 'batch', plan.scenario, ...batchCoreArgs(plan), '--workers', String(cpus)])} \\`,
    `  --out ${shellQuote(`${plan.out}/${SLURM_FILES.shards}`)}/task-"$SLURM_ARRAY_TASK_ID"`,
    '',
  ];
  return lines.join('\n');
}

/** The merge script; submit it with --dependency=afterok:<array job id>. */
export function mergeScript(plan: SlurmPlan): string {
  validatePlan(plan);
  const shardDirs = shardDirectories(plan);
  const merged = `${plan.out}/${SLURM_FILES.merged}`;
  const summary = `${plan.out}/${SLURM_FILES.summary}`;
  const lines = [
    '#!/bin/bash',
    '#SBATCH --job-name=chengyu-merge',
    '#SBATCH --requeue',
    '#SBATCH --ntasks=1',
    '#SBATCH --cpus-per-task=1',
    // A merge whose array failed is removed rather than left pending for ever.
    '#SBATCH --kill-on-invalid-dep=yes',
    ...optionLines(plan),
    '#SBATCH --open-mode=append',
    `#SBATCH --output=${plan.out}/${SLURM_FILES.logs}/merge-%j.out`,
    '',
    `# Written by \`chengyu-sim slurm\`: merges the ${plan.tasks} shard directories into`,
    `# ${merged} and copies its summary.csv to ${summary}.`,
    '# Submit after the array: sbatch --dependency=afterok:<array job id> merge.sbatch',
    'set -euo pipefail',
    '',
    `${shellWords([plan.node, plan.cli, 'merge'])} \\`,
    ...shardDirs.map((d) => `  ${shellQuote(d)} \\`),
    `  --out ${shellQuote(merged)}`,
    // Copy, then rename: DIR/summary.csv is never half-written.
    `cp ${shellQuote(`${merged}/${SLURM_FILES.summary}`)} ${shellQuote(`${summary}.tmp`)}.$$`,
    `mv -f ${shellQuote(`${summary}.tmp`)}.$$ ${shellQuote(summary)}`,
    '',
  ];
  return lines.join('\n');
}

/** A shell script that submits the array, then the merge job depending on it. */
export function submitScript(plan: SlurmPlan): string {
  validatePlan(plan);
  const dir = `${plan.out}/slurm`;
  return [
    '#!/bin/bash',
    '# Written by `chengyu-sim slurm`: submit the job array and its merge job.',
    '# Running it again finishes only the shards that are missing.',
    'set -euo pipefail',
    `array_id="$(sbatch --parsable ${shellQuote(`${dir}/batch.sbatch`)})"`,
    'array_id="${array_id%%;*}"',
    `merge_id="$(sbatch --parsable --dependency=afterok:"$array_id" ${shellQuote(`${dir}/merge.sbatch`)})"`,
    'merge_id="${merge_id%%;*}"',
    'echo "array job: $array_id"',
    'echo "merge job: $merge_id"',
    '',
  ].join('\n');
}

/** The shard directories DIR/shards/task-0 … task-(T-1), in shard order. */
export function shardDirectories(plan: Pick<SlurmPlan, 'out' | 'tasks'>): string[] {
  return Array.from({ length: plan.tasks }, (_, i) => `${plan.out}/${SLURM_FILES.shards}/task-${i}`);
}

/** The `batch` options every shard shares (the same as an unsharded run of the batch). */
export function batchCoreArgs(plan: Pick<SlurmPlan, 'runs' | 'seed' | 'batchArgs'>): string[] {
  return ['--runs', String(plan.runs), '--seed', String(plan.seed), ...(plan.batchArgs ?? [])];
}

/** The job id in `sbatch --parsable` output ("123" or "123;cluster"). */
export function parseJobId(output: string): string {
  const id = output.trim().split(';')[0] ?? '';
  if (!/^\d+$/.test(id)) throw new SlurmPlanError(`sbatch did not print a job id (got ${JSON.stringify(output.trim())})`);
  return id;
}

/** Quote one word for bash: plain words as they are, anything else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_.,+=@:/-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function shellWords(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

function optionLines(plan: SlurmPlan): string[] {
  const lines: string[] = [];
  if (plan.partition !== undefined) lines.push(`#SBATCH --partition=${plan.partition}`);
  if (plan.time !== undefined) lines.push(`#SBATCH --time=${plan.time}`);
  for (const o of plan.sbatchOptions ?? []) lines.push(`#SBATCH ${o}`);
  return lines;
}

function positiveInt(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 1) throw new SlurmPlanError(`${name} must be an integer ≥ 1 (got ${v})`);
}
