// Spawn the real command (`node bin/chengyu-sim.js …`) the way a user runs it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Result of one command. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `chengyu-sim args…` in the repository root and wait for it; `input` is its stdin. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [`${ROOT}bin/chengyu-sim.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: 300_000,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
