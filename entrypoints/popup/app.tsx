import { render } from 'preact';
import { Popup, loadPopupData } from '@/components/Popup';
import type { PopupReads } from '@/components/popup-reads';
import { resolveTabId } from '@/components/runtime';

/** The data is read before the first render: the popup opens with the diff, not a loading state. */
export async function start(reads: Promise<PopupReads | undefined>): Promise<void> {
  const prefetched = await reads;
  const tabId = prefetched ? prefetched.tabId : await resolveTabId(location.search);
  const initial = await loadPopupData(tabId, prefetched);
  render(<Popup tabId={tabId} initial={initial} />, document.getElementById('app')!);
}
