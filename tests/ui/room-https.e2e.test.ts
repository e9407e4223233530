// `npm start -- --https` as a facilitator runs it: builds, makes a self-signed certificate
// in the folder given, serves the app over https on every address and prints the room's
// addresses; Chromium (told to accept the certificate, as a person clicks through the
// warning) loads the page as a secure context, so the clipboard works.
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.ts';
import { openApp } from './page-helpers.ts';
import { lanAddresses, roomCertificate } from '../../scripts/room-cert.js';

const root = join(import.meta.dirname, '..', '..');
let child: ChildProcess;
let out = '';
let certDir: string;
let browser: Browser;
let port: number;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'chengyu-cert-'));
  child = spawn(process.execPath, ['scripts/start.js', '--https'], { cwd: root, env: { ...process.env, NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '0', CERT_DIR: certDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /web app: https:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start exited ${child.exitCode}: ${out}`));
      }
    }, 200);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  child?.kill();
  rmSync(certDir, { recursive: true, force: true });
});

describe('npm start -- --https', () => {
  it('prints the local and the room addresses, with a QR code of the first', () => {
    expect(out).toMatch(/made a new self-signed certificate .*room-cert\.pem/);
    const v4 = lanAddresses().filter((a) => a.family === 'IPv4');
    for (const a of v4) expect(out).toContain(`On the room's network: https://${a.address}:${port}/`);
    if (v4.length) expect(out).toMatch(/[▀▄█]{10}/);
    else expect(out).toContain('No network address found');
  });

  it('made a certificate for localhost and every address, and reuses it', async () => {
    const cert = new X509Certificate(readFileSync(join(certDir, 'room-cert.pem')));
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toContain('IP Address:0:0:0:0:0:0:0:1');
    for (const a of lanAddresses().filter((x) => x.family === 'IPv4')) expect(cert.subjectAltName).toContain(`IP Address:${a.address}`);
    expect(Date.parse(cert.validTo) - Date.now()).toBeGreaterThan(80 * 86_400_000);
    expect((await roomCertificate(certDir)).made).toBe(false);
  });

  it('serves the app over https: a secure context, the clipboard works, the indicator says where offline stands', async () => {
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 720 }, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await ctx.newPage();
      const url = `https://127.0.0.1:${port}/`;
      await openApp(page, url);
      expect(await page.evaluate(() => [location.protocol, window.isSecureContext, !!navigator.clipboard])).toEqual(['https:', true, true]);
      await page.locator('#share').click();
      const link = await page.locator('#share-url').inputValue();
      expect(link).toMatch(new RegExp(`^${url}#cy=2&`));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      // Accepted by this browser, the worker installs and caches; a browser that does not trust the certificate says so.
      const status = page.locator('cy-offline-status');
      await expect.poll(() => status.getAttribute('data-offline'), { timeout: 30_000 }).toMatch(/^(ready|unavailable:untrusted)$/);
      console.log(`offline indicator over https with an accepted self-signed certificate: ${await status.getAttribute('data-offline')}`);
      await page.screenshot({ path: '/tmp/room-https.png' });
    } finally {
      await ctx.close();
    }
  });
});
