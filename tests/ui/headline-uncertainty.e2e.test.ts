// End-to-end: the headline numbers with their posterior range (rounded as a briefing
// would), the selectable headline year, the uncertainty of the policy effect with a
// threshold (current settings and pins), the band that stays drawn while it is
// recomputed, and the cost panel (cumulative, per extra enterprise, who pays).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { chineseText, englishWords, openApp, settled, visibleText } from './page-helpers.ts';

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const SHOTS = process.env.CHENGYU_SHOTS;

async function newPage(width: number, height: number): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width, height } });
  await openApp(page, app.url);
  return page;
}

/** Wait until the headline cards show a computed band for the current settings. */
async function bandsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const cards = document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-kpi-cards');
    return !!cards && !cards.hasAttribute('updating') && !!cards.shadowRoot?.querySelector('[data-kpi-band=hte]');
  }, undefined, { timeout: 60_000 });
}

const cardText = (page: Page, kpi: string) => page.locator(`button[data-kpi=${kpi}]`).innerText();

/** Move a slider with the keyboard, as a person would. */
async function press(page: Page, selector: string, key: string, times: number): Promise<void> {
  await page.locator(selector).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe('headline numbers with their range', () => {
  it.each([
    [1280, 720],
    [1024, 768],
    [390, 844],
  ])('at %i×%i the cards show the median and its 90 and 50 per cent ranges, in Chinese and English', async (w, h) => {
    const page = await newPage(w, h);
    await bandsReady(page);
    const hte = await cardText(page, 'hte');
    // "约 10 万家" with "90% 区间 7–13 万": two significant digits of the median, in 万.
    expect(hte).toMatch(/约 \d+(\.\d)? 万家/);
    expect(hte).toMatch(/90% 区间 \d+(\.\d)?–\d+(\.\d)? 万/);
    expect(hte).toMatch(/50% 区间 \d+(\.\d)?–\d+(\.\d)? 万/);
    const rd = await cardText(page, 'rd_intensity');
    expect(rd).toMatch(/约 \d\.\d%/);
    expect(rd).toMatch(/90% 区间 \d\.\d–\d\.\d%/);
    expect(englishWords(await visibleText(page))).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/headline-zh-${w}.png` });
    await page.locator('[data-lang=en]').click();
    const hteEn = await cardText(page, 'hte');
    expect(hteEn).toMatch(/about \d+\s\d{3} enterprises/);
    expect(hteEn).toMatch(/90 %: \d+\s\d{3}–\d+\s\d{3}/);
    expect(chineseText(await visibleText(page))).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/headline-en-${w}.png`, fullPage: w === 1280 });
    await page.close();
  });

  it('the headline year can be 2025, 2030 or 2035, and the numbers follow it', async () => {
    const page = await newPage(1280, 720);
    await bandsReady(page);
    const at2035 = await cardText(page, 'hte');
    await page.locator('#headline-year').selectOption('2025');
    const at2025 = await cardText(page, 'hte');
    expect(at2025).not.toBe(at2035);
    // Fewer enterprises in 2025 than in 2035, and a narrower range (closer to the data).
    const median = (s: string) => Number(/约 ([\d.]+) 万家/.exec(s)?.[1]);
    expect(median(at2025)).toBeLessThan(median(at2035));
    expect(await page.locator('#cost-h').innerText()).toContain('2025');
    await page.close();
  });
});

