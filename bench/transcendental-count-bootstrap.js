// Entry of the worker thread that counts a run's exp/log/pow calls: tsx's loader hooks do
// not reach worker threads, so register it here, then load the counting module.
import { register } from 'tsx/esm/api';

register();
await import('./transcendental-count-worker.ts');
