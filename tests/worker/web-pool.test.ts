// The worker pool over real Web Workers in Chromium: same numbers as in the page's own
// thread, and a worker that dies mid-chunk is replaced. Skips loudly without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../ui/harness.ts';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`SKIPPED: web worker pool tests need Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)('worker pool on Web Workers (Chromium)', () => {
  let outDir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  beforeAll(async () => {
    const root = fileURLToPath(new URL('./web-fixture/', import.meta.url));
    outDir = mkdtempSync(join(tmpdir(), 'cy-web-pool-'));
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, configFile: false, base: './', logLevel: 'error', worker: { format: 'es' }, build: { outDir, emptyOutDir: true, target: 'es2022' } });
    } finally {
      process.env.NODE_ENV = env;
    }
    server = await serveStatic(outDir, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('gives the in-thread numbers and survives a worker that closes mid-chunk', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 60_000 });
    const r = (await page.evaluate(() => window.__result))!;
    expect(r.error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(r.fans).toBe(3);
    expect(r.pooled).toBe(r.local);
    expect(r.crashed).toBe(r.local);
    expect(r.died).toEqual(['3: worker closed itself']);
  }, 120_000);
});
