// Debian Chromium with the built extension, driven by playwright-core. Every
// linkedin.com request is answered from fixtures through context.route.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PageTracker, type ExtensionHarness } from './harness';
import { LINKEDIN_URL, type LinkedInServer } from './pages';
import { CHROME_BUILD } from './paths';
import { fromPlaywright, type UiPage } from './ui';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ChromiumOptions {
  serve: LinkedInServer;
  extensionDir?: string;
  /** Default: headless unless HEADED=1. */
  headless?: boolean;
  /** Browser UI language, which the extension's i18n follows (e.g. 'fr'); default: the machine's. */
  uiLanguage?: string;
}

export interface ChromiumExtension extends ExtensionHarness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** A blank tracked page, for tests that prepare it before navigating. */
  newPage(): Promise<Page>;
}

export async function launchChromium(options: ChromiumOptions): Promise<ChromiumExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'skipcall-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // Playwright's headless is Chromium's new headless, which loads extensions.
    headless: options.headless ?? !process.env.HEADED,
    // Chromium on Linux takes its UI language from LANGUAGE; --lang is honoured elsewhere.
    // navigator.language (dates, numbers) follows, as it does for a user of that language.
    ...(options.uiLanguage && { env: { ...process.env, LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` }, locale: options.uiLanguage }),
    args: [
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await context.route(LINKEDIN_URL, (route) => route.fulfill(options.serve(route.request().url())));
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return chromiumHarness(context, extensionId, userDataDir);
  } catch (error) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    throw error;
  }
}

function chromiumHarness(context: BrowserContext, extensionId: string, userDataDir: string): ChromiumExtension {
  const tracker = new PageTracker();
  const extensionOrigin = `chrome-extension://${extensionId}`;
  let controlPage: UiPage | undefined;

  async function open(url: string): Promise<UiPage> {
    const page = await context.newPage();
    const ui = tracker.track(fromPlaywright(page));
    await page.goto(url);
    return ui;
  }

  return {
    browserName: 'chromium',
    context,
    extensionId,
    extensionOrigin,
    openExtensionPage: (pathAndQuery) => open(`${extensionOrigin}/${pathAndQuery}`),
    openLinkedIn: (url) => open(url),
    async newPage() {
      const page = await context.newPage();
      tracker.track(fromPlaywright(page));
      return page;
    },
    async control() {
      if (!controlPage) {
        const page = await context.newPage();
        await page.goto(`${extensionOrigin}/popup.html`);
        controlPage = fromPlaywright(page);
      }
      return controlPage;
    },
    screenshotPages: (name) => tracker.screenshotAll(`chromium-${name}`),
    closePages: () => tracker.closeAll(),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
