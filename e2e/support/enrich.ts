// Helpers for the matching, diff and write scenarios: the demo set-up, the
// diff rows' selectors, and what the sandbox received.
import { expect } from 'vitest';
import { DEMO_API_KEY, DEMO_CONTACT_ID, type RequestLogEntry, type Sandbox } from '../../sandbox/server';
import type { ExtensionHarness } from './harness';
import { configureExtension } from './options';
import { DEMO_PROFILE } from './pages';
import { waitForPopup, waitForView, type DiffRowView, type PopupView } from './popup';
import { findTabId } from './tabs';
import type { UiPage } from './ui';
import { sleep, waitUntil } from './wait';

export const DEMO_APP_URL = `https://app.skipcall.app/contacts/${DEMO_CONTACT_ID}`;

export const rowSelector = (field: string) => `[data-testid="diff-row"][data-field="${field}"]`;
export const tickSelector = (field: string) => `${rowSelector(field)} input[type="checkbox"]`;
export const valueSelector = (field: string) => `${rowSelector(field)} [data-testid="diff-value-input"]`;
export const APPLY = '[data-testid="apply"]';

/** The row of `field`; fails the test when the popup shows none. */
export function diffRow(view: PopupView, field: string): DiffRowView {
  const row = view.diff.find((r) => r.field === field);
  if (!row) throw new Error(`no diff-row for ${field}; rows: ${JSON.stringify(view.diff)}`);
  return row;
}

export const pressedIds = (view: PopupView) => view.candidates.filter((c) => c.pressed).map((c) => c.id);

/** The demo contact is the chosen candidate and its diff is on screen. */
export const showsContactDiff = (contactId: string) => (view: PopupView) =>
  pressedIds(view).join() === contactId && view.diff.length > 0;

export const patches = (sandbox: Sandbox): RequestLogEntry[] => sandbox.log.filter((e) => e.method === 'PATCH');

/** Waits until the sandbox has received no request for `quietMs` (the background's prefetch and directory sync are done). */
export async function settle(sandbox: Sandbox, quietMs = 400): Promise<void> {
  let count = -1;
  await waitUntil(
    async () => {
      if (sandbox.log.length === count) return true;
      count = sandbox.log.length;
      await sleep(quietMs);
      return sandbox.log.length === count;
    },
    { what: 'the background to stop calling the sandbox', timeout: 15_000, interval: 0 },
  );
}

export async function configureDemo(harness: ExtensionHarness, sandbox: Pick<Sandbox, 'url'>): Promise<void> {
  const status = await configureExtension(harness, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  expect(status.status, status.text).toBe('ok');
}

export interface DemoPopup {
  page: UiPage;
  tabId: number;
  view: PopupView;
}

/**
 * Saves the demo key, opens the demo profile and its popup, and waits until
 * the popup has preselected the demo contact and shows its diff (the contact
 * directory is read in the background after saving, so the popup is reopened
 * until it has).
 */
export async function openDemoDiff(harness: ExtensionHarness, sandbox: Pick<Sandbox, 'url'>): Promise<DemoPopup> {
  await configureDemo(harness, sandbox);
  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  const { page, view } = await waitForPopup(
    harness,
    tabId,
    showsContactDiff(DEMO_CONTACT_ID),
    'the popup to preselect the demo contact and show its diff',
  );
  return { page, tabId, view };
}

/** Reopens the popup of a tab, as a click on the toolbar button does. */
export async function reopenPopup(
  harness: ExtensionHarness,
  tabId: number,
  accept: (view: PopupView) => boolean,
  what: string,
  timeout?: number,
) {
  return waitForPopup(harness, tabId, accept, what, timeout);
}

/** Sets a row's checkbox to `ticked` (clicks it only when it differs) and waits for the popup to show it. */
export async function setTick(page: UiPage, field: string, ticked: boolean): Promise<PopupView> {
  const before = await waitForView(page, (v) => v.diff.some((r) => r.field === field), `the ${field} row`);
  if (diffRow(before, field).ticked !== ticked) await page.click(tickSelector(field));
  return waitForView(page, (v) => diffRow(v, field).ticked === ticked, `the ${field} row to be ${ticked ? 'ticked' : 'unticked'}`);
}

/** Types a new proposed value for a row and waits for the popup to show it. */
export async function editValue(page: UiPage, field: string, value: string): Promise<PopupView> {
  await page.fill(valueSelector(field), value);
  return waitForView(page, (v) => diffRow(v, field).value === value, `the ${field} value to read ${JSON.stringify(value)}`);
}

/**
 * Runs `act` (a click on apply, Enter, undo…) and waits for a `result` with
 * `status` whose text differs from the one shown before, so an earlier
 * outcome is never mistaken for this one.
 */
export async function actAndWaitForResult(
  page: UiPage,
  act: () => Promise<void>,
  status: string,
  what: string,
  timeout = 20_000,
): Promise<PopupView> {
  const before = (await page.evaluate(() => document.querySelector('[data-testid="result"]')?.textContent ?? null, null))?.trim() ?? null;
  await act();
  return waitForView(page, (v) => v.result?.status === status && v.result.text !== before, what, timeout);
}

export function apply(page: UiPage, status = 'success', timeout?: number): Promise<PopupView> {
  return actAndWaitForResult(page, () => page.click(APPLY), status, `the write to end with result ${status}`, timeout);
}

/** Opens the history (a closed <details>) and clicks the undo of the `index`-th entry, newest first. */
export async function undo(page: UiPage, index = 0): Promise<PopupView> {
  const open = await page.evaluate(() => !!document.querySelector<HTMLDetailsElement>('details.history')?.open, null);
  if (!open) await page.click('details.history > summary');
  return actAndWaitForResult(
    page,
    () => page.click(`[data-testid="history-entry"]:nth-child(${index + 1}) [data-testid="undo"]`),
    'success',
    'the undo to end with result success',
  );
}

/** The sandbox's demo contact now. */
export function demoContact(sandbox: Sandbox) {
  const contact = sandbox.contacts.get(DEMO_CONTACT_ID);
  if (!contact) throw new Error('the sandbox lost the demo contact');
  return contact;
}

/**
 * An init script for a popup page (Chromium's addInitScript): samples the
 * popup root's aria-busy at every task boundary (setTimeout 0, so ~4 ms), the
 * way any external reader polling the page can see it, and keeps each change
 * with what the popup showed then. A string, so no bundler helper leaks into it.
 */
export const BUSY_SAMPLER = `(() => {
  const log = (window.__e2eBusy = []);
  const started = performance.now();
  const sample = () => {
    const root = document.querySelector('[data-testid="popup"]');
    if (root) {
      const now = {
        busy: root.getAttribute('aria-busy'),
        candidates: document.querySelectorAll('[data-testid="candidate"]').length,
        rows: document.querySelectorAll('[data-testid="diff-row"]').length,
        at: Math.round(performance.now() - started),
      };
      const last = log[log.length - 1];
      if (!last || last.busy !== now.busy || last.candidates !== now.candidates || last.rows !== now.rows) log.push(now);
    }
    if (performance.now() - started < 4000) setTimeout(sample, 0);
  };
  sample();
})();`;

export interface BusySample {
  busy: string | null;
  candidates: number;
  rows: number;
  /** ms since the document was created. */
  at: number;
}
