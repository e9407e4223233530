// The browser Web Worker: exposes the analysis worker API over comlink.
import { expose, transfer } from 'comlink';
import { createWorkerApi } from './worker-api.ts';

// Fault injection closes the worker; the pool then sees it as dead (see web-pool.ts).
expose(createWorkerApi(() => {
  postMessage({ type: 'chengyu-worker-died' });
  self.close();
}, transfer));
