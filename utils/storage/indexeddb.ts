// A key-value backend on one IndexedDB object store of the extension origin.
import { createStore, del, get, promisifyRequest } from 'idb-keyval';
import type { KeyValueBackend } from './store';

export function indexedDbBackend(database: { name: string; store: string }): KeyValueBackend {
  const store = createStore(database.name, database.store);
  return {
    get: (key) => get(key, store),
    // One read-write transaction: IndexedDB runs those on a store one at a time, across every page and the worker.
    update: (key, change) =>
      store('readwrite', (objectStore) => {
        const request = objectStore.get(key);
        return new Promise<void>((resolve, reject) => {
          request.onsuccess = () => {
            try {
              const next = change(request.result);
              if (next !== undefined) objectStore.put(next, key);
              resolve(promisifyRequest(objectStore.transaction).then(() => undefined));
            } catch (error) {
              reject(error);
            }
          };
          request.onerror = () => reject(request.error);
        });
      }),
    delete: (key) => del(key, store),
  };
}
