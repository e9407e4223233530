// Component tests in real Chromium: each component mounted alone in the built app's page
// (its elements are defined there), given plain data, used by keyboard and mouse, and
// checked for the events it sends up and what it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { findLever } from '../../src/model/scenario/levers.ts';

let app: AppHarness;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(app.url);
  await page.waitForFunction(() => !!customElements.get('cy-zone-map') && !!customElements.get('cy-lever-control'));
});

afterAll(async () => {
  await page?.close();
  await app?.close();
});

/** Mount `tag` with properties in a fresh container; events of `events` are recorded in window.__events. */
async function mount(tag: string, props: Record<string, unknown>, events: string[]): Promise<void> {
  await page.evaluate(
    ({ tag, props, events }) => {
      document.getElementById('fixture')?.remove();
      const box = document.createElement('div');
      box.id = 'fixture';
      const el = document.createElement(tag) as unknown as Record<string, unknown> & HTMLElement;
      Object.assign(el, props);
      const w = window as unknown as { __events: Array<{ type: string; detail: unknown }> };
      w.__events = [];
      for (const ev of events) el.addEventListener(ev, (e) => w.__events.push({ type: ev, detail: (e as CustomEvent).detail ?? null }));
      box.append(el);
      document.body.prepend(box);
    },
    { tag, props, events },
  );
  await page.waitForFunction((t) => !!document.querySelector(`#fixture ${t}`)?.shadowRoot?.childElementCount, tag);
}

const events = () => page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events);

