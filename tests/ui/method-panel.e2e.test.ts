// End-to-end: the data-and-method panel (数据与方法 / Data and method) at a 1280×720 projector
// and a 390×844 phone, in 中文 and English. It opens from the header and from the chart's
// "sources" button (keyboard too); it states what the baseline means (the baseline preset's
// own description, levers from 2026), the paper and the data vintage (nothing after 2022),
// the in-sample error per series, the 2019 hindcast, the posterior's diagnostics, and each
// observed point of the chart with its source and decision. The selected preset's
// description shows on the page; observed points show their source on hover; the bundles
// carry the panel's numbers, not the calibration code or validation.json. Screenshots go to
// $PANEL_SHOTS (default /tmp/panel-shots).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { boxOf, chineseText, englishWords, inViewport, openApp, settled, visibleText, type Box } from './page-helpers.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };
import corridor from '../../scenarios/corridor.json' with { type: 'json' };
import validation from '../../src/model/chengyu/validation.json' with { type: 'json' };
import { POSTERIOR } from '../../src/model/chengyu/posterior-data.ts';
import { CALIBRATION_TARGETS } from '../../src/model/chengyu/targets.ts';
import { forecastSkill } from '../../src/model/chengyu/forecast-skill.ts';
import { COMMITTED_FORECAST_ERROR } from '../../src/model/chengyu/forecast-error-data.ts';

const SHOTS = process.env.PANEL_SHOTS ?? '/tmp/panel-shots';
let app: AppHarness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function openAt(width: number, height: number, lang: 'zh' | 'en'): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await openApp(page, app.url);
  if (lang === 'en') await page.locator('[data-lang=en]').click();
  return page;
}

