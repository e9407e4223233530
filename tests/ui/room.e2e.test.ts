// End-to-end, the workshop room in Chromium at 1280×720, 1024×768 and 390×844, in 中文
// and English: a short share link and a QR code that scans back to it (decoded from the
// screen's pixels), bad links explained and kept to send back, undo/redo from buttons and
// keys, and the offline-ready indicator on localhost and on a plain-http room address.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startApp, type AppHarness } from './harness.ts';
import { chineseText, englishWords, openApp, settled, stackAt, visibleText } from './page-helpers.ts';

const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;
const LANGS = ['zh', 'en'] as const;

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

async function context(size: { width: number; height: number }, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return app.browser.newContext({ viewport: size, serviceWorkers: 'block', permissions: ['clipboard-read', 'clipboard-write'], ...extra });
}

async function openIn(ctx: BrowserContext, lang: 'zh' | 'en', fragment = ''): Promise<Page> {
  const page = await ctx.newPage();
  await openApp(page, app.url + fragment);
  if (lang === 'en') await page.locator('[data-lang=en]').click();
  return page;
}

/** Move a lever by `n` arrow-key steps, as a person at the keyboard would. */
async function nudge(page: Page, slider: string, n: number, key = 'ArrowRight'): Promise<void> {
  await page.locator(slider).focus();
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
  await settled(page);
}

/** Decode the QR code in the on-screen pixels of `selector` (a screenshot of it, read by jsQR in the page). */
async function scan(page: Page, selector: string): Promise<string | null> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  if (!(await page.evaluate(() => 'jsQR' in window))) await page.addScriptTag({ path: JSQR });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height);
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return jsQR(d.data, d.width, d.height)?.data ?? null;
  }, png);
}

const langCheck = (lang: 'zh' | 'en', texts: string[]) => (lang === 'zh' ? englishWords(texts) : chineseText(texts));

