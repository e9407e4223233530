// A "worker" that runs in the calling thread: same API and results as a real worker,
// for workers = 0, for the browser main thread in tests, and for small jobs where
// starting threads would cost more than it saves.
import type { WorkerHandle } from './pool.ts';
import { createWorkerApi } from './worker-api.ts';

/** Spawn an in-thread worker (it cannot crash independently; fault injection throws). */
export function spawnInThread(): WorkerHandle {
  const api = createWorkerApi((code) => {
    throw new Error(`in-thread worker asked to exit with code ${code}`);
  });
  return { api, exited: new Promise<string>(() => {}), terminate() {} };
}
