// `chengyu-sim batch` without --shard takes its shard from a scheduler's array variables
// (Kubernetes Indexed Jobs, AWS Batch, Slurm); an explicit --shard wins; a half-set
// environment is one clear error and no output.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'chengyu-batch-env-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCHEDULER_VARS = /^(SLURM_|JOB_COMPLETION_INDEX$|AWS_BATCH_|CHENGYU_SHARD_COUNT$)/;

async function batch(out: string, extra: string[], env: Record<string, string>): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (SCHEDULER_VARS.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  try {
    const code = await main(['batch', '--toy-model', 'linear', '--runs', '12', '--seed', '3', '--workers', '0', ...extra, '--out', out]);
    return { code, err };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    vi.restoreAllMocks();
  }
}

function shardOf(out: string): { shard: unknown; range: unknown } {
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { shard: unknown; range: unknown };
  return { shard: m.shard, range: m.range };
}

describe('batch shard from the environment', () => {
  it('reads a Kubernetes Indexed Job index with CHENGYU_SHARD_COUNT', async () => {
    const out = join(scratch, 'k8s');
    const r = await batch(out, [], { JOB_COMPLETION_INDEX: '2', CHENGYU_SHARD_COUNT: '3' });
    expect(r.code, r.err).toBe(0);
    expect(shardOf(out)).toEqual({ shard: { index: 2, count: 3 }, range: [8, 12] });
    expect(r.err).toMatch(/shard 2\/3 from JOB_COMPLETION_INDEX/);
  });

  it('reads an AWS Batch array index with its array size', async () => {
    const out = join(scratch, 'aws');
    const r = await batch(out, [], { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '4' });
    expect(r.code, r.err).toBe(0);
    expect(shardOf(out)).toEqual({ shard: { index: 0, count: 4 }, range: [0, 3] });
  });

  it('maps a Slurm array that starts at 1 onto shards from 0', async () => {
    const out = join(scratch, 'slurm');
    const r = await batch(out, [], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '2' });
    expect(r.code, r.err).toBe(0);
    expect(shardOf(out)).toEqual({ shard: { index: 0, count: 2 }, range: [0, 6] });
  });

  it('lets an explicit --shard win over the environment', async () => {
    const out = join(scratch, 'explicit');
    const r = await batch(out, ['--shard', '1/2'], { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' });
    expect(r.code, r.err).toBe(0);
    expect(shardOf(out)).toEqual({ shard: { index: 1, count: 2 }, range: [6, 12] });
  });

  it('runs the whole batch outside a job array', async () => {
    const out = join(scratch, 'whole');
    const r = await batch(out, [], {});
    expect(r.code, r.err).toBe(0);
    expect(shardOf(out)).toEqual({ shard: null, range: [0, 12] });
  });

  it('rejects an index without a count in one line, writing nothing', async () => {
    const out = join(scratch, 'nocount');
    const r = await batch(out, [], { JOB_COMPLETION_INDEX: '1' });
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/JOB_COMPLETION_INDEX=1 is set but the number of shards is not: set CHENGYU_SHARD_COUNT/);
    expect(existsSync(out)).toBe(false);
  });
});
