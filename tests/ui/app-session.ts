// One built, served app and one browser context per test file: registers the beforeAll and
// afterAll hooks, and opens the page in that context as a person would.
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startApp, type AppHarness } from './harness.ts';
import { openApp } from './page-helpers.ts';

/** Start the app and a context with `options` around the file's tests; `open()` gives a fresh page on the app. */
export function appSession(options: BrowserContextOptions): { open(): Promise<Page> } {
  let app: AppHarness;
  let context: BrowserContext;
  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext({ serviceWorkers: 'block', ...options });
  });
  afterAll(async () => {
    await context?.close();
    await app?.close();
  });
  return {
    async open() {
      const page = await context.newPage();
      await openApp(page, app.url);
      return page;
    },
  };
}

/**
 * Start the app around the file's tests; `open(width, height, lang)` gives a page on it in a
 * fresh context of that viewport, switched to `lang` as a person would (the language button).
 */
export function appAtSizes(): { open(width: number, height: number, lang?: 'zh' | 'en'): Promise<Page> } {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    async open(width, height, lang = 'zh') {
      const ctx = await app.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
      const page = await ctx.newPage();
      await openApp(page, app.url);
      if (lang === 'en') await page.locator('[data-lang=en]').click();
      return page;
    },
  };
}
