// What a test needs from a browser with the extension installed, whichever
// browser it is. chromium.ts and firefox.ts implement it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './paths';
import type { UiPage } from './ui';

export interface ExtensionHarness {
  readonly browserName: 'chromium' | 'firefox';
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  readonly extensionOrigin: string;
  /** Opens e.g. "options.html" or "popup.html?tabId=3" in a new tab, loaded. */
  openExtensionPage(pathAndQuery: string): Promise<UiPage>;
  /** Opens a linkedin.com URL (served from fixtures) in a new tab, loaded. */
  openLinkedIn(url: string): Promise<UiPage>;
  /** One long-lived extension page to call extension APIs from. */
  control(): Promise<UiPage>;
  /** Screenshots of the pages opened since the last closePages(), into test-results/. */
  screenshotPages(name: string): Promise<string[]>;
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Keeps the pages a test opened, to screenshot them on failure and close them after. */
export class PageTracker {
  private pages: UiPage[] = [];

  track(page: UiPage): UiPage {
    this.pages.push(page);
    return page;
  }

  async screenshotAll(prefix: string): Promise<string[]> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const safe = prefix.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
    const files: string[] = [];
    for (const [index, page] of this.pages.entries()) {
      const file = path.join(RESULTS_DIR, `${safe}-${index + 1}.png`);
      try {
        await page.screenshot(file);
        files.push(file);
      } catch {
        // A page that crashed or closed has nothing to show.
      }
    }
    return files;
  }

  async closeAll(): Promise<void> {
    const pages = this.pages.splice(0);
    await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
  }
}
