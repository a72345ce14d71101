// Typed access to the persistent items over any key-value backend (IndexedDB in
// the extension, memory in tests), and the one-time move of each item out of
// storage.local. Reading never writes: a damaged entry is left out of what is
// returned, and only the next real write stores the cleaned value.
import { envelope, readStored, type StorageItem } from './item';

export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  /**
   * Reads, changes and writes one key as one step, so concurrent updates (two
   * tabs linking at once, two pages saving) never lose each other's change.
   * `change` returns the value to store, or undefined to leave it as it is.
   */
  update(key: string, change: (stored: unknown) => unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Where items lived before (storage.local). */
export interface LegacyArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

export type DroppedReport = (key: string, dropped: number) => void;

const reportToConsole: DroppedReport = (key, dropped) =>
  // The count only: entries hold contacts' data, settings the API key.
  console.warn(`Skipcall Enrich: ${dropped} damaged part(s) of "${key}" ignored`);

export function createPersistentStore(backend: KeyValueBackend, legacy: LegacyArea, report: DroppedReport = reportToConsole) {
  const moves = new Map<string, Promise<void>>();

  /** Copies the item's storage.local value as it was (nothing dropped), unless one is already here, then deletes it there. Once per item. */
  function moveFromLegacy(item: StorageItem<unknown>): Promise<void> {
    const localKey = item.legacyLocalKey;
    if (!localKey) return Promise.resolve();
    let move = moves.get(item.key);
    if (!move) {
      move = (async () => {
        const old = (await legacy.get(localKey))[localKey];
        if (old === undefined) return;
        await backend.update(item.key, (current) => (current === undefined ? { version: 1, value: old } : undefined));
        await legacy.remove(localKey);
      })();
      // A failed move is tried again on the next use.
      move.catch(() => moves.delete(item.key));
      moves.set(item.key, move);
    }
    return move;
  }

  async function get<T>(item: StorageItem<T>): Promise<T> {
    await moveFromLegacy(item as StorageItem<unknown>);
    const { value, dropped } = readStored(item, await backend.get(item.key));
    if (dropped) report(item.key, dropped);
    return value;
  }

  /**
   * `get` from reads started before the store existed (the popup's first
   * paint): the backend's stored value and the item's storage.local key, read
   * together. Read as `get` would; when storage.local still holds the item, it
   * is moved first and read again.
   */
  async function getPrefetched<T>(item: StorageItem<T>, prefetched: { stored: unknown; legacy: unknown }): Promise<T> {
    if (item.legacyLocalKey && prefetched.legacy !== undefined) return get(item);
    const { value, dropped } = readStored(item, prefetched.stored);
    if (dropped) report(item.key, dropped);
    return value;
  }

  /** Applies `change` to the current value and stores the result; returns it. */
  async function update<T>(item: StorageItem<T>, change: (current: T) => T): Promise<T> {
    await moveFromLegacy(item as StorageItem<unknown>);
    let next: T | undefined;
    let damaged = 0;
    await backend.update(item.key, (stored) => {
      const { value, dropped } = readStored(item, stored);
      damaged = dropped;
      next = change(value);
      // Unchanged: nothing written, damaged parts included (they stay until a real change).
      return next === value ? undefined : envelope(item, next);
    });
    if (damaged) report(item.key, damaged);
    return next as T;
  }

  return {
    get,
    getPrefetched,
    update,
    set: <T>(item: StorageItem<T>, value: T): Promise<T> => update(item, () => value),
    async remove(item: StorageItem<unknown>): Promise<void> {
      await moveFromLegacy(item);
      await backend.delete(item.key);
    },
    /** Moves every item still in storage.local (run at the worker's start, so dead keys go even if unread). */
    async moveAllFromLegacy(items: readonly StorageItem<unknown>[]): Promise<void> {
      await Promise.all(items.map(moveFromLegacy));
    },
  };
}

export type PersistentStore = ReturnType<typeof createPersistentStore>;

/** A backend in memory, for tests (Node has no IndexedDB). */
export function memoryBackend(): KeyValueBackend {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    async update(key, change) {
      const next = change(structuredClone(values.get(key)));
      if (next !== undefined) values.set(key, structuredClone(next));
    },
    delete: async (key) => void values.delete(key),
  };
}
