// The batch and merge commands end to end, as separate processes (bin/chengyu-sim.js),
// including a batch killed with SIGKILL mid-run and resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/chengyu-sim.js', import.meta.url));
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cy-batch-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const toy = ['--toy-model', 'linear', '--runs', '3000', '--seed', '11', '--chunk-size', '100'];
const summary = (d: string) => readFileSync(join(root, d, 'summary.csv'));

describe('chengyu-sim batch / merge', () => {
  it('runs a batch; --workers 1 and 2 and shards merged give the same summary.csv bytes', () => {
    const a = cli(['batch', ...toy, '--workers', '1', '--out', join(root, 'w1')]);
    expect(a.stderr).toMatch(/3000 computed, 0 resumed/);
    expect(a.code).toBe(0);
    expect(cli(['batch', ...toy, '--workers', '2', '--out', join(root, 'w2')]).code).toBe(0);
    expect(summary('w2').equals(summary('w1'))).toBe(true);
    // Shard 0 explicitly, shard 1 from a Slurm array task's environment.
    expect(cli(['batch', ...toy, '--workers', '1', '--shard', '0/2', '--out', join(root, 'sh0')]).code).toBe(0);
    const s1 = cli(['batch', ...toy, '--workers', '1', '--out', join(root, 'sh1')], {
      SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '1',
    });
    expect(s1.stderr).toMatch(/runs 1500–2999 of 3000 done \(shard 1\/2 from SLURM/);
    const m = cli(['merge', join(root, 'sh0'), join(root, 'sh1'), '--out', join(root, 'merged')]);
    expect(m.code).toBe(0);
    expect(summary('merged').equals(summary('w1'))).toBe(true);
  }, 180_000);

  it('rejects bad options and mismatched merges with one line, non-zero exit and no output', () => {
    const bad = cli(['batch', ...toy, '--shard', '2/2', '--out', join(root, 'bad')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim()).toBe('chengyu-sim: shard index must be between 0 and 1 (got 2)');
    expect(existsSync(join(root, 'bad'))).toBe(false);
    const onFile = cli(['batch', ...toy, '--out', bin]);
    expect(onFile.stderr.trim()).toBe(`chengyu-sim: --out: ${bin} is a file; give a directory`);
    expect(onFile.code).not.toBe(0);
    expect(cli(['batch', ...toy.map((x) => (x === '11' ? '12' : x)), '--shard', '1/2', '--workers', '0', '--out', join(root, 'other')]).code).toBe(0);
    const mm = cli(['merge', join(root, 'sh0'), join(root, 'other'), '--out', join(root, 'bad-merge')]);
    expect(mm.code).not.toBe(0);
    expect(mm.stderr).toMatch(/^chengyu-sim: cannot merge .* different batches \(seed: 11 ≠ 12\)\n$/);
    expect(existsSync(join(root, 'bad-merge'))).toBe(false);
  }, 180_000);

  it('resumes a batch killed mid-run: only the missing runs are computed, same bytes', async () => {
    const dir = join(root, 'killed');
    const args = [bin, 'batch', ...toy, '--workers', '1', '--toy-delay-ms', '1', '--out', dir];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const chunks = join(dir, 'chunks');
    await new Promise<void>((res, rej) => {
      const t = setInterval(() => {
        const n = existsSync(chunks) ? readdirSync(chunks).filter((f) => f.endsWith('.bin')).length : 0;
        if (n >= 4) {
          clearInterval(t);
          child.kill('SIGKILL');
          res();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(t);
        rej(new Error('batch finished before it could be killed'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(dir, 'summary.csv'))).toBe(false);
    const done = readdirSync(chunks).filter((f) => f.endsWith('.bin')).length * 100;
    expect(done).toBeLessThan(3000);
    const again = cli(args.slice(1));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resuming, ${done} of 3000 runs already done`);
    expect(again.stderr).toContain(`${3000 - done} computed, ${done} resumed`);
    expect(summary('killed').equals(summary('w1'))).toBe(true);
  }, 180_000);
});