describe('uncertainty of the policy effect', () => {
  it('a package gets its effect band and the probability that it exceeds the threshold the person sets; pins too', async () => {
    const page = await newPage(1280, 720);
    await bandsReady(page);
    // Baseline: no effect at all.
    expect(await page.locator('#effect-lead').innerText()).toMatch(/新增企业超过 2,000 家的概率 <1%/);
    await page.locator('cy-scenario-bar select').first().selectOption('paper-package');
    await settled(page);
    await bandsReady(page);
    const lead = await page.locator('#effect-lead').innerText();
    expect(lead).toMatch(/新增企业超过 2,000 家的概率 (>99%|\d+%)/);
    const row = await page.locator('#effect-table tbody tr').first().innerText();
    expect(row).toMatch(/\+[\d.,]+ (万)?家/);
    // A higher threshold: a lower probability.
    const p = (s: string) => (s.includes('>99%') ? 100 : s.includes('<1%') ? 0 : Number(/(\d+)%/.exec(s)?.[1]));
    const p2000 = p(lead);
    await page.locator('#effect-threshold').fill('20000');
    await page.locator('#effect-threshold').press('Enter');
    const lead2 = await page.locator('#effect-lead').innerText();
    expect(lead2).toContain('新增企业超过 20,000 家的概率');
    expect(p(lead2)).toBeLessThanOrEqual(p2000);
    // Pin it: the pin gets its own row with a band.
    await page.locator('cy-pin-board button', { hasText: /固定/ }).first().click();
    await page.waitForFunction(() => {
      const rows = document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-effect-panel')?.shadowRoot?.querySelectorAll('#effect-table tbody tr');
      return rows?.length === 2 && /–/.test(rows[1].querySelectorAll('td')[1]?.textContent ?? '');
    }, undefined, { timeout: 60_000 });
    const rows = await page.locator('#effect-table tbody tr').allInnerTexts();
    expect(rows[1]).toMatch(/\+[\d.,]+/);
    if (SHOTS) await page.locator('cy-effect-panel').screenshot({ path: `${SHOTS}/effect-zh.png` });
    await page.locator('[data-lang=en]').click();
    expect(await page.locator('#effect-lead').innerText()).toMatch(/Probability of more than 20\s000 extra enterprises: (>99%|<1%|\d+%)/);
    if (SHOTS) await page.locator('cy-effect-panel').screenshot({ path: `${SHOTS}/effect-en.png` });
    await page.close();
  });

  it('after a lever move the previous band stays drawn, marked as updating, until the new one arrives', async () => {
    const page = await newPage(1280, 720);
    await bandsReady(page);
    const before = await cardText(page, 'rd_intensity');
    // Watch every render of the cards: the band must never be missing once it was there.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number; __updating: number };
      w.__gaps = 0;
      w.__updating = 0;
      const cards = document.querySelector('cy-app')!.shadowRoot!.querySelector('cy-kpi-cards')!;
      new MutationObserver(() => {
        if (!cards.shadowRoot!.querySelector('[data-kpi-band=rd_intensity]')) w.__gaps++;
        if (cards.hasAttribute('updating')) w.__updating++;
      }).observe(cards, { attributes: true });
      new MutationObserver(() => {
        if (!cards.shadowRoot!.querySelector('[data-kpi-band=rd_intensity]')) w.__gaps++;
      }).observe(cards.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await press(page, '#rd_support-extra_share_gdp-slider', 'ArrowRight', 10);
    await settled(page);
    await bandsReady(page);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number; __updating: number };
      return { __gaps: w.__gaps, __updating: w.__updating };
    });
    expect(seen.__gaps).toBe(0);
    expect(seen.__updating).toBeGreaterThan(0);
    const after = await cardText(page, 'rd_intensity');
    expect(after).not.toBe(before);
    expect(after).toMatch(/较基准 \+\d\.\d 个百分点/);
    await page.close();
  });

  it('the Monte Carlo band on the chart stays drawn while it is recomputed', async () => {
    // Drawn by default: nothing to switch on.
    const page = await newPage(1280, 720);
    const bandSeries = () =>
      page.evaluate(() => {
        const chart = document.querySelector('cy-app')!.shadowRoot!.querySelector('cy-chart-panel')!.shadowRoot!.querySelector('cy-line-chart') as unknown as { series: Array<{ id: string; name: string }> };
        return chart.series.filter((s) => s.id === 'band90').map((s) => s.name);
      });
    await page.waitForFunction(() => /已完成/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-uncertainty-panel')?.shadowRoot?.querySelector('#unc-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(await bandSeries()).toEqual(['5–95% 区间']);
    await press(page, '#rd_support-extra_share_gdp-slider', 'ArrowRight', 2);
    await settled(page);
    // Right after the move: the old band is still there, named as updating, and the status says it is computing.
    expect(await bandSeries()).toEqual(['5–95% 区间（更新中）']);
    // (textContent: the panel is below the fold, where the page skips its rendering.)
    expect(await page.locator('#unc-status').textContent()).toMatch(/正在计算/);
    await page.waitForFunction(() => /已完成/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-uncertainty-panel')?.shadowRoot?.querySelector('#unc-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(await bandSeries()).toEqual(['5–95% 区间']);
    await page.close();
  });
});

