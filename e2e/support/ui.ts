// One small page interface over Playwright (Chromium) and Puppeteer (Firefox),
// so the flows in options.ts, popup.ts and tabs.ts run in both browsers.
import { readFileSync } from 'node:fs';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { KeyInput, Page as PuppeteerPage } from 'puppeteer-core';

/** A function run inside the page: it sees only its argument, never the Node scope. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

export interface UiPage {
  url(): string;
  /** Runs `fn` in the page; `arg` must be JSON-serializable. */
  evaluate<A, R>(fn: PageFn<A, R>, arg: A): Promise<R>;
  /** Types into the element like a user (waits for it to be visible and enabled). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Focuses the element and presses one key, e.g. "Enter". */
  press(selector: string, key: string): Promise<void>;
  /**
   * Runs a script file in the page's main world, e.g. axe.min.js. Extension
   * pages forbid inline scripts (CSP), so when a <script> tag cannot run the
   * file is evaluated through the driver, which the page's CSP does not govern.
   */
  addScriptFile(file: string, loaded: string): Promise<void>;
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
    press: (selector, key) => page.locator(selector).press(key),
    async addScriptFile(file, loaded) {
      await page.addScriptTag({ path: file }).catch(() => undefined);
      if (await page.evaluate(loaded)) return;
      await page.evaluate(readFileSync(file, 'utf8'));
    },
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
    async press(selector, key) {
      await page.focus(selector);
      await page.keyboard.press(key as KeyInput);
    },
    async addScriptFile(file, loaded) {
      await page.addScriptTag({ path: file }).catch(() => undefined);
      if (await page.evaluate(loaded)) return;
      await page.evaluate(readFileSync(file, 'utf8'));
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    close: () => page.close(),
  };
}
