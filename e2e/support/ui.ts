// One small page interface over Playwright (Chromium) and Puppeteer (Firefox),
// so the flows in options.ts, popup.ts and tabs.ts run in both browsers.
import { readFileSync } from 'node:fs';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { KeyInput, Page as PuppeteerPage } from 'puppeteer-core';
import { waitUntil } from './wait';

/** A function run inside the page: it sees only its argument, never the Node scope. */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

export interface UiPage {
  /** The URL the top document is at now, in-page (history.pushState) changes included. */
  url(): Promise<string>;
  /** Runs `fn` in the page; `arg` must be JSON-serializable. */
  evaluate<A, R>(fn: PageFn<A, R>, arg: A): Promise<R>;
  /** Types into the element like a user (waits for it to be visible and enabled). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Focuses the element and presses one key, e.g. "Enter". */
  press(selector: string, key: string): Promise<void>;
  /** Presses one key (e.g. "Tab", "Shift+Tab", " ") wherever the focus is, as a keyboard-only user does. */
  keyboard(key: string): Promise<void>;
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
    url: async () => page.url(),
    // Both libraries type the argument through their handle types; ours are plain JSON.
    evaluate: <A, R>(fn: PageFn<A, R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    press: (selector, key) => page.locator(selector).press(key),
    keyboard: (key) => page.keyboard.press(key),
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
    // Puppeteer updates page.url() after a pushState from the BiDi event
    // browsingContext.historyUpdated, which Firefox 140 ESR does not send yet,
    // so it would keep the old URL there. The document itself knows.
    url: () => page.evaluate(() => location.href),
    evaluate: <A, R>(fn: PageFn<A, R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    async fill(selector, value) {
      // Never Locator.fill: on Firefox 140 ESR it hangs 30 s on extension pages (the options key field); typing works in both ESRs.
      await waitForActionable(page, selector, { editable: true });
      await typeInto(page, selector, value);
      // Typing goes through real key events; make sure they all landed.
      await waitUntil(
        () => page.evaluate((sel, expected) => document.querySelector<HTMLInputElement>(sel)?.value === expected, selector, value),
        { what: `${selector} to hold ${JSON.stringify(value)} after typing`, timeout: 5_000 },
      );
    },
    async click(selector) {
      await waitForActionable(page, selector);
      // Our own wait covers "enabled"; the locator still scrolls it into view,
      // waits for a stable box and retries if the element is re-rendered.
      await page.locator(selector).setWaitForEnabled(false).click();
    },
    async press(selector, key) {
      await waitForActionable(page, selector);
      await page.focus(selector);
      await page.keyboard.press(key as KeyInput);
    },
    async keyboard(key) {
      // Puppeteer has no "Shift+Tab" form: hold the modifier around the key.
      const [modifier, main] = key.includes('+') ? (key.split('+') as [KeyInput, KeyInput]) : [null, key as KeyInput];
      if (modifier) await page.keyboard.down(modifier);
      await page.keyboard.press(main);
      if (modifier) await page.keyboard.up(modifier);
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

/**
 * Waits until `selector` is attached, visible and enabled (and writable when
 * `editable`), polling from Node with plain evaluate calls.
 *
 * Puppeteer's own waits for this (Locator's "enabled" check, waitForFunction)
 * build their predicate with `new Function` inside the page's main world. In
 * Firefox 140 ESR, code run over WebDriver BiDi is still held to the page's
 * CSP, and extension pages forbid eval: the predicate throws "call to
 * Function() blocked by CSP" and the action times out. Newer Firefox (153 ESR)
 * exempts BiDi evaluation from the page CSP (bug 1941780), hence no trouble there.
 */
async function waitForActionable(page: PuppeteerPage, selector: string, { editable = false } = {}): Promise<void> {
  let state = '';
  try {
    await waitUntil(
      async () => {
        state = await page.evaluate(
          (sel, mustBeEditable) => {
            const el = document.querySelector(sel);
            if (!el) return 'missing';
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') return 'hidden';
            if (el.matches(':disabled')) return 'disabled';
            if (mustBeEditable && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return 'not a text field';
            if (mustBeEditable && (el as HTMLInputElement).readOnly) return 'read-only';
            return 'ready';
          },
          selector,
          editable,
        );
        return state === 'ready';
      },
      { what: `${selector} to be visible and enabled`, timeout: 30_000 },
    );
  } catch (error) {
    throw new Error(`${selector} is not actionable (${state || 'unknown'})`, { cause: error });
  }
}

/** Focuses a text field, selects what it holds and types `value` over it, as a user would. */
async function typeInto(page: PuppeteerPage, selector: string, value: string): Promise<void> {
  await page.focus(selector);
  const current = await page.evaluate((sel) => {
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
    field?.select();
    return field?.value ?? null;
  }, selector);
  if (current === value) return;
  // Typing replaces the selection; an empty value deletes it instead.
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
}
