// Shard selection from scheduler environments (Slurm, Kubernetes Indexed Jobs, AWS Batch).
import { describe, expect, it } from 'vitest';
import { shardFromEnv, ShardEnvError } from '../../src/model/analysis/shard-from-env.ts';

describe('shardFromEnv', () => {
  it('returns undefined outside a job array', () => {
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ SLURM_JOB_ID: '12', PATH: '/bin', SLURM_ARRAY_TASK_ID: '' })).toBeUndefined();
  });

  it('maps a Slurm array starting at 0', () => {
    const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3' };
    expect(shardFromEnv(env)).toMatchObject({ index: 2, count: 4 });
  });

  it('maps a Slurm array starting elsewhere to positions from 0', () => {
    // sbatch --array=1-4: the task ids are 1..4, the shards 0..3.
    const base = { SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4' };
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '1' })).toMatchObject({ index: 0, count: 4 });
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '4' })).toMatchObject({ index: 3, count: 4 });
  });

  it('maps a stepped Slurm array', () => {
    // sbatch --array=10-16:2 → ids 10,12,14,16.
    const env = {
      SLURM_ARRAY_TASK_ID: '14', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '10',
      SLURM_ARRAY_TASK_MAX: '16', SLURM_ARRAY_TASK_STEP: '2',
    };
    expect(shardFromEnv(env)).toMatchObject({ index: 2, count: 4 });
  });

  it('rejects a Slurm index list that is not a stepped range', () => {
    // sbatch --array=1,3,7
    const env = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_STEP: '1' };
    expect(() => shardFromEnv(env)).toThrow(/not an evenly stepped range.*CHENGYU_SHARD_COUNT/);
  });

  it('uses CHENGYU_SHARD_COUNT with the raw Slurm id when a subset of the array is re-submitted', () => {
    // Re-submitting only task 2 of 0-3: Slurm says MIN=2, COUNT=1, but the shard is 2 of 4.
    const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '1', SLURM_ARRAY_TASK_MIN: '2', SLURM_ARRAY_TASK_MAX: '2', CHENGYU_SHARD_COUNT: '4' };
    expect(shardFromEnv(env)).toMatchObject({ index: 2, count: 4 });
    expect(() => shardFromEnv({ ...env, SLURM_ARRAY_TASK_ID: '4' })).toThrow(
      /SLURM_ARRAY_TASK_ID gives shard index 4, but CHENGYU_SHARD_COUNT gives only 4 shards/,
    );
  });

  it('needs a count for Slurm', () => {
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '1' })).toThrow(/SLURM_ARRAY_TASK_COUNT is not/);
  });

  it('reads Kubernetes Indexed Jobs with CHENGYU_SHARD_COUNT', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', CHENGYU_SHARD_COUNT: '3' })).toMatchObject({ index: 0, count: 3 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '2', CHENGYU_SHARD_COUNT: '3' })).toMatchObject({ index: 2, count: 3 });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' })).toThrow(/CHENGYU_SHARD_COUNT/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3', CHENGYU_SHARD_COUNT: '3' })).toThrow(/only 3 shards/);
  });

  it('reads AWS Batch array jobs with their array size, or CHENGYU_SHARD_COUNT', () => {
    expect(shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '5', AWS_BATCH_JOB_ARRAY_SIZE: '10' })).toMatchObject({ index: 5, count: 10 });
    expect(shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '5', AWS_BATCH_JOB_ARRAY_SIZE: '10', CHENGYU_SHARD_COUNT: '6' })).toMatchObject({ index: 5, count: 6 });
    expect(() => shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '5' })).toThrow(/AWS_BATCH_JOB_ARRAY_SIZE is not/);
  });

  it('prefers Slurm over the other schedulers', () => {
    const env = { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2', JOB_COMPLETION_INDEX: '0', AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '5' };
    expect(shardFromEnv(env)).toMatchObject({ index: 1, count: 2, source: 'SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT' });
  });

  it('names the variable and value of malformed input', () => {
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(ShardEnvError);
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '-1', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(/SLURM_ARRAY_TASK_ID="-1" is not an integer/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1', CHENGYU_SHARD_COUNT: '0' })).toThrow(/CHENGYU_SHARD_COUNT="0" is not an integer ≥ 1/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1.5', CHENGYU_SHARD_COUNT: '2' })).toThrow(/JOB_COMPLETION_INDEX="1.5"/);
    expect(() => shardFromEnv({ CHENGYU_SHARD_COUNT: '4' })).toThrow(/no array index/);
  });
});
