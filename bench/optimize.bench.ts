// Goal seeking on the regional model: time to a package for two targets at 80 % over 100
// common posterior draws (the command's defaults), the model runs it used, and as the baseline
// measured in this process the time of one model run, so the search's cost reads as runs.
import { parseGoalTarget } from '../src/model/analysis/goal-targets.ts';
import { chengyuBatchModel } from '../src/model/chengyu/batch-model.ts';
import { optimizeLevers } from '../src/model/chengyu/optimize.ts';

/** Run the benchmark and print its report. */
export async function run(): Promise<void> {
  const targets = ['rd_intensity_sichuan@2030>=3', 'hte_circle@2030>=60000'].map(parseGoalTarget);
  const runs = 100;
  // Baseline: single model runs with the same outputs, after warm-up.
  const m = chengyuBatchModel({ constants: {}, outputs: ['rd_intensity_sichuan', 'hte_circle', 'policy_cost_cumulative'] });
  const v = new Float64Array(m.params.length).fill(0.5);
  const out = new Float64Array(m.outputs.length * m.times.length);
  for (let i = 0; i < 50; i++) m.run(v, 1, out);
  let t = performance.now();
  for (let i = 0; i < 300; i++) m.run(v, 1, out);
  const runMs = (performance.now() - t) / 300;
  t = performance.now();
  const r = await optimizeLevers({ targets, confidence: 0.8, budget: Infinity, fixed: {}, runs, seed: 1, generations: 40 });
  const s = (performance.now() - t) / 1000;
  const modelRuns = r.evaluations * runs;
  console.log(`targets                       ${targets.map((x) => x.text).join(', ')} at 80 %, ${runs} common posterior draws per package`);
  console.log(`time to a package             ${s.toFixed(1)} s on one core (goal < 60 s on two cores)`);
  console.log(`packages evaluated            ${r.evaluations} over ${r.generations} generations = ${modelRuns} model runs`);
  console.log(`one model run (baseline)      ${runMs.toFixed(2)} ms → the search costs ${((s * 1000) / runMs / modelRuns).toFixed(2)}× its model runs`);
  console.log(`package found                 cost ${r.best.cost.toFixed(0)} 亿元 to 2035, probabilities ${r.best.meetings.map((x) => x.probability.toFixed(2)).join(', ')}, feasible ${r.best.feasible}`);
}
