// Speed of the regional model: one run through the batch runner (headline outputs, yearly)
// against a full `run()` (every series) of the same compiled model, in the same process; and
// the rate of calibration-objective evaluations.
import { buildChengyuSpec, getChengyuModel, headlineOutputs } from '../src/model/chengyu/index.ts';
import { compileModel } from '../src/model/engine/index.ts';
import { calibrationObjective } from '../src/model/chengyu/calibration.ts';
import { CALIBRATED_VALUES } from '../src/model/chengyu/equations.ts';
import { paperPackageConstants } from '../src/model/chengyu/experiments.ts';

// V8 takes seconds to optimise the large generated functions: warm up by time, not by count
// (CHENGYU_BENCH_WARMUP_S, default 5 s per measurement), then take the best of five blocks.
const WARMUP_MS = 1000 * Number(process.env.CHENGYU_BENCH_WARMUP_S ?? 5);

function timeIt(n: number, f: () => void): number {
  const w = performance.now();
  while (performance.now() - w < WARMUP_MS) f();
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    best = Math.min(best, (performance.now() - t) / n);
  }
  return best;
}

/** Run the benchmark and print ms per run and ratios. */
export async function run(): Promise<void> {
  // Compile a fresh model: getChengyuModel() is cached, and other benches in this process
  // may already have compiled it.
  const t0 = performance.now();
  compileModel(buildChengyuSpec());
  const compileMs = performance.now() - t0;
  const model = getChengyuModel();
  const runner = model.createRunner({ outputs: [...headlineOutputs] });
  const c = runner.defaults();
  const full = timeIt(50, () => model.run({}));
  const fast = timeIt(300, () => runner.run(c));
  const pkg = c.slice();
  for (const [k, x] of Object.entries(paperPackageConstants())) pkg[runner.constantIndex(k)] = x;
  const levers = timeIt(300, () => runner.run(pkg));
  const objective = calibrationObjective(model);
  const obj = timeIt(200, () => objective({ ...CALIBRATED_VALUES }));
  console.log(`compile (spec → program)     ${compileMs.toFixed(1)} ms`);
  console.log(`full run() every series      ${full.toFixed(3)} ms/run (baseline)`);
  console.log(`runner, headline outputs     ${fast.toFixed(3)} ms/run  ${(full / fast).toFixed(1)}x faster than baseline, ${(1000 / fast).toFixed(0)} runs/s`);
  console.log(`runner, paper package levers ${levers.toFixed(3)} ms/run  ${(1000 / levers).toFixed(0)} runs/s`);
  console.log(`calibration objective        ${obj.toFixed(3)} ms/eval  ${(1000 / obj).toFixed(0)} evals/s`);
}
