// `sensitivity --checkpoint DIR` through the real command: Ctrl-C keeps the finished blocks
// and says so; the same command resumes from them, computes only the rest, and reports
// exactly what an uninterrupted run reports; once written, the checkpoint is removed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-sens-ck-'));
const base = ['sensitivity', '--toy-model', 'ishigami', '--method', 'sobol', '--samples', '1000', '--bootstrap', '20', '--workers', '1', '--format', 'json'];

describe('sensitivity --checkpoint', () => {
  it('an interrupted run keeps its blocks; the same command resumes and gives the uninterrupted result', async () => {
    const ck = join(dir, 'ck');
    const args = [...base, '--toy-delay-ms', '1', '--checkpoint', ck];
    const child = spawn(process.execPath, [`${ROOT}bin/chengyu-sim.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      // Interrupt once a tenth of the runs are done (and kept).
      if (!/runs \(\d+%\)/.test(stderr) && /runs \(\d+%\)/.test(stderr + s)) child.kill('SIGINT');
      stderr += s;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const m = /sensitivity: interrupted; kept (\d+) of 5000 runs in (\S+); the same command resumes from there\n$/.exec(stderr);
    expect(m, stderr).not.toBeNull();
    const kept = Number(m![1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(5000);
    expect(readdirSync(m![2]).filter((f) => f.endsWith('.f64'))).toHaveLength(kept / 256);

    const resumed = cli(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`sensitivity: sobol: resuming with ${kept} of 5000 runs from ${m![2]}\n`);
    const fresh = cli(base);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(fresh.stdout));
    expect(readdirSync(ck)).toEqual([]);
  }, 300_000);
});
