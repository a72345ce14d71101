// Debian Firefox ESR with the built extension, driven by puppeteer-core over
// WebDriver BiDi. linkedin.com is answered from fixtures by per-tab request
// interception (BiDi does not see the background page's requests, which go
// to the real sandbox on 127.0.0.1).
import puppeteer, { type Browser, type HTTPRequest } from 'puppeteer-core';
import { PageTracker, type ExtensionHarness } from './harness';
import { LINKEDIN_URL, type LinkedInServer } from './pages';
import { FIREFOX_BUILD } from './paths';
import { fromPuppeteer, type UiPage } from './ui';
import { waitUntil, withTimeout } from './wait';

/** The Firefox to drive; FIREFOX_BIN picks another one, e.g. an older ESR unpacked elsewhere. */
export const FIREFOX_PATH = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
export const GECKO_ID = 'skipcall-enrich@skipcall-enrich.app';
/** moz-extension UUIDs are random per profile; this pref pins ours. */
export const EXTENSION_UUID = '5e1ec7ed-0000-4000-8000-00000000e2e0';

export interface FirefoxOptions {
  serve: LinkedInServer;
  extensionDir?: string;
  /** Default: headless unless HEADED=1. */
  headless?: boolean;
}

export interface FirefoxExtension extends ExtensionHarness {
  readonly browser: Browser;
}

export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? !process.env.HEADED,
    // Without it BiDi refuses to navigate a tab to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'browser.safebrowsing.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_BUILD);
    return firefoxHarness(browser, options.serve);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

function firefoxHarness(browser: Browser, serve: LinkedInServer): FirefoxExtension {
  const tracker = new PageTracker();
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  let controlPage: UiPage | undefined;

  async function openExtension(pathAndQuery: string): Promise<UiPage> {
    const page = await browser.newPage();
    const url = `${extensionOrigin}/${pathAndQuery}`;
    // goto() never resolves here: the tab moves to the extension process. Fire it and poll.
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    const ui = fromPuppeteer(page);
    await waitUntil(
      () => withTimeout(ui.evaluate((expected) => location.href === expected && document.readyState === 'complete', url), 2_000, 'evaluate'),
      { what: `${url} to load` },
    );
    return ui;
  }

  return {
    browserName: 'firefox',
    browser,
    extensionOrigin,
    async openExtensionPage(pathAndQuery) {
      return tracker.track(await openExtension(pathAndQuery));
    },
    async openLinkedIn(url) {
      const page = await browser.newPage();
      const ui = tracker.track(fromPuppeteer(page));
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        if (LINKEDIN_URL.test(request.url())) void request.respond(serve(request.url()));
        else void request.continue();
      });
      await page.goto(url);
      return ui;
    },
    async control() {
      controlPage ??= await openExtension('popup.html');
      return controlPage;
    },
    screenshotPages: (name) => tracker.screenshotAll(`firefox-${name}`),
    closePages: () => tracker.closeAll(),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
