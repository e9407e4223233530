// Engine benchmark: per-run time of compiled models against the same models evaluated by
// mathjs's own evaluator (baseline, same process), and batch-runner throughput.
//   teacup: 4 variables, 240 Euler steps;  coupled-300: 300 stocks / 900 variables, 400 steps;
//   arrayed-20: 20 nodes × 30 variables (with 2-D spillovers), 80 steps, Monte Carlo runner.
import { compileModel } from '../src/model/engine/index.ts';
import { mathjsBaseline } from '../src/model/engine/mathjs-baseline.ts';
import type { ModelSpec } from '../src/model/engine/index.ts';
import { arrayedRegional, coupledStocks, teacup } from './models.ts';

/** Mean µs per call of `f` over `runs` calls after `warm` warm-up calls. */
function timeIt(f: () => unknown, runs: number, warm: number): number {
  for (let i = 0; i < warm; i++) f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  return ((performance.now() - t0) * 1000) / runs;
}

function compare(spec: ModelSpec, runs: number, baseRuns: number): void {
  const model = compileModel(spec);
  const runner = model.createRunner({ outputs: model.columns });
  const us = timeIt(() => runner.run(), runs, Math.min(runs, 2000));
  const one = model.createRunner({ outputs: [model.columns[0]] });
  const us1 = timeIt(() => one.run(), runs, Math.min(runs, 2000));
  const full = timeIt(() => model.run(), Math.max(1, runs / 10), 5);
  const base = mathjsBaseline(spec);
  if ('unsupported' in base) {
    console.log(`${spec.name}: ${us1.toFixed(2)} µs/run (runner, one output), ${us.toFixed(2)} µs/run (all outputs), ${full.toFixed(2)} µs/run (run()); baseline n/a (${base.unsupported})`);
    return;
  }
  const bus = timeIt(base.run, baseRuns, 1);
  console.log(`${spec.name}: ${us1.toFixed(2)} µs/run (runner, one output), ${us.toFixed(2)} µs/run (all outputs), ${full.toFixed(2)} µs/run (run()); `
    + `mathjs evaluator ${bus.toFixed(0)} µs/run → ${(bus / us).toFixed(0)}× faster`);
}

/** The teacup written by hand in plain JavaScript: the floor any generated code can reach. */
function handTeacup(out: Float64Array): number {
  let temp = 180;
  const dt = 0.125;
  for (let n = 0; n <= 240; n++) {
    const loss = (temp - 70) / 10;
    out[n] = temp;
    if (n === 240) break;
    temp -= dt * loss;
  }
  return temp;
}

/**
 * Cold start of a freshly compiled model: the first runs execute unoptimised code (the
 * browser's first lever moves), so report the first run and the first 100 runs together.
 */
function coldStart(model: ReturnType<typeof compileModel>, compileMs: number): void {
  const runner = model.createRunner({ outputs: ['hte'] });
  const t0 = performance.now();
  runner.run();
  const first = performance.now() - t0;
  for (let i = 1; i < 100; i++) runner.run();
  const hundred = performance.now() - t0;
  console.log(`${model.spec.name} cold start: compile ${compileMs.toFixed(0)} ms, first run ${first.toFixed(1)} ms, `
    + `first 100 runs ${hundred.toFixed(0)} ms (generated source ${(model.source.length / 1024).toFixed(0)} KB)`);
}

/** Run the engine benchmarks and print one line per model. */
export async function run(): Promise<void> {
  const out = new Float64Array(241);
  const hand = timeIt(() => handTeacup(out), 20_000, 2000);
  console.log(`calibration: hand-written JS teacup ${hand.toFixed(2)} µs/run (machine speed reference for the numbers below)`);
  compare(teacup(), 20_000, 200);
  compare(coupledStocks(300, 400), 100, 2);
  const spec = arrayedRegional(20);
  const tc = performance.now();
  const model = compileModel(spec);
  const compileMs = performance.now() - tc;
  coldStart(model, compileMs);
  const runner = model.createRunner({ outputs: ['hte'], saveTimes: [2020, 2025, 2030, 2035] });
  const c = runner.defaults();
  const k = runner.constantIndex('cert_rate');
  let i = 0;
  const us = timeIt(() => {
    c[k] = 0.05 + (i++ % 100) * 0.001;
    runner.run(c);
  }, 2000, 200);
  console.log(`${spec.name}: ${us.toFixed(1)} µs/run in the batch runner → ${(1e6 / us).toFixed(0)} runs/s on one core`
    + ` (${spec.variables.length} arrayed variables × 20 nodes, 80 steps)`);
}
