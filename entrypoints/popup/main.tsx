import { render } from 'preact';
import { Popup, loadPopupData } from '@/components/Popup';
import { POPUP_READS_GLOBAL, startPopupReads, type PopupReadsGlobal } from '@/components/popup-reads';
import { resolveTabId } from '@/components/runtime';
import '@/components/theme.css';

// The reads the first render needs were started by the page's early script (entrypoints/popup-reads.ts).
const reads = (globalThis as PopupReadsGlobal)[POPUP_READS_GLOBAL] ?? startPopupReads(location.search);

// The data is read before the first render: the popup opens with the diff, not a loading state.
void reads.then(async (prefetched) => {
  const tabId = prefetched ? prefetched.tabId : await resolveTabId(location.search);
  const initial = await loadPopupData(tabId, prefetched);
  render(<Popup tabId={tabId} initial={initial} />, document.getElementById('app')!);
});
