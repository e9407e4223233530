// End-to-end: the page in a workshop room — a 1280×720 projector, the same projector at
// 150 % zoom (853×480 CSS pixels at device scale 1.5), a 1024×768 laptop and a phone —
// used as a facilitator would: the first screen holds the headline numbers, the chart and
// both groups of levers; details open on demand; the graphs menu puts 1, 2 or 4 charts of
// any model variable side by side; presentation mode enlarges the type and hides the rest;
// the map's names never collide, its colours have a legend and it can show differences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { boxOf, chineseText, englishWords, inViewport, openApp, settled, stackAt, visibleText, type Box } from './page-helpers.ts';
import { loadChengyuRuntime } from '../../src/ui/model-bridge/runtime-source.ts';
import { defaultLeverConstants } from '../../src/model/scenario/levers.ts';

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function openAt(width: number, height: number, scale = 1, query = ''): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await openApp(page, app.url + query);
  return page;
}

const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];
const MAIN_SLIDERS = ['science_city-investment', 'parks-count', 'rd_support-extra_share_gdp', 'corridor-integration', 'coordination-level', 'transfer-level'];

/** Whether what a person sees at the centre of `selector`'s box is that element (nothing lies over it). */
async function uncovered(page: Page, selector: string, tag: string): Promise<boolean> {
  const b = (await boxOf(page, selector)) as Box;
  return (await stackAt(page, ...centre(b))).some((s) => s.startsWith(tag));
}

/** Rendered sizes in CSS pixels of the text elements matched by `selector` (font size × the SVG's scale). */
async function textPixels(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e.textContent ?? '').trim() !== '')
      .map((e) => parseFloat(getComputedStyle(e).fontSize) * ((e as SVGGraphicsElement).getScreenCTM()?.a ?? 1)),
  );
}

async function expectFirstScreen(page: Page, w: number, h: number): Promise<void> {
  const cards = page.locator('cy-kpi-cards button[data-kpi]');
  expect(await cards.count()).toBe(4);
  for (let i = 0; i < 4; i++) expect(inViewport((await cards.nth(i).boundingBox()) as Box, w, h), `card ${i}`).toBe(true);
  // The chart refits its height to the room left once the header and cards have their final size
  // (after a language switch the English header takes two lines): give it that layout pass.
  await expect.poll(async () => inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, w, h), { message: 'chart', timeout: 3000 }).toBe(true);
  expect(await uncovered(page, 'cy-line-chart .plot', 'cy-line-chart')).toBe(true);
  for (const g of ['inputs', 'mechanisms']) expect(inViewport((await boxOf(page, `cy-lever-panel #group-${g}`)) as Box, w, h), g).toBe(true);
}

describe('the first screen at projector sizes', () => {
  for (const [w, h, scale, lang] of [
    [1280, 720, 1, 'zh'],
    [1280, 720, 1, 'en'],
    [1024, 768, 1, 'zh'],
    [1024, 768, 1, 'en'],
    [853, 480, 1.5, 'zh'],
    [853, 480, 1.5, 'en'],
  ] as const) {
    it(`${w}×${h}${scale > 1 ? ' (1280×720 at 150 %)' : ''}, ${lang}: headline numbers, chart and both lever groups; text of 14 px or more`, async () => {
      const page = await openAt(w, h, scale);
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      await expectFirstScreen(page, w, h);
      if (w === 1280) {
        // Every lever's main slider on the first screen, uncovered.
        for (const id of MAIN_SLIDERS) {
          const s = `#${id}-slider`;
          expect(inViewport((await boxOf(page, s)) as Box, w, h), id).toBe(true);
          expect(await uncovered(page, s, `input#${id}-slider`), id).toBe(true);
        }
      }
      // Details (shares, start years) are tucked away.
      expect(await page.locator('#science_city-start_year-slider').isVisible()).toBe(false);
      expect(await page.locator('#parks-origin_share-slider').isVisible()).toBe(false);
      const axis = await textPixels(page, 'cy-line-chart svg text');
      expect(axis.length).toBeGreaterThan(5);
      expect(Math.min(...axis)).toBeGreaterThanOrEqual(14);
      const map = await textPixels(page, 'cy-zone-map svg text');
      expect(map.length).toBeGreaterThanOrEqual(13);
      expect(Math.min(...map)).toBeGreaterThanOrEqual(14);
      await page.context().close();
    });
  }

  it('on a phone: numbers and chart first, and the chart stays while the lever groups scroll by', async () => {
    const page = await openAt(390, 844);
    expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, 390, 844)).toBe(true);
    for (const g of ['inputs', 'mechanisms']) {
      await page.locator(`cy-lever-panel #group-${g}`).scrollIntoViewIfNeeded();
      expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, 390, 844)).toBe(true);
    }
    await page.context().close();
  });

  it('a lever’s details open from its disclosure; changed details stay listed when it closes', async () => {
    const page = await openAt(1280, 720);
    const summary = page.locator('cy-lever-control summary[aria-label*="西部科学城"]');
    await summary.click();
    const start = page.locator('input[type=number][data-lever=science_city][data-field=start_year]');
    expect(await start.isVisible()).toBe(true);
    expect(await page.locator('cy-lever-control details[open]').textContent()).toContain('6.2');
    await start.fill('2021');
    await start.press('Enter');
    await settled(page);
    await summary.click();
    expect(await start.isVisible()).toBe(false);
    expect(await page.locator('[data-tucked=science_city]').textContent()).toBe('起始年份 2021');
    // The chart stayed on screen throughout.
    expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, 1280, 720)).toBe(true);
    await page.context().close();
  });
});

