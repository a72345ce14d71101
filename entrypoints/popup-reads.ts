// A classic script the popup's page loads with `async` (entrypoints/popup/index.html):
// it runs while the page is still being parsed, long before the popup's
// modules have loaded, and starts the reads the first render needs (the tab,
// its match, the settings). The popup's main module takes the promise from
// here, or starts the same reads itself when this has not run.
import { POPUP_READS_GLOBAL, startPopupReads, type PopupReadsGlobal } from '@/components/popup-reads';

export default defineUnlistedScript(() => {
  (globalThis as PopupReadsGlobal)[POPUP_READS_GLOBAL] = startPopupReads(location.search);
});