describe('cost', () => {
  it.each([
    [1280, 720],
    [390, 844],
  ])('at %i×%i: cumulative cost, cost per extra enterprise and who pays, parks above all', async (w, h) => {
    const page = await newPage(w, h);
    await bandsReady(page);
    expect(await page.locator('#cost-none').innerText()).toBe('当前方案没有政策支出。');
    await press(page, '#parks-count-slider', 'ArrowRight', 6);
    await settled(page);
    await bandsReady(page);
    // 6 parks at 2 亿元 a year each, 2026–2035: 120 亿元.
    expect(await page.locator('#cost-total').innerText()).toBe('120.0 亿元');
    expect(await page.locator('#cost-parks').innerText()).toBe('120.0 亿元');
    const parksArea = await page.locator('#cost-parks-area').innerText();
    // The 50:50 origin share: origins and hosts pay half each.
    expect(parksArea).toMatch(/输出方（核心高新区）\s+60\.0 亿元\s+50%/);
    expect(parksArea).toMatch(/承接方（其他高新区）\s+60\.0 亿元\s+50%/);
    expect(await page.locator('#cost-province').innerText()).toMatch(/四川/);
    expect(await page.locator('#cost-per').innerText()).toMatch(/约 [\d.,]+ 万元\/家|未新增企业/);
    if (SHOTS) await page.locator('cy-cost-panel').screenshot({ path: `${SHOTS}/cost-zh-${w}.png` });
    await page.locator('[data-lang=en]').click();
    expect(await page.locator('#cost-total').innerText()).toBe('120.0 CNY 100 m');
    expect(chineseText(await visibleText(page))).toEqual([]);
    if (SHOTS) await page.locator('cy-cost-panel').screenshot({ path: `${SHOTS}/cost-en-${w}.png` });
    await page.close();
  });
});

