// The Node worker thread: exposes the analysis worker API over comlink on parentPort.
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from './worker-api.ts';
import { setRunnerProvider } from '../analysis/runner-provider.ts';
import { cachedRunnerProvider } from '../engine/node/runner-cache.ts';

if (!parentPort) throw new Error('node-worker-entry must run in a worker thread');
// Workers of a batch (and of later batches) share compiled runners through the disk cache.
setRunnerProvider(cachedRunnerProvider);
// process.exit in a worker thread ends that thread only: the pool sees an 'exit' event.
expose(createWorkerApi((code) => process.exit(code), transfer), nodeEndpoint(parentPort));
