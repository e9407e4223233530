// `chengyu-sim bench MODEL.xmile`: per-run time and the mathjs-evaluator baseline ratio.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-bench-'));
const model = join(dir, 'teacup.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><sim_specs><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
<model><variables>
  <stock name="teacup temperature"><eqn>180</eqn><outflow>heat loss</outflow></stock>
  <flow name="heat loss"><eqn>(teacup_temperature - 70) / 10</eqn></flow>
</variables></model></xmile>`);

describe('chengyu-sim bench', () => {
  it('reports per_run_us and the speed-up over the mathjs evaluator as JSON', () => {
    const r = cli(['bench', model, '--runs', '50', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ runs: 50, steps: 240, variables: 2 });
    expect(j.per_run_us).toBeGreaterThan(0);
    expect(j.baseline_mathjs_us).toBeGreaterThan(0);
    expect(j.speedup_vs_mathjs).toBeCloseTo(j.baseline_mathjs_us / j.per_run_us, 6);
  }, 120_000);

  it('refuses a bad --runs with one line', () => {
    const r = cli(['bench', model, '--runs', 'many']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('chengyu-sim: --runs must be a whole number ≥ 1 (got many)\n');
  }, 120_000);
});
