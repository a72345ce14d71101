// The popup through its test hooks (PRODUCT.md §7): popup, page-state,
// profile-field, setup-needed, candidate, diff-row, result, history-entry.
import type { ExtensionHarness } from './harness';
import type { UiPage } from './ui';
import { waitUntil } from './wait';

export interface CandidateView {
  id: string;
  pressed: boolean;
  text: string;
}

export interface DiffRowView {
  field: string;
  status: string;
  /** The row's one checkbox. */
  ticked: boolean;
  tickDisabled: boolean;
  /** The diff-value-input's value (fill and update rows), else null. */
  value: string | null;
  /** Skipcall's value as the row shows it. */
  current: string;
}

export interface PopupView {
  state: string | null;
  /** Whose page the popup says it works on ("name · /in/slug"), or null. */
  pagePerson: string | null;
  setupNeeded: boolean;
  /** data-field → text of every profile-field. */
  fields: Record<string, string>;
  candidates: CandidateView[];
  /** The match panel has loaded (its contact-ref input is there). */
  matchReady: boolean;
  /** The popup says "Linked to this profile". */
  linked: boolean;
  diff: DiffRowView[];
  result: { status: string; text: string } | null;
  history: { text: string; canUndo: boolean }[];
  /** Texts in the hint style or with the status role: notes such as "Linked to this profile". */
  hints: string[];
  /** Every visible text in an error style or an alert role, for failure messages and checks. */
  errors: string[];
}

/** Collapses runs of whitespace; texts come raw from the page. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The popup's content once it is idle (aria-busy="false"), else null. */
export async function readPopupView(page: UiPage): Promise<PopupView | null> {
  const view = await readRawView(page);
  if (!view) return null;
  return {
    ...view,
    candidates: view.candidates.map((c) => ({ ...c, text: squash(c.text) })),
    diff: view.diff.map((r) => ({ ...r, current: squash(r.current) })),
    result: view.result && { ...view.result, text: squash(view.result.text) },
    history: view.history.map((h) => ({ ...h, text: squash(h.text) })),
    hints: view.hints.map(squash).filter(Boolean),
    errors: view.errors.map(squash).filter(Boolean),
  };
}

// The page function declares no named function: tsx (esbuild keepNames) would
// wrap it in a __name() helper that does not exist in the page (scripts/demo.ts
// and scripts/bench-popup.ts run through tsx).
function readRawView(page: UiPage): Promise<PopupView | null> {
  return page.evaluate(() => {
    if ((window as { __e2eStale?: boolean }).__e2eStale) return null;
    const root = document.querySelector('[data-testid="popup"]');
    if (!root || root.getAttribute('aria-busy') !== 'false') return null;
    const setup = document.querySelector<HTMLElement>('[data-testid="setup-needed"]');
    const fields: Record<string, string> = {};
    for (const el of document.querySelectorAll('[data-testid="profile-field"]')) {
      fields[el.getAttribute('data-field') ?? '?'] = (el.textContent ?? '').trim();
    }
    const candidates = [...document.querySelectorAll('[data-testid="candidate"]')].map((el) => ({
      id: el.getAttribute('data-contact-id') ?? '',
      pressed: el.getAttribute('aria-pressed') === 'true',
      text: el.textContent ?? '',
    }));
    const diff = [...document.querySelectorAll('[data-testid="diff-row"]')].map((row) => {
      const tick = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const input = row.querySelector<HTMLInputElement>('[data-testid="diff-value-input"]');
      return {
        field: row.getAttribute('data-field') ?? '?',
        status: row.getAttribute('data-status') ?? '?',
        ticked: !!tick?.checked,
        tickDisabled: !!tick?.disabled,
        value: input ? input.value : null,
        current: row.querySelector('.current')?.textContent ?? '',
      };
    });
    const resultEl = document.querySelector('[data-testid="result"]');
    const history = [...document.querySelectorAll('[data-testid="history-entry"]')].map((el) => ({
      text: el.textContent ?? '',
      canUndo: !!el.querySelector('[data-testid="undo"]'),
    }));
    return {
      state: document.querySelector('[data-testid="page-state"]')?.getAttribute('data-state') ?? null,
      pagePerson: document.querySelector('[data-testid="page-person"]')?.textContent?.trim() ?? null,
      setupNeeded: !!setup && setup.checkVisibility(),
      fields,
      candidates,
      matchReady: !!document.querySelector('[data-testid="contact-ref"]'),
      linked: (root.textContent ?? '').includes('Linked to this profile'),
      diff,
      result: resultEl ? { status: resultEl.getAttribute('data-status') ?? '?', text: resultEl.textContent ?? '' } : null,
      history,
      hints: [...document.querySelectorAll('.hint, [role="status"]')].map((el) => el.textContent ?? ''),
      errors: [...document.querySelectorAll('.error, [role="alert"]')].map((el) => el.textContent ?? ''),
    };
  }, null);
}

/** Polls an open popup, without reloading it, until `accept` holds for an idle view. */
export async function waitForView(page: UiPage, accept: (view: PopupView) => boolean, what: string, timeout = 15_000): Promise<PopupView> {
  let last: PopupView | null = null;
  try {
    return await waitUntil(
      async () => {
        const current = await readPopupView(page);
        if (current) last = current;
        return current && accept(current) ? current : null;
      },
      { what, timeout },
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last popup view: ${JSON.stringify(last)}`);
  }
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
