// Which shard of a batch this process runs, read from a cluster scheduler's environment
// when `--shard` is absent: a job array's tasks then need no per-task command line.
// Pure: the caller passes the environment (process.env at the edge, a literal in tests).

/** One shard: the `index`-th (0-based) of `count` disjoint slices of a batch's runs. */
export interface EnvShard {
  index: number;
  count: number;
  /** Where the shard came from, for progress lines and error messages. */
  source: string;
}

/** The environment variables this module reads; values as in `process.env`. */
export type ShardEnv = Readonly<Record<string, string | undefined>>;

/**
 * Total number of shards, set by the user (or by the scripts `chengyu-sim slurm` writes).
 * When set, the scheduler's array index is the shard index as it is (array indices
 * 0..count-1), which is what makes re-submitting a subset of an array
 * (`sbatch --array=2,5 …`) run the right shards. Needed for Kubernetes Indexed Jobs,
 * whose pods see JOB_COMPLETION_INDEX but not the Job's completions.
 */
export const SHARD_COUNT_VAR = 'CHENGYU_SHARD_COUNT';

/** Thrown for scheduler variables that do not describe a shard; the message names them. */
export class ShardEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardEnvError';
  }
}

/**
 * The shard described by `env`, or undefined when no scheduler array variable is set.
 * Looked up in order: Slurm job arrays (SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_MIN,
 * _STEP and _COUNT), Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX), AWS Batch array
 * jobs (AWS_BATCH_JOB_ARRAY_INDEX with AWS_BATCH_JOB_ARRAY_SIZE). CHENGYU_SHARD_COUNT,
 * when set, gives the count for all of them.
 */
export function shardFromEnv(env: ShardEnv): EnvShard | undefined {
  const explicitCount = optionalInt(env, SHARD_COUNT_VAR, 1);
  if (present(env, 'SLURM_ARRAY_TASK_ID')) return fromSlurm(env, explicitCount);
  if (present(env, 'JOB_COMPLETION_INDEX')) {
    const index = requiredInt(env, 'JOB_COMPLETION_INDEX', 0);
    if (explicitCount === undefined) {
      throw new ShardEnvError(
        `JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX} is set but the number of shards is not: ` +
          `set ${SHARD_COUNT_VAR} to the Indexed Job's completions, or pass --shard i/n`,
      );
    }
    return checked(index, explicitCount, 'JOB_COMPLETION_INDEX', `${SHARD_COUNT_VAR}`);
  }
  if (present(env, 'AWS_BATCH_JOB_ARRAY_INDEX')) {
    const index = requiredInt(env, 'AWS_BATCH_JOB_ARRAY_INDEX', 0);
    if (explicitCount !== undefined) {
      return checked(index, explicitCount, 'AWS_BATCH_JOB_ARRAY_INDEX', SHARD_COUNT_VAR);
    }
    if (!present(env, 'AWS_BATCH_JOB_ARRAY_SIZE')) {
      throw new ShardEnvError(
        `AWS_BATCH_JOB_ARRAY_INDEX=${env.AWS_BATCH_JOB_ARRAY_INDEX} is set but AWS_BATCH_JOB_ARRAY_SIZE is not: ` +
          `set ${SHARD_COUNT_VAR}, or pass --shard i/n`,
      );
    }
    const count = requiredInt(env, 'AWS_BATCH_JOB_ARRAY_SIZE', 1);
    return checked(index, count, 'AWS_BATCH_JOB_ARRAY_INDEX', 'AWS_BATCH_JOB_ARRAY_SIZE');
  }
  if (explicitCount !== undefined) {
    throw new ShardEnvError(
      `${SHARD_COUNT_VAR}=${env[SHARD_COUNT_VAR]} is set but no array index is ` +
        `(SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)`,
    );
  }
  return undefined;
}

// Slurm numbers array tasks as the user wrote `--array` (e.g. 1-10 or 0-20:2), so the
// shard index is the task's position in that range, not its id.
function fromSlurm(env: ShardEnv, explicitCount: number | undefined): EnvShard {
  const id = requiredInt(env, 'SLURM_ARRAY_TASK_ID', 0);
  if (explicitCount !== undefined) {
    return checked(id, explicitCount, 'SLURM_ARRAY_TASK_ID', SHARD_COUNT_VAR);
  }
  if (!present(env, 'SLURM_ARRAY_TASK_COUNT')) {
    throw new ShardEnvError(
      `SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID} is set but SLURM_ARRAY_TASK_COUNT is not: ` +
        `set ${SHARD_COUNT_VAR}, or pass --shard i/n`,
    );
  }
  const count = requiredInt(env, 'SLURM_ARRAY_TASK_COUNT', 1);
  const min = optionalInt(env, 'SLURM_ARRAY_TASK_MIN', 0) ?? 0;
  const step = optionalInt(env, 'SLURM_ARRAY_TASK_STEP', 1) ?? 1;
  const max = optionalInt(env, 'SLURM_ARRAY_TASK_MAX', 0);
  // A list such as --array=1,3,7 has no single step: positions cannot be derived.
  if (max !== undefined && max - min !== (count - 1) * step) {
    throw new ShardEnvError(
      `the Slurm array (SLURM_ARRAY_TASK_MIN=${min}, SLURM_ARRAY_TASK_MAX=${max}, ` +
        `SLURM_ARRAY_TASK_STEP=${step}, SLURM_ARRAY_TASK_COUNT=${count}) is not an evenly ` +
        `stepped range: set ${SHARD_COUNT_VAR} and use array indices 0..n-1, or pass --shard i/n`,
    );
  }
  if (id < min || (id - min) % step !== 0) {
    throw new ShardEnvError(
      `SLURM_ARRAY_TASK_ID=${id} is not in the array ${min}-${max ?? '?'}:${step}`,
    );
  }
  return checked((id - min) / step, count, 'SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT');
}

function checked(index: number, count: number, indexVar: string, countVar: string): EnvShard {
  if (index >= count) {
    throw new ShardEnvError(
      `${indexVar} gives shard index ${index}, but ${countVar} gives only ${count} shards (0..${count - 1})`,
    );
  }
  return { index, count, source: `${indexVar}/${countVar}` };
}

function present(env: ShardEnv, name: string): boolean {
  const v = env[name];
  return v !== undefined && v.trim() !== '';
}

function optionalInt(env: ShardEnv, name: string, min: number): number | undefined {
  return present(env, name) ? requiredInt(env, name, min) : undefined;
}

function requiredInt(env: ShardEnv, name: string, min: number): number {
  const raw = (env[name] ?? '').trim();
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ShardEnvError(`${name}=${JSON.stringify(env[name] ?? '')} is not an integer ≥ ${min}`);
  }
  return value;
}
