// The popup's first reads, started by its entry module while the interface's
// code is still loading: the tab id, the tab's read and match in
// storage.session, the settings in IndexedDB (and their old storage.local key).
// Raw values only: no polyfill and no schema here, so this part is small and
// runs early; components/runtime.ts reads the values with the items' schemas
// exactly as it reads them itself (a value that does not parse reads as absent).
import { dataBackend } from '@/utils/storage/data-backend';
import { MATCH_KEY_PREFIX, SETTINGS_KEY, TAB_KEY_PREFIX } from '@/utils/storage/databases';

export interface PopupReads {
  tabId: number | undefined;
  /** storage.session's raw values of the tab's `tab:` and `match:` keys, read at one moment. */
  session: Record<string, unknown>;
  /** The settings as stored in IndexedDB, and storage.local's value of their old key. */
  settings: { stored: unknown; legacy: unknown };
}

interface RawApi {
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    session: { get(keys: string | string[]): Promise<Record<string, unknown>> };
  };
}

/** Where entrypoints/popup-reads.ts leaves its reads for the popup's main module. */
export const POPUP_READS_GLOBAL = 'skipcallEnrichPopupReads';
export type PopupReadsGlobal = { [POPUP_READS_GLOBAL]?: Promise<PopupReads | undefined> };

/** `?tabId=<id>` when given (tests, links). */
export function tabIdFromQuery(search: string): number | undefined {
  const params = new URLSearchParams(search);
  const fromQuery = Number(params.get('tabId'));
  return params.has('tabId') && Number.isInteger(fromQuery) && fromQuery >= 0 ? fromQuery : undefined;
}

/**
 * Starts every read the popup's first render needs, at once. Resolves to
 * undefined when the browser's API is not the promise-based one this expects
 * or a read fails: the popup then reads the usual way.
 */
export async function startPopupReads(search: string): Promise<PopupReads | undefined> {
  const globals = globalThis as { browser?: RawApi; chrome?: RawApi };
  const api = globals.browser?.storage?.session ? globals.browser : globals.chrome;
  if (!api?.storage?.session || !api.tabs) return undefined;
  try {
    const settings = Promise.all([dataBackend().get(SETTINGS_KEY), api.storage.local.get(SETTINGS_KEY)]);
    let tabId = tabIdFromQuery(search);
    if (tabId === undefined) tabId = (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const session = tabId === undefined ? {} : await api.storage.session.get([`${TAB_KEY_PREFIX}${tabId}`, `${MATCH_KEY_PREFIX}${tabId}`]);
    const [stored, legacy] = await settings;
    return { tabId, session, settings: { stored, legacy: legacy[SETTINGS_KEY] } };
  } catch {
    return undefined;
  }
}
