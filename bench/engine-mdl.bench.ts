// The engine on Vensim .mdl files: the SD teacup and the ring of 300 stocks written as
// .mdl, read by our reader and compiled by our engine, against SDEverywhere's generated
// JavaScript compiled from the same .mdl text, per run, in this process. Both sides record
// the same columns at every saved step: every column, then one output.
import { compileModel } from '../src/model/engine/index.ts';
import { exportMdl } from '../src/model/engine/export/index.ts';
import { loadMdl } from '../src/model/mdl/index.ts';
import { compileWithSde } from '../scripts/sde-mdl.ts';
import { coupledStocks, teacup } from './models.ts';
import { timeIt } from './time-it.ts';

async function compare(name: string, mdl: string, n: number): Promise<void> {
  const model = compileModel(loadMdl(mdl));
  // The reader's own helper columns (a stock's net flow) are not in the .mdl: SDEverywhere cannot record them.
  const all = model.run().names.filter((n) => !n.endsWith(' net flow'));
  const every = model.createRunner({ outputs: all });
  // One output: the last stock (so the agreement check below compares a computed value).
  const stock = [...model.spec.variables].reverse().find((v) => v.kind === 'stock')!.name;
  const one = model.createRunner({ outputs: [stock] });
  const c = one.defaults();
  const sdeAll = await compileWithSde(mdl, all);
  const sdeOne = await compileWithSde(mdl, one.columns);
  // The two sides must compute the same model: compare that stock at the last step.
  const ours = model.run().series.get(stock)!;
  const theirs = sdeOne.run().series.get(one.columns[0])!;
  const gap = Math.abs(ours[ours.length - 1] - theirs[theirs.length - 1]) / Math.max(1e-12, Math.abs(theirs[theirs.length - 1]));
  const rows: [string, number, number][] = [
    ['every column', timeIt(n, () => every.run(c)), timeIt(n, () => sdeAll.run())],
    ['one output', timeIt(n, () => one.run(c)), timeIt(n, () => sdeOne.run())],
  ];
  console.log(`${name} (.mdl, ${all.length} columns; ${stock} at the end agrees to ${gap.toExponential(1)} relative)`);
  for (const [label, a, b] of rows) {
    console.log(`  ${label.padEnd(13)} ours ${(a * 1000).toFixed(1)} µs/run  SDEverywhere ${(b * 1000).toFixed(1)} µs/run  ratio ${(a / b).toFixed(3)}×`);
  }
}

/** Run the benchmark and print its report. */
export async function run(): Promise<void> {
  await compare('teacup', exportMdl(teacup()), 2000);
  await compare('coupled-300', exportMdl(coupledStocks(300, 400)), 20);
}
