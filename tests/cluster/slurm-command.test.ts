// `chengyu-sim slurm`: files written, argument errors, plan protection, and --submit
// against a stand-in sbatch (the real Slurm runs are in slurm-e2e.test.ts).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const repo = resolve(import.meta.dirname, '../..');
const scenario = join(repo, 'scenarios/baseline.json');
const scratch = mkdtempSync(join(tmpdir(), 'chengyu-slurm-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    for (const k of Object.keys(env)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    vi.restoreAllMocks();
  }
}

let n = 0;
const freshDir = () => join(scratch, `out-${++n}`);

describe('chengyu-sim slurm', () => {
  it('writes the array, merge and submit scripts calling this checkout by absolute path', async () => {
    const out = freshDir();
    const r = await cli(['slurm', scenario, '--runs', '40', '--seed', '7', '--tasks', '4', '--out', out, '--partition', 'debug', '--time', '00:05:00']);
    expect(r.code).toBe(0);
    const batch = readFileSync(join(out, 'slurm/batch.sbatch'), 'utf8');
    expect(batch).toContain('#SBATCH --array=0-3');
    expect(batch).toContain('#SBATCH --partition=debug');
    expect(batch).toContain(`${process.execPath} ${join(repo, 'bin/chengyu-sim.js')} batch ${scenario} --runs 40 --seed 7`);
    const merge = readFileSync(join(out, 'slurm/merge.sbatch'), 'utf8');
    expect(merge).toContain(`${join(out, 'shards/task-3')}`);
    expect(existsSync(join(out, 'slurm/submit.sh'))).toBe(true);
    expect(existsSync(join(out, 'slurm/logs'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'slurm/plan.json'), 'utf8'))).toEqual({ scenario, runs: 40, seed: 7, tasks: 4, batchArgs: [] });
    expect(r.err).toContain('submit.sh');
  });

  it('passes --max-running and repeated --sbatch-option into the scripts', async () => {
    const out = freshDir();
    const r = await cli(['slurm', scenario, '--runs', '40', '--seed', '7', '--tasks', '4', '--out', out,
      '--max-running', '2', '--sbatch-option=--account=abc', '--sbatch-option', '--qos=low']);
    expect(r.code, r.err).toBe(0);
    const batch = readFileSync(join(out, 'slurm/batch.sbatch'), 'utf8');
    expect(batch).toContain('#SBATCH --array=0-3%2\n');
    expect(batch).toContain('#SBATCH --account=abc\n#SBATCH --qos=low\n');
    expect(readFileSync(join(out, 'slurm/merge.sbatch'), 'utf8')).toContain('#SBATCH --account=abc\n#SBATCH --qos=low\n');
  });

  it.each([
    [['--runs', 'ten', '--seed', '1', '--tasks', '2'], /--runs must be a whole number \(got "ten"\)/],
    [['--runs', '10', '--seed', '1', '--tasks', '0'], /--tasks must be an integer ≥ 1/],
    [['--runs', '10', '--seed', '1', '--tasks', '11'], /--tasks 11 is more than --runs 10/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--time', '1h'], /--time must be HH:MM:SS/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--cpus-per-task', '0'], /--cpus-per-task must be an integer ≥ 1/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--sampling', 'sobol'], /--sampling must be random or lhs/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--partition', 'a;b'], /--partition/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--sbatch-option', '--output=x'], /--output is set by the generated scripts/],
    [['--runs', '10', '--seed', '1', '--tasks', '2', '--max-running', 'two'], /--max-running must be a whole number/],
  ])('rejects %o with a clear message and writes nothing', async (args, message) => {
    const out = freshDir();
    const r = await cli(['slurm', scenario, ...args, '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing or invalid scenario file', async () => {
    const missing = await cli(['slurm', join(scratch, 'nope.json'), '--runs', '4', '--seed', '1', '--tasks', '2', '--out', freshDir()]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/model file not found: .*nope\.json/);
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{"id": "x", "title": {"zh": "试", "en": "t"}, "levers": {"warp_drive": {}}}');
    const invalid = await cli(['slurm', bad, '--runs', '4', '--seed', '1', '--tasks', '2', '--out', freshDir()]);
    expect(invalid.code).not.toBe(0);
    expect(invalid.err).toMatch(/warp_drive/);
  });

  it('refuses to reuse an output directory planned for a different batch, leaving it unchanged', async () => {
    const out = freshDir();
    expect((await cli(['slurm', scenario, '--runs', '40', '--seed', '7', '--tasks', '4', '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'slurm/batch.sbatch'), 'utf8');
    const r = await cli(['slurm', scenario, '--runs', '40', '--seed', '8', '--tasks', '4', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/planned with seed 7, not 8/);
    expect(readFileSync(join(out, 'slurm/batch.sbatch'), 'utf8')).toBe(before);
    // The same batch with other scheduling options is fine (e.g. a longer --time on re-submit).
    expect((await cli(['slurm', scenario, '--runs', '40', '--seed', '7', '--tasks', '4', '--out', out, '--time', '01:00:00'])).code).toBe(0);
  });

  it('--submit submits the array, then the merge job after it, and prints both ids', async () => {
    const bin = join(scratch, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    const log = join(scratch, 'sbatch-args.log');
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\necho "$*" >> ${log}\nif [[ "$*" == *dependency* ]]; then echo 502; else echo "501;cluster"; fi\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const out = freshDir();
    const r = await cli(['slurm', scenario, '--runs', '8', '--seed', '1', '--tasks', '2', '--out', out, '--submit'], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(0);
    expect(r.out).toBe('array job: 501\nmerge job: 502\n');
    expect(readFileSync(log, 'utf8')).toBe(
      `--parsable ${out}/slurm/batch.sbatch\n--parsable --dependency=afterok:501 ${out}/slurm/merge.sbatch\n`,
    );
  });

  it('--submit refuses while the previous submission to the same --out is still queued', async () => {
    const bin = join(scratch, 'queue-bin');
    mkdirSync(bin, { recursive: true });
    const queueFile = join(scratch, 'fake-queue.txt');
    writeFileSync(join(bin, 'sbatch'), '#!/bin/bash\nif [[ "$*" == *dependency* ]]; then echo 602; else echo 601; fi\n');
    // A stand-in squeue that shows whatever the test put in the queue file.
    writeFileSync(join(bin, 'squeue'), `#!/bin/bash\necho "$*" > ${queueFile}.args\ncat ${queueFile}\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    chmodSync(join(bin, 'squeue'), 0o755);
    const out = freshDir();
    const args = ['slurm', scenario, '--runs', '8', '--seed', '1', '--tasks', '2', '--out', out, '--submit'];
    const env = { PATH: `${bin}:${process.env.PATH}` };
    writeFileSync(queueFile, '');
    expect((await cli(args, env)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'slurm/jobs.json'), 'utf8'))).toMatchObject({ arrayJob: '601', mergeJob: '602' });

    writeFileSync(queueFile, '601_1 RUNNING\n602 PENDING\n');
    const busy = await cli(args, env);
    expect(busy.code).not.toBe(0);
    expect(busy.err).toMatch(/still queued \(601_1 RUNNING, 602 PENDING\).*scancel 601 602/);
    expect(readFileSync(`${queueFile}.args`, 'utf8')).toMatch(/-j 601,602/);

    writeFileSync(queueFile, '');
    expect((await cli(args, env)).code).toBe(0);
  });

  it('--submit reports a refused submission and a missing sbatch clearly', async () => {
    const bin = join(scratch, 'failing-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'sbatch'), '#!/bin/bash\necho "sbatch: error: invalid partition specified: nope" >&2\nexit 1\n');
    chmodSync(join(bin, 'sbatch'), 0o755);
    const refused = await cli(['slurm', scenario, '--runs', '8', '--seed', '1', '--tasks', '2', '--out', freshDir(), '--submit'], { PATH: bin });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/sbatch .*batch\.sbatch failed: sbatch: error: invalid partition specified: nope/);
    const empty = join(scratch, 'empty-bin');
    mkdirSync(empty, { recursive: true });
    const missing = await cli(['slurm', scenario, '--runs', '8', '--seed', '1', '--tasks', '2', '--out', freshDir(), '--submit'], { PATH: empty });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/sbatch not found on PATH/);
  });
});
