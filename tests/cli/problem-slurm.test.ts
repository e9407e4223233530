// `slurm MODEL.xmile --problem FILE` end to end without a cluster: the array script run once
// per task index (as Slurm would) and the merge script give the summary.csv of the same
// batch run unsharded, byte for byte; every shard reads the same problem file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-problem-slurm-'));
const model = join(dir, 'decay.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>decay</name></header>
<sim_specs><start>0</start><stop>4</stop><dt>0.5</dt></sim_specs>
<model><variables>
  <stock name="amount"><eqn>100</eqn><outflow>loss</outflow></stock>
  <flow name="loss"><eqn>amount * k</eqn></flow>
  <aux name="k"><eqn>0.1</eqn></aux>
</variables></model></xmile>`);
const problem = join(dir, 'decay.problem.json');
writeFileSync(problem, JSON.stringify({ factors: [{ name: 'k', distribution: 'lognormal', mu: -2, sigma: 0.4, bounds: [0.01, 1] }], outputs: ['amount'], times: [2, 4] }));

describe('slurm with a problem file', () => {
  it('the array tasks and the merge job reproduce the unsharded batch', () => {
    const out = join(dir, 'cluster');
    const w = cli(['slurm', model, '--problem', problem, '--runs', '60', '--seed', '5', '--tasks', '3', '--out', out]);
    expect(w.code, w.stderr).toBe(0);
    const script = readFileSync(join(out, 'slurm/batch.sbatch'), 'utf8');
    expect(script).toContain(`--problem ${problem}`);
    for (const task of ['0', '1', '2']) {
      const r = spawnSync('bash', [join(out, 'slurm/batch.sbatch')], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: task } });
      expect(r.status, r.stderr).toBe(0);
    }
    const m = spawnSync('bash', [join(out, 'slurm/merge.sbatch')], { encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    const whole = join(dir, 'whole');
    const b = cli(['batch', model, '--problem', problem, '--runs', '60', '--seed', '5', '--workers', '1', '--out', whole]);
    expect(b.code, b.stderr).toBe(0);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(join(whole, 'summary.csv'), 'utf8'));
    expect(readFileSync(join(whole, 'summary.csv'), 'utf8').split('\n')[1]).toMatch(/^amount,2,mean,/);
  }, 300_000);
});
