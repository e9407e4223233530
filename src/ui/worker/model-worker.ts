// The model's Web Worker: compiles the regional model once, then answers runs over
// comlink, transferring (not copying) the result arrays to the page.
import { expose, transfer } from 'comlink';
import { loadChengyuRuntime } from '../model-bridge/runtime-source.ts';
import type { ModelRuntime } from '../model-bridge/model-runtime.ts';
import type { ModelMeta, RunOutput } from '../model-bridge/types.ts';

let runtime: ModelRuntime | undefined;
const get = (): ModelRuntime => (runtime ??= loadChengyuRuntime());

/** What the page can ask the worker. */
export interface ModelWorkerApi {
  meta(): ModelMeta;
  run(constants: Record<string, number>): RunOutput;
}

const api: ModelWorkerApi = {
  meta: () => get().meta,
  run(constants) {
    const out = get().run(constants);
    return transfer(out, [out.times.buffer, ...Object.values(out.columns).map((c) => c.buffer)]);
  },
};

expose(api);
