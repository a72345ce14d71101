// Component and background tests run against the real background handlers:
// a fresh fake browser whose messages are answered as the worker would, with
// the contact directory kept in memory (no IndexedDB under Node).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clientFromSettings } from '@/entrypoints/background/api';
import { createDirectoryService, memoryPersistence } from '@/entrypoints/background/directory';
import { handleRequest } from '@/entrypoints/background/handlers';
import { useDirectoryService } from '@/entrypoints/background/services';
import type { Request } from '@/utils/messages';

/** `tabId`: the tab the messages seem to come from (a content script's), if any. */
export function startBackground(tabId?: number): void {
  fakeBrowser.reset();
  useDirectoryService(createDirectoryService(memoryPersistence(), clientFromSettings));
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleRequest(message as Request, tabId).then(sendResponse);
    return true;
  });
}
