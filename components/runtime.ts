// Extension-page side of the message protocol: typed requests to the background.
import { browser } from 'wxt/browser';
import type { MatchView, ReplyTo, Request, TabState } from '@/utils/messages';
import { matchItem, readSession, tabItem } from '@/utils/storage/session';
import type { Settings } from '@/utils/settings';
import { persistentStore, session } from '@/utils/storage/extension';
import { settingsItem } from '@/utils/storage/items';
import { t } from './i18n';
import { tabIdFromQuery, type PopupReads } from './popup-reads';

export async function ask<R extends Request>(request: R): Promise<ReplyTo<R>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as ReplyTo<R> | undefined;
    return reply ?? { ok: false, error: { kind: 'refused', detail: t('errorNoAnswer') } };
  } catch (error) {
    return { ok: false, error: { kind: 'refused', detail: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * What the background prepared for a tab: its read and, for a profile, the
 * match (straight from session storage, no round trip). The match is used only
 * when it was computed for this very read.
 */
export async function readTabView(tabId: number, prefetched?: PopupReads['session']): Promise<{ tab: TabState | null; match?: MatchView }> {
  // One read of both keys: the pair is taken as it stood at one moment.
  const stored = prefetched ?? (await session.getMany([tabItem.key(tabId), matchItem.key(tabId)]));
  const tab = readSession(tabItem, stored[tabItem.key(tabId)]) ?? null;
  const prepared = readSession(matchItem, stored[matchItem.key(tabId)]);
  return tab && prepared && prepared.readId === tab.readId ? { tab, match: prepared.match } : { tab };
}

/** The settings, API key included: extension pages share the worker's origin and its database. */
export function readSettings(prefetched?: PopupReads['settings']): Promise<Settings> {
  return prefetched ? persistentStore().getPrefetched(settingsItem, prefetched) : persistentStore().get(settingsItem);
}

/** Saves the given settings, keeping the others as they are (read and written in one step). */
export function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  return persistentStore().update(settingsItem, (settings) => ({ ...settings, ...changes }));
}

/** `?tabId=<id>` when given (tests, links), else the active tab of the current window. */
export async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== undefined) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
