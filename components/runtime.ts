// Extension-page side of the message protocol: typed requests to the background.
import { browser } from 'wxt/browser';
import type { ReplyTo, Request } from '@/utils/messages';
import { SETTINGS_KEY, parseSettings, type Settings } from '@/utils/settings';

export async function ask<R extends Request>(request: R): Promise<ReplyTo<R>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as ReplyTo<R> | undefined;
    return reply ?? { ok: false, error: { kind: 'refused', detail: 'no answer from the background' } };
  } catch (error) {
    return { ok: false, error: { kind: 'refused', detail: error instanceof Error ? error.message : String(error) } };
  }
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Saves the given settings, keeping the others as they are. */
export async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const settings = { ...(await readSettings()), ...changes };
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/** `?tabId=<id>` when given (tests, links), else the active tab of the current window. */
export async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && new URLSearchParams(search).has('tabId')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
