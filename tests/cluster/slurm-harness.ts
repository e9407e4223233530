// Helpers for the tests that drive a real Slurm cluster (the one .ci/slurm-up.sh starts):
// is one up, what state is a job in, wait (bounded) until jobs have left the queue.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Environment for Slurm commands: SLURM_CONF of .ci/slurm-up.sh's cluster unless set. */
export function slurmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
  if (!env.SLURM_CONF) {
    const conf = `${process.env.CHENGYU_SLURM_DIR ?? '/tmp/chengyu-slurm'}/slurm.conf`;
    if (existsSync(conf)) env.SLURM_CONF = conf;
  }
  // A test run inside a job array must not hand its own shard to the batches it starts.
  for (const k of Object.keys(env)) {
    if (/^(SLURM_ARRAY_|SLURM_JOB|AWS_BATCH_JOB_ARRAY|JOB_COMPLETION_INDEX$|CHENGYU_SHARD_COUNT$)/.test(k)) delete env[k];
  }
  return env;
}

/** Why Slurm cannot be used here, or undefined when a node is up and takes jobs. */
export function slurmUnavailable(): string | undefined {
  const r = spawnSync('sinfo', ['-h', '-o', '%t'], { env: slurmEnv(), encoding: 'utf8', timeout: 10_000 });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'sinfo is not installed (apt-get install slurm-wlm munge, then .ci/slurm-up.sh as root)';
  if (code === 'ETIMEDOUT') return 'sinfo got no answer within 10 s (no slurmctld? start one with .ci/slurm-up.sh)';
  if (r.error) return `sinfo cannot run (${code ?? r.error.message}); start a cluster with .ci/slurm-up.sh`;
  if (r.status !== 0) return `sinfo failed: ${r.stderr.trim() || `exit ${r.status}`}`;
  const states = r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
  if (!states.some((s) => /^(idle|mix|alloc|comp)/.test(s))) return `no Slurm node is up (states: ${states.join(', ') || 'none'})`;
  return undefined;
}

/** JobState of a job (e.g. "COMPLETED", "CANCELLED", "RUNNING"), or undefined once Slurm forgot it. */
export function jobState(id: string): string | undefined {
  const r = spawnSync('scontrol', ['show', 'job', '-o', id], { env: slurmEnv(), encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) return undefined;
  return /JobState=(\S+)/.exec(r.stdout)?.[1];
}

/** States of the tasks of an array job, by task index, from squeue (only those still queued). */
export function queuedTasks(arrayJob: string): Map<number, string> {
  const out = execFileSync('squeue', ['-h', '-r', '-j', arrayJob, '-o', '%K %T'], { env: slurmEnv(), encoding: 'utf8' });
  const tasks = new Map<number, string>();
  for (const line of out.split('\n')) {
    const [idx, state] = line.trim().split(/\s+/);
    if (idx && state && /^\d+$/.test(idx)) tasks.set(Number(idx), state);
  }
  return tasks;
}

/** Wait until none of `ids` is pending or running; throws after `timeoutMs`. */
export async function waitForJobs(ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = execFileSync('squeue', ['-h', '-j', ids.join(','), '-o', '%i %T'], { env: slurmEnv(), encoding: 'utf8' }).trim();
    if (out === '') return;
    if (Date.now() > deadline) throw new Error(`Slurm jobs still queued after ${timeoutMs} ms:\n${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Wait until `check()` is true, polling; throws `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
