// End-to-end: the built web app in real Chromium, used as a person would — keyboard on
// the levers, pins, share links, language, bad input, exports, the map, the structure
// view and offline use.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { serveStatic } from '../../scripts/static-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { PARAMETERS } from '../../src/model/chengyu/parameters.ts';

let app: AppHarness;
let context: BrowserContext;

beforeAll(async () => {
  app = await startApp();
  context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await context?.close();
  await app?.close();
});

/** Open the app (optionally with a fragment) and wait until the first chart is drawn with the model's result. */
async function open(fragment = ''): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(app.url + fragment);
  await page.waitForFunction(() => document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent?.match(/已更新|Up to date/));
  await page.locator('cy-line-chart[data-draws]').waitFor();
  return page;
}

const draws = (page: Page) => page.locator('cy-line-chart').getAttribute('data-draws').then(Number);
// The central run's number of a card (the card shows it until the posterior band replaces it; headline-uncertainty.e2e tests the band).
const kpiText = (page: Page, kpi: string) => page.locator(`button[data-kpi="${kpi}"]`).getAttribute('data-central');
const settled = (page: Page) =>
  page.waitForFunction(() => /已更新|Up to date/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''));

describe('web app in Chromium', () => {
  it('shows the baseline at once: headline numbers, a chart, the map, no errors', async () => {
    const page = await open();
    expect(await page.locator('h1').textContent()).toContain('成渝');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const hte = await kpiText(page, 'hte');
    expect(hte).toMatch(/^[\d,]+ 家$/);
    expect(await page.locator('cy-zone-map [data-zone]').count()).toBe(12);
    expect(await page.locator('cy-zone-map polyline').count()).toBe(3);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('draws the build-time baseline at once, and the worker run gives the same numbers', async () => {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('cy-line-chart[data-draws]').waitFor();
    const early = await kpiText(page, 'tech_contracts');
    expect(early).toMatch(/^[\d,]+ 亿元$/);
    await settled(page);
    expect(await kpiText(page, 'tech_contracts')).toBe(early);
    await page.close();
  });

  it('moves a lever with the keyboard and the chart and numbers follow', async () => {
    const page = await open();
    const before = await kpiText(page, 'rd_intensity');
    const d0 = await draws(page);
    const slider = page.locator('#rd_support-extra_share_gdp-slider');
    await slider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await slider.inputValue()).toBe('0.3');
    expect(await page.locator('input[type=number][data-lever=rd_support][data-field=extra_share_gdp]').inputValue()).toBe('0.3');
    await page.waitForFunction((n) => Number(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-chart-panel')?.shadowRoot?.querySelector('cy-line-chart')?.getAttribute('data-draws')) > n, d0);
    expect(await kpiText(page, 'rd_intensity')).not.toBe(before);
    // Exact entry: type a value, out of range values are clamped to the range.
    const num = page.locator('input[type=number][data-lever=rd_support][data-field=extra_share_gdp]');
    await num.fill('9');
    await num.press('Enter');
    await settled(page);
    expect(await slider.inputValue()).toBe('1.5');
    await page.close();
  });

  it('pins runs, renames and removes them, and compares against the baseline', async () => {
    const page = await open();
    await page.locator('#pin').click();
    const slider = page.locator('#corridor-integration-slider');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.locator('#pin').click();
    const names = page.locator('cy-pin-board li input[type=text]');
    expect(await names.count()).toBe(2);
    await names.nth(1).fill('走廊 0.5');
    await names.nth(1).press('Enter');
    // Difference table: baseline, current, and the two pins.
    const rows = page.locator('#diff tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(3).textContent()).toContain('走廊 0.5');
    // The chart's table alternative lists the pinned runs as columns.
    await page.locator('#toggle-table').click();
    const head = await page.locator('cy-data-table thead').textContent();
    expect(head).toContain('走廊 0.5');
    expect(head).toContain('基准');
    await page.locator('#toggle-table').click();
    await page.locator('cy-pin-board li').nth(0).locator('button').click();
    expect(await names.count()).toBe(1);
    expect(await names.nth(0).inputValue()).toBe('走廊 0.5');
    await page.close();
  });

  it('round-trips the exact state through a share link', async () => {
    const page = await open();
    await page.locator('#transfer-level-slider').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.locator('#pin').click();
    await page.locator('cy-pin-board li input[type=text]').fill('转化改革');
    await page.locator('cy-pin-board li input[type=text]').press('Enter');
    await page.locator('#area').selectOption('mianyang');
    await page.locator('#kpi').selectOption('tech_contracts');
    await page.locator('[data-lang=en]').click();
    await page.locator('#share').click();
    const link = await page.locator('#share-url').inputValue();
    expect(link).toMatch(/#cy=2&lang=en&area=mianyang&kpi=tech_contracts&transfer\.level=0\.2&pin1\.name=.+&ck=[0-9a-z]{7}$/);
    const kpis = await kpiText(page, 'tech_contracts');
    await page.close();

    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => /Up to date/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''));
    expect(await other.locator('#transfer-level-slider').inputValue()).toBe('0.2');
    expect(await other.locator('#area').inputValue()).toBe('mianyang');
    expect(await other.locator('#kpi').inputValue()).toBe('tech_contracts');
    expect(await other.locator('cy-pin-board li input[type=text]').inputValue()).toBe('转化改革');
    expect(await other.locator('h1').textContent()).toContain('Chengdu–Chongqing');
    expect(await kpiText(other, 'tech_contracts')).toBe(kpis);
    await other.close();
  });

  it('switches language without reloading; numbers and units follow', async () => {
    const page = await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    expect(await kpiText(page, 'hte')).toMatch(/家$/);
    await page.locator('[data-lang=en]').click();
    expect(await page.locator('h1').textContent()).toBe('Chengdu–Chongqing High-Tech Zones Scenario Simulator');
    expect(await kpiText(page, 'hte')).toMatch(/enterprises$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('#corridor-integration-slider').getAttribute('aria-valuetext')).toMatch(/share/);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await page.locator('[data-lang=zh]').click();
    expect(await page.locator('h1').textContent()).toContain('成渝');
    await page.close();
  });

  it('refuses a bad share link with a clear message and keeps the state', async () => {
    const page = await open();
    await page.locator('#coordination-level-slider').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    // The address bar follows the state (debounced): wait until it carries the new level.
    const levelInUrl = () => page.evaluate(() => Number(new URLSearchParams(location.hash.slice(1)).get('coordination.level')));
    await expect.poll(levelInUrl).toBe(0.05);
    // A link (of the first, long format) whose scenario has an out-of-range lever value.
    const bad = Buffer.from(
      JSON.stringify({
        v: 1, lang: 'en', view: { area: 'circle', kpi: 'hte' }, pins: [],
        scenario: { id: 'x', title: { zh: '甲', en: 'A' }, levers: { corridor: { integration: 3 } } },
      }),
    ).toString('base64url');
    await page.evaluate((h) => (location.hash = h), `#s=${bad}`);
    const alert = page.locator('cy-link-problem [role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('这个分享链接打不开');
    expect(text).toContain('当前设置保持不变');
    // The detail is in the page's language (中文 here), with the field path as it is.
    expect(text).toContain('levers.corridor.integration: 3 超出范围');
    expect(await page.locator('#coordination-level-slider').inputValue()).toBe('0.05');
    expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0');
    // The bad link stays in the address bar, to be sent back.
    expect(await page.evaluate(() => location.hash)).toBe(`#s=${bad}`);
    // Garbage is refused too.
    await page.evaluate(() => (location.hash = '#s=%%%'));
    await page.waitForFunction(() => /base64url/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-link-problem')?.shadowRoot?.textContent ?? ''));
    expect(await page.locator('#coordination-level-slider').inputValue()).toBe('0.05');
    await page.close();
  });

  it('loads presets, saves a scenario file and refuses a bad one', async () => {
    const page = await open();
    await page.locator('#preset').selectOption('corridor');
    await settled(page);
    expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0.6');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save').click()]);
    expect(download.suggestedFilename()).toBe('corridor.json');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(saved.levers.corridor).toEqual({ integration: 0.6, start_year: 2026 });
    await page.locator('#open').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"id":"bad","title":{"zh":"坏","en":"Bad"},"levers":{"parks":{"count":99}}}'),
    });
    const alert = page.locator('cy-notice [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('bad.json: levers.parks.count: 99 超出范围');
    expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0.6');
    // A good file is applied.
    await page.locator('#open').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...saved, levers: { parks: { count: 3 } } })) });
    await settled(page);
    await expect.poll(() => page.locator('#parks-count-slider').inputValue()).toBe('3');
    expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0');
    await page.close();
  });

  it('exports the chart as PNG and SVG and the data as CSV', async () => {
    const page = await open();
    // The posterior band is drawn by default; without it the CSV holds the runs and the observations.
    await page.locator('#unc-toggle').uncheck();
    const get = async (id: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const png = await get('#export-png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.length).toBeGreaterThan(5000);
    const svgFile = await get('#export-svg');
    expect(svgFile.name).toMatch(/\.svg$/);
    const svg = svgFile.bytes.toString('utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('高新技术企业');
    const csv = await get('#export-csv');
    const text = csv.bytes.toString('utf8').replace(/^\ufeff/, '');
    // Comment lines first (what, unit, settings, model version, date), then the table.
    const lines = text.trim().split('\r\n').filter((l) => !l.startsWith('# '));
    // The circle's observed counts are the provinces' sums, and the file says so.
    expect(lines[0]).toBe('年份,基准,中心运行,观测值');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines[1]).toMatch(/^2015,\d+,\d+,\d+$/);
    expect(text).toContain('# 观测值为推算值：高新技术企业（四川省）、高新技术企业（重庆市）之和');
    await page.close();
  });

  it('selects a zone on the map with the keyboard and explains what drives a variable', async () => {
    const page = await open();
    const zone = page.locator('cy-zone-map [data-zone=mianyang]');
    await zone.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#area').inputValue()).toBe('mianyang');
    expect(await zone.getAttribute('aria-pressed')).toBe('true');
    await page.locator('cy-zone-map [data-zone=chongqing_zone]').click();
    expect(await page.locator('#area').inputValue()).toBe('chongqing_zone');
    // Structure view: inputs of the selected indicator, and navigation to one of them.
    const heading = page.locator('#structure-h');
    expect(await heading.textContent()).toMatch(/“高新技术企业数”/);
    expect(await heading.locator('code').textContent()).toBe('hte');
    // The stock of enterprises lies on feedback loops (formation needs enterprises).
    expect(await page.locator('#structure-loops li').count()).toBeGreaterThan(0);
    const first = page.locator('#structure-inputs button').first();
    const name = (await first.getAttribute('data-var'))!;
    await first.click();
    expect(await heading.locator('code').textContent()).toBe(name);
    // A registry parameter shows its value in use, range and provenance.
    const param = PARAMETERS.find((p) => typeof p.value === 'number' && p.provenance.kind === 'source')!;
    await page.locator('#structure-pick').selectOption(param.id);
    const note = await page.locator('#structure-parameter').textContent();
    expect(note).toContain('来源');
    expect(note).toContain((param.provenance as { ref: string }).ref);
    await page.close();
  });

  it('shows the Monte Carlo band and the tornado of the viewed indicator without blocking levers', async () => {
    const page = await open();
    await page.locator('#unc-runs').selectOption('100');
    await page.locator('#unc-toggle').check();
    // While the band computes in its own worker, a lever move still updates the chart.
    const d0 = await draws(page);
    await page.locator('#corridor-integration-slider').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await draws(page)).toBeGreaterThan(d0);
    await expect.poll(() => page.locator('#unc-status').textContent(), { timeout: 90_000 }).toContain('已完成 100 次运行');
    await page.locator('#toggle-table').click();
    const head = (await page.locator('cy-data-table thead').textContent()) ?? '';
    expect(head).toContain('5–95% 区间 5%');
    expect(head).toContain('5–95% 区间 95%');
    expect(head).toContain('中位数');
    // In every year the band holds the median: 5 % ≤ 25 % ≤ 50 % ≤ 75 % ≤ 95 %.
    const rows = await page.locator('cy-data-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => Number((td.textContent ?? '').replace(/,/g, '')))),
    );
    const last = rows[rows.length - 1];
    // Columns: 5–95 % low, high, 25–75 % low, high, median, with forecast errors low, high, baseline, current.
    const [p5, p95, p25, p75, p50] = last;
    expect(p5).toBeLessThanOrEqual(p25);
    expect(p25).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p75);
    expect(p75).toBeLessThanOrEqual(p95);
    expect(p95).toBeGreaterThan(p5);
    // Then the band with the past forecast errors: wider than the parameters' band.
    expect(head).toContain('5–95%（含预测误差） 95%');
    const [f5, f95] = last.slice(5, 7);
    expect(f5).toBeLessThan(p5);
    expect(f95).toBeGreaterThan(p95);
    await page.locator('#toggle-table').click();
    await page.locator('#tornado').click();
    await page.locator('#tornado-table').waitFor({ timeout: 90_000 });
    expect(await page.locator('#tornado-table tbody tr').count()).toBeGreaterThan(2);
    // Each parameter by its name, its id beside it as code.
    const row = page.locator('#tornado-table tbody th').first();
    const id = (await row.locator('code').textContent())!;
    const label = PARAMETERS.find((p) => p.id === id.replace(/\[.*$/, ''))?.label;
    expect(label).toBeDefined();
    expect(await row.textContent()).toContain(label!.zh);
    await page.close();
  }, 180_000);

  it('runs from any sub-path of a plain static server (relative paths)', async () => {
    const parent = await serveStatic(dirname(app.outDir), { port: 0 });
    const ctx = await app.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await ctx.newPage();
      await page.goto(`${parent.url}${basename(app.outDir)}/`);
      await page.waitForFunction(() => /已更新/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''));
      expect(await kpiText(page, 'hte')).toMatch(/^[\d,]+ 家$/);
    } finally {
      await ctx.close();
      await parent.close();
    }
  });

  it('works offline after the first visit', async () => {
    const page = await open();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForFunction(() => /已更新|Up to date/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''));
      expect(await kpiText(page, 'hte')).toMatch(/^[\d,]+ 家$/);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});
