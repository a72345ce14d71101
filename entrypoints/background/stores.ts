// What the background keeps: settings in local storage, per-tab reads in
// session storage (survives the worker being stopped, cleared with the browser).
import { browser } from 'wxt/browser';
import { HistorySchema, appendHistory, type HistoryEntry } from '@/utils/diff/history';
import type { TabState, WriteResult } from '@/utils/messages';
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
  await browser.storage.session.remove([tabKey(tabId), `match:${tabId}`, `status:${tabId}`]);
}

const writeKey = (contactId: string) => `write:${contactId}`;
const HISTORY_KEY = 'history';

export async function saveWriteResult(result: WriteResult): Promise<void> {
  await browser.storage.session.set({ [writeKey(result.contactId)]: result });
}

export async function loadWriteResult(contactId: string): Promise<WriteResult | null> {
  const stored = await browser.storage.session.get(writeKey(contactId));
  return (stored[writeKey(contactId)] as WriteResult | undefined) ?? null;
}

export async function loadHistory(): Promise<HistoryEntry[]> {
  const stored = await browser.storage.local.get(HISTORY_KEY);
  const parsed = HistorySchema.safeParse(stored[HISTORY_KEY] ?? []);
  return parsed.success ? parsed.data : [];
}

export async function recordHistory(entry: HistoryEntry): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: appendHistory(await loadHistory(), entry) });
}

export async function markUndone(entryId: string, at: number): Promise<void> {
  const history = await loadHistory();
  await browser.storage.local.set({ [HISTORY_KEY]: history.map((e) => (e.id === entryId ? { ...e, undoneAt: at } : e)) });
}