describe('the cards and the chart say the same number', () => {
  /** The main chart's series as data (id, role, name, value in `year`). */
  const chartSeries = (page: Page, year: number) =>
    page.evaluate((y) => {
      const chart = document.querySelector('cy-app')!.shadowRoot!.querySelector('cy-chart-panel')!.shadowRoot!.querySelector('cy-line-chart') as unknown as {
        series: Array<{ id: string; role: string; name: string; times: ArrayLike<number>; values: ArrayLike<number> }>;
      };
      return chart.series.map((s) => {
        const i = Array.from(s.times).findIndex((t) => Math.abs(t - y) < 1e-9);
        return { id: s.id, role: s.role, name: s.name, value: i >= 0 ? s.values[i] : NaN };
      });
    }, year);

  it.each([
    [1280, 720],
    [390, 844],
  ])('at %i×%i the default chart draws the posterior band, and its thick line in 2035 is the card\'s median', async (w, h) => {
    const page = await newPage(w, h);
    // Nothing switched on: the band comes by default.
    await page.waitForFunction(() => /已完成 100 次运行/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-uncertainty-panel')?.shadowRoot?.querySelector('#unc-status')?.textContent ?? ''), undefined, { timeout: 90_000 });
    await bandsReady(page);
    const series = await chartSeries(page, 2035);
    expect(series.filter((s) => s.role === 'band').map((s) => s.name)).toEqual(['5–95% 区间', '25–75% 区间', '5–95%（含预测误差）']);
    // The outer band adds the past forecast errors: wider than the parameters' band in 2035, absent before 2022.
    const upper = (id: string, list: typeof series) => list.find((s) => s.id === id)!.value;
    expect(upper('bandF', series)).toBeGreaterThan(1.5 * upper('band90', series));
    expect(upper('bandF', await chartSeries(page, 2021))).toBeNaN();
    expect(upper('bandF', await chartSeries(page, 2022))).toBeCloseTo(upper('band90', await chartSeries(page, 2022)), 6);
    const emphasised = series.filter((s) => s.role === 'current');
    expect(emphasised.map((s) => s.name)).toEqual(['后验中位数']);
    // The central run is still drawn and named, as a thin line.
    const central = series.find((s) => s.id === 'current')!;
    expect(central).toMatchObject({ role: 'central', name: '中心运行' });
    // The card's exact median is the chart's line (same draws), and its rounded text agrees within its rounding.
    const card = page.locator('[data-kpi-value=hte]');
    expect(Number(await card.getAttribute('data-median'))).toBeCloseTo(emphasised[0].value, 6);
    const text = await card.innerText();
    const m = /约 ([\d.]+) 万家/.exec(text)!;
    const decimals = m[1].split('.')[1]?.length ?? 0;
    expect(Math.abs(Number(m[1]) * 1e4 - emphasised[0].value)).toBeLessThanOrEqual(0.5 * 10 ** (4 - decimals) + 1e-6);
    // The central run ends elsewhere: the two lines are different quantities, and named so.
    expect(central.value).not.toBeCloseTo(emphasised[0].value, 0);
    // The cards say what their number is (on a phone the legend does: the line is kept for the chart).
    if (w > 1000) expect(await page.locator('#band-status').innerText()).toBe('后验中位数（100 次抽样），即图中粗线');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/card-chart-zh-${w}.png` });
    await page.locator('[data-lang=en]').click();
    const en = await chartSeries(page, 2035);
    expect(en.filter((s) => s.role === 'current').map((s) => s.name)).toEqual(['Posterior median']);
    expect(en.find((s) => s.id === 'bandF')?.name).toBe('5–95 % + forecast error');
    expect(en.find((s) => s.id === 'current')?.name).toBe('Central run');
    if (w > 1000) expect(await page.locator('#band-status').innerText()).toBe('posterior median (100 draws), the thick line on the chart');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/card-chart-en-${w}.png` });
    await page.close();
  });

  it('after a lever move the central run updates first, the band follows and stays drawn meanwhile', async () => {
    const page = await newPage(1280, 720);
    await page.waitForFunction(() => /已完成 100 次运行/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-uncertainty-panel')?.shadowRoot?.querySelector('#unc-status')?.textContent ?? ''), undefined, { timeout: 90_000 });
    const before = await chartSeries(page, 2035);
    await press(page, '#rd_support-extra_share_gdp-slider', 'ArrowRight', 10);
    await settled(page);
    const moved = await chartSeries(page, 2035);
    // The central run is new at once; the old band and median are still drawn, marked as updating.
    expect(moved.find((s) => s.id === 'current')!.value).not.toBe(before.find((s) => s.id === 'current')!.value);
    expect(moved.filter((s) => s.role === 'band').map((s) => s.name)).toEqual(['5–95% 区间（更新中）', '25–75% 区间（更新中）', '5–95%（含预测误差）（更新中）']);
    await page.waitForFunction(() => /已完成/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-uncertainty-panel')?.shadowRoot?.querySelector('#unc-status')?.textContent ?? ''), undefined, { timeout: 90_000 });
    await bandsReady(page);
    const after = await chartSeries(page, 2035);
    const median = after.find((s) => s.role === 'current')!;
    expect(median.value).not.toBe(before.find((s) => s.role === 'current')!.value);
    expect(Number(await page.locator('[data-kpi-value=hte]').getAttribute('data-median'))).toBeCloseTo(median.value, 6);
    await page.close();
  });
});
