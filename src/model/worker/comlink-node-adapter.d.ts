// Types of comlink's Node adapter, which ships as .mjs with a .d.ts that TypeScript's
// bundler resolution does not pair with it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  /** Wrap a worker_threads MessagePort/Worker as a comlink Endpoint. */
  export default function nodeEndpoint(nep: import('node:worker_threads').Worker | import('node:worker_threads').MessagePort): Endpoint;
}
