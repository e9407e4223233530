// The page's handle on the model worker: comlink over a module Web Worker. A worker that
// dies (uncaught error, out of memory) is replaced on the next call, so one bad run
// never leaves the page without a model.
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { ModelWorkerApi } from '../worker/model-worker.ts';
import type { ModelMeta, RunOutput } from './types.ts';

/** Runs the regional model off the main thread. */
export class ModelClient {
  private worker: Worker | undefined;
  private api: Remote<ModelWorkerApi> | undefined;
  private broken = false;

  private ensure(): Remote<ModelWorkerApi> {
    if (!this.api || this.broken) {
      this.dispose();
      this.worker = new Worker(new URL('../worker/model-worker.ts', import.meta.url), { type: 'module', name: 'chengyu-model' });
      this.worker.addEventListener('error', () => (this.broken = true));
      this.api = wrap<ModelWorkerApi>(this.worker);
      this.broken = false;
    }
    return this.api;
  }

  /** Static model information (areas, indicators, observations, structure). */
  meta(): Promise<ModelMeta> {
    return this.ensure().meta();
  }

  /** One run with these model constant overrides. */
  run(constants: Record<string, number>): Promise<RunOutput> {
    return this.ensure().run(constants);
  }

  /** Stop the worker. */
  dispose(): void {
    this.api?.[releaseProxy]();
    this.worker?.terminate();
    this.api = undefined;
    this.worker = undefined;
  }
}
