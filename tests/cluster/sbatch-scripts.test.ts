// Slurm script generation (pure) — and that the scripts bash runs pass the right words.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  batchScript, isSlurmTime, mergeScript, parseJobId, shardDirectories, shellQuote, submitScript,
  SlurmPlanError, validatePlan, type SlurmPlan,
} from '../../src/cluster/sbatch-scripts.ts';

const plan: SlurmPlan = {
  node: '/usr/bin/node',
  cli: '/repo/bin/chengyu-sim.js',
  scenario: '/data/my scenario\'s.json',
  runs: 1000,
  seed: 42,
  tasks: 4,
  out: '/shared/out',
};

const scratch = mkdtempSync(join(tmpdir(), 'chengyu-sbatch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A stand-in for node: prints each argument on its own line, then the shard count.
function fakeNode(): string {
  const path = join(scratch, 'fake-node.sh');
  writeFileSync(path, '#!/bin/bash\nfor a in "$@"; do printf "%s\\n" "$a"; done\necho "COUNT=$CHENGYU_SHARD_COUNT"\n');
  chmodSync(path, 0o755);
  return path;
}

function runScript(text: string, env: Record<string, string>): string {
  const path = join(scratch, `script-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(path, text);
  return execFileSync('bash', [path], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
}

describe('batchScript', () => {
  it('declares a job array of T tasks that can be re-queued', () => {
    const s = batchScript(plan);
    expect(s.startsWith('#!/bin/bash\n')).toBe(true);
    expect(s).toContain('#SBATCH --array=0-3\n');
    expect(s).toContain('#SBATCH --requeue\n');
    expect(s).toContain('#SBATCH --cpus-per-task=1\n');
    expect(s).toContain('#SBATCH --output=/shared/out/slurm/logs/batch-%A_%a.out\n');
    expect(s).toContain('export CHENGYU_SHARD_COUNT=4\n');
    expect(s).not.toContain('--partition');
    expect(s).not.toContain('--time');
    expect(s).not.toContain('--shard');
  });

  it('throttles the array and adds further sbatch options to both jobs', () => {
    const p = { ...plan, maxRunning: 2, sbatchOptions: ['--account=proj-42', '--mem=2G', '--exclusive'] };
    const s = batchScript(p);
    expect(s).toContain('#SBATCH --array=0-3%2\n');
    for (const text of [s, mergeScript(p)]) {
      expect(text).toContain('#SBATCH --account=proj-42\n#SBATCH --mem=2G\n#SBATCH --exclusive\n');
    }
  });

  it('adds partition, time and cpus when given', () => {
    const s = batchScript({ ...plan, partition: 'short,long', time: '1-02:00:00', cpusPerTask: 8 });
    expect(s).toContain('#SBATCH --partition=short,long\n');
    expect(s).toContain('#SBATCH --time=1-02:00:00\n');
    expect(s).toContain('#SBATCH --cpus-per-task=8\n');
    expect(s).toContain('--workers 8');
  });

  it('puts all #SBATCH lines before the first command (sbatch ignores later ones)', () => {
    for (const s of [batchScript(plan), mergeScript(plan)]) {
      const lines = s.split('\n');
      const firstCommand = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
      const lastDirective = lines.map((l) => l.startsWith('#SBATCH')).lastIndexOf(true);
      expect(lastDirective).toBeLessThan(firstCommand);
    }
  });

  it('runs the CLI with the shard directory of its array task, the scenario path intact', () => {
    const out = runScript(batchScript({ ...plan, node: fakeNode(), batchArgs: ['--sampling', 'lhs'] }), { SLURM_ARRAY_TASK_ID: '2' });
    expect(out.split('\n')).toEqual([
      '/repo/bin/chengyu-sim.js', 'batch', "/data/my scenario's.json",
      '--runs', '1000', '--seed', '42', '--sampling', 'lhs', '--workers', '1',
      '--out', '/shared/out/shards/task-2',
      'COUNT=4', '',
    ]);
  });

  it('refuses to run outside a job array', () => {
    expect(() => runScript(batchScript({ ...plan, node: fakeNode() }), {})).toThrow();
  });
});

describe('mergeScript', () => {
  it('is removed by Slurm if the array fails', () => {
    const s = mergeScript(plan);
    expect(s).toContain('#SBATCH --kill-on-invalid-dep=yes\n');
    expect(s).toContain('#SBATCH --output=/shared/out/slurm/logs/merge-%j.out\n');
  });

  it('merges every shard directory into DIR/merged, then puts its summary.csv in DIR', () => {
    const dir = join(scratch, 'merge-out');
    // A stand-in for node that logs its arguments and, as merge would, writes a summary.
    const node = join(scratch, 'fake-merge-node.sh');
    writeFileSync(node, '#!/bin/bash\nprintf "%s\\n" "$@" > "$FAKE_LOG"\nout="${@: -1}"\nmkdir -p "$out"\necho "output,time" > "$out/summary.csv"\n');
    chmodSync(node, 0o755);
    const log = join(scratch, 'merge-args.log');
    runScript(mergeScript({ ...plan, out: dir, node }), { FAKE_LOG: log });
    expect(readFileSync(log, 'utf8').split('\n')).toEqual([
      '/repo/bin/chengyu-sim.js', 'merge',
      ...[0, 1, 2, 3].map((i) => `${dir}/shards/task-${i}`),
      '--out', `${dir}/merged`, '',
    ]);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('output,time\n');
    expect(readdirSync(dir).sort()).toEqual(['merged', 'summary.csv']);
  });

  it('fails, leaving no summary.csv, when merge fails', () => {
    const dir = join(scratch, 'merge-fails');
    const node = join(scratch, 'failing-node.sh');
    writeFileSync(node, '#!/bin/bash\necho "chengyu-sim: runs 3-5 of 40 are missing" >&2\nexit 2\n');
    chmodSync(node, 0o755);
    expect(() => runScript(mergeScript({ ...plan, out: dir, node }), {})).toThrow();
    expect(existsSync(join(dir, 'summary.csv'))).toBe(false);
  });

  it('lists shard directories in shard order', () => {
    expect(shardDirectories({ out: '/o', tasks: 3 })).toEqual(['/o/shards/task-0', '/o/shards/task-1', '/o/shards/task-2']);
  });
});

describe('submitScript', () => {
  it('submits the array, then the merge with afterok on the array id', () => {
    const bin = join(scratch, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    // A stand-in sbatch that logs its arguments and prints ids like --parsable does.
    const log = join(scratch, 'sbatch.log');
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\necho "$*" >> ${log}\nif [[ "$*" == *merge* ]]; then echo "78;cl"; else echo 77; fi\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const out = runScript(submitScript(plan), { PATH: `${bin}:${process.env.PATH}` });
    expect(out).toBe('array job: 77\nmerge job: 78\n');
    expect(execFileSync('cat', [log], { encoding: 'utf8' })).toBe(
      '--parsable /shared/out/slurm/batch.sbatch\n--parsable --dependency=afterok:77 /shared/out/slurm/merge.sbatch\n',
    );
  });
});

describe('validatePlan', () => {
  const bad: Array<[Partial<SlurmPlan>, RegExp]> = [
    [{ runs: 0 }, /--runs must be an integer ≥ 1 \(got 0\)/],
    [{ runs: 2.5 }, /--runs/],
    [{ seed: -1 }, /--seed must be an integer ≥ 0/],
    [{ tasks: 0 }, /--tasks must be an integer ≥ 1/],
    [{ tasks: 5, runs: 4 }, /--tasks 5 is more than --runs 4/],
    [{ tasks: 2000, runs: 10_000 }, /MaxArraySize/],
    [{ cpusPerTask: 0 }, /--cpus-per-task/],
    [{ partition: 'a b' }, /--partition/],
    [{ partition: 'x\n#SBATCH --mem=1' }, /--partition/],
    [{ time: '90' }, /--time must be HH:MM:SS/],
    [{ time: '01:60:00' }, /--time/],
    [{ out: 'relative/dir' }, /--out must be an absolute path/],
    [{ out: '/with space' }, /cannot carry/],
    [{ out: '/pct%j' }, /cannot carry/],
    [{ scenario: 'rel.json' }, /scenario path must be absolute/],
    [{ cli: '/a\nb' }, /control character/],
    [{ maxRunning: 0 }, /--max-running must be an integer ≥ 1/],
    [{ sbatchOptions: ['--mem 2G'] }, /--sbatch-option must look like --name/],
    [{ sbatchOptions: ['account=x'] }, /--sbatch-option must look like --name/],
    [{ sbatchOptions: ["--comment='x'"] }, /--sbatch-option must look like --name/],
    [{ sbatchOptions: ['--array=1-3'] }, /--array is set by the generated scripts/],
    [{ sbatchOptions: ['--time=01:00:00'] }, /use the command's own --time option/],
  ];
  it.each(bad)('rejects %o', (change, message) => {
    expect(() => validatePlan({ ...plan, ...change })).toThrow(SlurmPlanError);
    expect(() => validatePlan({ ...plan, ...change })).toThrow(message);
    expect(() => batchScript({ ...plan, ...change })).toThrow(message);
  });
  it('accepts a good plan', () => {
    expect(() => validatePlan({ ...plan, partition: 'gpu_a100', time: '00:10:00', cpusPerTask: 2 })).not.toThrow();
  });
});

describe('helpers', () => {
  it('recognises Slurm time limits', () => {
    for (const t of ['00:10:00', '100:00:00', '2-00:00:00', '0-23:59:59']) expect(isSlurmTime(t)).toBe(true);
    for (const t of ['', '10', '1:2:3', '00:00:00', '1-24:00:00', '00:00:60', 'aa:bb:cc']) expect(isSlurmTime(t)).toBe(false);
  });
  it('quotes shell words', () => {
    expect(shellQuote('/a/b-c_d.json')).toBe('/a/b-c_d.json');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote('')).toBe("''");
  });
  it('parses sbatch --parsable output', () => {
    expect(parseJobId('123\n')).toBe('123');
    expect(parseJobId('123;mycluster\n')).toBe('123');
    expect(() => parseJobId('sbatch: error: Batch job submission failed')).toThrow(/did not print a job id/);
  });
});
