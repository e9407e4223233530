// Ctrl-C (SIGINT) during `sensitivity`, through the real command: one line saying
// nothing was written, exit 130, an existing --out file as it was.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-sens-int-'));

describe('sensitivity interrupted by SIGINT', () => {
  it('says nothing was written and exits 130', async () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, 'previous\n');
    const args = ['sensitivity', '--toy-model', 'ishigami', '--method', 'sobol', '--samples', '2000000', '--bootstrap', '0', '--workers', '1', '--out', out];
    const child = spawn(process.execPath, [`${ROOT}bin/chengyu-sim.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      // Interrupt once the runs have started.
      if (!stderr.includes('sensitivity: sobol') && (stderr + s).includes('sensitivity: sobol')) setTimeout(() => child.kill('SIGINT'), 300);
      stderr += s;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^sensitivity: sobol, 2000000 samples, 3 parameters, 1 KPI\(s\)\nsensitivity: interrupted; nothing was written \(with --checkpoint DIR, finished runs are kept and the same command resumes\)\n$/);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  }, 300_000);
});
