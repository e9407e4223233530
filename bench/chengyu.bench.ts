// Speed of the regional model: one run through the batch runner (headline outputs, yearly)
// against a full `run()` (every series) of the same compiled model and against the same model
// compiled without optimisations (CompileOptions.optimize false), in the same process; the
// rate of calibration-objective evaluations; and the floor the model's own exponentials and
// logarithms put under a run (counted per run, timed per call in this process).
import { samplePosterior } from '../src/model/chengyu/posterior.ts';
import { POSTERIOR } from '../src/model/chengyu/posterior-data.ts';
import { buildChengyuSpec, getChengyuModel, headlineOutputs } from '../src/model/chengyu/index.ts';
import { compileModel } from '../src/model/engine/index.ts';
import { calibrationObjective } from '../src/model/chengyu/calibration.ts';
import { CALIBRATED_VALUES } from '../src/model/chengyu/equations.ts';
import { paperPackageConstants } from '../src/model/chengyu/experiments.ts';
import { Worker } from 'node:worker_threads';
import { block, cpuMs, timeIt, warmUp } from './time-it.ts';

/** Math.exp/log/pow calls of one headline run, without and with the paper's levers, counted in a worker thread. */
function countInWorker(): Promise<{ calls: number; pkgCalls: number }> {
  const w = new Worker(new URL('./transcendental-count-bootstrap.js', import.meta.url));
  return new Promise((resolve, reject) => {
    w.once('message', (m: { calls: number; pkgCalls: number }) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
  });
}

/**
 * One timing of the floor: nanoseconds per Math.exp or Math.log call on arguments like the
 * model's (ratios near 1, small exponents), each operation in its own monomorphic loop, the
 * loop's own cost subtracted.
 */
function transcendentalNs(): number {
  const xs = Float64Array.from({ length: 1024 }, (_, i) => 0.5 + i / 512);
  const ys = Float64Array.from(xs, (x) => Math.log(x) * 0.37);
  const N = 2_000_000;
  const time = (body: () => number): number => {
    const t = cpuMs();
    sink += body();
    return ((cpuMs() - t) * 1e6) / N;
  };
  const base = time(() => { let a = 0; for (let i = 0; i < N; i++) a += xs[i & 1023] * 1.0000001; return a; });
  const exp = time(() => { let a = 0; for (let i = 0; i < N; i++) a += Math.exp(ys[i & 1023]); return a; });
  const log = time(() => { let a = 0; for (let i = 0; i < N; i++) a += Math.log(xs[i & 1023]); return a; });
  return (exp + log) / 2 - base;
}
let sink = 0;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runner timings against the exp/log floor, robust to a loaded machine: after a warm-up, rounds
 * that each time (in CPU time) a block of runs of every runner and the floor back to back, so
 * each round's ratio compares timings taken in the same state of the machine; medians over the rounds.
 */
function interleaved(runs: Record<string, () => void>, rounds: number, n: number): { ms: Record<string, number>; ns: number; perRound: Array<{ ms: Record<string, number>; ns: number }> } {
  for (const f of Object.values(runs)) warmUp(f);
  for (let k = 0; k < 3; k++) transcendentalNs();
  const perRound: Array<{ ms: Record<string, number>; ns: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const ms: Record<string, number> = {};
    for (const [name, f] of Object.entries(runs)) ms[name] = block(n, f);
    perRound.push({ ms, ns: transcendentalNs() });
  }
  const ms = Object.fromEntries(Object.keys(runs).map((k) => [k, median(perRound.map((p) => p.ms[k]))]));
  return { ms, ns: median(perRound.map((p) => p.ns)), perRound };
}

/** Run the benchmark and print ms per run and ratios. */
export async function run(): Promise<void> {
  // Compile a fresh model: getChengyuModel() is cached, and other benches in this process
  // may already have compiled it.
  const spec = buildChengyuSpec();
  const t0 = performance.now();
  compileModel(spec);
  const compileMs = performance.now() - t0;
  const model = getChengyuModel();
  // The same model compiled without the optimisations that keep results bit-identical
  // (CompileOptions.optimize): the "before" of every speed-up below.
  const plain = compileModel(spec, { optimize: false });
  const runner = model.createRunner({ outputs: [...headlineOutputs] });
  const plainRunner = plain.createRunner({ outputs: [...headlineOutputs] });
  const c = runner.defaults();
  const pkg = c.slice();
  for (const [k, x] of Object.entries(paperPackageConstants())) pkg[runner.constantIndex(k)] = x;
  const full = timeIt(50, () => model.run({}));
  const objective = calibrationObjective(undefined, model);
  const obj = timeIt(200, () => objective({ ...CALIBRATED_VALUES }));
  const { calls, pkgCalls } = await countInWorker();
  const rounds = Number(process.env.CHENGYU_BENCH_ROUNDS ?? 9);
  const { ms, ns, perRound } = interleaved({
    fast: () => runner.run(c), before: () => plainRunner.run(c),
    levers: () => runner.run(pkg), leversBefore: () => plainRunner.run(pkg),
  }, rounds, 50);
  const floorMs = (calls * ns) / 1e6;
  const pkgFloorMs = (pkgCalls * ns) / 1e6;
  const ratios = perRound.map((p) => p.ms.fast / ((calls * p.ns) / 1e6));
  const pkgRatios = perRound.map((p) => p.ms.levers / ((pkgCalls * p.ns) / 1e6));
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  console.log(`compile (spec → program)     ${compileMs.toFixed(1)} ms`);
  console.log(`full run() every series      ${full.toFixed(3)} ms/run (baseline)`);
  console.log(`calibration objective        ${obj.toFixed(3)} ms/eval  ${(1000 / obj).toFixed(0)} evals/s`);
  console.log(`(CPU time, medians of ${rounds} rounds, each timing every runner and the exp/log floor back to back)`);
  console.log(`runner, headline outputs     ${ms.fast.toFixed(3)} ms/run  ${(full / ms.fast).toFixed(1)}x faster than full run(), ${(1000 / ms.fast).toFixed(0)} runs/s`);
  console.log(`  unoptimised compile        ${ms.before.toFixed(3)} ms/run  optimised / unoptimised ${(ms.fast / ms.before).toFixed(2)}`);
  console.log(`runner, paper package levers ${ms.levers.toFixed(3)} ms/run  ${(1000 / ms.levers).toFixed(0)} runs/s`);
  console.log(`  unoptimised compile        ${ms.leversBefore.toFixed(3)} ms/run  optimised / unoptimised ${(ms.levers / ms.leversBefore).toFixed(2)}`);
  console.log(`exp/log/pow calls per run    ${calls} × ${ns.toFixed(1)} ns = ${floorMs.toFixed(3)} ms/run: no run can be faster (at most ${(1000 / floorMs).toFixed(0)} runs/s per core); ${pkgCalls} with the levers`);
  console.log(`runner / exp-log floor       ${median(ratios).toFixed(2)}x (rounds ${range(ratios)}; goal ≤ 1.5x); levers ${median(pkgRatios).toFixed(2)}x (rounds ${range(pkgRatios)}), floor ${pkgFloorMs.toFixed(3)} ms`);
  // Posterior sampling: a short DE-MCz run in this process, and the committed posterior's diagnostics.
  const gens = 500;
  const t1 = cpuMs();
  const short = samplePosterior({ start: { ...CALIBRATED_VALUES }, generations: gens, thin: 10 });
  const perEval = (cpuMs() - t1) / short.evaluations;
  const P = POSTERIOR;
  const rhat = Math.max(...P.summary.map((x) => x.rhat));
  const ess = Math.min(...P.summary.map((x) => x.ess));
  console.log(`posterior sampling           ${perEval.toFixed(3)} ms/evaluation (CPU) (${short.evaluations} in a ${gens}-generation run); the committed posterior: ${P.evaluations} evaluations ≈ ${((P.evaluations * perEval) / 1000).toFixed(0)} s at this rate, largest R-hat ${rhat.toFixed(3)}, smallest ESS ${ess.toFixed(0)}, ${P.draws.length} draws`);
}