describe.each(SIZES)('workshop room at $width×$height', (size) => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await context(size);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it.each(LANGS)('shares a short link, copied, with a QR code that scans back to it (%s)', async (lang) => {
    const page = await openIn(ctx, lang);
    await nudge(page, '#corridor-integration-slider', 4);
    await page.locator('#share').click();
    const field = page.locator('#share-url');
    const link = await field.inputValue();
    expect(link).toBe(`${app.url}#cy=2&lang=${lang}&area=circle&kpi=hte&corridor.integration=0.2&ck=${link.slice(-7)}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await page.locator('#share-status').textContent()).toMatch(lang === 'zh' ? /已复制到剪贴板/ : /copied to the clipboard/);
    // The QR code: on screen, at least 220 px, not covered, and it scans back to the very link.
    const qr = page.locator('#share-qr');
    await qr.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(220);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect((await stackAt(page, box.x + box.width / 2, box.y + box.height / 2)).slice(0, 2)).toEqual(['cy-app', 'cy-share-panel']);
    expect(await scan(page, '#share-qr')).toBe(link);
    expect(langCheck(lang, await visibleText(page))).toEqual([]);
    await page.screenshot({ path: `/tmp/room-share-${size.width}-${lang}.png` });
    // Full screen for a projector: nearly the whole short side of the screen.
    await page.locator('#share-qr-big').click();
    const big = (await page.locator('#share-qr-large').boundingBox())!;
    expect(big.width).toBeGreaterThan(0.8 * Math.min(size.width, size.height));
    expect(await scan(page, '#share-qr-large')).toBe(link);
    await page.screenshot({ path: `/tmp/room-qr-${size.width}-${lang}.png` });
    await page.keyboard.press('Escape');
    await page.locator('#share-qr-large').waitFor({ state: 'detached' });
    await page.close();
    // The link opens the same settings and language.
    const other = await ctx.newPage();
    await openApp(other, link);
    expect(await other.locator('#corridor-integration-slider').inputValue()).toBe('0.2');
    expect(await other.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    await other.close();
  });

  it.each(LANGS)('explains bad links in plain words, shows the baseline and keeps the link to send back (%s)', async (lang) => {
    const good = `#cy=2&lang=${lang}&area=circle&kpi=hte&corridor.integration=0.2`;
    const cases: Array<[string, RegExp]> = [
      [`${good}&ck=1p5`, lang === 'zh' ? /链接不完整.*截断/ : /incomplete: it was probably cut off/],
      [good.replace('cy=2', 'cy=3') + '&ck=0000000', lang === 'zh' ? /更新版本/ : /newer version/],
      ['#s=bm90IGpzb24', lang === 'zh' ? /不是本应用生成/ : /not a share link made by this app/],
      [good.replace('0.2', '7') + '&ck=0000000', lang === 'zh' ? /“成渝科技创新大走廊”的“走廊一体化程度”为 7，不在允许范围 0–1 内/ : /"Integration level" of "Chengdu–Chongqing innovation corridor" is 7, outside the allowed range 0–1/],
    ];
    for (const [fragment, why] of cases) {
      const page = await ctx.newPage();
      await page.goto(app.url + fragment);
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      await page.locator('#link-problem').waitFor();
      await settled(page);
      expect(await page.locator('#link-problem-why').textContent()).toMatch(why);
      expect(await page.locator('#link-problem-fallback').textContent()).toMatch(lang === 'zh' ? /基准情景/ : /baseline/);
      expect(await page.locator('#link-problem-url').inputValue()).toBe(app.url + fragment);
      expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0');
      expect(langCheck(lang, await visibleText(page))).toEqual([]);
      // Still there after the address bar would have been brought in step (250 ms debounce).
      await page.waitForTimeout(700);
      expect(await page.evaluate(() => location.hash)).toBe(fragment);
      if (fragment.includes('=7')) {
        await page.screenshot({ path: `/tmp/room-badlink-${size.width}-${lang}.png` });
        await page.locator('#link-problem-copy').click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(app.url + fragment);
        // Once the person changes something, the address bar follows the settings again.
        await nudge(page, '#coordination-level-slider', 1);
        await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#cy=2&.*coordination\.level=0\.05&ck=/);
      }
      await page.close();
    }
  });

  it.each(LANGS)('undoes and redoes lever changes from the buttons and the keyboard (%s)', async (lang) => {
    const page = await openIn(ctx, lang);
    const slider = page.locator('#corridor-integration-slider');
    const undo = page.locator('#undo');
    const redo = page.locator('#redo');
    expect(await undo.getAttribute('aria-disabled')).toBe('true');
    // Three key presses in a burst: one step.
    await nudge(page, '#corridor-integration-slider', 3);
    expect(await undo.getAttribute('aria-label')).toBe(lang === 'zh' ? '撤销：走廊一体化程度 0 → 0.15' : 'Undo: Integration level 0 → 0.15');
    expect(await undo.textContent()).toContain(lang === 'zh' ? '撤销' : 'Undo');
    await page.keyboard.press('Control+z');
    await settled(page);
    expect(await slider.inputValue()).toBe('0');
    await expect.poll(() => page.locator('#undo-said').textContent()).toBe(lang === 'zh' ? '已撤销：走廊一体化程度 0 → 0.15' : 'Undone: Integration level 0 → 0.15');
    expect(await page.locator('#undo-said').getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Control+Shift+z');
    await settled(page);
    expect(await slider.inputValue()).toBe('0.15');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await settled(page);
    expect(await slider.inputValue()).toBe('0.15');
    // A preset is one step, undone with the button (reachable and not covered on every screen).
    await page.locator('#preset').selectOption('paper-package');
    await settled(page);
    expect(await slider.inputValue()).toBe('0.6');
    // Scrolled to as a person would on a phone: into view below the sticky results.
    await undo.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const b = (await undo.boundingBox())!;
    expect(await stackAt(page, b.x + b.width / 2, b.y + b.height / 2)).toContain('button#undo');
    await undo.click();
    await settled(page);
    expect(await slider.inputValue()).toBe('0.15');
    expect(await redo.getAttribute('aria-label')).toMatch(lang === 'zh' ? /^重做：载入“第 6 节政策组合”$/ : /^Redo: loading "The paper's section-6 package"$/);
    await page.screenshot({ path: `/tmp/room-undo-${size.width}-${lang}.png` });
    // In a number field, Ctrl+Z is the field's own (typing), not a lever undo.
    const num = page.locator('input[type=number][data-lever=corridor][data-field=integration]');
    await num.focus();
    await page.keyboard.press('Control+z');
    expect(await slider.inputValue()).toBe('0.15');
    expect(langCheck(lang, await visibleText(page))).toEqual([]);
    await page.close();
  });
});

describe('offline-ready indicator', () => {
  it('says ready with every file cached on localhost, in both languages', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await ctx.newPage();
      await openApp(page, app.url);
      const status = page.locator('cy-offline-status');
      await expect.poll(() => status.getAttribute('data-offline'), { timeout: 30_000 }).toBe('ready');
      expect(await page.locator('#offline-summary').textContent()).toContain('可离线使用');
      await page.locator('#offline-summary').click();
      expect(await page.locator('#offline-detail').textContent()).toMatch(/全部 \d+ 个文件已缓存/);
      expect(englishWords(await visibleText(page))).toEqual([]);
      await page.locator('[data-lang=en]').click();
      expect(await page.locator('#offline-detail').textContent()).toMatch(/All \d+ files of the app are saved/);
      expect(chineseText(await visibleText(page))).toEqual([]);
      await page.screenshot({ path: '/tmp/room-offline-ready.png' });
    } finally {
      await ctx.close();
    }
  });

  it('where the browser blocks service workers by policy: says offline is unavailable, with no script error', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openApp(page, app.url);
      await expect.poll(() => page.locator('cy-offline-status').getAttribute('data-offline'), { timeout: 30_000 }).toBe('unavailable:failed');
      await page.locator('#offline-summary').click();
      expect(await page.locator('#offline-detail').textContent()).toContain('浏览器拒绝了离线缓存');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('on a plain-http room address: says why not and how, and the share link falls back to a selected field', async () => {
    // A name for this machine that is not "localhost": to the browser an ordinary http site, as a LAN address is.
    const port = new URL(app.url).port;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP room.test 127.0.0.1'] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await openApp(page, `http://room.test:${port}/`);
      expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator, !!navigator.clipboard])).toEqual([false, false, false]);
      const status = page.locator('cy-offline-status');
      await expect.poll(() => status.getAttribute('data-offline')).toBe('unavailable:insecure');
      await page.locator('#offline-summary').click();
      const why = await page.locator('#offline-detail').textContent();
      expect(why).toContain('http://room.test');
      expect(why).toMatch(/localhost.*https.*npm start -- --https/);
      expect(englishWords(await visibleText(page))).toEqual([]);
      await page.screenshot({ path: '/tmp/room-offline-insecure.png' });
      await page.locator('#offline-summary').click();
      await page.locator('#share').click();
      const outcome = await page.locator('#share-status').getAttribute('data-outcome');
      // The copy command (no Clipboard API here), or the link left selected with words on how to copy it.
      expect(['command', 'none']).toContain(outcome);
      if (outcome === 'none') {
        expect(await page.locator('#share-status').textContent()).toMatch(/已选中.*复制/);
        expect(await page.locator('#share-url').evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length])).toEqual([0, expect.any(Number), expect.any(Number)]);
      } else expect(await page.locator('#share-status').textContent()).toMatch(/已复制/);
      expect(await page.locator('#share-url').inputValue()).toMatch(/^http:\/\/room\.test:\d+\/#cy=2&/);
    } finally {
      await browser.close();
    }
  });
});
