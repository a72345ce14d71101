// What the background keeps: settings and history in the persistent store
// (utils/storage), per-tab reads in session storage (survives the worker being
// stopped, cleared with the browser).
import { browser } from 'wxt/browser';
import { appendHistory, type HistoryEntry } from '@/utils/diff/history';
import type { TabState, WriteResult } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import { persistentStore } from '@/utils/storage/extension';
import { historyItem, settingsItem } from '@/utils/storage/items';

const tabKey = (tabId: number) => `tab:${tabId}`;

export function loadSettings(): Promise<Settings> {
  return persistentStore().get(settingsItem);
}

export async function saveTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(tabKey(tabId));
  return (stored[tabKey(tabId)] as TabState | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabKey(tabId), `match:${tabId}`, `status:${tabId}`]);
}

const writeKey = (contactId: string) => `write:${contactId}`;

export async function saveWriteResult(result: WriteResult): Promise<void> {
  await browser.storage.session.set({ [writeKey(result.contactId)]: result });
}

export async function loadWriteResult(contactId: string): Promise<WriteResult | null> {
  const stored = await browser.storage.session.get(writeKey(contactId));
  return (stored[writeKey(contactId)] as WriteResult | undefined) ?? null;
}

export function loadHistory(): Promise<HistoryEntry[]> {
  return persistentStore().get(historyItem);
}

export async function recordHistory(entry: HistoryEntry): Promise<void> {
  await persistentStore().update(historyItem, (history) => appendHistory(history, entry));
}

export async function markUndone(entryId: string, at: number): Promise<void> {
  await persistentStore().update(historyItem, (history) => history.map((e) => (e.id === entryId ? { ...e, undoneAt: at } : e)));
}
