// The persistent store as the worker and the extension's pages use it: items in
// the extension origin's IndexedDB (out of content scripts' reach), moved once
// out of storage.local where earlier versions kept them. The one place in
// utils/storage that touches browser APIs.
import { browser } from 'wxt/browser';
import { indexedDbBackend } from './indexeddb';
import { DATA_DATABASE } from './items';
import { createPersistentStore, type KeyValueBackend, type LegacyArea, type PersistentStore } from './store';

let current: PersistentStore | undefined;

function legacyLocal(): LegacyArea {
  return {
    get: (key) => browser.storage.local.get(key),
    remove: (key) => browser.storage.local.remove(key),
  };
}

export function persistentStore(): PersistentStore {
  current ??= createPersistentStore(indexedDbBackend(DATA_DATABASE), legacyLocal());
  return current;
}

/** Tests: the same store over another backend (the fake browser's storage.local stays the legacy area). */
export function usePersistentBackend(backend: KeyValueBackend): PersistentStore {
  current = createPersistentStore(backend, legacyLocal());
  return current;
}