/** The 2035 row of chart `i`'s data table: its numbers. */
async function row2035(page: Page, i: number): Promise<number[]> {
  const panel = page.locator(`cy-chart-panel[data-chart="${i}"]`);
  if ((await panel.locator('#toggle-table').getAttribute('aria-pressed')) !== 'true') await panel.locator('#toggle-table').click();
  const cells = await panel.locator('cy-data-table tbody tr').last().locator('td').allTextContents();
  return cells.map((c) => Number(c.replace(/,/g, '')));
}

describe('the graphs menu', () => {
  it('puts 2 charts side by side and 4 in two rows, all on the first screen with the levers', async () => {
    const page = await openAt(1280, 720);
    await page.locator('[data-charts="2"]').click();
    const plots = page.locator('cy-chart-panel cy-line-chart .plot');
    await expect.poll(() => plots.count()).toBe(2);
    const [a, b] = [(await plots.nth(0).boundingBox()) as Box, (await plots.nth(1).boundingBox()) as Box];
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
    expect(b.x).toBeGreaterThan(a.x + a.width);
    await page.locator('[data-charts="4"]').click();
    await expect.poll(() => plots.count()).toBe(4);
    await page.waitForTimeout(200);
    const boxes: Box[] = [];
    for (let i = 0; i < 4; i++) boxes.push((await plots.nth(i).boundingBox()) as Box);
    for (const [i, p] of boxes.entries()) {
      expect(inViewport(p, 1280, 720), `chart ${i}`).toBe(true);
      expect(p.height, `chart ${i}`).toBeGreaterThanOrEqual(120);
    }
    expect(boxes[2].y).toBeGreaterThan(boxes[0].y + boxes[0].height);
    // By default the four headline indicators.
    expect(await page.locator('cy-variable-menu #trigger').allTextContents()).toEqual([
      expect.stringContaining('高新技术企业'), expect.stringContaining('研发投入强度'), expect.stringContaining('技术合同成交额'), expect.stringContaining('政策年度支出'),
    ]);
    expect(inViewport((await boxOf(page, '#transfer-level-slider')) as Box, 1280, 720)).toBe(true);
    await page.context().close();
  });

  it('reaches any model variable by search; it follows the viewed zone, runs with the levers and matches the model', async () => {
    const page = await openAt(1280, 720);
    await page.locator('[data-charts="2"]').click();
    const menu = page.locator('cy-chart-panel[data-chart="1"] cy-variable-menu');
    await menu.locator('#trigger').click();
    const search = menu.locator('#var-search');
    expect(await search.evaluate((e) => e.matches(':focus'))).toBe(true);
    // The whole model is listed, grouped by kind.
    expect(await menu.locator('[data-var]').count()).toBeGreaterThan(200);
    expect(await menu.locator('h3').allTextContents()).toEqual(['主要指标', '存量', '流量', '辅助变量', '常量（参数与杠杆）']);
    await search.fill('knowledge');
    expect(await menu.locator('[data-var=knowledge]').count()).toBe(1);
    expect(await menu.locator('[data-kpi]').count()).toBe(0);
    // Keyboard: down from the search box to the options, Enter chooses.
    await search.press('ArrowDown');
    expect(await menu.locator('[data-option]').first().evaluate((e) => e.matches(':focus'))).toBe(true);
    await menu.locator('[data-var=knowledge]').click();
    expect(await menu.locator('.panel').count()).toBe(0);
    // The model's name for it where it has one, else the id in monospace.
    const label = loadChengyuRuntime().meta.catalog.variables.find((v) => v.name === 'knowledge')?.label?.zh;
    if (label) expect(await menu.locator('#trigger').textContent()).toContain(label);
    else expect(await menu.locator('#trigger code').textContent()).toBe('knowledge');
    await page.locator('#area').selectOption('mianyang');
    await expect.poll(() => menu.locator('#trigger').textContent()).toContain('绵阳高新区');
    await settled(page);
    const [base, current] = await row2035(page, 1);
    const rt = loadChengyuRuntime();
    const expected = rt.run(defaultLeverConstants(), ['knowledge[mianyang]']);
    const want = expected.columns['knowledge[mianyang]'][expected.times.indexOf(2035)];
    expect(Math.abs(base - want)).toBeLessThanOrEqual(Math.max(0.51, Math.abs(want) * 1e-3));
    expect(current).toBe(base);
    // A lever moves it: more R&D support grows the knowledge stock.
    await page.locator('#toggle-table >> nth=1').click();
    await page.locator('#rd_support-extra_share_gdp-slider').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await expect.poll(async () => { const [b2, c2] = await row2035(page, 1); return c2 > b2; }).toBe(true);
    // A chosen element stays whatever zone is viewed.
    await page.locator('select[data-element="1"]').selectOption('chengdu');
    await expect.poll(() => menu.locator('#trigger').textContent()).toContain('成都高新区');
    await page.context().close();
  });

  it('speaks one language at a time; Esc closes it and gives focus back', async () => {
    const page = await openAt(1280, 720);
    const menu = page.locator('cy-chart-panel[data-chart="0"] cy-variable-menu');
    await menu.locator('#trigger').click();
    expect(englishWords(await visibleText(page))).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.locator('.panel').count()).toBe(0);
    expect(await menu.locator('#trigger').evaluate((e) => e.matches(':focus'))).toBe(true);
    await page.locator('[data-lang=en]').click();
    await menu.locator('#trigger').click();
    expect(await menu.locator('h3').first().textContent()).toBe('Headline indicators');
    expect(chineseText(await visibleText(page))).toEqual([]);
    // Choosing an indicator for the first chart makes it the viewed one (cards and map follow).
    await menu.locator('[data-kpi=tech_contracts]').click();
    expect(await page.locator('#kpi').inputValue()).toBe('tech_contracts');
    expect(await page.locator('cy-kpi-cards button[data-kpi=tech_contracts]').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });
});

