// What the background keeps: settings and history in the persistent store,
// per-tab reads and what is derived from them in session storage (survives the
// worker being stopped, cleared with the browser); every key in utils/storage.
import { appendHistory, type HistoryEntry } from '@/utils/diff/history';
import type { TabStatus } from '@/utils/badge';
import type { MatchView, TabState, WriteResult } from '@/utils/messages';
import type { PageRead } from '@/utils/profile';
import type { Settings } from '@/utils/settings';
import { persistentStore, session } from '@/utils/storage/extension';
import { historyItem, provenanceItem, settingsItem } from '@/utils/storage/items';
import { recordWritten, type writtenValues } from '@/utils/diff/provenance';
import { SEQUENCE_MEMBERS_FRESH_MS, contactItem, matchItem, readSession, sequenceMembersItem, statusItem, tabItem, tabKeys, tabOfKey, writeItem } from '@/utils/storage/session';

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
    await session.remove([matchItem.key(tabId), statusItem.key(tabId)]);
    await session.set(tabItem, tabId, state);
    await onSaved?.();
    return state;
  });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  return (await session.get(tabItem, tabId)) ?? null;
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
    await session.set(statusItem, tabId, { readId, status: derived.status });
    if (derived.match) await session.set(matchItem, tabId, { readId, match: derived.match });
    else await session.remove(matchItem.key(tabId));
    await onCommitted?.();
    return true;
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await withTab(tabId, () => session.remove(tabKeys(tabId)));
}

/** The tabs with a read, for refreshing every badge after a link or a write. */
export async function tabsWithRead(): Promise<number[]> {
  return Object.keys(await session.all())
    .map(tabOfKey)
    .filter((id): id is number => id !== undefined);
}

export async function saveWriteResult(result: WriteResult): Promise<void> {
  await session.set(writeItem, result.contactId, result);
}

export async function loadWriteResult(contactId: string): Promise<WriteResult | null> {
  return (await session.get(writeItem, contactId)) ?? null;
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
 * freshness, finished write results past an hour, sequence memberships past theirs, and values of none of these shapes.
 * Tab keys go with their tab.
 */
export async function sweepSession(now: number, contactFreshMs: number): Promise<number> {
  const stale = Object.entries(await session.all())
    .filter(([key, value]) => {
      if (key.startsWith(contactItem.prefix)) {
        const cached = readSession(contactItem, value);
        return !cached || now - cached.at >= contactFreshMs;
      }
      if (key.startsWith(writeItem.prefix)) {
        const result = readSession(writeItem, value);
        return !result || (result.status !== 'pending' && now - result.at >= WRITE_RESULT_KEEP_MS);
      }
      if (key.startsWith(sequenceMembersItem.prefix)) {
        const members = readSession(sequenceMembersItem, value);
        return !members || now - members.at >= SEQUENCE_MEMBERS_FRESH_MS;
      }
      return false;
    })
    .map(([key]) => key);
  if (stale.length) await session.remove(stale);
  return stale.length;
}

/** Our write, for the three-way diff: Skipcall's raw values right after it. */
export async function noteWritten(contactId: string, written: ReturnType<typeof writtenValues>): Promise<void> {
  await persistentStore().update(provenanceItem(contactId), (current) => recordWritten(current, written, Date.now()));
}

