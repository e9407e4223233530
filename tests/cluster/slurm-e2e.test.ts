// A batch as a real Slurm job array (the single-node cluster .ci/slurm-up.sh starts):
// the merged summary.csv is byte-identical to the same batch run locally without shards,
// also after an array task is cancelled midway and the array is submitted again.
// A task re-queued by Slurm resumes too. Skips, loudly, when there is no Slurm with a node up.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobState, slurmEnv, slurmUnavailable, waitForJobs, waitUntil } from './slurm-harness.ts';

const repo = resolve(import.meta.dirname, '../..');
const cliPath = join(repo, 'bin/chengyu-sim.js');
const scenario = join(repo, 'scenarios/baseline.json');
const SEED = 2026;
const TASKS = 4;
// The first test runs the regional model under the baseline scenario. The cancel and
// re-queue tests use the `linear` toy model (a hidden `batch` option) whose cost per run
// they set, so that a task can be stopped midway: 48 runs, 12 per task, in chunks of 3;
// 250 ms per run → 0.75 s per chunk, 3 s per task, time enough to act between chunks
// even on a loaded machine. The delay is a busy wait that changes no number, so the local
// reference run goes without it. (Building the regional model dominates its tasks' time,
// so a few runs per task suffice there.)
const REGIONAL_RUNS = 8;
const RUNS = 48;
/** Runs per chunk, batch's default for 48 runs (the unit of resume). */
const CHUNK = 3;
const TOY = ['--toy-model', 'linear'];
const SLOW = [...TOY, '--toy-delay-ms', '250'];

const unavailable = slurmUnavailable();
if (unavailable) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\nSKIPPING the real-Slurm tests (tests/cluster/slurm-e2e.test.ts): ${unavailable}\n${bar}\n`);
}

// Scratch space where the compute node can write: the cluster is this machine.
const scratch = mkdtempSync(join(tmpdir(), 'chengyu-slurm-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Asynchronous, so that the concurrent tests keep polling the cluster meanwhile.
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [cliPath, ...args], { cwd: repo, env: slurmEnv(), encoding: 'utf8', timeout: 180_000 }, (err, out, errText) => {
      if (err && typeof err.code !== 'number') fail(err);
      else done({ code: typeof err?.code === 'number' ? err.code : 0, out, err: errText });
    });
  });
}

async function submit(out: string, model: string[], runs = RUNS): Promise<{ arrayJob: string; mergeJob: string }> {
  const r = await cli(['slurm', scenario, '--runs', String(runs), '--seed', String(SEED), '--tasks', String(TASKS), '--out', out, ...model, '--submit']);
  expect(r.code, r.err).toBe(0);
  const arrayJob = /array job: (\d+)/.exec(r.out)?.[1];
  const mergeJob = /merge job: (\d+)/.exec(r.out)?.[1];
  expect(arrayJob, r.out).toBeDefined();
  expect(mergeJob, r.out).toBeDefined();
  return { arrayJob: arrayJob!, mergeJob: mergeJob! };
}

// On failure, the job logs say what went wrong on the cluster.
function logs(out: string): string {
  const dir = join(out, 'slurm/logs');
  if (!existsSync(dir)) return '(no logs)';
  return readdirSync(dir).map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8').slice(-1500)}`).join('\n');
}

