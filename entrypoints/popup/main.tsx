// The popup's entry: small on purpose. It starts the reads the first render
// needs (tab, match, settings) and, at the same time, loads the interface
// (./app): the reads run while the interface's code is fetched and parsed.
import { startPopupReads } from '@/components/popup-reads';
import '@/components/theme.css';

const reads = startPopupReads(location.search);
void import('./app').then(({ start }) => start(reads));
