// Helpers for end-to-end tests that look at the page as a person sees it: where things
// are on screen, what covers what, and the visible text through every shadow root.
import type { Page } from 'playwright-core';

/** A box on screen in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Wait until the app's status says the model result is on screen. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => /已更新|Up to date/.test(document.querySelector('cy-app')?.shadowRoot?.querySelector('#status')?.textContent ?? ''));
}

/** Open the app at `url` and wait for the worker's result on a drawn chart. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settled(page);
  await page.locator('cy-line-chart[data-draws]').waitFor();
}

/** The tag names (and ids) of the elements at (x, y), from the page down through shadow roots. */
export async function stackAt(page: Page, x: number, y: number): Promise<string[]> {
  return page.evaluate(
    ([px, py]) => {
      const path: string[] = [];
      let root: Document | ShadowRoot = document;
      let last: Element | null = null;
      for (;;) {
        const e: Element | null = root.elementFromPoint(px, py);
        if (!e || e === last) break;
        path.push(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : ''));
        last = e;
        if (!e.shadowRoot) break;
        root = e.shadowRoot;
      }
      return path;
    },
    [x, y],
  );
}

/** The on-screen box of the first element matching `selector` (piercing shadow roots), or null. */
export async function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.locator(selector).first().boundingBox();
}

/** Whether `b` lies entirely inside the viewport. */
export function inViewport(b: Box, vw: number, vh: number): boolean {
  return b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= vw + 0.5 && b.y + b.height <= vh + 0.5;
}

/**
 * The text a person sees: every rendered text node (through shadow roots, including SVG
 * text, the chosen option of each select and the value of each text field), except
 * text inside `code`/`pre` (ids and equations) and inside elements whose `lang` differs
 * from the page's (text the person asked to see in the original language).
 */
export async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang.slice(0, 2);
    const out: string[] = [];
    const skip = (el: Element): boolean => {
      const tag = el.tagName.toLowerCase();
      if (tag === 'code' || tag === 'pre' || tag === 'script' || tag === 'style' || tag === 'title') return true;
      // translate="no": ids (a picker of variable names), the same in every language.
      if (el.getAttribute('translate') === 'no') return true;
      const lang = el.getAttribute('lang');
      return !!lang && lang.slice(0, 2) !== pageLang;
    };
    const shown = (el: Element): boolean => {
      if (typeof (el as HTMLElement).checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as never);
      return true;
    };
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const s = (node.textContent ?? '').trim();
        if (s) out.push(s);
        return;
      }
      if (!(node instanceof Element)) {
        node.childNodes.forEach(walk);
        return;
      }
      if (skip(node)) return;
      const tag = node.tagName.toLowerCase();
      // Closed <details>: only the summary shows.
      if (tag === 'details' && !(node as HTMLDetailsElement).open) {
        const summary = node.querySelector(':scope > summary');
        if (summary) walk(summary);
        return;
      }
      if (!(node instanceof SVGElement) && !shown(node)) return;
      if (tag === 'select') {
        const sel = node as HTMLSelectElement;
        const opt = sel.selectedOptions[0];
        if (opt && !skip(opt)) out.push(opt.textContent?.trim() ?? '');
        return;
      }
      if (tag === 'input') {
        const input = node as HTMLInputElement;
        if (['text', 'number'].includes(input.type) && input.value) out.push(input.value);
        return;
      }
      // A shadow host shows its shadow tree (light children only through slots).
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      else if (tag === 'slot') (node as HTMLSlotElement).assignedNodes({ flatten: true }).forEach(walk);
      else if (tag !== 'noscript') node.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.filter(Boolean);
  });
}

/** Latin words in visible text other than acronyms (PNG, CSV, GDP, MAPE…) and the language button. */
export function englishWords(texts: string[]): string[] {
  const allowed = (w: string) => w === 'English' || /^[A-Z]{2,5}$/.test(w);
  return texts.flatMap((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed(w)).map((w) => `${w} ← ${s.slice(0, 60)}`));
}

/** Texts with Chinese characters, other than the language button. */
export function chineseText(texts: string[]): string[] {
  return texts.filter((s) => s !== '简体中文' && /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/.test(s));
}
