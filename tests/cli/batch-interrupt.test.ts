// Ctrl-C (SIGINT) during `batch`, through the real command: the finished runs stay on
// disk, stderr says how many and the command that resumes, the exit code is 130, and
// that command then computes only the rest.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-batch-int-'));

describe('batch interrupted by SIGINT', () => {
  it('keeps the runs, says what was kept and how to resume, exits 130', async () => {
    const out = join(dir, 'b');
    const args = ['batch', '--toy-model', 'linear', '--toy-delay-ms', '1', '--runs', '3000', '--seed', '3', '--chunk-size', '100', '--workers', '1', '--out', out];
    const child = spawn(process.execPath, [`${ROOT}bin/chengyu-sim.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const chunks = join(out, 'chunks');
    const count = () => (existsSync(chunks) ? readdirSync(chunks).filter((f) => f.endsWith('.bin')).length : 0);
    const code = await new Promise<number | null>((resolve) => {
      const t = setInterval(() => {
        if (count() >= 3) {
          clearInterval(t);
          child.kill('SIGINT');
        }
      }, 20);
      child.on('exit', (c) => {
        clearInterval(t);
        resolve(c);
      });
    });
    expect(code).toBe(130);
    const kept = count() * 100;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3000);
    expect(stderr).toContain(`batch: interrupted; kept the ${kept} of 3000 runs computed so far in ${chunks}\n`);
    expect(stderr).toContain(`batch: resume with the same command: chengyu-sim ${args.join(' ')}\n`);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = cli(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${3000 - kept} computed, ${kept} resumed`));
  }, 300_000);
});
