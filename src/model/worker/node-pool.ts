// Node side of the worker pool: worker_threads behind comlink's Node adapter.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { AnalysisWorkerApi } from './worker-api.ts';
import { WorkerPool, type WorkerHandle } from './pool.ts';

/** Start one worker thread running the analysis worker API. */
export function spawnNodeWorker(): WorkerHandle {
  const worker = new Worker(new URL('./node-worker-bootstrap.js', import.meta.url));
  const api = wrap<AnalysisWorkerApi>(nodeEndpoint(worker));
  const exited = new Promise<string>((resolve) => {
    worker.once('error', (err) => resolve(`crashed: ${err.message}`));
    worker.once('exit', (code) => resolve(`exited with code ${code}`));
  });
  return {
    api,
    exited,
    terminate() {
      api[releaseProxy]();
      void worker.terminate();
    },
  };
}

/** Default worker count: one per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `size` worker threads (default one per core). */
export function createNodePool(size = defaultWorkerCount()): WorkerPool {
  return new WorkerPool(spawnNodeWorker, size);
}
