// The regional model per run: our engine against SDEverywhere's generated JavaScript on the
// same exported model, in this process. The model is exported as the cross-check exports it
// (saveMode 'instant', the fixed delay as its Euler pipeline) with yearly saves, and both
// sides record the same columns at the same 21 instants: every column, then the headline
// outputs only (our batch runner against SDEverywhere compiled with just those outputs).
// Goal: ours ≤ 0.5× SDEverywhere's time.
import { buildChengyuSpec, headlineOutputs } from '../src/model/chengyu/index.ts';
import { compileModel } from '../src/model/engine/index.ts';
import { exportMdl } from '../src/model/engine/export/index.ts';
import { compileWithSde } from '../scripts/sde-mdl.ts';
import { timeIt } from './time-it.ts';

/** Run the benchmark and print its report. */
export async function run(): Promise<void> {
  const base = buildChengyuSpec();
  const spec = { ...base, sim: { ...base.sim, saveMode: 'instant' as const } };
  const mdl = exportMdl(spec, { fixedDelay: 'pipeline' });
  const model = compileModel(spec);
  const all = model.run().names;
  const headline = model.createRunner({ outputs: [...headlineOutputs] });
  const headlineColumns = headline.columns;
  const sdeAll = await compileWithSde(mdl, all);
  const sdeHeadline = await compileWithSde(mdl, headlineColumns);

  const c = headline.defaults();
  const rows: [string, number, number][] = [
    ['every column', timeIt(5, () => model.run()), timeIt(2, () => sdeAll.run())],
    ['headline outputs', timeIt(20, () => headline.run(c)), timeIt(2, () => sdeHeadline.run())],
  ];
  console.log(`regional model, Euler dt ${spec.sim.dt}, ${spec.sim.start}–${spec.sim.stop}, yearly instants (${all.length} columns in all)`);
  for (const [label, ours, sde] of rows) {
    console.log(`${label.padEnd(18)} ours ${ours.toFixed(2)} ms/run  SDEverywhere ${sde.toFixed(2)} ms/run  ratio ${(ours / sde).toFixed(3)}× (goal ≤ 0.5×)`);
  }
}
