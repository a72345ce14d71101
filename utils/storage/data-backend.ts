// The data database's backend, one per page: the popup's first reads and the
// persistent store share its connection (one IndexedDB open per page).
import { DATA_DATABASE } from './databases';
import { indexedDbBackend } from './indexeddb';
import type { KeyValueBackend } from './store';

let backend: KeyValueBackend | undefined;

export function dataBackend(): KeyValueBackend {
  backend ??= indexedDbBackend(DATA_DATABASE);
  return backend;
}
