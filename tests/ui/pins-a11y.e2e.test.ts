// End-to-end: pinned runs are named by what they are and keep their colours; the page
// works for keyboard and screen-reader users (a visible focus ring, a skip link, few
// tab stops before the results, a status that speaks once a change has settled).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSession } from './app-session.ts';
import { settled } from './page-helpers.ts';

const { open } = appSession({ viewport: { width: 1280, height: 800 } });

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored: both opaque here). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => Number(x) / 255);
    const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => p - q);
  return (y + 0.05) / (x + 0.05);
}

const pinNames = (page: Page) => page.locator('cy-pin-board li input[type=text]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const pinDots = (page: Page) => page.locator('cy-pin-board li .dot').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));

/** The deepest focused element through shadow roots: its id, tag and focus-ring style, and the background behind it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return undefined;
    // An invisible control (the file input over its button) is ringed by its wrapper.
    const ringed = getComputedStyle(el).opacity === '0' && el.parentElement ? el.parentElement : el;
    const cs = getComputedStyle(ringed);
    // The first opaque background behind it, climbing out of shadow roots.
    let bg = 'rgb(255, 255, 255)';
    // A ring drawn over the header (the skip links sit there when focused) is seen against the header.
    const r = el.getBoundingClientRect();
    const header = document.querySelector('cy-app')?.shadowRoot?.querySelector('header');
    const hb = header?.getBoundingClientRect();
    const overHeader = !!hb && r.top - 4 < hb.bottom && r.bottom + 4 > hb.top;
    for (let n: Node | null = overHeader && header ? header : (el.parentNode ?? null); n; ) {
      if (n instanceof Element) {
        const c = getComputedStyle(n).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) {
          bg = c;
          break;
        }
        n = n.parentNode;
      } else if (n instanceof ShadowRoot) n = n.host;
      else n = n.parentNode;
    }
    return { id: el.id, tag: el.tagName.toLowerCase(), inSvg: el instanceof SVGElement, text: (el.textContent ?? '').trim(), outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg };
  });
}

describe('pins', () => {
  it('take the preset name, never repeat, keep their colours, and the colours stand out (≥ 3:1)', async () => {
    const page = await open();
    await page.locator('#preset').selectOption('corridor');
    await settled(page);
    await page.locator('#pin').click();
    await page.locator('#pin').click();
    await page.locator('#corridor-integration-slider').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.locator('#pin').click();
    expect(await pinNames(page)).toEqual(['成渝科技创新大走廊', '成渝科技创新大走廊 (2)', '方案 1']);
    const before = await pinDots(page);
    expect(new Set(before).size).toBe(3);
    // Removing the first pin leaves the others their colours; a new pin takes the free one.
    await page.locator('cy-pin-board li').nth(0).locator('button').click();
    expect(await pinDots(page)).toEqual(before.slice(1));
    await page.locator('#pin').click();
    expect((await pinNames(page))[2]).toBe('方案 2');
    expect((await pinDots(page))[2]).toBe(before[0]);
    await page.locator('#pin').click();
    const all = await pinDots(page);
    expect(new Set(all).size).toBe(4);
    for (const c of all) {
      expect(contrast(c, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
      expect(contrast(c, 'rgb(246, 247, 249)')).toBeGreaterThanOrEqual(3);
    }
    expect(await pinNames(page)).toEqual(['成渝科技创新大走廊 (2)', '方案 1', '方案 2', '方案 3']);
    // A typed name that another pin has gets a number too; a new name is kept as typed.
    const names = page.locator('cy-pin-board li input[type=text]');
    await names.nth(0).fill('方案 1');
    await names.nth(0).press('Enter');
    expect((await pinNames(page))[0]).toBe('方案 1 (2)');
    await names.nth(3).fill('走廊加转化');
    await names.nth(3).press('Enter');
    expect((await pinNames(page))[3]).toBe('走廊加转化');
    // A reload (the address bar holds the state) keeps names and colours.
    const dots = await pinDots(page);
    const shown = await pinNames(page);
    await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(10);
    await page.waitForTimeout(400);
    await page.reload();
    await settled(page);
    expect(await pinNames(page)).toEqual(shown);
    expect(await pinDots(page)).toEqual(dots);
    await page.close();
  });
});

describe('accessibility', () => {
  it('a skip link comes first, few tab stops lead to the area picker, and the focus ring has ≥ 3:1 contrast', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first?.tag).toBe('a');
    expect(first?.text).toMatch(/跳到/);
    // Tab stops from the top of the page to the area picker.
    let stops = 1;
    const seen: Array<NonNullable<Awaited<ReturnType<typeof focused>>>> = [first!];
    while (stops < 60) {
      await page.keyboard.press('Tab');
      stops++;
      const f = await focused(page);
      if (f) seen.push(f);
      if (f?.id === 'area') break;
    }
    expect(seen[seen.length - 1].id).toBe('area');
    // Skip links, reach a target, data and method, the offline indicator, the two languages, four scenario controls.
    expect(stops).toBeLessThanOrEqual(12);
    // Keep going through the levers: every ring is solid, ≥ 2 px, ≥ 3:1 against what is behind it.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f) seen.push(f);
    }
    for (const f of seen.filter((x) => !x.inSvg)) {
      expect(f.outline, `${f.tag}#${f.id}`).not.toBe('none');
      expect(f.width, `${f.tag}#${f.id}`).toBeGreaterThanOrEqual(2);
      expect(contrast(f.color, f.bg), `${f.tag}#${f.id} ${f.color} on ${f.bg}`).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it('the skip links move focus to the levers and to the results', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('levers');
    // Undo and redo first (they stay in the tab order while there is nothing to undo, and say so).
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('undo');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('redo');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.text).toBe('恢复默认');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('science_city-investment-slider');
    // The second skip link: to the results (then the headline cards).
    await page.evaluate(() => (document.querySelector('cy-app')?.shadowRoot?.querySelectorAll('a.skip')[1] as HTMLElement).focus());
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('results');
    // The headline year's picker heads the cards, then the first card.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('headline-year');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.tag).toBe('button');
    expect(await page.evaluate(() => location.hash)).toMatch(/^(#cy=2&.*)?$/);
    await page.close();
  });

  it('the status region speaks once after a burst of key presses, not at each', async () => {
    const page = await open();
    // Only the announcer is a live region in the header; the visible status is not.
    expect(await page.locator('#status').getAttribute('aria-live')).toBeNull();
    const live = page.locator('#announce');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await live.evaluate((el) => {
      const w = window as unknown as { announced: string[] };
      w.announced = [];
      new MutationObserver(() => w.announced.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('#transfer-level-slider').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.filter(Boolean).length), { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(1500);
    const said = await page.evaluate(() => (window as unknown as { announced: string[] }).announced.filter(Boolean));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/已更新.*高新技术企业.*家/);
    await page.close();
  });
});
