// End-to-end harness: builds the web app once per test file into a temp folder, serves it
// on 127.0.0.1 (random port) and drives Debian's Chromium through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.js';

/** Path of the system Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for headless runs in a container without a GPU or network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** A built, served app and a browser. */
export interface AppHarness {
  url: string;
  outDir: string;
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Build into a temp folder with the project's vite config; returns the folder. */
export async function buildApp(): Promise<string> {
  const root = join(import.meta.dirname, '..', '..');
  const outDir = mkdtempSync(join(tmpdir(), 'chengyu-ui-'));
  // Vitest sets NODE_ENV=test, which would make Vite build a development bundle (Lit's
  // dev mode, no service worker); build exactly what `npm start` ships.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  return outDir;
}

/** Build, serve and launch Chromium. */
export async function startApp(): Promise<AppHarness> {
  const outDir = await buildApp();
  const server = await serveStatic(outDir, { host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    outDir,
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
