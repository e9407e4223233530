// End-to-end: exported files say what they hold (CSV comment lines with unit, settings,
// model version and date; values rounded to meaningful precision; SVG and PNG on white
// with a caption), and numbers on screen read right (R&D-intensity differences in
// percentage points, every value of an indicator with the same decimals).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSession } from './app-session.ts';
import { settled } from './page-helpers.ts';

const { open } = appSession({ acceptDownloads: true, viewport: { width: 1280, height: 720 } });

async function download(page: Page, id: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
  return readFileSync(await d.path());
}

async function nudge(page: Page, slider: string, presses: number): Promise<void> {
  await page.locator(slider).focus();
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
  await settled(page);
}

describe('exports', () => {
  it('CSV carries unit, settings, model version and date, and whole enterprise counts', async () => {
    const page = await open();
    // The posterior band is drawn by default; without it the CSV holds the runs and the observations.
    await page.locator('#unc-toggle').uncheck();
    await nudge(page, '#corridor-integration-slider', 6);
    const text = (await download(page, '#export-csv')).toString('utf8');
    expect(text.startsWith('\ufeff# ')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# ')).join('\n');
    expect(comments).toContain('单位：家');
    expect(comments).toMatch(/杠杆设置：成渝科技创新大走廊：走廊一体化程度 0\.3/);
    expect(comments).toMatch(/模型版本 [0-9a-f]{6,}/);
    expect(comments).toMatch(/导出日期：\d{4}-\d{2}-\d{2}/);
    const table = lines.filter((l) => !l.startsWith('# '));
    expect(table[0]).toBe('年份,基准,中心运行,观测值');
    for (const row of table.slice(1)) expect(row).toMatch(/^\d{4}(\.\d+)?(,\d*)+$/);
    // R&D intensity: a few decimals, not 16 digits.
    await page.locator('#kpi').selectOption('rd_intensity');
    const rd = (await download(page, '#export-csv')).toString('utf8').slice(1).trim().split('\r\n').filter((l) => !l.startsWith('# '));
    for (const row of rd.slice(1)) for (const v of row.split(',').slice(1)) expect(v).toMatch(/^(\d+(\.\d{1,4})?)?$/);
    await page.close();
  });

  it('SVG and PNG are on a white background with a caption', async () => {
    const page = await open();
    const svg = (await download(page, '#export-svg')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toMatch(/<rect x="0" y="0" width="\d+" height="\d+" fill="#ffffff"\/>/);
    expect(svg).toContain('高新技术企业（成渝地区双城经济圈）');
    expect(svg).toMatch(/模型版本 [0-9a-f]{6,}/);
    expect(svg).toMatch(/导出日期：\d{4}-\d{2}-\d{2}/);
    expect(svg).toContain('杠杆设置：全部为默认值（基准）');
    const png = await download(page, '#export-png');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The corners are white, not transparent.
    const corners = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bmp, 0, 0);
      return [ctx.getImageData(1, 1, 1, 1).data, ctx.getImageData(bmp.width - 2, bmp.height - 2, 1, 1).data].map((d) => Array.from(d));
    }, png.toString('base64'));
    for (const px of corners) expect(px).toEqual([255, 255, 255, 255]);
    await page.close();
  });
});

describe('numbers', () => {
  it('R&D-intensity differences are percentage points, and values keep two decimals', { timeout: 120_000 }, async () => {
    const page = await open();
    await nudge(page, '#rd_support-extra_share_gdp-slider', 4);
    const card = page.locator('cy-kpi-cards button[data-kpi=rd_intensity]');
    // The headline card, once its posterior band is there: a briefing's one decimal, the difference in percentage points.
    await page.waitForFunction(() => {
      const cards = document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-kpi-cards');
      return !!cards && !cards.hasAttribute('updating') && !!cards.shadowRoot?.querySelector('[data-kpi-band=rd_intensity]');
    }, undefined, { timeout: 60_000 });
    expect(await card.locator('.value').textContent()).toMatch(/^约 \d+\.\d%$/);
    expect((await card.locator('.delta').textContent())?.trim()).toMatch(/^较基准 \+\d+\.\d 个百分点$/);
    await page.locator('#pin').click();
    const cells = await page.locator('#diff tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''));
    for (const c of cells) expect(c).toMatch(/^\d+\.\d{2}(\+\d+\.\d{2} 个百分点|0\.00 个百分点)?$/);
    await page.locator('#kpi').selectOption('rd_intensity');
    await page.locator('#toggle-table').click();
    const values = await page.locator('cy-data-table tbody td').allTextContents();
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) expect(v).toMatch(/^(\d+\.\d{2})?$/);
    await page.locator('#toggle-table').click();
    // The chart's tooltip: the same two decimals.
    const plot = (await page.locator('cy-line-chart .plot').boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.75, plot.y + plot.height / 2);
    const tip = page.locator('cy-line-chart .plot div', { hasText: '中心运行:' }).last();
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/中心运行: \d+\.\d{2}/);
    // Sensitivity of a percentage: in percentage points.
    await page.locator('#tornado').click();
    await page.locator('#tornado-table').waitFor({ timeout: 90_000 });
    expect(await page.locator('#tornado-table thead').textContent()).toContain('μ*（个百分点）');
    await page.locator('[data-lang=en]').click();
    expect((await card.locator('.delta').textContent())?.trim()).toMatch(/^vs baseline \+\d+\.\d pp$/);
    await page.close();
  });
});
