// The Node worker thread: exposes the analysis worker API over comlink on parentPort.
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from './worker-api.ts';

if (!parentPort) throw new Error('node-worker-entry must run in a worker thread');
// process.exit in a worker thread ends that thread only: the pool sees an 'exit' event.
expose(createWorkerApi((code) => process.exit(code), transfer), nodeEndpoint(parentPort));