/** The hindcast's enterprise series: forecast MAPE range and whether all were under-predicted. */
function hteHindcast(): { lo: number; hi: number; under: boolean } {
  const rows = validation.hindcast.series.filter((s) => s.role === 'forecast' && /^hte[_[]/.test(s.output));
  const mape = rows.map((r) => r.mape);
  return { lo: Math.round(Math.min(...mape)), hi: Math.round(Math.max(...mape)), under: rows.every((r) => r.biasPct < 0) };
}

/** Pixel position of an observed point on the chart (through the chart instance). */
async function pointAt(page: Page, year: number, value: number): Promise<[number, number]> {
  const plot = (await boxOf(page, 'cy-line-chart .plot')) as Box;
  const [x, y] = await page.locator('cy-line-chart').evaluate(
    (el, [yr, v]) => (el as unknown as { chart: { convertToPixel(f: unknown, p: number[]): number[] } }).chart.convertToPixel({ seriesId: 'history' }, [yr, v]),
    [year, value],
  );
  return [plot.x + x, plot.y + y];
}

const sizes = [
  [1280, 720],
  [390, 844],
] as const;

describe('data-and-method panel', () => {
  for (const [w, h] of sizes) {
    for (const lang of ['zh', 'en'] as const) {
      it(`at ${w}×${h} (${lang}) states the baseline, paper and vintage, fit, hindcast, posterior and the chart's observed points`, async () => {
        const page = await openAt(w, h, lang);
        // The selected preset's description is on the page: all levers at their defaults = the baseline.
        expect((await page.locator('#scenario-description').textContent())?.trim()).toBe(baseline.description[lang]);
        expect(await page.locator('#scenario-starts').count()).toBe(0);
        await page.screenshot({ path: join(SHOTS, `page-${w}x${h}-${lang}.png`) });

        await page.locator('#method-open').click();
        const dialog = page.locator('cy-method-panel dialog');
        await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
        const box = (await dialog.boundingBox()) as Box;
        expect(inViewport(box, w, h)).toBe(true);
        await page.screenshot({ path: join(SHOTS, `panel-${w}x${h}-${lang}.png`) });

        // 1. The baseline: its preset's description and the 2026 default start.
        const base = page.locator('#method-baseline');
        expect(await base.textContent()).toContain(baseline.description[lang]);
        expect(await base.textContent()).toMatch(lang === 'zh' ? /第 6 节.*2026 年/ : /section-6.*2026/);
        // 2. The paper and the vintage.
        expect(await page.locator('#method-paper').textContent()).toContain(lang === 'zh' ? '成渝地区双城经济圈国家高新区高质量发展研究' : 'Study on High Quality Development');
        expect(await page.locator('#method-paper').textContent()).toContain(lang === 'zh' ? '2016–2022' : '2016–2022');
        expect(await page.locator('#method-vintage').textContent()).toBe(lang === 'zh' ? '2022 年以后的数据一概不用：以后各年留作检验预测。' : 'Nothing after 2022 is used: later years judge the forecasts.');
        // 3. In-sample MAPE per series, as `validate` committed it (the build computes it from the baseline run).
        for (const s of validation.inSample.series) {
          const cells = await page.locator(`#method-fit-table tr[data-output="${s.output}"] td`).allTextContents();
          expect(cells[3], s.output).toBe(`${s.mape.toFixed(1)}%`);
        }
        // 4. The hindcast headline and each forecast series.
        const hc = hteHindcast();
        expect(hc.under).toBe(true);
        expect(await page.locator('#method-hindcast-headline').textContent()).toBe(
          lang === 'zh'
            ? `只用 2015–2019 年的数据拟合时，模型把 2020–2022 年的高新技术企业数低估了 ${hc.lo}–${hc.hi}%。`
            : `Fitted on 2015–2019 only, the model under-predicted the 2020–2022 enterprise counts by ${hc.lo}–${hc.hi}%.`,
        );
        const cov = (validation.hindcast as { coverage?: { predictive: number; bands: unknown[] } }).coverage;
        if (cov) expect(await page.locator('#method-coverage').textContent()).toContain(`${Math.round(100 * cov.predictive)}%`);
        const forecast = validation.hindcast.series.filter((s) => s.role === 'forecast');
        expect(await page.locator('#method-hindcast-table tbody tr').count()).toBe(forecast.length);
        // The naive trend forecast's error beside the model's, on the same points.
        for (const k of forecastSkill(validation.hindcast as Parameters<typeof forecastSkill>[0]).filter((x) => forecast.find((f) => f.output === x.output)?.points === x.points)) {
          expect(await page.locator(`#method-hindcast-table tr[data-output="${k.output}"] td.naive`).textContent(), k.output).toBe(`${k.driftMape.toFixed(1)}%`);
        }
        await page.locator('#method-hindcast').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `panel-hindcast-${w}x${h}-${lang}.png`) });
        // The tables fit the dialog's width (no sideways scrolling on a phone).
        for (const id of ['#method-fit-table', '#method-hindcast-table']) {
          const tb = (await boxOf(page, id)) as Box;
          expect(tb.x + tb.width, id).toBeLessThanOrEqual(box.x + box.width + 0.5);
        }
        // 5. The posterior.
        const post = await page.locator('#method-posterior').textContent();
        expect(post).toContain(String(POSTERIOR.draws.length));
        expect(post).toContain(Math.max(...POSTERIOR.summary.map((s) => s.rhat)).toFixed(3));
        expect(post).toContain(String(Math.round(Math.min(...POSTERIOR.summary.map((s) => s.ess)))));
        // The chart's outer band: the hindcasts' forecast error, and what it means for 2035.
        const hte = COMMITTED_FORECAST_ERROR.find((s) => s.family === 'hte')!;
        const fe = (await page.locator('#method-forecast-error').textContent()) ?? '';
        expect(fe).toContain(`${Math.round(100 * hte.sigma)}%`);
        expect(fe).toContain(`×${Math.exp(1.645 * hte.sigma * Math.sqrt(2035 - 2022)).toFixed(1)}`);
        // 6. The default chart (circle, enterprises): the provinces' sums, each with both sources.
        const points = page.locator('#method-observed-list > li');
        const sums = CALIBRATION_TARGETS.filter((t) => t.output === 'hte_sichuan' && CALIBRATION_TARGETS.some((c) => c.output === 'hte_chongqing' && c.year === t.year));
        expect(await points.count()).toBe(sums.length);
        expect(await points.first().textContent()).toContain(lang === 'zh' ? '论文表 2' : 'paper Table 2');

        // Every word in the chosen language (the decisions are English originals on request).
        const texts = await visibleText(page);
        expect(lang === 'zh' ? englishWords(texts) : chineseText(texts)).toEqual([]);
        await page.locator('#method-observed').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `panel-observed-${w}x${h}-${lang}.png`) });

        // Escape closes it, and the focus goes back to the button that opened it.
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
        expect(await page.evaluate(() => document.querySelector('cy-app')?.shadowRoot?.activeElement?.id)).toBe('method-open');
        await page.context().close();
      }, 90_000);
    }
  }

  it('ships the panel as numbers only: no calibration code and no validation file in the page or the worker', () => {
    const dir = join(app.outDir, 'assets');
    const js = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(js.length).toBeGreaterThan(2);
    for (const text of js) {
      expect(text).not.toContain('fitReport: the run has no output');
      // Keys only validation.json's rows and bands hold.
      expect(text).not.toContain('inPredictive');
      expect(text).not.toMatch(/"role":\s*"forecast"/);
    }
  });

  it('the chart shows the observed points of the selected area with their source on hover, and opens them from the keyboard (zh, en)', async () => {
    const page = await openAt(1280, 720, 'zh');
    // Sichuan: its own targets.
    await page.locator('#area').selectOption('sichuan');
    await settled(page);
    const targets = CALIBRATION_TARGETS.filter((t) => t.output === 'hte_sichuan');
    const t2018 = targets.find((t) => t.year === 2018)!;
    const history = await page.locator('cy-line-chart').evaluate((el) => {
      const s = (el as unknown as { series: Array<{ id: string; times: ArrayLike<number>; values: ArrayLike<number> }> }).series.find((x) => x.id === 'history');
      return s ? Array.from(s.times).map((t, i) => [t, s.values[i]]) : [];
    });
    expect(history).toEqual(targets.map((t) => [t.year, t.value]));
    await page.mouse.move(...(await pointAt(page, t2018.year, t2018.value)));
    const tip = page.locator('cy-line-chart .obs-note').last();
    await tip.waitFor();
    expect(await tip.textContent()).toContain('来源：论文表 2');
    expect(englishWords([(await tip.textContent()) ?? ''])).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'tooltip-1280x720-zh.png') });

    await page.locator('[data-lang=en]').click();
    await page.mouse.move(10, 10);
    await page.mouse.move(...(await pointAt(page, t2018.year, t2018.value)));
    await expect.poll(() => page.locator('cy-line-chart .obs-note').last().textContent()).toContain(`Source: ${t2018.source}`);
    expect(await page.locator('cy-line-chart .obs-note').last().textContent()).toContain(t2018.decision.slice(0, 40));
    await page.screenshot({ path: join(SHOTS, 'tooltip-1280x720-en.png') });

    // Keyboard: the chart's "sources" button opens the panel at this chart's points.
    await page.locator('[data-lang=zh]').click();
    await page.locator('#observed-sources').focus();
    await page.keyboard.press('Enter');
    const list = page.locator('#method-observed-list > li');
    await list.first().waitFor();
    expect(await list.count()).toBe(targets.length);
    expect(await page.locator('#method-observed h3').textContent()).toContain('高新技术企业（四川省）');
    // The decision is English only: a closed disclosure in 中文, its original marked lang="en".
    const summary = page.locator('#method-observed-list > li[data-year="2019"] summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const original = page.locator('#method-observed-list > li[data-year="2019"] details[open] span[lang=en]').first();
    expect(await original.textContent()).toContain(targets.find((t) => t.year === 2019)!.decision.slice(0, 40));
    await page.screenshot({ path: join(SHOTS, 'observed-open-1280x720-zh.png') });
    await page.keyboard.press('Escape');

    // The circle's R&D intensity: derived from both provinces' R&D and GDP, its parts in their own units.
    await page.locator('#area').selectOption('circle');
    await page.locator('#kpi').selectOption('rd_intensity');
    await settled(page);
    await page.locator('#observed-sources').click();
    const ratio = page.locator('#method-observed-list > li').first();
    await ratio.waitFor();
    expect(await ratio.textContent()).toContain('研发经费之和 ÷ 地区生产总值之和');
    expect(await ratio.textContent()).toContain('地区生产总值（重庆市）');
    await page.screenshot({ path: join(SHOTS, 'observed-intensity-circle-1280x720-zh.png') });
    await page.keyboard.press('Escape');

    // A preset's description replaces the baseline's; a moved lever makes the settings custom (no description).
    await page.locator('#preset').selectOption('corridor');
    await settled(page);
    expect((await page.locator('#scenario-description').textContent())?.trim()).toBe(corridor.description.zh);
    // The years the settings use are stated beside the prose (which may name others).
    expect(await page.locator('#scenario-starts').textContent()).toContain(`${corridor.levers.corridor.start_year} 年起生效`);
    await page.screenshot({ path: join(SHOTS, 'preset-corridor-1280x720-zh.png') });
    await page.locator('#corridor-integration-slider').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await page.locator('#scenario-description').count()).toBe(0);
    await page.context().close();
  }, 90_000);
});
