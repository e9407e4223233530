// Entry of a Node worker thread: Node 20 cannot load TypeScript by itself and loader
// hooks registered in the main thread do not reach worker threads, so register tsx
// here, then load the real (TypeScript) worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker-entry.ts');
