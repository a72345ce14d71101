// Reads the open LinkedIn page and tells the background. It only reads: no DOM
// writes, no injected UI, no web-accessible resources.
import { browser } from 'wxt/browser';
import {
  isPageSettled,
  previousOf,
  readPage,
  type PreviousProfile,
  type ReadContext,
} from '@/utils/linkedin/read-page';
import { isListPath } from '@/utils/linkedin/list/paths';
import { createReadSender, watchDom } from '@/utils/content-watch';
import type { PageRead } from '@/utils/profile';

/** How long to wait for the new person's top card after a navigation. */
const SETTLE_TIMEOUT_MS = 10_000;
/** How long to keep watching for late sections (SDUI loads Experience lazily). */
const LATE_CONTENT_MS = 15_000;
const DEBOUNCE_MS = 250;

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let generation = 0;
    /** The last profile sent: after in-page navigation its card may still be on screen. */
    let lastProfile: PreviousProfile | undefined;
    let stopWatching: (() => void) | undefined;

    const sender = createReadSender((read) => browser.runtime.sendMessage({ type: 'page-read', read }));
    function send(read: PageRead): Promise<void> {
      lastProfile = previousOf(read) ?? lastProfile;
      return sender.send(read);
    }

    /** Calls `onChange` (debounced) on DOM changes until `ms` elapse or the returned stop is called. */
    const watch = (ms: number, onChange: () => void) => watchDom(document.documentElement, DEBOUNCE_MS, ms, onChange);

    function readNow(): void {
      const run = ++generation;
      stopWatching?.();
      const url = location.href;
      // List pages (Sales Navigator lists and searches, people search, connections) are read by linkedin-lists.content.ts.
      if (isListPath(location.pathname)) return;
      // The reader ignores `previous` when it is this URL's person; the first read has none.
      const context: ReadContext = lastProfile ? { previous: lastProfile } : {};
      const finish = () => {
        if (run !== generation || ctx.isInvalid) return;
        stopWatching?.();
        void send(readPage(document, url, context));
        stopWatching = watch(LATE_CONTENT_MS, () => {
          if (run === generation && location.href === url) void send(readPage(document, url, context));
        });
      };
      if (isPageSettled(document, url, context)) return finish();
      // Wait (bounded) for the URL's person to be rendered, then read whatever is there.
      const stopWaiting = watch(SETTLE_TIMEOUT_MS, () => {
        if (run !== generation) return stopWaiting();
        if (isPageSettled(document, url, context)) {
          stopWaiting();
          clearTimeout(giveUp);
          finish();
        }
      });
      const giveUp = setTimeout(() => {
        stopWaiting();
        finish();
      }, SETTLE_TIMEOUT_MS);
      stopWatching = () => {
        stopWaiting();
        clearTimeout(giveUp);
      };
    }

    // "Copy a page report" (popup): the page as it is now, for the extension's own pages only.
    // The popup masks it; nothing is written to the page.
    const own = browser.runtime.getURL('/');
    const onMessage = (message: unknown, sender: { id?: string; url?: string }) => {
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(own) || (message as { type?: unknown })?.type !== 'page-report') return;
      return Promise.resolve({ url: location.href, html: document.documentElement.outerHTML });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    readNow();
    // WXT relays the Navigation API's `navigate` event, which fires before pushState updates location.href.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(readNow, 0));
  },
});
