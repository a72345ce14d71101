// What the background keeps: settings in local storage, per-tab reads in
// session storage (survives the worker being stopped, cleared with the browser).
import { browser } from 'wxt/browser';
import type { TabState } from '@/utils/messages';
import { SETTINGS_KEY, parseSettings, type Settings } from '@/utils/settings';

const tabKey = (tabId: number) => `tab:${tabId}`;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(tabKey(tabId));
  return (stored[tabKey(tabId)] as TabState | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}
