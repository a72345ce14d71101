// The persistent store as the worker and the extension's pages use it: items in
// the extension origin's IndexedDB (out of content scripts' reach), moved once
// out of storage.local where earlier versions kept them. The one place in
// utils/storage that touches browser APIs.
import { browser } from 'wxt/browser';
import { dataBackend } from './data-backend';
import { createPersistentStore, type KeyValueBackend, type LegacyArea, type PersistentStore } from './store';
import { readSession, type SessionItem } from './session';

let current: PersistentStore | undefined;

function legacyLocal(): LegacyArea {
  return {
    get: (key) => browser.storage.local.get(key),
    remove: (key) => browser.storage.local.remove(key),
  };
}

export function persistentStore(): PersistentStore {
  current ??= createPersistentStore(dataBackend(), legacyLocal());
  return current;
}

/** Tests: the same store over another backend (the fake browser's storage.local stays the legacy area). */
export function usePersistentBackend(backend: KeyValueBackend): PersistentStore {
  current = createPersistentStore(backend, legacyLocal());
  return current;
}

/** storage.session, typed by the items of ./session. */
export const session = {
  async get<T, A>(item: SessionItem<T, A>, arg: A): Promise<T | undefined> {
    const key = item.key(arg);
    return readSession(item, (await browser.storage.session.get(key))[key]);
  },
  async set<T, A>(item: SessionItem<T, A>, arg: A, value: T): Promise<void> {
    await browser.storage.session.set({ [item.key(arg)]: value });
  },
  async remove(keys: string | string[]): Promise<void> {
    await browser.storage.session.remove(keys);
  },
  /** Raw values of several keys in one read (read each with readSession). */
  async getMany(keys: string[]): Promise<Record<string, unknown>> {
    return browser.storage.session.get(keys);
  },
  /** Every stored key with its raw value (for sweeping and listing tabs). */
  async all(): Promise<Record<string, unknown>> {
    return browser.storage.session.get(null);
  },
  /** Calls `listener` with the item's new value whenever its key changes (absent: removed or unreadable). Returns the unsubscribe. */
  watch<T, A>(item: SessionItem<T, A>, arg: A, listener: (value: T | undefined) => void): () => void {
    const key = item.key(arg);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) listener(readSession(item, changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
