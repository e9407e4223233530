// Counts the Math.exp/log/pow calls of one regional-model run, with and without the paper's
// lever package, in a worker thread of its own: wrapping Math's functions, even for a moment,
// makes V8 stop treating them as known builtins for the rest of the isolate's life (runs in
// the bench's own thread would slow down ~1.7× afterwards).
import { parentPort } from 'node:worker_threads';
import { getChengyuModel, headlineOutputs } from '../src/model/chengyu/index.ts';
import { paperPackageConstants } from '../src/model/chengyu/experiments.ts';

/** Math.exp/log/pow calls one call of `f` makes (the generated code calls them through the global Math). */
function countTranscendentals(f: () => void): number {
  const m = Math as unknown as Record<'exp' | 'log' | 'pow', (...a: number[]) => number>;
  let n = 0;
  for (const k of ['exp', 'log', 'pow'] as const) {
    const orig = m[k];
    m[k] = (...a: number[]) => {
      n++;
      return orig(...a);
    };
  }
  f();
  return n;
}

const model = getChengyuModel();
const runner = model.createRunner({ outputs: [...headlineOutputs] });
const c = runner.defaults();
const pkg = c.slice();
for (const [k, x] of Object.entries(paperPackageConstants())) pkg[runner.constantIndex(k)] = x;
const calls = countTranscendentals(() => runner.run(c));
const pkgCalls = countTranscendentals(() => runner.run(pkg));
parentPort!.postMessage({ calls, pkgCalls });