describe('presentation mode', () => {
  it('a button enters it: large type, numbers, chart and main sliders only; Esc leaves it; the address says so', async () => {
    const page = await openAt(1280, 720);
    const before = await textPixels(page, 'cy-line-chart svg text');
    await page.locator('#present').click();
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    expect(await page.locator('cy-app').getAttribute('presenting')).not.toBeNull();
    await page.waitForTimeout(200);
    for (const hidden of ['cy-scenario-bar', 'cy-zone-map', 'cy-pin-board', '#method-open', '#export-png', 'cy-lever-control summary', '#area']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    await expectFirstScreen(page, 1280, 720);
    for (const id of MAIN_SLIDERS) expect(await page.locator(`#${id}-slider`).isVisible(), id).toBe(true);
    const after = await textPixels(page, 'cy-line-chart svg text');
    expect(Math.min(...after)).toBeGreaterThanOrEqual(18);
    expect(Math.min(...after)).toBeGreaterThan(Math.min(...before));
    expect(parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(16);
    await page.keyboard.press('Escape');
    expect(await page.locator('cy-app').getAttribute('presenting')).toBeNull();
    expect(new URL(page.url()).searchParams.has('present')).toBe(false);
    expect(await page.locator('cy-zone-map').isVisible()).toBe(true);
    await page.context().close();
  });

  it('opens from the address and from the P key; typing a p does not toggle it; the menu’s Esc does not leave it', async () => {
    const page = await openAt(853, 480, 1.5, '?present=1');
    expect(await page.locator('cy-app').getAttribute('presenting')).not.toBeNull();
    expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, 853, 480)).toBe(true);
    const menu = page.locator('cy-variable-menu').first();
    await menu.locator('#trigger').click();
    await menu.locator('#var-search').pressSequentially('p');
    expect(await menu.locator('#var-search').inputValue()).toBe('p');
    await page.keyboard.press('Escape');
    expect(await menu.locator('.panel').count()).toBe(0);
    expect(await page.locator('cy-app').getAttribute('presenting')).not.toBeNull();
    await page.keyboard.press('Escape');
    expect(await page.locator('cy-app').getAttribute('presenting')).toBeNull();
    await page.locator('h1').click();
    await page.keyboard.press('p');
    expect(await page.locator('cy-app').getAttribute('presenting')).not.toBeNull();
    await page.context().close();
  });
});

