// `npm start` with a bad option or port: one message naming it, exit 2, before building.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const start = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/start.js', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

describe('npm start options', () => {
  it('refuses an unknown option, naming it and the allowed one', () => {
    const r = start(['--htps']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --htps; allowed: --https');
  });
  it('refuses a PORT that is not a port number', () => {
    const r = start(['--https'], { PORT: 'eighty' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT "eighty" is not a port number');
  });
});
