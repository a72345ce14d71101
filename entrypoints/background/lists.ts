// The rows of a tab's list page and their match, derived from the registry and
// the local directory (no request per row), stored for the popup under the read
// they belong to. Rows of earlier pages of the same list stay (the user pages
// through it); another list starts over.
import { matchRows, mergeListRows } from '@/utils/match/list';
import type { ListRead } from '@/utils/profile';
import type { Contact } from '@/utils/skipcall/schemas';
import { session } from '@/utils/storage/extension';
import { contactItem, listItem, readSession } from '@/utils/storage/session';
import { loadRegistry } from './registry-store';
import { directoryService } from './services';
import { loadSettings, loadTabState } from './stores';

/** Full contacts already fetched (prefetch cache): their changes are exact rather than from the directory. */
async function cachedContacts(ids: readonly string[]): Promise<Map<string, Contact>> {
  const stored = await session.getMany(ids.map((id) => contactItem.key(id)));
  const out = new Map<string, Contact>();
  for (const id of ids) {
    const cached = readSession(contactItem, stored[contactItem.key(id)]);
    if (cached) out.set(id, cached.contact);
  }
  return out;
}

export async function refreshList(tabId: number): Promise<void> {
  const tab = await loadTabState(tabId);
  if (!tab || tab.read.state !== 'list') return;
  const read: ListRead = tab.read;
  const [settings, registry, index, previous] = await Promise.all([
    loadSettings(),
    loadRegistry(),
    directoryService().index(),
    session.get(listItem, tabId),
  ]);
  const rows = previous?.listKey === read.listKey ? mergeListRows(previous.rows, read.rows) : read.rows;
  const first = matchRows(rows, { registry, index, diff: { preferLinkedIn: settings.preferLinkedIn } });
  const ids = first.filter((m) => m.state === 'linked' && m.contactId).map((m) => m.contactId!);
  const contacts = ids.length ? await cachedContacts(ids) : new Map<string, Contact>();
  const matches = contacts.size ? matchRows(rows, { registry, index, contacts, diff: { preferLinkedIn: settings.preferLinkedIn } }) : first;
  // A newer read of the tab replaces this one: store only if the tab still holds it.
  if ((await loadTabState(tabId))?.readId !== tab.readId) return;
  await session.set(listItem, tabId, { readId: tab.readId, listKey: read.listKey, rows, matches, at: Date.now() });
}
