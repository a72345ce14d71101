// One small page interface over Playwright (Chromium) and Puppeteer (Firefox),
// so the flows in options.ts, popup.ts and tabs.ts run in both browsers.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** A function run inside the page: it sees only its argument, never the Node scope. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

export interface UiPage {
  url(): string;
  /** Runs `fn` in the page; `arg` must be JSON-serializable. */
  evaluate<A, R>(fn: PageFn<A, R>, arg: A): Promise<R>;
  /** Types into the element like a user (waits for it to be visible and enabled). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export function fromPlaywright(page: PlaywrightPage): UiPage {
  return {
    url: () => page.url(),
    // Both libraries type the argument through their handle types; ours are plain JSON.
    evaluate: <A, R>(fn: PageFn<A, R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

export function fromPuppeteer(page: PuppeteerPage): UiPage {
  return {
    url: () => page.url(),
    evaluate: <A, R>(fn: PageFn<A, R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    close: () => page.close(),
  };
}
