// A batch as a Slurm job array against the same batch run locally (the baseline, same
// process, same machine): wall time from `chengyu-sim slurm --submit` until the merge job
// has finished, versus `chengyu-sim batch` unsharded on one worker; the ratio, and that
// the bytes agree. Needs the single-node cluster of .ci/slurm-up.sh (2 CPUs, so at most
// 2 tasks at once); skipped, with a line saying so, without it.
// CHENGYU_BENCH_CLUSTER_RUNS (default 400) and _TASKS (default 4) size the batch.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = join(repo, 'bin/chengyu-sim.js');
const scenario = join(repo, 'scenarios/baseline.json');

function slurmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!env.SLURM_CONF) env.SLURM_CONF = `${env.CHENGYU_SLURM_DIR ?? '/tmp/chengyu-slurm'}/slurm.conf`;
  for (const k of Object.keys(env)) if (/^(SLURM_ARRAY_|SLURM_JOB|JOB_COMPLETION_INDEX$|AWS_BATCH_JOB_ARRAY|CHENGYU_SHARD_COUNT$)/.test(k)) delete env[k];
  return env;
}

function runCli(args: string[]): string {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo, env: slurmEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chengyu-sim ${args[0]} failed: ${r.stderr.trim().split('\n').pop()}`);
  return r.stdout;
}

async function waitGone(ids: string[]): Promise<void> {
  for (;;) {
    const out = execFileSync('squeue', ['-h', '-j', ids.join(','), '-o', '%i'], { env: slurmEnv(), encoding: 'utf8' }).trim();
    if (out === '') return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Print local vs Slurm wall time for one batch. */
export async function run(): Promise<void> {
  const sinfo = spawnSync('sinfo', ['-h', '-o', '%t'], { env: slurmEnv(), encoding: 'utf8', timeout: 10_000 });
  if (sinfo.status !== 0 || !/idle|mix|alloc/.test(sinfo.stdout)) {
    console.log('cluster: skipped — no Slurm node up (start one with .ci/slurm-up.sh as root)');
    return;
  }
  const runs = Number(process.env.CHENGYU_BENCH_CLUSTER_RUNS ?? 400);
  const tasks = Number(process.env.CHENGYU_BENCH_CLUSTER_TASKS ?? 4);
  const dir = mkdtempSync(join(tmpdir(), 'chengyu-bench-cluster-'));
  try {
    const common = ['--runs', String(runs), '--seed', '7'];
    let t0 = performance.now();
    runCli(['batch', scenario, ...common, '--workers', '1', '--out', join(dir, 'local')]);
    const local = performance.now() - t0;

    t0 = performance.now();
    const out = runCli(['slurm', scenario, ...common, '--tasks', String(tasks), '--out', join(dir, 'slurm'), '--submit']);
    const ids = [...out.matchAll(/job: (\d+)/g)].map((m) => m[1]);
    await waitGone(ids);
    const slurm = performance.now() - t0;

    const same = readFileSync(join(dir, 'local/summary.csv')).equals(readFileSync(join(dir, 'slurm/summary.csv')));
    console.log(`regional model, ${runs} runs, seed 7`);
    console.log(`  local, unsharded, 1 worker (baseline): ${(local / 1000).toFixed(1)} s`);
    console.log(`  Slurm job array of ${tasks} tasks + merge, submit → merged: ${(slurm / 1000).toFixed(1)} s`);
    console.log(`  ratio Slurm / local: ${(slurm / local).toFixed(2)} (node has 2 CPUs; every task builds the model once)`);
    const version = (d: string) => (JSON.parse(readFileSync(join(dir, d, 'manifest.json'), 'utf8')) as { modelVersion: string }).modelVersion;
    const versions = `model ${version('local')} locally, ${version('slurm/merged')} on Slurm`;
    console.log(`  summary.csv byte-identical: ${same ? 'yes' : `NO (${versions}; the working tree may have changed between the runs)`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
