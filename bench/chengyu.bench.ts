// Speed of the regional model: one run through the batch runner (headline outputs, yearly)
// against a full `run()` (every series) of the same compiled model, in the same process; and
// the rate of calibration-objective evaluations.
import { getChengyuModel, headlineOutputs } from '../src/model/chengyu/index.ts';
import { calibrationObjective } from '../src/model/chengyu/calibration.ts';
import { CALIBRATED_VALUES } from '../src/model/chengyu/equations.ts';

function timeIt(n: number, f: () => void): number {
  for (let i = 0; i < Math.min(20, n); i++) f();
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  return (performance.now() - t) / n;
}

/** Run the benchmark and print ms per run and ratios. */
export async function run(): Promise<void> {
  const t0 = performance.now();
  const model = getChengyuModel();
  const compileMs = performance.now() - t0;
  const runner = model.createRunner({ outputs: [...headlineOutputs] });
  const c = runner.defaults();
  const full = timeIt(50, () => model.run({}));
  const fast = timeIt(300, () => runner.run(c));
  const objective = calibrationObjective(model);
  const obj = timeIt(200, () => objective({ ...CALIBRATED_VALUES }));
  console.log(`compile (first use)          ${compileMs.toFixed(1)} ms`);
  console.log(`full run() every series      ${full.toFixed(3)} ms/run (baseline)`);
  console.log(`runner, headline outputs     ${fast.toFixed(3)} ms/run  ${(full / fast).toFixed(1)}x faster than baseline`);
  console.log(`calibration objective        ${obj.toFixed(3)} ms/eval  ${(1000 / obj).toFixed(0)} evals/s`);
}
