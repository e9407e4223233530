// End-to-end: the teaching structure view as a facilitator (1280×720 projector, 中文) and a
// participant (390×844 phone, English) use it: a stock reads as d(stock)/dt = inflows −
// outflows with its initial value, the diagram draws the neighbourhood with signed links,
// pipes and R/B loops in readable type, a click moves to a neighbour, the picker is grouped
// and searchable, and a lever input shows the value the scenario uses.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAtSizes } from './app-session.ts';
import { chineseText, englishWords, settled, type Box } from './page-helpers.ts';

const SHOTS = process.env.UI_SHOTS_DIR;
const app = appAtSizes();

async function openAt(width: number, height: number, lang: 'zh' | 'en'): Promise<Page> {
  const page = await app.open(width, height, lang);
  await page.locator('#structure-diagram').scrollIntoViewIfNeeded();
  await page.locator('cy-structure-diagram g.node').first().waitFor();
  return page;
}

/** Boxes of the diagram's variables (name → box on screen). */
async function nodeBoxes(page: Page): Promise<Map<string, Box>> {
  const nodes = page.locator('cy-structure-diagram g.node');
  const out = new Map<string, Box>();
  for (let i = 0; i < (await nodes.count()); i++) {
    const n = nodes.nth(i);
    out.set((await n.getAttribute('data-var'))!, (await n.locator('rect').boundingBox())!);
  }
  return out;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Smallest font size of the diagram's names, in CSS pixels as drawn. */
async function smallestFont(page: Page): Promise<number> {
  return page.locator('cy-structure-diagram').evaluate((el) => {
    const sizes = [...el.shadowRoot!.querySelectorAll('g.node text')].map((t) => (t as SVGTextElement).getBoundingClientRect().height);
    return Math.min(...sizes);
  });
}

/** Visible text of the structure view only. */
async function viewText(page: Page): Promise<string[]> {
  return page.locator('cy-structure-view').evaluate((host) => {
    const out: string[] = [];
    const walk = (n: Node): void => {
      if (n.nodeType === Node.TEXT_NODE) {
        const s = n.textContent?.trim();
        if (s) out.push(s);
        return;
      }
      if (!(n instanceof Element)) return n.childNodes.forEach(walk);
      const tag = n.tagName.toLowerCase();
      if (['code', 'pre', 'style', 'title', 'option', 'optgroup'].includes(tag) || (n.getAttribute('lang') ?? document.documentElement.lang).slice(0, 2) !== document.documentElement.lang.slice(0, 2)) return;
      if (tag === 'details' && !(n as HTMLDetailsElement).open) return;
      (n.shadowRoot ?? n).childNodes.forEach(walk);
    };
    walk(host.shadowRoot!);
    return out;
  });
}

describe('structure view on a projector (1280×720, 中文)', () => {
  it('explains the stock of enterprises as a stock-and-flow diagram with signed links and loops', async () => {
    const page = await openAt(1280, 720, 'zh');
    const heading = page.locator('#structure-h');
    expect(await heading.textContent()).toContain('高新技术企业数');
    expect(await heading.locator('code').textContent()).toBe('hte');
    // A stock is its rate of change and its initial value, not `hte = hte_initial`.
    expect((await page.locator('#structure-rate').textContent())!.replace(/\s+/g, ' ')).toContain('d(高新技术企业数)/dt = 首次认定高新技术企业 − 到期未重新认定 − 高新技术企业退出');
    expect(await page.locator('cy-structure-view pre').first().textContent()).toBe('d(hte)/dt = certification − lapse − hte_exit');
    expect(await page.locator('#structure-initial').textContent()).toBe('hte(t₀) = hte_initial');

    // The diagram: the stock as a box, its flows as valves on pipes, signs on the links.
    const diagram = page.locator('cy-structure-diagram');
    expect(await diagram.locator('g.node[data-var=hte]').getAttribute('data-kind')).toBe('stock');
    expect(await diagram.locator('g.node[data-var=certification]').getAttribute('data-kind')).toBe('flow');
    expect(await diagram.locator('[data-link="certification>hte"]').getAttribute('data-sign')).toBe('+');
    expect(await diagram.locator('[data-link="hte_exit>hte"]').getAttribute('data-sign')).toBe('-');
    expect(await diagram.locator('[data-link="hte>hte_exit"]').getAttribute('data-sign')).toBe('+');
    // Exits drain the stock they depend on: a balancing loop, marked in the diagram and the list.
    expect(await diagram.locator('g.loop[data-loop^=B]').count()).toBeGreaterThan(0);
    expect(await page.locator('#structure-loops li[data-kind=B]').count()).toBeGreaterThan(0);
    // Names in Chinese in the diagram, readable from the back of the room, nothing overlapping, all on screen.
    const boxes = await nodeBoxes(page);
    expect(await diagram.locator('g.node[data-var=certification] text').first().textContent()).toBe('首次认定高新技术企业');
    expect(await smallestFont(page)).toBeGreaterThanOrEqual(14);
    const list = [...boxes.values()];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlap(list[i], list[j])).toBe(false);
    for (const b of list) expect(b.x >= 0 && b.x + b.width <= 1280).toBe(true);
    // Causes to the left of the stock, outflows and effects to its right.
    expect(boxes.get('certification')!.x).toBeLessThan(boxes.get('hte')!.x);
    expect(boxes.get('hte_exit')!.x).toBeGreaterThan(boxes.get('hte')!.x);
    expect(englishWords(await viewText(page))).toEqual([]);
    if (SHOTS) await page.locator('cy-structure-view').screenshot({ path: `${SHOTS}/structure-1280-zh.png` });

    // Two steps: more of the model, the causes of the flows too.
    const before = boxes.size;
    await page.locator('#structure-depth-2').click();
    expect((await nodeBoxes(page)).size).toBeGreaterThan(before);
    expect(await diagram.locator('g.node[data-var=sme]').count()).toBe(1);
    if (SHOTS) await page.locator('cy-structure-view').screenshot({ path: `${SHOTS}/structure-1280-zh-2.png` });

    // Highlighting a loop fades what is not on it.
    await page.locator('#structure-loops button.loop').first().click();
    expect(await diagram.locator('g.node.faded').count()).toBeGreaterThan(0);
    expect(await diagram.locator('g.node[data-var=hte]:not(.faded)').count()).toBe(1);

    // A click on a variable in the diagram moves there.
    await diagram.locator('g.node[data-var=certification]').click();
    expect(await heading.textContent()).toContain('首次认定高新技术企业');
    expect(await page.locator('#structure-pick').inputValue()).toBe('certification');
    // From the keyboard too.
    await diagram.locator('g.node[data-var=sme]').focus();
    await page.keyboard.press('Enter');
    expect(await heading.locator('code').textContent()).toBe('sme');
    await page.close();
  }, 120_000);

  it('groups and searches the picker, and shows a lever input at the value in use', async () => {
    const page = await openAt(1280, 720, 'zh');
    const pick = page.locator('#structure-pick');
    const groups = await pick.locator('optgroup').evaluateAll((gs) => gs.map((g) => (g as HTMLOptGroupElement).label));
    expect(groups).toEqual(['存量', '流量', '辅助变量', '政策杠杆输入', '参数']);
    const all = await pick.locator('option').count();
    expect(all).toBeGreaterThan(200);
    // Options are names, not ids.
    expect(await pick.locator('option[value=tech_contracts_sichuan]').textContent()).toBe('技术合同成交额（四川省）');
    await page.locator('#structure-search').fill('技术合同');
    const found = await pick.locator('option').allTextContents();
    expect(found.length).toBeLessThan(20);
    expect(found.filter((x) => x !== '高新技术企业数').every((x) => x.includes('技术合同'))).toBe(true);
    // Ids are found too.
    await page.locator('#structure-search').fill('lever_corridor');
    expect(await pick.locator('option').count()).toBeLessThanOrEqual(3);

    // Move the corridor lever, then look at its input: the value in use, not the default.
    await page.locator('#corridor-integration-slider').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    const used = await page.locator('#corridor-integration-slider').inputValue();
    expect(Number(used)).toBeGreaterThan(0);
    await pick.selectOption('lever_corridor_integration');
    expect(await page.locator('#structure-h').textContent()).toContain('成渝科技创新大走廊：走廊一体化程度');
    expect(await page.locator('#structure-in-use').textContent()).toContain(String(Number(used)));
    expect(await page.locator('#structure-lever').textContent()).toContain('默认值');
    expect(await page.locator('cy-structure-view pre').first().textContent()).toBe(`lever_corridor_integration = ${Number(used)}`);
    // The search is cleared by the move; the picker shows everything again.
    expect(await pick.locator('option').count()).toBe(all);
    // The lever drives the corridor's response: a signed link in the diagram.
    expect(await page.locator('cy-structure-diagram [data-link="lever_corridor_integration>corridor_response"]').getAttribute('data-sign')).toBe('+');
    await page.close();
  }, 120_000);
});

