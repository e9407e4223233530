// End-to-end: the page's layout at the sizes people use — a 1280×720 projector, a
// 1024×768 tablet or old laptop, the projector at 150 % zoom (853×480 CSS pixels) and a
// 390×844 phone. The headline numbers and the chart must be on screen with the levers,
// nothing may cover them, and a lever moved deep in the list still shows its chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { boxOf, inViewport, openApp, stackAt, type Box } from './page-helpers.ts';

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function openAt(width: number, height: number): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await openApp(page, app.url);
  return page;
}

const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

/** The four KPI cards' boxes. */
async function cardBoxes(page: Page): Promise<Box[]> {
  const cards = page.locator('cy-kpi-cards button[data-kpi]');
  const n = await cards.count();
  const out: Box[] = [];
  for (let i = 0; i < n; i++) out.push((await cards.nth(i).boundingBox()) as Box);
  return out;
}

/** What a person sees at the centre of each card and of the chart: the card or chart itself, not something over it. */
async function expectUncovered(page: Page): Promise<void> {
  for (const b of await cardBoxes(page)) {
    const stack = await stackAt(page, ...centre(b));
    expect(stack).toContain('cy-kpi-cards');
  }
  const plot = (await boxOf(page, 'cy-line-chart .plot')) as Box;
  const stack = await stackAt(page, ...centre(plot));
  expect(stack).toContain('cy-line-chart');
}

describe('layout', () => {
  for (const [w, h, lang] of [
    [1280, 720, 'zh'],
    [1024, 768, 'zh'],
    [1024, 768, 'en'],
  ] as const) {
    it(`at ${w}×${h} (${lang}) shows the headline numbers in one row, the chart and the levers on the first screen`, async () => {
      const page = await openAt(w, h);
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      const cards = await cardBoxes(page);
      expect(cards).toHaveLength(4);
      for (const c of cards) {
        expect(inViewport(c, w, h)).toBe(true);
        expect(Math.abs(c.y - cards[0].y)).toBeLessThan(1);
      }
      const plot = (await boxOf(page, 'cy-line-chart .plot')) as Box;
      expect(inViewport(plot, w, h)).toBe(true);
      expect(plot.height).toBeGreaterThanOrEqual(240);
      const slider = (await boxOf(page, 'input[type=range]')) as Box;
      expect(inViewport(slider, w, h)).toBe(true);
      await expectUncovered(page);
      await page.context().close();
    });
  }

  for (const [w, h, firstScreen] of [
    [390, 844, true],
    [853, 480, false],
  ] as const) {
    it(`at ${w}×${h} keeps the chart in view next to a lever deep in the list, uncovered`, async () => {
      const page = await openAt(w, h);
      // First screen of a phone: the headline numbers and the chart (a 480-pixel-high
      // projector at 150 % shows them once the header has scrolled away).
      if (firstScreen) {
        expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, w, h)).toBe(true);
        await expectUncovered(page);
      }
      // A keyboard user moves to the fifth lever: it scrolls into view, the chart stays on screen.
      const slider = page.locator('#coordination-level-slider');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      const s = (await slider.boundingBox()) as Box;
      expect(inViewport(s, w, h)).toBe(true);
      expect(await stackAt(page, ...centre(s))).toContain('input#coordination-level-slider');
      const plot = (await boxOf(page, 'cy-line-chart .plot')) as Box;
      expect(inViewport(plot, w, h)).toBe(true);
      expect(plot.height).toBeGreaterThanOrEqual(140);
      await expectUncovered(page);
      // Scrolling to the last lever with the mouse wheel: the same.
      const last = page.locator('#transfer-level-slider');
      await last.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(100);
      const l = (await last.boundingBox()) as Box;
      if (inViewport(l, w, h)) expect(await stackAt(page, ...centre(l))).toContain('input#transfer-level-slider');
      expect(inViewport((await boxOf(page, 'cy-line-chart .plot')) as Box, w, h)).toBe(true);
      await page.context().close();
    });
  }

  it('draws the first chart once, at the height the first screen leaves it (not at a default, then again)', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    // Note, inside every shadow root, the height of the chart's SVG when it is made and each
    // height the page gives the charts (--chart-height on the results).
    await page.addInitScript(() => {
      const w = window as unknown as { __svg: string[]; __fit: string[] };
      w.__svg = [];
      w.__fit = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              // ECharts adds its SVG inside a div of its own.
              const svg = n instanceof SVGSVGElement ? n : n instanceof Element ? n.querySelector('svg') : null;
              if (svg?.closest('.plot')) w.__svg.push(svg.getAttribute('height') ?? '');
            }
            const t = r.target as HTMLElement;
            if (r.type === 'attributes' && t.classList?.contains('results')) w.__fit.push(t.style.getPropertyValue('--chart-height'));
          }
        }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
        return root;
      };
    });
    await page.goto(app.url);
    await page.locator('cy-line-chart[data-draws]').waitFor();
    const { svg, fit } = await page.evaluate(() => {
      const w = window as unknown as { __svg: string[]; __fit: string[] };
      return { svg: w.__svg, fit: w.__fit };
    });
    expect(svg.length).toBe(1);
    expect(fit.length).toBeGreaterThan(0);
    expect(`${svg[0]}px`).toBe(fit[0]);
    expect(await page.locator('cy-line-chart').getAttribute('data-draws')).toBe('1');
    await ctx.close();
  });

  it('"show data as a table" replaces the chart, and the exports stay available', async () => {
    const page = await openAt(1280, 720);
    await page.locator('#toggle-table').click();
    await page.locator('cy-data-table table').waitFor();
    expect(await page.locator('cy-line-chart').isVisible()).toBe(false);
    const plot = await boxOf(page, 'cy-line-chart .plot');
    expect(plot === null || plot.height === 0).toBe(true);
    for (const id of ['#export-png', '#export-svg', '#export-csv']) expect(await page.locator(id).isEnabled()).toBe(true);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    await page.locator('#toggle-table').click();
    expect(await page.locator('cy-line-chart').isVisible()).toBe(true);
    expect(((await boxOf(page, 'cy-line-chart .plot')) as Box).height).toBeGreaterThan(200);
    await page.context().close();
  });
});