describe('components in Chromium', () => {
  it('cy-lever-control: arrow keys and exact entry send clamped values; bad entry sends nothing', async () => {
    const lever = findLever('rd_support')!;
    await mount('cy-lever-control', { lever, values: { extra_share_gdp: 0, start_year: 2021 }, lang: 'en' }, ['lever-change']);
    await page.locator('#fixture #rd_support-extra_share_gdp-slider').focus();
    await page.keyboard.press('ArrowRight');
    expect(await events()).toEqual([{ type: 'lever-change', detail: { id: 'rd_support', field: 'extra_share_gdp', value: 0.05 } }]);
    // The start year is a detail, tucked away (and listed, since it differs from the default) until the disclosure opens from the keyboard.
    const num = page.locator('#fixture input[type=number][data-field=start_year]');
    expect(await num.isVisible()).toBe(false);
    expect(await page.locator('#fixture [data-tucked]').textContent()).toBe('Start year 2021');
    await page.locator('#fixture summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#fixture details').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#fixture details').textContent()).toContain('6.5');
    await num.fill('2040');
    await num.press('Enter');
    expect((await events())[1]).toEqual({ type: 'lever-change', detail: { id: 'rd_support', field: 'start_year', value: 2035 } });
    await num.fill('');
    await num.press('Enter');
    expect(await events()).toHaveLength(2);
    expect(await page.locator('#fixture label').first().textContent()).toContain('Extra public R&D (% of GDP)');
  });

  it('cy-zone-map: zones are buttons; Enter selects; colour follows the values', async () => {
    const zones = [
      { id: 'chengdu', kind: 'zone', label: { zh: '成都高新区', en: 'Chengdu' }, lon: 104.07, lat: 30.66 },
      { id: 'mianyang', kind: 'zone', label: { zh: '绵阳高新区', en: 'Mianyang' }, lon: 104.74, lat: 31.46 },
      { id: 'chongqing', kind: 'zone', label: { zh: '重庆高新区', en: 'Chongqing' }, lon: 106.56, lat: 29.56 },
    ];
    const rail = [{ id: 'l', label: { zh: '线', en: 'Line' }, stops: ['chengdu', 'chongqing'] }];
    await mount('cy-zone-map', { zones, rail, values: { chengdu: 100, mianyang: 10, chongqing: 50 }, selected: 'chengdu', kpiLabel: 'HTE', unit: 'firms', lang: 'en' }, ['area-select']);
    const z = page.locator('#fixture [data-zone=mianyang]');
    expect(await z.getAttribute('aria-label')).toBe('Mianyang: 10 firms');
    await z.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    expect(await events()).toEqual([
      { type: 'area-select', detail: 'mianyang' },
      { type: 'area-select', detail: 'mianyang' },
    ]);
    const fill = (id: string) => page.locator(`#fixture [data-zone=${id}] circle`).getAttribute('fill');
    expect(await fill('chengdu')).toBe('#08306b');
    expect(await fill('mianyang')).toBe('#deebf7');
    expect(await page.locator('#fixture polyline').count()).toBe(1);
  });

  it('cy-pin-board: pin disabled at four; rename and remove send their index', async () => {
    const kpis = [{ id: 'hte', label: { zh: '企业', en: 'Firms' }, unit: { zh: '家', en: 'firms' }, digits: 0 }];
    await mount(
      'cy-pin-board',
      { pinNames: ['a', 'b', 'c', 'd'], kpis, baseline: [100], rows: [{ name: 'Current', values: [120] }], areaLabel: 'Circle', lang: 'en' },
      ['pin-add', 'pin-rename', 'pin-remove'],
    );
    expect(await page.locator('#fixture #pin').isDisabled()).toBe(true);
    const name = page.locator('#fixture li[data-pin="2"] input');
    await name.fill('corridor');
    await name.press('Enter');
    await page.locator('#fixture li[data-pin="1"] button').click();
    expect(await events()).toEqual([
      { type: 'pin-rename', detail: { index: 2, name: 'corridor' } },
      { type: 'pin-remove', detail: { index: 1 } },
    ]);
    expect(await page.locator('#fixture #diff tbody tr').nth(1).textContent()).toContain('+20 firms');
  });

  it('cy-kpi-cards: value, signed difference and selection', async () => {
    const kpi = { id: 'rd_intensity', label: { zh: '研发投入强度', en: 'R&D intensity' }, unit: { zh: '%', en: '%' }, digits: 2, deltaUnit: { zh: '个百分点', en: 'pp' } };
    await mount('cy-kpi-cards', { cards: [{ kpi, value: 2.5, baseline: 2.75 }], selected: 'hte', lang: 'zh' }, ['kpi-select']);
    // Always the indicator's decimals; a difference of percentages in percentage points.
    expect(await page.locator('#fixture [data-kpi-value=rd_intensity]').textContent()).toBe('2.50%');
    expect(await page.locator('#fixture .delta').textContent()).toContain('−0.25 个百分点');
    expect(await page.locator('#fixture .delta').getAttribute('class')).toContain('down');
    await page.locator('#fixture button').press('Enter');
    expect(await events()).toEqual([{ type: 'kpi-select', detail: 'rd_intensity' }]);
    // Spending is neither good nor bad: its difference is not coloured.
    const cost = { id: 'policy_cost', label: { zh: '支出', en: 'Spending' }, unit: { zh: '亿元/年', en: 'CNY 100 m/yr' }, digits: 1, scope: 'circle', neutral: true };
    await mount('cy-kpi-cards', { cards: [{ kpi: cost, value: 50, baseline: 0 }], selected: 'hte', lang: 'zh' }, []);
    // The difference is in the value's unit, which stands just above it.
    expect(await page.locator('#fixture .delta').textContent()).toMatch(/较基准 \+50\.0\s*$/);
    expect(await page.locator('#fixture .value').textContent()).toBe('50.0 亿元/年');
    expect(await page.locator('#fixture .delta').getAttribute('class')).not.toMatch(/up|down/);
  });

  it('cy-notice: errors are alerts and can be dismissed', async () => {
    await mount('cy-notice', { message: 'bad link', kind: 'error', lang: 'en' }, ['notice-dismiss']);
    expect(await page.locator('#fixture [role=alert]').textContent()).toContain('bad link');
    await page.locator('#fixture button').click();
    expect(await events()).toEqual([{ type: 'notice-dismiss', detail: null }]);
  });

  it('model client: a worker that dies fails the call in flight, and the next call gets a new worker', async () => {
    const r = await page.evaluate(async () => {
      type Client = { meta(): Promise<unknown>; run(c: Record<string, number>): Promise<{ times: Float64Array }>; dispose(): void; worker: Worker };
      const app = document.querySelector('cy-app') as unknown as { client: Client };
      const Ctor = (app.client as unknown as { constructor: new () => Client }).constructor;
      const c = new Ctor();
      await c.meta();
      const first = c.worker;
      const pending = c.run({}).then(
        () => 'resolved',
        (e: Error) => `rejected: ${e.message}`,
      );
      // What the browser fires on the Worker object when its script crashes.
      first.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
      const outcome = await pending;
      const again = await c.run({});
      const replaced = c.worker !== first;
      c.dispose();
      return { outcome, replaced, points: again.times.length };
    });
    expect(r.outcome).toBe('rejected: the model worker stopped: out of memory');
    expect(r.replaced).toBe(true);
    expect(r.points).toBe(21);
  });

  it('cy-data-table: one row per whole year, numbers in the language of the page', async () => {
    const series = [{ id: 'c', name: 'Current', role: 'current', times: [2015, 2015.5, 2016], values: [1234.5, 1300, 1400] }];
    await mount('cy-data-table', { series, caption: 'Firms', lang: 'en' }, []);
    const rows = await page.locator('#fixture tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['2015 1,235', '2016 1,400']);
  });
});
