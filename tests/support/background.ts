// Component and background tests run against the real background handlers:
// a fresh fake browser whose messages are answered as the worker would, with
// the persistent store and the contact directory kept in memory (no IndexedDB
// under Node), and the test build's host permissions granted.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clientFromSettings } from '@/entrypoints/background/api';
import { createDirectoryService, memoryPersistence } from '@/entrypoints/background/directory';
import { handleRequest } from '@/entrypoints/background/handlers';
import { useDirectoryService } from '@/entrypoints/background/services';
import { loadTabState } from '@/entrypoints/background/stores';
import type { Request } from '@/utils/messages';
import type { ProfileFieldName } from '@/utils/profile';
import type { Settings } from '@/utils/settings';
import { persistentStore, usePersistentBackend } from '@/utils/storage/extension';
import { settingsItem } from '@/utils/storage/items';
import { memoryBackend } from '@/utils/storage/store';

/** Host permissions of the test build's manifest. */
export const GRANTED_ORIGINS = ['https://*.linkedin.com/*', 'https://api-public.skipcall.app/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/** `tabId`: the tab the messages seem to come from (a content script's), if any. */
export function startBackground(tabId?: number): void {
  fakeBrowser.reset();
  usePersistentBackend(memoryBackend());
  useDirectoryService(createDirectoryService(memoryPersistence(), clientFromSettings));
  fakeBrowser.permissions.contains = async ({ origins = [] }) => origins.every((origin) => GRANTED_ORIGINS.includes(origin));
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleRequest(message as Request, tabId).then(sendResponse);
    return true;
  });
}

/**
 * Runs `before` on every message the pages send, ahead of the background's
 * answer: a test holds or slows one reply this way. Returns what puts the
 * plain messaging back.
 */
export function beforeMessages(before: (message: Request) => Promise<unknown> | void): () => void {
  const send = fakeBrowser.runtime.sendMessage;
  fakeBrowser.runtime.sendMessage = (async (message: Request) => {
    await before(message);
    return send(message);
  }) as unknown as typeof send;
  return () => {
    fakeBrowser.runtime.sendMessage = send;
  };
}

/** Has the background take a page read of `values` on `tabId`, as the content script would; returns its read id. */
export async function readOnTab(tabId: number, values: Partial<Record<ProfileFieldName, string>>, url?: string): Promise<string> {
  const profile = Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value)
      .map(([field, value]) => [field, { value, strategy: 'test' }]),
  );
  const read = { state: 'profile' as const, kind: 'profile' as const, url: url ?? values.linkedinUrl ?? 'https://www.linkedin.com/in/test', profile };
  const reply = await handleRequest({ type: 'page-read', read }, tabId);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  const state = await loadTabState(tabId);
  return state!.readId;
}

/** Saves settings as the options page does. */
export async function saveSettings(settings: Partial<Settings>): Promise<void> {
  await persistentStore().update(settingsItem, (current) => ({ ...current, ...settings }));
}
