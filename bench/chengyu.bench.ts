// Speed of the regional model: one run through the batch runner (headline outputs, yearly)
// against a full `run()` (every series) of the same compiled model, in the same process; the
// rate of calibration-objective evaluations; and the floor the model's own exponentials and
// logarithms put under a run (counted per run, timed per call in this process).
import { samplePosterior } from '../src/model/chengyu/posterior.ts';
import { POSTERIOR } from '../src/model/chengyu/posterior-data.ts';
import { buildChengyuSpec, getChengyuModel, headlineOutputs } from '../src/model/chengyu/index.ts';
import { compileModel } from '../src/model/engine/index.ts';
import { calibrationObjective } from '../src/model/chengyu/calibration.ts';
import { CALIBRATED_VALUES } from '../src/model/chengyu/equations.ts';
import { paperPackageConstants } from '../src/model/chengyu/experiments.ts';
import { timeIt } from './time-it.ts';

/** Math.exp/log/pow calls one run of `f` makes (the generated code calls them through the global Math). */
function countTranscendentals(f: () => void): number {
  const m = Math as unknown as Record<'exp' | 'log' | 'pow', (...a: number[]) => number>;
  const saved = { exp: m.exp, log: m.log, pow: m.pow };
  let n = 0;
  try {
    for (const k of ['exp', 'log', 'pow'] as const) {
      const orig = saved[k];
      m[k] = (...a: number[]) => {
        n++;
        return orig(...a);
      };
    }
    f();
  } finally {
    Object.assign(m, saved);
  }
  return n;
}

/**
 * Nanoseconds per Math.exp or Math.log call on arguments like the model's (ratios near 1, small
 * exponents): each operation in its own monomorphic loop, the loop's own cost subtracted, the
 * median of seven interleaved rounds (a single best round swings by 2× from process to process).
 */
function transcendentalNs(): number {
  const xs = Float64Array.from({ length: 1024 }, (_, i) => 0.5 + i / 512);
  const ys = Float64Array.from(xs, (x) => Math.log(x) * 0.37);
  const N = 4_000_000;
  const time = (body: () => number) => {
    const t = performance.now();
    const acc = body();
    return { ns: ((performance.now() - t) * 1e6) / N, acc };
  };
  const base = () => time(() => { let a = 0; for (let i = 0; i < N; i++) a += xs[i & 1023] * 1.0000001; return a; });
  const exp = () => time(() => { let a = 0; for (let i = 0; i < N; i++) a += Math.exp(ys[i & 1023]); return a; });
  const log = () => time(() => { let a = 0; for (let i = 0; i < N; i++) a += Math.log(xs[i & 1023]); return a; });
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const b = base().ns;
    rounds.push((exp().ns + log().ns) / 2 - b);
  }
  rounds.sort((p, q) => p - q);
  return rounds[3];
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
  const objective = calibrationObjective(undefined, model);
  const obj = timeIt(200, () => objective({ ...CALIBRATED_VALUES }));
  console.log(`compile (spec → program)     ${compileMs.toFixed(1)} ms`);
  console.log(`full run() every series      ${full.toFixed(3)} ms/run (baseline)`);
  console.log(`runner, headline outputs     ${fast.toFixed(3)} ms/run  ${(full / fast).toFixed(1)}x faster than baseline, ${(1000 / fast).toFixed(0)} runs/s`);
  console.log(`runner, paper package levers ${levers.toFixed(3)} ms/run  ${(1000 / levers).toFixed(0)} runs/s`);
  console.log(`calibration objective        ${obj.toFixed(3)} ms/eval  ${(1000 / obj).toFixed(0)} evals/s`);
  // A fresh runner so the counting wrappers are seen by freshly run code.
  const counted = model.createRunner({ outputs: [...headlineOutputs] });
  const calls = countTranscendentals(() => counted.run(c));
  const ns = transcendentalNs();
  const floorMs = (calls * ns) / 1e6;
  console.log(`exp/log/pow calls per run    ${calls} × ${ns.toFixed(1)} ns = ${floorMs.toFixed(3)} ms/run: no run can be faster (at most ${(1000 / floorMs).toFixed(0)} runs/s per core)`);
  console.log(`runner / exp-log floor       ${(fast / floorMs).toFixed(2)}x (goal ≤ 1.5x)`);
  // Posterior sampling: a short DE-MCz run in this process, and the committed posterior's diagnostics.
  const gens = 500;
  const t1 = performance.now();
  const short = samplePosterior({ start: { ...CALIBRATED_VALUES }, generations: gens, thin: 10 });
  const perEval = (performance.now() - t1) / short.evaluations;
  const P = POSTERIOR;
  const rhat = Math.max(...P.summary.map((x) => x.rhat));
  const ess = Math.min(...P.summary.map((x) => x.ess));
  console.log(`posterior sampling           ${perEval.toFixed(3)} ms/evaluation (${short.evaluations} in a ${gens}-generation run); the committed posterior: ${P.evaluations} evaluations ≈ ${((P.evaluations * perEval) / 1000).toFixed(0)} s at this rate, largest R-hat ${rhat.toFixed(3)}, smallest ESS ${ess.toFixed(0)}, ${P.draws.length} draws`);
}
