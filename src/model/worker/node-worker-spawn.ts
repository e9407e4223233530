// Starting one Node worker thread that runs the analysis worker API behind comlink.
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { AnalysisWorkerApi } from './worker-api.ts';
import type { WorkerHandle } from './pool.ts';

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
