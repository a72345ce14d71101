import { render } from 'preact';
import { Popup, loadPopupData } from '@/components/Popup';
import { resolveTabId } from '@/components/runtime';
import '@/components/theme.css';

// The data is read before the first render: the popup opens with the diff, not a loading state.
void resolveTabId(location.search).then(async (tabId) => {
  const initial = await loadPopupData(tabId);
  render(<Popup tabId={tabId} initial={initial} />, document.getElementById('app')!);
});
