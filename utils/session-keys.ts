// The names of the per-session keys (storage.session): each declared once, for
// the background that writes them and the pages that read them. Everything
// under a tab's keys goes when the tab closes.
export const tabKey = (tabId: number) => `tab:${tabId}`;
export const statusKey = (tabId: number) => `status:${tabId}`;
/** Where the popup finds the tab's match ready when it opens (no message round trip). */
export const matchKey = (tabId: number) => `match:${tabId}`;
/** The popup's unfinished ticks and edits on a tab. */
export const draftKey = (tabId: number) => `draft:${tabId}`;
/** A contact fetched ahead of the popup. */
export const contactKey = (contactId: string) => `contact:${contactId}`;
/** The last write (apply or undo) to a contact. */
export const writeKey = (contactId: string) => `write:${contactId}`;

export const TAB_PREFIX = 'tab:';

/** Every key that belongs to a tab. */
export const tabKeys = (tabId: number) => [tabKey(tabId), statusKey(tabId), matchKey(tabId), draftKey(tabId)];

/** The tab of a `tab:<id>` key, if it is one. */
export function tabOfKey(key: string): number | undefined {
  if (!key.startsWith(TAB_PREFIX)) return undefined;
  const id = Number(key.slice(TAB_PREFIX.length));
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}
