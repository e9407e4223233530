// Batch directories through the real command: chunk checksums (a corrupted chunk is refused
// on resume and on merge, naming the file), one writer per directory (a lock with a pid;
// a crashed writer's stale lock is taken over), and --extend (a batch grown to N runs is
// the same bytes as a batch of N from the start; LHS refused since its design depends on N).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';
import { writeRegionsModel } from './regions-model.ts';

const T = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-batch-integrity-'));
const model = writeRegionsModel(dir);
const problem = join(dir, 'p.json');
writeFileSync(problem, JSON.stringify({ factors: [{ name: 'rate[north]', bounds: [1, 3] }, { name: 'rate[south]', bounds: [0, 1] }], times: [5, 10] }));
const batch = (out: string, ...extra: string[]) => cli(['batch', model, '--problem', problem, '--seed', '5', '--workers', '0', '--out', out, ...extra]);

/** Flip one bit of a file. */
function corrupt(path: string, at: number): void {
  const b = readFileSync(path);
  b[at] ^= 0x01;
  writeFileSync(path, b);
}

describe('chunk checksums', () => {
  it('a resume refuses a corrupted chunk, naming the file, and recomputes it once removed', () => {
    const out = join(dir, 'resume');
    expect(batch(out, '--runs', '40', '--chunk-size', '10').code).toBe(0);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
    const chunk = join(out, 'chunks', 'runs-000000010-000000020.bin');
    corrupt(chunk, 60);
    const r = batch(out, '--runs', '40', '--chunk-size', '10');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`chengyu-sim: ${chunk}: chunk file is corrupted (its checksum does not match its contents); remove it and rerun the same command to recompute its runs\n`);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(summary);
    rmSync(chunk);
    const again = batch(out, '--runs', '40', '--chunk-size', '10');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('10 computed, 30 resumed');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(summary);
  }, T);

  it('a merge refuses a corrupted shard chunk before writing anything', () => {
    const s0 = join(dir, 's0');
    const s1 = join(dir, 's1');
    expect(batch(s0, '--runs', '40', '--shard', '0/2').code).toBe(0);
    expect(batch(s1, '--runs', '40', '--shard', '1/2').code).toBe(0);
    const chunk = join(s1, 'chunks', 'runs-000000020-000000022.bin');
    corrupt(chunk, 35);
    const merged = join(dir, 'merged');
    const r = cli(['merge', s0, s1, '--out', merged]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`chengyu-sim: ${chunk}: chunk file is corrupted (its checksum does not match its contents); remove it and rerun the same command to recompute its runs\n`);
    expect(existsSync(merged)).toBe(false);
  }, T);
});

describe('one batch per directory', () => {
  it('refuses a second batch while the first runs, and takes over the lock of one that crashed', async () => {
    const out = join(dir, 'locked');
    const args = (delayMs: number) => ['batch', '--toy-model', 'linear', '--toy-delay-ms', String(delayMs), '--runs', '20000', '--chunk-size', '100', '--workers', '0', '--out', out];
    const first = spawn(process.execPath, [`${ROOT}bin/chengyu-sim.js`, ...args(2)], { cwd: ROOT, stdio: 'ignore' });
    const lock = join(out, '.batch.lock');
    const exited = new Promise<void>((resolve) => first.on('exit', () => resolve()));
    try {
      while (!existsSync(join(out, 'manifest.json'))) await new Promise((r) => setTimeout(r, 50));
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(first.pid);
      const second = cli(args(0));
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`^chengyu-sim: another batch \\(process ${first.pid}, since [^)]+\\) is writing ${out}; wait for it to finish or stop it, then rerun\\n$`));
    } finally {
      // A crash: the process ends without removing its lock.
      first.kill('SIGKILL');
      await exited;
    }
    expect(existsSync(lock)).toBe(true);
    const resumed = cli(args(0));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/runs 0–19999 of 20000 done/);
    expect(existsSync(lock)).toBe(false);
  }, T);
});

describe('batch --extend', () => {
  it('grows a random-sampling batch to the bytes of a batch of the larger N from the start', () => {
    const grown = join(dir, 'grown');
    const fresh = join(dir, 'fresh');
    expect(batch(grown, '--runs', '300', '--sampling', 'random', '--chunk-size', '70').code).toBe(0);
    const refused = batch(grown, '--runs', '1000', '--sampling', 'random', '--chunk-size', '70');
    expect(refused.stderr).toContain('holds a different batch (runs: 300 ≠ 1000); to add runs to it, give --extend');
    expect(refused.code).toBe(2);
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine\n');
    const notEmpty = batch(other, '--runs', '10');
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.stderr).toContain('is not empty and holds no batch manifest');
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine\n');
    const r = batch(grown, '--runs', '1000', '--sampling', 'random', '--chunk-size', '70', '--extend');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('batch: extending the batch of 300 runs to 1000\n');
    expect(r.stderr).toContain('700 computed, 300 resumed');
    expect(batch(fresh, '--runs', '1000', '--sampling', 'random', '--chunk-size', '70').code).toBe(0);
    for (const f of ['summary.csv', 'runs.csv', 'manifest.json']) {
      expect(readFileSync(join(grown, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
    }
  }, T);

  it('refuses to extend an LHS batch (its design depends on N), or a directory without a batch', () => {
    const lhs = join(dir, 'lhs');
    expect(batch(lhs, '--runs', '50').code).toBe(0);
    const r = batch(lhs, '--runs', '100', '--extend');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chengyu-sim: --extend: .* is a Latin hypercube batch; an LHS design depends on N/);
    const none = join(dir, 'none');
    const n = batch(none, '--runs', '100', '--sampling', 'random', '--extend');
    expect(n.code).toBe(2);
    expect(n.stderr).toBe(`chengyu-sim: --extend: ${none} holds no batch to extend (no manifest.json); run the batch first, or drop --extend\n`);
    expect(existsSync(none)).toBe(false);
  }, T);
});
