// Node side of the worker pool: worker_threads behind comlink's Node adapter.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { AnalysisWorkerApi } from './worker-api.ts';
import { WorkerPool, type WorkerHandle } from './pool.ts';
import { workerBundle } from './node-worker-bundle.ts';

/**
 * Start one worker thread running the analysis worker API: from `entry`, a bundled worker
 * (node-worker-bundle.ts), or by default through the tsx bootstrap.
 */
export function spawnNodeWorker(entry: URL | null = null): WorkerHandle {
  const worker = new Worker(entry ?? new URL('./node-worker-bootstrap.js', import.meta.url));
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

/** A pool of `size` worker threads (default one per core), started from `entry` (see spawnNodeWorker). */
export function createNodePool(size = defaultWorkerCount(), entry: URL | null = null): WorkerPool {
  return new WorkerPool(() => spawnNodeWorker(entry), size);
}

/** createNodePool with workers started from the cached worker bundle when it can be had (faster start). */
export async function createFastNodePool(size = defaultWorkerCount()): Promise<WorkerPool> {
  return createNodePool(size, await workerBundle());
}
