// Configures the extension the way a user does: through the options page.
import type { ExtensionHarness } from './harness';
import type { UiPage } from './ui';
import { waitUntil } from './wait';

export interface SettingsInput {
  apiKey: string;
  apiBaseUrl: string;
}

export interface ConnectionStatus {
  status: 'ok' | 'error';
  text: string;
}

/** Opens options.html and waits until it has loaded the saved settings. */
export async function openOptions(harness: ExtensionHarness): Promise<UiPage> {
  const page = await harness.openExtensionPage('options.html');
  await waitUntil(
    () => page.evaluate(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', null),
    { what: 'the options page to load the settings' },
  );
  return page;
}

/** Types the key and the base URL (opening "Advanced" first) and clicks save. */
export async function submitSettings(page: UiPage, input: SettingsInput): Promise<void> {
  await page.fill('[data-testid="api-key"]', input.apiKey);
  const advancedOpen = await page.evaluate(
    () => !!document.querySelector('[data-testid="api-base-url"]')?.closest('details')?.open,
    null,
  );
  if (!advancedOpen) await page.click('details:has([data-testid="api-base-url"]) > summary');
  await page.fill('[data-testid="api-base-url"]', input.apiBaseUrl);
  await page.click('[data-testid="save-settings"]');
}

/** Waits for connection-status to leave "pending". */
export function connectionStatus(page: UiPage): Promise<ConnectionStatus> {
  return waitUntil(
    () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-testid="connection-status"]');
        const status = el?.getAttribute('data-status');
        // The status and its next step are paragraphs: read as sentences, one space apart.
        const parts = el ? [...el.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()) : [];
        const text = parts.length ? parts.join(' ') : (el?.textContent ?? '').trim();
        return status === 'ok' || status === 'error' ? { status, text } : null;
      }, null),
    { what: 'connection-status to become ok or error', timeout: 20_000 },
  );
}

/** The inline message tied to a field by aria-describedby, and whether the field is marked invalid. */
export function fieldProblem(page: UiPage, testId: string): Promise<{ invalid: boolean; message: string }> {
  return page.evaluate((id) => {
    const input = document.querySelector(`[data-testid="${id}"]`);
    const help = input?.getAttribute('aria-describedby');
    return {
      invalid: input?.getAttribute('aria-invalid') === 'true',
      message: (help ? document.getElementById(help)?.textContent ?? '' : '').trim(),
    };
  }, testId);
}

/** Saves the settings through the options page and returns the checked connection. */
export async function configureExtension(harness: ExtensionHarness, input: SettingsInput): Promise<ConnectionStatus> {
  const page = await openOptions(harness);
  await submitSettings(page, input);
  return connectionStatus(page);
}
