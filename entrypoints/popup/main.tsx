import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { resolveTabId } from '@/components/runtime';
import '@/components/theme.css';

void resolveTabId(location.search).then((tabId) => render(<Popup tabId={tabId} />, document.getElementById('app')!));
