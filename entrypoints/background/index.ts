import { browser, type Browser } from 'wxt/browser';
import { RequestSchema, isSenderAllowed, type Reply } from '@/utils/messages';
import { persistentStore } from '@/utils/storage/extension';
import { PERSISTENT_ITEMS } from '@/utils/storage/items';
import { handleRequest } from './handlers';
import { forgetTab } from './stores';
import { resumeBulk } from './bulk';

async function dispatch(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<object>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: { kind: 'refused', detail: 'malformed message' } };
  const request = parsed.data;
  const ownOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const senderInfo = { id: sender.id, url: sender.url, tabId: sender.tab?.id };
  if (!isSenderAllowed(request.type, senderInfo, browser.runtime.id, ownOrigin)) {
    return { ok: false, error: { kind: 'refused', detail: 'sender not allowed' } };
  }
  return handleRequest(request, sender.tab?.id);
}

export default defineBackground(() => {
  // Earlier versions kept settings, links and history in storage.local, which content scripts can read.
  void persistentStore().moveAllFromLegacy(PERSISTENT_ITEMS).catch(() => undefined);
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // `return true` + sendResponse works in Chrome, Firefox and the test fake alike.
    void dispatch(message, sender).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // First run only (not on update or browser update): a short welcome page.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
  // A bulk operation cut short by the worker stopping goes on where it was.
  void resumeBulk();
});
