// End-to-end: typed lever values that cannot be used as typed are brought into range
// and the person is told so, next to the field; each lever has its own reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { openApp, settled } from './page-helpers.ts';

let app: AppHarness;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, app.url);
});

afterAll(async () => {
  await page?.close();
  await app?.close();
});

const num = (lever: string, field: string) => page.locator(`input[type=number][data-lever=${lever}][data-field=${field}]`);

describe('lever entry', () => {
  it('says when a typed value is clamped or rounded, and the note goes when the value moves on', async () => {
    await num('rd_support', 'extra_share_gdp').fill('9');
    await num('rd_support', 'extra_share_gdp').press('Enter');
    await settled(page);
    expect(await page.locator('#rd_support-extra_share_gdp-slider').inputValue()).toBe('1.5');
    const note = page.locator('[data-note=extra_share_gdp]');
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.textContent()).toBe('输入的 9 超出范围 0–1.5，已取 1.5。');
    // A whole-number field rounds, and says so.
    await num('parks', 'count').fill('2.6');
    await num('parks', 'count').press('Enter');
    expect(await page.locator('[data-note=count]').textContent()).toBe('输入的 2.6 不是整数，已取 3。');
    // In English too.
    await page.locator('[data-lang=en]').click();
    expect(await note.textContent()).toBe('9 is outside 0–1.5; 1.5 is used.');
    await page.locator('[data-lang=zh]').click();
    // Moving the slider makes the note stale: it goes.
    await page.locator('#rd_support-extra_share_gdp-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await settled(page);
    expect(await note.count()).toBe(0);
  });

  it('resets one lever and leaves the others', async () => {
    await page.locator('#corridor-integration-slider').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    const reset = page.locator('button[data-reset=rd_support]');
    expect(await reset.getAttribute('aria-label')).toContain('恢复默认值');
    await reset.click();
    await settled(page);
    expect(await page.locator('#rd_support-extra_share_gdp-slider').inputValue()).toBe('0');
    expect(await page.locator('#corridor-integration-slider').inputValue()).toBe('0.2');
    expect(await page.locator('#parks-count-slider').inputValue()).toBe('3');
    // The button goes with the changes; focus stays in the lever.
    expect(await reset.count()).toBe(0);
    expect(await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.id;
    })).toBe('rd_support-extra_share_gdp-slider');
    // Untouched levers have no reset button (fewer tab stops).
    expect(await page.locator('button[data-reset=science_city]').count()).toBe(0);
  });
});
