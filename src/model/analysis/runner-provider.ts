// How batch models get their engine runner. By default a model is compiled in this thread;
// a Node edge (a worker thread, the CLI) installs a provider that reuses cached runner images
// (engine/node/runner-cache.ts). Kept as a hook so the browser build never sees Node APIs.
import type { CompiledModel, Runner, RunnerOptions } from '../engine/index.ts';
import type { ModelSpec } from '../engine/types.ts';

/** Gives the runner of `spec` under `opts`; `compile` compiles that very spec when needed. */
export type RunnerProvider = (spec: ModelSpec, opts: RunnerOptions, compile: () => CompiledModel) => Runner;

const compileHere: RunnerProvider = (_spec, opts, compile) => compile().createRunner(opts);
let provider: RunnerProvider = compileHere;

/** Install the provider batch models use from now on (null restores compiling in this thread). */
export function setRunnerProvider(p: RunnerProvider | null): void {
  provider = p ?? compileHere;
}

/** The runner of `spec` under `opts`, from the installed provider. */
export function provideRunner(spec: ModelSpec, opts: RunnerOptions, compile: () => CompiledModel): Runner {
  return provider(spec, opts, compile);
}
