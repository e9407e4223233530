// End-to-end: a share link carries the view — the headline year and the graphs menu (1, 2
// or 4 charts and what each shows) — and a bad one is refused with the page's usual words;
// pinned runs appear on charts of any variable chosen from the graphs menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { openApp, settled } from './page-helpers.ts';

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const SHOTS = process.env.CHENGYU_SHOTS;

async function openAt(width: number, height: number, hash = ''): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  if (!hash) await openApp(page, app.url);
  else {
    // A link with several charts: wait for the first.
    await page.goto(app.url + hash);
    await settled(page);
    await page.locator('cy-line-chart[data-draws]').first().waitFor();
  }
  return page;
}

/** Choose a model variable for chart place `i` from its graphs menu, by search, as a person would. */
async function chooseVariable(page: Page, i: number, name: string): Promise<void> {
  const menu = page.locator(`cy-chart-panel[data-chart="${i}"] cy-variable-menu`);
  await menu.locator('#trigger').click();
  await menu.locator('#var-search').fill(name);
  await menu.locator(`[data-var="${name}"]`).click();
}

/** Ids of the series drawn on chart place `i`. */
const seriesIds = (page: Page, i: number) =>
  page.locator(`cy-chart-panel[data-chart="${i}"] cy-line-chart`).evaluate((el) => (el as unknown as { series: Array<{ id: string }> }).series.map((s) => s.id));

/** The address bar's fragment once it has caught up with the page (it follows the state after a short pause). */
async function settledHash(page: Page, contains: string): Promise<string> {
  await page.waitForFunction((c) => location.hash.includes(c), contains);
  return page.evaluate(() => location.hash);
}

describe('share links carry the view', () => {
  it.each([
    [1280, 720],
    [390, 844],
  ])('at %i×%i: the headline year and the graphs menu round-trip through the link', async (w, h) => {
    const page = await openAt(w, h);
    await page.locator('#headline-year').selectOption('2030');
    await page.locator('[data-charts="4"]').click();
    await chooseVariable(page, 1, 'knowledge');
    await chooseVariable(page, 3, 'gdp_circle');
    await settled(page);
    const triggers = await page.locator('cy-variable-menu #trigger').allTextContents();
    const hash = await settledHash(page, 'chart4.var=gdp_circle');
    expect(hash).toMatch(/^#cy=2&lang=zh&area=circle&kpi=hte&year=2030&charts=4&chart2\.var=knowledge&chart4\.var=gdp_circle&ck=[0-9a-z]{7}$/);
    await page.context().close();

    const other = await openAt(w, h, hash);
    expect(await other.locator('#headline-year').inputValue()).toBe('2030');
    expect(await other.locator('[data-charts="4"]').getAttribute('aria-pressed')).toBe('true');
    expect(await other.locator('cy-variable-menu #trigger').allTextContents()).toEqual(triggers);
    await expect.poll(() => seriesIds(other, 1)).toContain('current');
    expect(await other.locator('[data-kpi-value=hte]').count()).toBe(1);
    if (SHOTS) await other.screenshot({ path: `${SHOTS}/share-view-${w}.png` });
    // The recipient's address is the link itself: nothing was lost or added.
    expect(await other.evaluate(() => location.hash)).toBe(hash);
    await other.context().close();
  });

  it('a link with a bad year, chart count or variable is refused with the usual words, and the bad link stays', async () => {
    const page = await openAt(1280, 720);
    const good = await settledHash(page, 'cy=2');
    for (const [bad, detail] of [
      [good.replace('&ck=', '&year=2040&ck='), 'link.year：不允许 "2040"'],
      [good.replace('&ck=', '&charts=3&ck='), 'link.charts：不允许 "3"'],
      [good.replace('&ck=', '&chart2.var=teleport&ck='), 'link.charts[1].var："teleport" 不是模型中的变量'],
    ] as const) {
      await page.evaluate((hh) => (location.hash = hh), bad);
      const alert = page.locator('cy-link-problem [role=alert]');
      await expect.poll(() => alert.textContent()).toContain(detail);
      expect(await alert.textContent()).toContain('这个分享链接打不开');
      expect(await page.evaluate(() => location.hash)).toBe(bad);
      // Nothing of the page changed.
      expect(await page.locator('#headline-year').inputValue()).toBe('2035');
      expect(await page.locator('[data-charts="1"]').getAttribute('aria-pressed')).toBe('true');
    }
    await page.context().close();
  });
});

describe('pins on any chart', () => {
  it('a pin made before a variable is chosen is drawn on that variable\'s chart too', async () => {
    const page = await openAt(1280, 720);
    await page.locator('#rd_support-extra_share_gdp-slider').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.locator('#pin').click();
    await page.locator('[data-charts="2"]').click();
    await chooseVariable(page, 1, 'knowledge');
    await settled(page);
    await expect.poll(() => seriesIds(page, 1), { timeout: 30_000 }).toContain('pin0');
    // And on a chart of a variable opened from a link with the pin in it.
    const hash = await settledHash(page, 'chart2.var=knowledge');
    expect(hash).toContain('pin1.');
    const other = await openAt(1280, 720, hash);
    await expect.poll(() => seriesIds(other, 1), { timeout: 30_000 }).toContain('pin0');
    await other.context().close();
    await page.context().close();
  });
});