describe('structure view on a phone (390×844, English)', () => {
  it('draws causes above and effects below in readable type, without running off the screen', async () => {
    const page = await openAt(390, 844, 'en');
    expect(await page.locator('#structure-h').textContent()).toContain('High-tech enterprises');
    expect((await page.locator('#structure-rate').textContent())!.replace(/\s+/g, ' ')).toContain('d(High-tech enterprises)/dt = First certifications − Certificates lapsed − Exits of certified firms');
    const boxes = await nodeBoxes(page);
    expect(boxes.get('certification')!.y).toBeLessThan(boxes.get('hte')!.y);
    expect(boxes.get('hte_exit')!.y).toBeGreaterThan(boxes.get('hte')!.y);
    const list = [...boxes.values()];
    for (const b of list) expect(b.x >= 0 && b.x + b.width <= 390).toBe(true);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlap(list[i], list[j])).toBe(false);
    expect(await smallestFont(page)).toBeGreaterThanOrEqual(12.5);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(chineseText(await viewText(page))).toEqual([]);
    if (SHOTS) await page.locator('cy-structure-view').screenshot({ path: `${SHOTS}/structure-390-en.png` });
    // A click (a tap) on a neighbour moves there.
    await page.locator('cy-structure-diagram g.node[data-var=hte_exit]').click();
    expect(await page.locator('#structure-h').textContent()).toContain('Exits of certified firms');
    await page.close();
  }, 120_000);

  it('in 中文 too, with the picker and the diagram in Chinese', async () => {
    const page = await openAt(390, 844, 'zh');
    expect(await page.locator('cy-structure-diagram g.node[data-var=hte] text').first().textContent()).toBe('高新技术企业数');
    expect(englishWords(await viewText(page))).toEqual([]);
    if (SHOTS) await page.locator('cy-structure-view').screenshot({ path: `${SHOTS}/structure-390-zh.png` });
    await page.close();
  }, 120_000);
});
