// The scenario layer's cost next to what it wraps, in this process:
// - validating a scenario file (strict JSON reader with positions + validation) against
//   plain JSON.parse of the same text (the baseline);
// - a full scenario run as `chengyu-sim run` does it (validate, resolve levers, run the
//   compiled model, format CSV) against the bare model run with the same constants.
import { readFileSync } from 'node:fs';
import { getChengyuModel } from '../src/model/chengyu/index.ts';
import { defaultColumns } from '../src/model/scenario/outputs.ts';
import { runToCsv } from '../src/model/scenario/result-format.ts';
import { parseScenario, scenarioConstants } from '../src/model/scenario/scenario.ts';

/**
 * Milliseconds per call of `a` and of `b`, measured in alternating rounds (so load from
 * other processes hits both alike); each is the fastest round's mean.
 */
function timePair(a: () => unknown, b: () => unknown, rounds = 7, roundMs = 300): [number, number] {
  const round = (f: () => unknown): number => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < roundMs) {
      f();
      n++;
    }
    return (performance.now() - t0) / n;
  };
  for (let i = 0; i < 3; i++) (a(), b());
  let ba = Infinity;
  let bb = Infinity;
  for (let r = 0; r < rounds; r++) {
    ba = Math.min(ba, round(a));
    bb = Math.min(bb, round(b));
  }
  return [ba, bb];
}

/** Run the benchmark and print its report. */
export async function run(): Promise<void> {
  const text = readFileSync(new URL('../scenarios/paper-package.json', import.meta.url), 'utf8');
  const [parseMs, validateMs] = timePair(() => JSON.parse(text), () => parseScenario(text, 'paper-package.json'));
  console.log(`validate paper-package.json: ${(validateMs * 1000).toFixed(1)} µs vs JSON.parse ${(parseMs * 1000).toFixed(1)} µs (${(validateMs / parseMs).toFixed(1)}×)`);

  const model = getChengyuModel();
  const constants = scenarioConstants(parseScenario(text));
  const result = model.run({ constants });
  const columns = defaultColumns(result);
  // The layer's own work, measured directly rather than as a difference of two noisy totals.
  const [bareMs, layerMs] = timePair(
    () => model.run({ constants }),
    () => runToCsv(result, defaultColumns(result)).length + Object.keys(scenarioConstants(parseScenario(text))).length,
  );
  console.log(
    `scenario layer per run (validate, resolve levers, select ${columns.length} columns, CSV): ${(layerMs * 1000).toFixed(0)} µs ` +
      `vs the model run itself ${bareMs.toFixed(3)} ms (layer = ${((100 * layerMs) / bareMs).toFixed(1)} % of a run)`,
  );
}
