// Component and background tests run against the real background handlers:
// a fresh fake browser whose messages are answered as the worker would, with
// the contact directory kept in memory (no IndexedDB under Node).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clientFromSettings } from '@/entrypoints/background/api';
import { createDirectoryService, memoryPersistence } from '@/entrypoints/background/directory';
import { handleRequest } from '@/entrypoints/background/handlers';
import { useDirectoryService } from '@/entrypoints/background/services';
import { loadTabState } from '@/entrypoints/background/stores';
import type { Request } from '@/utils/messages';
import type { ProfileFieldName } from '@/utils/profile';

/** `tabId`: the tab the messages seem to come from (a content script's), if any. */
export function startBackground(tabId?: number): void {
  fakeBrowser.reset();
  useDirectoryService(createDirectoryService(memoryPersistence(), clientFromSettings));
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleRequest(message as Request, tabId).then(sendResponse);
    return true;
  });
}

/** Has the background take a page read of `values` on `tabId`, as the content script would; returns its read id. */
export async function readOnTab(tabId: number, values: Partial<Record<ProfileFieldName, string>>, url?: string): Promise<string> {
  const profile = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { value, strategy: 'test' }]));
  const read = { state: 'profile' as const, kind: 'profile' as const, url: url ?? values.linkedinUrl ?? 'https://www.linkedin.com/in/test', profile };
  const reply = await handleRequest({ type: 'page-read', read }, tabId);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  const state = await loadTabState(tabId);
  return state!.readId;
}
