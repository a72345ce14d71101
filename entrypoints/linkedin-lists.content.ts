// Reads the rows of a LinkedIn list page (Sales Navigator lead list or search,
// people search, connections) and tells the background, again each time rows
// render (LinkedIn renders them as the user scrolls) and on every in-page
// navigation (the next page, as the user opens it). It only reads: it never
// clicks, scrolls, navigates or writes to the page. Profile pages are read by
// linkedin.content.ts; keeping lists apart keeps each script small.
import { browser } from 'wxt/browser';
import { createReadSender, watchDom } from '@/utils/content-watch';
import { listPageOf, readList } from '@/utils/linkedin/list/read-list';

const DEBOUNCE_MS = 300;
/** How long one page's rows are watched (re-armed on every navigation). */
const WATCH_MS = 60 * 60_000;

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sender = createReadSender((read) => browser.runtime.sendMessage({ type: 'page-read', read }));
    let stop: (() => void) | undefined;

    async function readAndSend(url: string): Promise<void> {
      if (ctx.isInvalid || location.href !== url) return;
      const read = readList(document, url);
      if (read) await sender.send(read);
    }

    function start(): void {
      stop?.();
      stop = undefined;
      const url = location.href;
      if (!listPageOf(url)) return;
      sender.forget();
      void readAndSend(url);
      stop = watchDom(document.documentElement, DEBOUNCE_MS, WATCH_MS, () => void readAndSend(url));
    }

    start();
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(start, 0));
  },
});
