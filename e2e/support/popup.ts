// The popup through its test hooks (PRODUCT.md §7): popup, page-state,
// profile-field, setup-needed.
import type { ExtensionHarness } from './harness';
import type { UiPage } from './ui';
import { waitUntil } from './wait';

export interface PopupView {
  state: string | null;
  setupNeeded: boolean;
  /** data-field → text of every profile-field. */
  fields: Record<string, string>;
}

/** The popup's content once it is idle (aria-busy="false"), else null. */
export function readPopupView(page: UiPage): Promise<PopupView | null> {
  return page.evaluate(() => {
    if ((window as { __e2eStale?: boolean }).__e2eStale) return null;
    const root = document.querySelector('[data-testid="popup"]');
    if (!root || root.getAttribute('aria-busy') !== 'false') return null;
    const setup = document.querySelector<HTMLElement>('[data-testid="setup-needed"]');
    const fields: Record<string, string> = {};
    for (const el of document.querySelectorAll('[data-testid="profile-field"]')) {
      fields[el.getAttribute('data-field') ?? '?'] = (el.textContent ?? '').trim();
    }
    return {
      state: document.querySelector('[data-testid="page-state"]')?.getAttribute('data-state') ?? null,
      setupNeeded: !!setup && setup.checkVisibility(),
      fields,
    };
  }, null);
}

export interface PopupResult {
  page: UiPage;
  view: PopupView;
  /** Every idle view seen while waiting, oldest first. */
  seen: PopupView[];
}

/**
 * Opens `popup.html?tabId=<id>` and reloads it until `accept` holds. The popup
 * reads the tab once when it opens, as when the user clicks the toolbar button.
 */
export async function waitForPopup(
  harness: ExtensionHarness,
  tabId: number | undefined,
  accept: (view: PopupView) => boolean,
  what: string,
  timeout = 15_000,
): Promise<PopupResult> {
  const page = await harness.openExtensionPage(tabId === undefined ? 'popup.html' : `popup.html?tabId=${tabId}`);
  return waitForPopupOn(page, accept, what, timeout);
}

/** The same, on a popup page that is already open. */
export async function waitForPopupOn(page: UiPage, accept: (view: PopupView) => boolean, what: string, timeout = 15_000): Promise<PopupResult> {
  const seen: PopupView[] = [];
  try {
    const view = await waitUntil(
      async () => {
        const current = await readPopupView(page);
        if (!current) return null;
        seen.push(current);
        if (accept(current)) return current;
        await reload(page);
        return null;
      },
      { what, timeout, interval: 300 },
    );
    return { page, view, seen };
  } catch (error) {
    const last = seen.at(-1);
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last popup view: ${JSON.stringify(last ?? null)}`);
  }
}

/** Reloads, marking the old document so a read cannot mistake it for the new one. */
async function reload(page: UiPage): Promise<void> {
  await page
    .evaluate(() => {
      (window as { __e2eStale?: boolean }).__e2eStale = true;
      setTimeout(() => location.reload(), 0);
    }, null)
    .catch(() => undefined);
}
