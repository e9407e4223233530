// End-to-end: every word a person sees is in the chosen language. The page is driven into
// a state that shows nearly everything (lever explanations open, a pin, the uncertainty
// band, the tornado, a parameter in the structure view, an error message, the data table,
// the data-and-method panel), then its visible text is walked through every shadow root
// in 中文 and in English.
// Allowed in 中文: file-type tokens and ids shown as code; in English: only the 中文 button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { chineseText, englishWords, openApp, settled, visibleText } from './page-helpers.ts';
import { PARAMETERS } from '../../src/model/chengyu/parameters.ts';

let app: AppHarness;
let context: BrowserContext;
const SHOTS = process.env.CHENGYU_SHOTS;

beforeAll(async () => {
  app = await startApp();
  context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
});

afterAll(async () => {
  await context?.close();
  await app?.close();
});

async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const open = (root: Document | ShadowRoot) => {
      root.querySelectorAll('details').forEach((d) => {
        // Disclosures of text in its original language stay as the person left them.
        if (!d.hasAttribute('data-original')) d.open = true;
      });
      root.querySelectorAll('*').forEach((e) => e.shadowRoot && open(e.shadowRoot));
    };
    open(document);
  });
}

/** Put the page into a state that shows nearly every kind of text. */
async function showEverything(page: Page): Promise<void> {
  await page.locator('#corridor-integration-slider').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await settled(page);
  await page.locator('#pin').click();
  await page.locator('#unc-runs').selectOption('100');
  await page.locator('#unc-toggle').check();
  // Done, not only started ("正在计算 100 次运行…" holds "100" too): the English check below reads the finished status.
  await expect.poll(() => page.locator('#unc-status').textContent(), { timeout: 90_000 }).toMatch(/已完成 100 次运行/);
  await page.locator('#tornado').click();
  await page.locator('#tornado-table').waitFor({ timeout: 90_000 });
  // A registry parameter with a unit, a variable with a doc, and a bad link's error.
  const param = PARAMETERS.find((p) => p.unit === '1e8 CNY/year') ?? PARAMETERS[0];
  await page.locator('#structure-pick').selectOption(param.id);
  const bad = Buffer.from(JSON.stringify({ v: 1, lang: 'zh', view: { area: 'circle', kpi: 'hte' }, pins: [], scenario: { id: 'x', title: { zh: '甲', en: 'A' }, levers: { corridor: { integration: 3 } } } })).toString('base64url');
  await page.evaluate((h) => (location.hash = h), `#s=${bad}`);
  await page.locator('cy-link-problem [role=alert]').waitFor();
  await openAll(page);
}

/** Open the data-and-method panel (all of it, the observed points of the chart too) and return its visible text with the page's. */
async function panelText(page: Page): Promise<string[]> {
  await page.locator('#method-open').click();
  await page.locator('#method-observed').waitFor();
  await openAll(page);
  const texts = await visibleText(page);
  await page.locator('#method-close').click();
  return texts;
}

describe('language', () => {
  it('中文 mode shows no English words, English mode no Chinese, also for text made before a switch', async () => {
    const page = await context.newPage();
    await openApp(page, app.url);
    await showEverything(page);
    const zh = await visibleText(page);
    expect(englishWords(zh)).toEqual([]);
    expect(englishWords(await panelText(page))).toEqual([]);
    await page.locator('#toggle-table').click();
    expect(englishWords(await visibleText(page))).toEqual([]);
    await page.locator('#toggle-table').click();

    await page.locator('[data-lang=en]').click();
    await openAll(page);
    const en = await visibleText(page);
    expect(chineseText(en)).toEqual([]);
    expect(chineseText(await panelText(page))).toEqual([]);
    // Text created in 中文 follows the switch: the pin's default name, the statuses, the error.
    expect(await page.locator('cy-pin-board li input[type=text]').inputValue()).toBe('Run 1');
    expect(await page.locator('#unc-status').textContent()).toMatch(/100 runs done/);
    expect(await page.locator('cy-link-problem [role=alert]').textContent()).toMatch(/share link could not be opened/);
    await page.locator('#toggle-table').click();
    expect(chineseText(await visibleText(page))).toEqual([]);
    await page.locator('#toggle-table').click();

    // And back: English made in English mode becomes 中文.
    await page.locator('[data-lang=zh]').click();
    await openAll(page);
    expect(englishWords(await visibleText(page))).toEqual([]);
    expect(englishWords(await panelText(page))).toEqual([]);
    expect(await page.locator('cy-pin-board li input[type=text]').inputValue()).toBe('方案 1');
    await page.close();
  }, 240_000);
});

describe('language of every panel', () => {
  /** The visible text's leaks for `lang`: English words in 中文, Chinese in English. */
  const leaks = async (page: Page, lang: 'zh' | 'en'): Promise<string[]> => {
    const texts = await visibleText(page);
    return lang === 'zh' ? englishWords(texts) : chineseText(texts);
  };

  it.each([
    [1280, 720],
    [390, 844],
  ])('at %i×%i: the graphs menu with 4 charts, share and its QR code, presentation mode, cost, effect, structure, pins, data and method', async (w, h) => {
    const ctx = await app.browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await openApp(page, app.url);
    // Parks (a cost to split), a pin, four charts, one of them a model variable.
    await page.locator('#parks-count-slider').focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.locator('#pin').click();
    await page.locator('[data-charts="4"]').click();
    const menu = (i: number) => page.locator(`cy-chart-panel[data-chart="${i}"] cy-variable-menu`);
    await menu(1).locator('#trigger').click();
    await menu(1).locator('#var-search').fill('knowledge');
    await menu(1).locator('[data-var=knowledge]').click();
    await settled(page);
    await page.locator('#structure-pick').selectOption('knowledge');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      await openAll(page);
      expect(await leaks(page, lang), `${lang}: page`).toEqual([]);
      // The graphs menu, open.
      await menu(2).locator('#trigger').click();
      await menu(2).locator('[data-var]').first().waitFor();
      expect(await leaks(page, lang), `${lang}: graphs menu`).toEqual([]);
      await page.keyboard.press('Escape');
      // The share panel, its QR code large.
      await page.locator('#share').click();
      await page.locator('#share-url').waitFor();
      expect(await leaks(page, lang), `${lang}: share`).toEqual([]);
      await page.locator('#share-qr-big').click();
      expect(await leaks(page, lang), `${lang}: QR code`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('#share-close').click();
      // Data and method.
      expect(lang === 'zh' ? englishWords(await panelText(page)) : chineseText(await panelText(page)), `${lang}: data and method`).toEqual([]);
      // Presentation mode.
      await page.locator('#present').click();
      expect(await leaks(page, lang), `${lang}: presentation mode`).toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/language-present-${lang}-${w}.png` });
      await page.keyboard.press('Escape');
    }
    await ctx.close();
  }, 240_000);
});
