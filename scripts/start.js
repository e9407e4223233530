#!/usr/bin/env node
// `npm start`: build the web app into dist/ and serve it, printing the address.
// PORT (default 4173, or any free port if taken) and HOST (default 127.0.0.1; use
// 0.0.0.0 to let a workshop's devices connect) choose where. dist/ also works as plain
// static files from any web server or folder.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from './static-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);

try {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
} catch (err) {
  console.error(`chengyu-sim: the web app did not build: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

let served;
try {
  served = await serveStatic(join(root, 'dist'), { host, port });
} catch (err) {
  if (err && err.code === 'EADDRINUSE') served = await serveStatic(join(root, 'dist'), { host, port: 0 });
  else throw err;
}
console.log(`chengyu-sim web app: ${served.url}  (Ctrl+C to stop)`);
