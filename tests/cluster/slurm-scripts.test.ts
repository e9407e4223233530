// .ci/slurm-up.sh and .ci/slurm-down.sh: a second, private single-node cluster (own state
// directory and ports) comes up idle, runs a job, and is stopped by the process ids in
// its pid files. Needs root and Debian's slurm-wlm + munge; skips loudly otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from './slurm-harness.ts';

const repo = resolve(import.meta.dirname, '../..');
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

function missing(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  for (const cmd of ['munged', 'slurmctld', 'slurmd', 'sinfo', 'sbatch']) {
    if (spawnSync('sh', ['-c', `command -v ${cmd}`], { env: { ...process.env, PATH } }).status !== 0) return `${cmd} is not installed`;
  }
  return undefined;
}

const why = missing();
if (why) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\nSKIPPING the Slurm start/stop script tests (tests/cluster/slurm-scripts.test.ts): ${why}\n${bar}\n`);
}

// Processes that exited but were not reaped yet count as gone.
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe.skipIf(why !== undefined)('the CI scripts that start and stop Slurm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chengyu-slurm-ci-'));
  // Ports away from the main test cluster's 6817/6818.
  const base = 20_000 + (process.pid % 20_000);
  const env = {
    ...process.env,
    PATH,
    CHENGYU_SLURM_DIR: dir,
    CHENGYU_SLURMCTLD_PORT: String(base),
    CHENGYU_SLURMD_PORT: String(base + 1),
    SLURM_CONF: join(dir, 'slurm.conf'),
  };
  afterAll(() => {
    spawnSync('bash', [join(repo, '.ci/slurm-down.sh')], { env });
    rmSync(dir, { recursive: true, force: true });
  });

  it('start a cluster that runs a job, then stop its daemons by pid', async () => {
    const etcBefore = existsSync('/etc/slurm/slurm.conf');
    const up = spawnSync('bash', [join(repo, '.ci/slurm-up.sh')], { env, encoding: 'utf8', timeout: 90_000 });
    expect(up.status, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/idle/);
    const pids = ['munged', 'slurmctld', 'slurmd'].map((d) => Number(readFileSync(join(dir, 'run', `${d}.pid`), 'utf8').trim()));
    for (const pid of pids) expect(alive(pid)).toBe(true);

    const conf = readFileSync(join(dir, 'slurm.conf'), 'utf8');
    expect(conf).toMatch(/^SlurmUser=root$/m);
    expect(conf).toMatch(/^ProctrackType=proctrack\/linuxproc$/m);
    expect(conf).toMatch(/^TaskPlugin=task\/none$/m);
    expect(conf).toMatch(new RegExp(`^SlurmctldPort=${base}$`, 'm'));

    const outFile = join(dir, 'job.out');
    const id = execFileSync('sbatch', ['--parsable', `--output=${outFile}`, '--wrap', 'echo job-ran-on-$(hostname)'], { env, encoding: 'utf8' }).trim();
    await waitUntil(() => existsSync(outFile) && readFileSync(outFile, 'utf8').includes('job-ran-on-'), 60_000, `job ${id} output`);

    const down = spawnSync('bash', [join(repo, '.ci/slurm-down.sh')], { env, encoding: 'utf8', timeout: 60_000 });
    expect(down.status, down.stderr).toBe(0);
    for (const d of ['slurmd', 'slurmctld', 'munged']) expect(down.stdout).toMatch(new RegExp(`(stopped|killed) ${d} \\(\\d+\\)`));
    await waitUntil(() => pids.every((p) => !alive(p)), 10_000, 'the daemons to exit');
    for (const d of ['munged', 'slurmctld', 'slurmd']) expect(existsSync(join(dir, 'run', `${d}.pid`))).toBe(false);
    // A machine-wide configuration is only linked when there was none, and unlinked again.
    expect(existsSync('/etc/slurm/slurm.conf')).toBe(etcBefore);
  }, 120_000);
});
