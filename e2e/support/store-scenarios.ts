// First run and the pages shipped for the stores: the welcome page opened on
// install, the privacy policy linked from the options page, both accessible.
import { expect } from 'vitest';
import type { ChromiumExtension } from './chromium';
import type { ExtensionHarness } from './harness';
import type { ExtApi } from './tabs';
import { openOptions } from './options';
import { fromPlaywright } from './ui';
import { waitUntil } from './wait';
import { axeViolations, describeViolations } from './write-scenarios';

/** Installing the extension (the browser's launch) opened welcome.html in a tab of its own. */
export async function welcomeOpenedOnInstall(chromium: ChromiumExtension): Promise<void> {
  const welcomeUrl = `${chromium.extensionOrigin}/welcome.html`;
  const page = await waitUntil(() => chromium.context.pages().find((p) => p.url() === welcomeUrl) ?? null, {
    what: 'the welcome page to open after install',
  });
  await page.waitForSelector('[data-testid="welcome"] h1');
  expect(await page.locator('h1').textContent()).toBe('Welcome to Skipcall Enrich');
  // It leads to the settings and to the privacy policy.
  const [options] = await Promise.all([
    chromium.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${chromium.extensionOrigin}/options.html`) }),
    page.locator('[data-testid="welcome-open-settings"]').click(),
  ]);
  await options.close();
  expect(await page.locator('[data-testid="privacy-link"]').getAttribute('href')).toBe(`${chromium.extensionOrigin}/privacy.html`);
}

/** The options page links the privacy policy, which opens in a new tab. */
export async function optionsLinkPrivacy(chromium: ChromiumExtension): Promise<void> {
  await openOptions(chromium);
  const options = chromium.context.pages().find((p) => p.url().endsWith('/options.html'))!;
  const [privacy] = await Promise.all([chromium.context.waitForEvent('page'), options.locator('[data-testid="privacy-link"]').click()]);
  await privacy.waitForSelector('[data-testid="privacy"] h1');
  expect(privacy.url()).toBe(`${chromium.extensionOrigin}/privacy.html`);
  expect(await privacy.locator('h1').textContent()).toBe('Skipcall Enrich privacy policy');
  await privacy.close();
}

/** welcome.html and privacy.html have no axe-core violation, in light and in dark. */
export async function storePagesAccessible(chromium: ChromiumExtension): Promise<void> {
  const report: string[] = [];
  for (const name of ['welcome', 'privacy']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await chromium.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`${chromium.extensionOrigin}/${name}.html`);
      await page.waitForSelector(`[data-testid="${name}"] h1`);
      const violations = await axeViolations(fromPlaywright(page));
      if (violations.length) report.push(`${name} (${colorScheme}):\n${describeViolations(violations)}`);
    }
  }
  expect(report.join('\n'), 'axe-core violations').toBe('');
}

/** Any browser: the extension sees a tab of its own at welcome.html after install, and the page opens in the browser's language. */
export async function welcomeTabOpened(harness: ExtensionHarness): Promise<void> {
  const control = await harness.control();
  const welcomeUrl = `${harness.extensionOrigin}/welcome.html`;
  await waitUntil(
    () =>
      control.evaluate(async (url) => {
        const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
        const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
        return tabs.some((tab) => tab.url === url);
      }, welcomeUrl),
    { what: `a tab at ${welcomeUrl}` },
  );
  const page = await harness.openExtensionPage('welcome.html');
  const heading = await waitUntil(() => page.evaluate(() => document.querySelector('[data-testid="welcome"] h1')?.textContent ?? null, null), {
    what: 'the welcome page to render',
  });
  expect(heading).toBe('Welcome to Skipcall Enrich');
}
