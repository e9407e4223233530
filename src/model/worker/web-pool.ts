// Browser side of the worker pool: module Web Workers behind comlink.
import { wrap, releaseProxy } from 'comlink';
import type { AnalysisWorkerApi } from './worker-api.ts';
import { WorkerPool, type WorkerHandle } from './pool.ts';
import { createUncertaintyService, type UncertaintyService } from './uncertainty-service.ts';

/** Start one Web Worker running the analysis worker API. */
export function spawnWebWorker(): WorkerHandle {
  const worker = new Worker(new URL('./web-worker-entry.ts', import.meta.url), { type: 'module' });
  const api = wrap<AnalysisWorkerApi>(worker);
  const exited = new Promise<string>((resolve) => {
    worker.addEventListener('error', (e) => resolve(`crashed: ${e.message}`));
    worker.addEventListener('message', (e: MessageEvent) => {
      if (e.data?.type === 'chengyu-worker-died') resolve('closed itself');
    });
  });
  return {
    api,
    exited,
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

/** A pool of `size` Web Workers (default one per logical core). */
export function createWebPool(size = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2)): WorkerPool {
  return new WorkerPool(spawnWebWorker, size);
}

/** The web app's uncertainty service (fan charts, tornado) on a pool of Web Workers. */
export function createWebUncertaintyService(size?: number): UncertaintyService {
  return createUncertaintyService(createWebPool(size));
}
