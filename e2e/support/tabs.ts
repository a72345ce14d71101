// Extension APIs called from the control page: tab ids, storage, and a
// recorder of what the background stores for a tab.
import type { browser as WxtBrowser } from 'wxt/browser';
import { DATA_DATABASE } from '../../utils/storage/items';
import type { ExtensionHarness } from './harness';
import { waitUntil } from './wait';

/** `browser` in Firefox, `chrome` in Chromium (the polyfill is bundled, not global). */
export type ExtApi = typeof WxtBrowser;

/** Id of the tab showing exactly `url`, as the extension sees it. */
export async function findTabId(harness: ExtensionHarness, url: string): Promise<number> {
  const control = await harness.control();
  return waitUntil(
    () =>
      control.evaluate(async (target) => {
        const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
        const ext = (g.browser ?? g.chrome)!;
        const tabs = await ext.tabs.query({ url: 'https://*.linkedin.com/*' });
        return tabs.find((tab) => tab.url === target)?.id ?? null;
      }, url),
    { what: `the extension to see a tab at ${url}` },
  );
}

/**
 * Forgets everything the extension stored: settings, links, history and the
 * contact directory (the extension origin's IndexedDB: every store of every
 * database is emptied, none deleted, since the worker keeps them open), per-tab
 * reads, drafts, write results and the contact cache (session), and anything
 * an earlier version left in storage.local. With the directory's account gone,
 * the next saved settings start the worker's directory over.
 */
export async function resetExtensionStorage(harness: ExtensionHarness): Promise<void> {
  const control = await harness.control();
  // No named functions in the page function: tsx (esbuild keepNames) would wrap them in a __name() the page lacks.
  await control.evaluate(async () => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
    const ext = (g.browser ?? g.chrome)!;
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = [...db.objectStoreNames];
      if (stores.length) {
        const tx = db.transaction(stores, 'readwrite');
        for (const store of stores) tx.objectStore(store).clear();
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    }
    await Promise.all([ext.storage.local.clear(), ext.storage.session.clear()]);
  }, null);
}

/**
 * The extension's persistent items as stored (`{version, value}` per key), read
 * from its IndexedDB the way the worker reads them; {} when none was ever written.
 * Never creates the database (a database created without its store would break the worker's).
 */
export async function readStoredItems(harness: ExtensionHarness): Promise<Record<string, { version: number; value: unknown }>> {
  const control = await harness.control();
  return control.evaluate(async (database) => {
    if (!(await indexedDB.databases()).some((db) => db.name === database.name)) return {};
    const open = indexedDB.open(database.name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains(database.store)) return {};
      const store = db.transaction(database.store, 'readonly').objectStore(database.store);
      const [keys, values] = await Promise.all(
        [store.getAllKeys() as IDBRequest<unknown[]>, store.getAll() as IDBRequest<unknown[]>].map(
          (request) =>
            new Promise<unknown[]>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return Object.fromEntries(keys!.map((key, i) => [String(key), values![i]])) as Record<string, { version: number; value: unknown }>;
    } finally {
      db.close();
    }
  }, { name: DATA_DATABASE.name, store: DATA_DATABASE.store });
}

/** Puts values in storage.local, as an earlier version of the extension left them. */
export async function writeLocalStorage(harness: ExtensionHarness, values: Record<string, unknown>): Promise<void> {
  const control = await harness.control();
  await control.evaluate(async (items) => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
    await (g.browser ?? g.chrome)!.storage.local.set(items);
  }, values);
}

/** The toolbar badge text the extension set for a tab (MV3 `action`, MV2 `browserAction`). */
export async function badgeText(harness: ExtensionHarness, tabId: number): Promise<string> {
  const control = await harness.control();
  return control.evaluate(async (id) => {
    type Action = { getBadgeText(details: { tabId: number }): Promise<string> | void };
    const g = globalThis as { browser?: { browserAction?: Action; action?: Action }; chrome?: { action?: Action } };
    if (g.browser) {
      const action = g.browser.action ?? g.browser.browserAction;
      return (await action!.getBadgeText({ tabId: id })) as string;
    }
    return (await g.chrome!.action!.getBadgeText({ tabId: id })) as string;
  }, tabId);
}

export async function readLocalStorage(harness: ExtensionHarness): Promise<Record<string, unknown>> {
  const control = await harness.control();
  return control.evaluate(async () => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
    return (await (g.browser ?? g.chrome)!.storage.local.get(null)) as Record<string, unknown>;
  }, null);
}

/** A read the background stored for a tab: the shape of utils/profile.ts PageRead, loosely. */
export interface StoredRead {
  state: string;
  url: string;
  profile?: Record<string, { value: string; strategy: string } | undefined>;
}

/**
 * Records every read the background stores for `tabId` from now on. The
 * background keeps them in session storage under `tab:<id>`
 * (entrypoints/background/stores.ts); watching the storage sees each one,
 * even those the popup would be too late to show.
 */
export async function recordTabReads(harness: ExtensionHarness, tabId: number): Promise<() => Promise<StoredRead[]>> {
  const control = await harness.control();
  await control.evaluate((id) => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi; __e2eReads?: Record<number, unknown[]> };
    const reads: unknown[] = [];
    g.__e2eReads = { ...g.__e2eReads, [id]: reads };
    (g.browser ?? g.chrome)!.storage.onChanged.addListener((changes, area) => {
      const change = changes[`tab:${id}`];
      const value = change?.newValue as { read?: unknown } | undefined;
      if (area === 'session' && value?.read) reads.push(value.read);
    });
  }, tabId);
  return () =>
    control.evaluate((id) => {
      const g = globalThis as { __e2eReads?: Record<number, StoredRead[]> };
      return g.__e2eReads?.[id] ?? [];
    }, tabId);
}

/** The read the background holds for `tabId` now, or null. */
export async function storedRead(harness: ExtensionHarness, tabId: number): Promise<StoredRead | null> {
  const control = await harness.control();
  return control.evaluate(async (id) => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
    const key = `tab:${id}`;
    const stored = (await (g.browser ?? g.chrome)!.storage.session.get(key)) as Record<string, { read?: StoredRead } | undefined>;
    return stored[key]?.read ?? null;
  }, tabId);
}