/** Boxes of the map's zone names and dots, in CSS pixels. */
async function mapBoxes(page: Page): Promise<{ labels: Array<Box & { id: string }>; dots: Array<Box & { id: string }> }> {
  const grab = (sel: string, attr: string) =>
    page.locator(sel).evaluateAll((els, a) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: (a === 'data-label' ? e.getAttribute(a) : e.parentElement?.getAttribute('data-zone')) ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }), attr);
  return { labels: await grab('cy-zone-map text[data-label]', 'data-label'), dots: await grab('cy-zone-map .zone circle', 'data-zone') };
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe('the map', () => {
  for (const [w, h, lang] of [
    [1280, 720, 'zh'],
    [1280, 720, 'en'],
    [1024, 768, 'en'],
    [390, 844, 'zh'],
    [390, 844, 'en'],
  ] as const) {
    it(`${w}×${h}, ${lang}: no name covers another name or a dot; a colour legend`, async () => {
      const page = await openAt(w, h);
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      await page.locator('cy-zone-map').scrollIntoViewIfNeeded();
      const { labels, dots } = await mapBoxes(page);
      expect(labels).toHaveLength(12);
      const svg = (await boxOf(page, 'cy-zone-map svg')) as Box;
      for (const a of labels) {
        expect(a.x >= svg.x - 0.5 && a.x + a.width <= svg.x + svg.width + 0.5, `${a.id} inside`).toBe(true);
        // Glyph boxes include the font's line gap: allow one pixel.
        for (const b of labels) if (b.id !== a.id) expect(overlapArea(a, b), `${a.id} / ${b.id}`).toBeLessThan(2);
        for (const d of dots) if (d.id !== a.id) expect(overlapArea(a, d), `${a.id} over dot ${d.id}`).toBeLessThan(2);
      }
      const legend = page.locator('cy-zone-map #map-legend');
      expect(await legend.isVisible()).toBe(true);
      expect(await legend.locator('.ticks span').count()).toBe(3);
      expect(await legend.textContent()).toContain(lang === 'zh' ? '高新技术企业（家）' : 'High-tech enterprises (enterprises)');
      await page.context().close();
    });
  }

  it('shows the difference from the baseline, with a signed legend', async () => {
    const page = await openAt(1280, 720);
    const map = page.locator('cy-zone-map');
    await map.locator('[data-map-mode=diff]').click();
    expect(await map.locator('#map-legend').textContent()).toContain('各高新区均与基准相同');
    expect(new Set(await map.locator('.zone circle').evaluateAll((els) => els.map((e) => e.getAttribute('fill'))))).toEqual(new Set(['#f5f5f5']));
    // Co-built parks move firm formation to the non-core zones.
    await page.locator('#parks-count-slider').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await expect.poll(() => map.locator('#map-legend .ticks').textContent()).toMatch(/\+.*\+|−.*\+/);
    const fills = await map.locator('.zone circle').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(fills.some((f) => f !== '#f5f5f5')).toBe(true);
    expect(await map.locator('[data-zone=mianyang]').getAttribute('aria-label')).toMatch(/^绵阳高新区: [+−]?[\d,]+ 家$/);
    expect(await map.locator('#map-legend').textContent()).toContain('与基准之差');
    await map.locator('[data-map-mode=value]').click();
    expect(await map.locator('#map-legend').textContent()).not.toContain('与基准之差');
    await page.context().close();
  });
});