// The computed chunks of a shard directory: name → modification time and content hash.
function chunks(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const chunkDir = join(dir, 'chunks');
  if (!existsSync(chunkDir)) return files;
  for (const name of readdirSync(chunkDir).filter((f) => f.endsWith('.bin')).sort()) {
    const p = join(chunkDir, name);
    files[name] = `${statSync(p).mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
  }
  return files;
}

// The "N computed, M resumed" line `batch` prints at its end, from a task's log.
function taskOutcome(out: string, arrayJob: string, task: number): { computed: number; resumed: number } {
  const log = readFileSync(join(out, `slurm/logs/batch-${arrayJob}_${task}.out`), 'utf8');
  const m = /(\d+) computed, (\d+) resumed/.exec(log);
  if (!m) throw new Error(`no outcome line in the log of task ${task}:\n${log.slice(-1500)}`);
  return { computed: Number(m[1]), resumed: Number(m[2]) };
}

// The tests run concurrently: they share the cluster's two CPUs, and none depends on
// running alone (each waits for its own jobs and chunks).
describe.skipIf(unavailable !== undefined).concurrent('a batch on a real Slurm cluster', () => {
  // The toy batch run here without shards, started at once and awaited where needed.
  let local: Promise<Buffer>;

  // The same batch, run here without shards: the reference bytes.
  async function localSummary(name: string, runs: number, model: string[]): Promise<Buffer> {
    const out = join(scratch, name);
    const r = await cli(['batch', scenario, '--runs', String(runs), '--seed', String(SEED), '--workers', '1', ...model, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const bytes = readFileSync(join(out, 'summary.csv'));
    expect(bytes.length).toBeGreaterThan(0);
    return bytes;
  }

  beforeAll(() => {
    local = localSummary('local-toy', RUNS, TOY);
    // Awaited by the tests; a failure shows there, not as an unhandled rejection.
    local.catch(() => undefined);
  });

  it('merges a 4-task job array of the regional model into the same bytes as the unsharded batch', async () => {
    const reference = localSummary('local-regional', REGIONAL_RUNS, []);
    const out = join(scratch, 'array');
    const { arrayJob, mergeJob } = await submit(out, [], REGIONAL_RUNS);
    await waitForJobs([arrayJob, mergeJob], 150_000);
    expect(jobState(mergeJob), logs(out)).toBe('COMPLETED');
    for (let i = 0; i < TASKS; i++) expect(jobState(`${arrayJob}_${i}`)).toBe('COMPLETED');
    const bytes = readFileSync(join(out, 'summary.csv'));
    const ref = await reference;
    if (!bytes.equals(ref)) {
      // Name the likely cause: the model's sources changed between the two runs.
      const version = (d: string) => (JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as { modelVersion: string }).modelVersion;
      expect.fail(`summary.csv differs from the local run (model ${version(join(scratch, 'local-regional'))} locally, ${version(join(out, 'merged'))} on Slurm)`);
    }
  }, 200_000);

  it('finishes only the missing shard after a task is cancelled midway, with the same bytes', async () => {
    const out = join(scratch, 'cancelled');
    const first = await submit(out, SLOW);
    const victim = TASKS - 1;
    // Let the last task start and write its first chunk, then cancel it midway.
    const victimDir = join(out, `shards/task-${victim}`);
    await waitUntil(() => Object.keys(chunks(victimDir)).length > 0, 120_000, `task ${victim} to write a chunk`);
    const cancel = spawnSync('scancel', [`${first.arrayJob}_${victim}`], { env: slurmEnv(), encoding: 'utf8' });
    expect(cancel.status, cancel.stderr).toBe(0);
    await waitForJobs([first.arrayJob, first.mergeJob], 150_000);
    expect(jobState(`${first.arrayJob}_${victim}`), logs(out)).toBe('CANCELLED');
    // The merge depended on every task succeeding: Slurm removed it, nothing was merged.
    expect(jobState(first.mergeJob)).not.toBe('COMPLETED');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);

    const finished = chunks(join(out, 'shards/task-0'));
    const partial = Object.keys(chunks(victimDir)).length;
    const chunksPerShard = RUNS / TASKS / CHUNK;
    expect(partial).toBeGreaterThan(0);
    expect(partial, 'the cancelled task had already finished').toBeLessThan(chunksPerShard);
    const second = await submit(out, SLOW);
    await waitForJobs([second.arrayJob, second.mergeJob], 150_000);
    expect(jobState(second.mergeJob), logs(out)).toBe('COMPLETED');
    expect(readFileSync(join(out, 'summary.csv')).equals(await local), 'summary.csv differs from the local run').toBe(true);
    // Shards that had finished computed nothing again, their chunks untouched; the
    // cancelled one kept the chunks it had written and computed only the rest.
    const perTask = RUNS / TASKS;
    for (let i = 0; i < victim; i++) expect(taskOutcome(out, second.arrayJob, i)).toEqual({ computed: 0, resumed: perTask });
    expect(chunks(join(out, 'shards/task-0'))).toEqual(finished);
    const resumed = taskOutcome(out, second.arrayJob, victim);
    expect(resumed.computed + resumed.resumed).toBe(perTask);
    expect(resumed.resumed).toBe(partial * CHUNK);
  }, 240_000);

  it('resumes a task that Slurm re-queues midway, with the same bytes', async () => {
    const out = join(scratch, 'requeued');
    const { arrayJob, mergeJob } = await submit(out, SLOW);
    const victim = 1;
    const task = `${arrayJob}_${victim}`;
    const victimDir = join(out, `shards/task-${victim}`);
    await waitUntil(() => Object.keys(chunks(victimDir)).length > 0, 120_000, `task ${victim} to write a chunk`);
    const requeue = spawnSync('scontrol', ['requeue', task], { env: slurmEnv(), encoding: 'utf8' });
    expect(requeue.status, requeue.stderr).toBe(0);
    const partial = Object.keys(chunks(victimDir)).length;
    expect(partial, 'the re-queued task had already finished').toBeLessThan(RUNS / TASKS / CHUNK);
    // Slurm holds a re-queued job back for a while (BeginTime); let it start again now.
    await waitUntil(() => jobState(task) === 'PENDING', 30_000, `task ${victim} to be pending again`);
    const release = spawnSync('scontrol', ['update', `JobId=${task}`, 'StartTime=now'], { env: slurmEnv(), encoding: 'utf8' });
    expect(release.status, release.stderr).toBe(0);
    await waitForJobs([arrayJob, mergeJob], 150_000);
    expect(jobState(mergeJob), logs(out)).toBe('COMPLETED');
    expect(readFileSync(join(out, 'summary.csv')).equals(await local), 'summary.csv differs from the local run').toBe(true);
    // Both attempts log to one file (--open-mode=append); the second resumed the first's chunks.
    expect(readFileSync(join(out, `slurm/logs/batch-${arrayJob}_${victim}.out`), 'utf8')).toMatch(/DUE TO JOB REQUEUE/);
    const outcome = taskOutcome(out, arrayJob, victim);
    expect(outcome.resumed).toBeGreaterThanOrEqual(partial * CHUNK);
    expect(outcome.computed + outcome.resumed).toBe(RUNS / TASKS);
  }, 240_000);
});
