// The web app's "reach a target" search in Chromium at the panel's settings (40 common
// posterior draws per package, 20 generations; two targets at 80 %): time from Start to the
// answer on screen, and lever key press → updated chart while the search runs next to the
// same with no search. Baseline measured in this process: the same request through the same
// code in Node (one core), so the browser's time reads as a ratio.
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.js';
import { buildApp, CHROMIUM, CHROMIUM_ARGS } from '../tests/ui/harness.ts';
import { goalSearch } from '../src/ui/model-bridge/goal-search.ts';
import { GOAL_DEFAULTS, type GoalRequest } from '../src/ui/model-bridge/goal-types.ts';
import { keyToFrame, quantile } from './ui.bench.ts';

const PRESSES = 15;

/** Run the benchmark and print its report. */
export async function run(): Promise<void> {
  const req: GoalRequest = {
    targets: [
      { output: 'hte_circle', year: 2030, op: '>=', value: 60000 },
      { output: 'rd_intensity_sichuan', year: 2030, op: '>=', value: 3 },
    ],
    confidence: GOAL_DEFAULTS.confidence,
    budget: null,
    fixed: {},
    runs: GOAL_DEFAULTS.runs,
    generations: GOAL_DEFAULTS.generations,
    seed: GOAL_DEFAULTS.seed,
  };
  let t = performance.now();
  const node = await goalSearch(req);
  const nodeS = (performance.now() - t) / 1000;

  const prevEnv = process.env.NODE_ENV;
  const outDir = await buildApp();
  process.env.NODE_ENV = prevEnv;
  const server = await serveStatic(outDir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => /已更新/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''), undefined, { timeout: 120_000 });
    const slider = page.locator('#corridor-integration-slider');
    const idle: number[] = [];
    await slider.focus();
    for (let i = 0; i < PRESSES; i++) idle.push(await keyToFrame(page, i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    // The panel, two targets, its default settings.
    await page.locator('#goal-open').click();
    const row = (i: number) => page.locator(`cy-goal-panel fieldset[data-target="${i}"]`);
    await row(0).locator('select[data-field=kpi]').selectOption('hte');
    await row(0).locator('input[data-field=value]').fill('60000');
    await page.locator('#goal-add').click();
    await row(1).locator('select[data-field=kpi]').selectOption('rd_intensity');
    await row(1).locator('select[data-field=area]').selectOption('sichuan');
    await row(1).locator('input[data-field=value]').fill('3');
    t = performance.now();
    await page.locator('#goal-start').click();
    // Lever moves while it runs (the dialog closed; the search goes on in its own worker).
    await page.waitForFunction(() => /第 \d+ \/ 20 代/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('cy-goal-panel')?.shadowRoot?.querySelector('#goal-progress')?.textContent ?? ''), undefined, { timeout: 600_000 });
    await page.locator('#goal-close').click();
    await slider.focus();
    const busy: number[] = [];
    for (let i = 0; i < PRESSES; i++) busy.push(await keyToFrame(page, i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    await page.locator('#goal-open').click();
    await page.locator('#goal-result').waitFor({ timeout: 900_000 });
    const browserS = (performance.now() - t) / 1000;
    const kind = await page.locator('#goal-result').getAttribute('data-kind');
    const stats = await page.locator('cy-goal-panel .answer p.note').last().evaluate((e) => e.previousElementSibling?.textContent ?? '');
    console.log(`targets                         hte_circle@2030>=60000, rd_intensity_sichuan@2030>=3 at 80 %, ${req.runs} draws × ${req.generations} generations`);
    console.log(`browser: Start → answer          ${browserS.toFixed(1)} s (${kind}; first search compiles the model in its worker)`);
    console.log(`Node, same request (baseline)    ${nodeS.toFixed(1)} s, ${node.evaluations} packages = ${node.evaluations * req.runs} model runs → browser/Node ${(browserS / nodeS).toFixed(2)}×`);
    console.log(`panel says                       ${stats.trim()}`);
    console.log(`lever → chart, idle              median ${quantile(idle, 0.5).toFixed(1)} ms, p95 ${quantile(idle, 0.95).toFixed(1)} ms`);
    console.log(`lever → chart, search running    median ${quantile(busy, 0.5).toFixed(1)} ms, p95 ${quantile(busy, 0.95).toFixed(1)} ms (${(quantile(busy, 0.5) / quantile(idle, 0.5)).toFixed(2)}× idle)`);
    console.log(`package                          cost ${node.best.cost.toFixed(0)} 亿元 (${node.kind})`);
  } finally {
    await browser.close();
    await server.close();
  }
}
