// Node side of the worker pool: worker_threads behind comlink's Node adapter.
import { availableParallelism } from 'node:os';
import { WorkerPool } from './pool.ts';
import { workerBundle } from './node-worker-bundle.ts';
import { spawnNodeWorker } from './node-worker-spawn.ts';

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
