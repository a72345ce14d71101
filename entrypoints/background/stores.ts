// What the background keeps: settings and history in the persistent store
// (utils/storage), per-tab reads in session storage (survives the worker being
// stopped, cleared with the browser).
import { browser } from 'wxt/browser';
import { appendHistory, type HistoryEntry } from '@/utils/diff/history';
import type { TabStatus } from '@/utils/badge';
import type { MatchView, TabMatch, TabState, WriteResult } from '@/utils/messages';
import type { PageRead } from '@/utils/profile';
import { contactKey, matchKey, statusKey, tabKey, tabKeys, tabOfKey, writeKey } from '@/utils/session-keys';
import type { Settings } from '@/utils/settings';
import { persistentStore } from '@/utils/storage/extension';
import { historyItem, settingsItem } from '@/utils/storage/items';


export function loadSettings(): Promise<Settings> {
  return persistentStore().get(settingsItem);
}

/**
 * One change at a time per tab: a new read and the state derived from an older
 * one never interleave between the check and the write.
 */
const tabQueues = new Map<number, Promise<unknown>>();
function withTab<T>(tabId: number, run: () => Promise<T>): Promise<T> {
  const next = (tabQueues.get(tabId) ?? Promise.resolve()).then(run, run);
  const settled = next.catch(() => undefined);
  tabQueues.set(tabId, settled);
  void settled.then(() => tabQueues.get(tabId) === settled && tabQueues.delete(tabId));
  return next;
}

const newReadId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A new read of the tab: it gets its own id, and whatever was derived from the previous read is dropped at once. */
export function saveRead(tabId: number, read: PageRead, onSaved?: () => Promise<void>): Promise<TabState> {
  return withTab(tabId, async () => {
    const state: TabState = { read, readId: newReadId(), readAt: Date.now() };
    await browser.storage.session.remove([matchKey(tabId), statusKey(tabId)]);
    await browser.storage.session.set({ [tabKey(tabId)]: state });
    await onSaved?.();
    return state;
  });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(tabKey(tabId));
  return (stored[tabKey(tabId)] as TabState | undefined) ?? null;
}

/**
 * Stores the state derived from read `readId` if the tab still holds that read;
 * a late result for an older read is dropped (false). `onCommitted` runs inside
 * the same turn (the badge), so no newer read can slip in before it.
 */
export function commitDerived(
  tabId: number,
  readId: string,
  derived: { status: TabStatus; match?: MatchView },
  onCommitted?: () => Promise<void>,
): Promise<boolean> {
  return withTab(tabId, async () => {
    if ((await loadTabState(tabId))?.readId !== readId) return false;
    await browser.storage.session.set({ [statusKey(tabId)]: { readId, status: derived.status } });
    if (derived.match) await browser.storage.session.set({ [matchKey(tabId)]: { readId, match: derived.match } satisfies TabMatch });
    else await browser.storage.session.remove(matchKey(tabId));
    await onCommitted?.();
    return true;
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await withTab(tabId, () => browser.storage.session.remove(tabKeys(tabId)));
}

/** The tabs with a read, for refreshing every badge after a link or a write. */
export async function tabsWithRead(): Promise<number[]> {
  const stored = await browser.storage.session.get(null);
  return Object.keys(stored)
    .map(tabOfKey)
    .filter((id): id is number => id !== undefined);
}


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

/** How long a finished write result is kept for a popup reopened on its contact. */
const WRITE_RESULT_KEEP_MS = 60 * 60_000;

/**
 * Drops session entries nothing will read again: prefetched contacts past their
 * freshness and finished write results past an hour. Tab keys go with their tab.
 */
export async function sweepSession(now: number, contactFreshMs: number): Promise<number> {
  const stored = await browser.storage.session.get(null);
  const stale = Object.entries(stored)
    .filter(([key, value]) => {
      const entry = value as { at?: unknown; status?: unknown } | undefined;
      const at = typeof entry?.at === 'number' ? entry.at : 0;
      if (key.startsWith(contactKey(''))) return now - at >= contactFreshMs;
      if (key.startsWith(writeKey(''))) return entry?.status !== 'pending' && now - at >= WRITE_RESULT_KEEP_MS;
      return false;
    })
    .map(([key]) => key);
  if (stale.length) await browser.storage.session.remove(stale);
  return stale.length;
}
