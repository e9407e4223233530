// A closed pipe ends the command quietly (`chengyu-sim doc | head`): exit 0, nothing on
// stderr, however much output was left to write.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-pipe-'));
// 50 001 rows of CSV: far more than a pipe's 64 KB buffer, so the writer meets the closed pipe.
const model = join(dir, 'long.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>long</name></header>
<sim_specs><start>0</start><stop>50000</stop><dt>1</dt></sim_specs>
<model><variables>
  <stock name="S"><eqn>1</eqn><inflow>grow</inflow></stock>
  <flow name="grow"><eqn>0.001</eqn></flow>
</variables></model></xmile>`);

/** Run `chengyu-sim ARGS | head -c 100` in bash; the command's exit status and stderr. */
function intoHead(args: string): { status: string; stderr: string } {
  const script = `"${process.execPath}" "${ROOT}bin/chengyu-sim.js" ${args} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: r.stdout.trim(), stderr: r.stderr };
}

describe('output into a pipe closed early', () => {
  it('doc | head ends with exit 0 and no EPIPE trace', () => {
    expect(intoHead('doc')).toEqual({ status: '0', stderr: '' });
  }, 300_000);

  it('a long run (CSV and JSON) into head ends the same way', () => {
    expect(intoHead(`run ${model}`)).toEqual({ status: '0', stderr: '' });
    expect(intoHead(`run ${model} --format json --out -`)).toEqual({ status: '0', stderr: '' });
  }, 300_000);
});
