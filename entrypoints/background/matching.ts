// Handlers for finding, linking and creating the contact of a profile.
import { contactLabel, toDirectoryContact } from '@/utils/match/contact';
import { getContact as directoryContact, search, upsertContacts } from '@/utils/match/directory';
import { preselect, rankCandidates } from '@/utils/match/rank';
import {
  addLink,
  exportRegistry,
  findLink,
  importRegistry,
  IMPORT_PROBLEM_MESSAGES,
  listLinks,
  removeLink,
  type LinkEntry,
  type LinkVia,
  type Registry,
} from '@/utils/match/registry';
import type { Settings } from '@/utils/settings';
import type { ContactView, CreateWarning, MatchView, Reply } from '@/utils/messages';
import type { ProfileValues } from '@/utils/diff/compute';
import type { ContactCreate, Contact } from '@/utils/skipcall/schemas';
import { STANDARD_FIELDS } from '@/utils/diff/fields';
import type { HistoryEntry } from '@/utils/diff/history';
import { rawValue } from '@/utils/diff/plan';
import { writtenValues } from '@/utils/diff/provenance';
import { clientFromSettings, customFieldDefinitions } from './api';
import { noteWritten, recordHistory } from './stores';
import { persistentStore } from '@/utils/storage/extension';
import { provenanceItem } from '@/utils/storage/items';
import { cachedContact, peekContact, rememberContact } from './contact-cache';
import { loadRegistry, updateRegistry } from './registry-store';
import { directoryService } from './services';
import { refreshAllTabs } from './tab-status';

interface Identity {
  linkedinUrl?: string;
  linkedinSalesUrl?: string;
}

/**
 * The match for a profile. With `fetch: false` (ahead of the popup, on every profile view) the
 * preselected contact comes only from the prefetch cache, so an unlinked profile costs no request.
 */
export async function matchProfile(profile: ProfileValues, fetch = true, loaded?: { settings: Settings; registry: Registry }): Promise<MatchView> {
  const directory = directoryService();
  const [registry, index, status] = await Promise.all([loaded?.registry ?? loadRegistry(), directory.index(), directory.status()]);
  const link = findLink(registry, { linkedinUrl: profile.linkedinUrl, linkedinSalesUrl: profile.linkedinSalesUrl }) ?? null;
  const candidates = rankCandidates(profile, index);
  // A linked contact that the directory does not hold (or no directory at all) is still offered.
  if (link && !candidates.some((c) => c.contactId === link.contactId)) {
    const known = directoryContact(index, link.contactId);
    const contact = known ?? (await linkedContact(link.contactId, fetch));
    if (contact) {
      candidates.unshift({ contactId: link.contactId, contact, reason: profile.linkedinUrl ? 'linkedin-url' : 'sales-url', score: 1000 });
    }
  }
  const preselected = preselect(candidates, link);
  const view = preselected ? await contactView(preselected.contactId, fetch, loaded?.settings) : {};
  return { link, candidates, preselected, directory: status, ...view };
}

/** The preselected contact with its custom fields; left out when Skipcall cannot give it now. */
async function contactView(contactId: string, fetch: boolean, settings?: Settings): Promise<{ preselectedView?: ContactView }> {
  try {
    const client = await clientFromSettings(settings);
    const [contact, customFields, provenance] = await Promise.all([
      fetch ? cachedContact(client, contactId) : peekContact(contactId),
      customFieldDefinitions(client),
      persistentStore().get(provenanceItem(contactId)),
    ]);
    return contact ? { preselectedView: { contact, customFields, provenance } } : {};
  } catch {
    return {};
  }
}

/** The linked contact from the prefetch cache (or one GET); none when it is gone or Skipcall is unreachable. */
async function linkedContact(contactId: string, fetch: boolean) {
  try {
    const contact = fetch ? await cachedContact(await clientFromSettings(), contactId) : await peekContact(contactId);
    return contact && toDirectoryContact(contact);
  } catch {
    return undefined;
  }
}

export async function searchDirectory(query: string) {
  return search(await directoryService().index(), query, 20);
}

async function recordLink(identity: Identity, contact: Contact, via: LinkVia) {
  const registry = await updateRegistry((current) =>
    addLink(current, { ...identity, contactId: contact.id, workspaceId: contact.teamId ?? null, label: contactLabel(contact), via }),
  );
  void refreshAllTabs();
  return findLink(registry, identity) ?? null;
}

export async function linkContact(identity: Identity, contactId: string, via: LinkVia): Promise<LinkEntry | null> {
  const contact = await cachedContact(await clientFromSettings(), contactId);
  return recordLink(identity, contact, via);
}

export async function unlinkContact(identity: Identity, contactId?: string): Promise<number> {
  let removed = 0;
  await updateRegistry((current) => {
    const next = removeLink(current, { ...identity, ...(contactId ? { contactId } : {}) });
    removed = current.entries.length - next.entries.length;
    return next;
  });
  void refreshAllTabs();
  return removed;
}

/**
 * POST, then the link and the caches. Once Skipcall has created the contact, a
 * local failure must not read as "not created": a retry would create it twice.
 * The contact comes back, with a warning when the link could not be saved.
 */
export async function createAndLink(
  identity: Identity,
  input: ContactCreate,
  jobChangeFrom?: string,
): Promise<{ contact: Contact; warning?: CreateWarning }> {
  const contact = await (await clientFromSettings()).createContact(input);
  const [, , link] = await Promise.allSettled([
    rememberContact(contact),
    directoryService()
      .index()
      .then((index) => upsertContacts(index, [contact])),
    recordLink(identity, contact, 'create'),
    noteCreated(identity, contact, jobChangeFrom),
  ]);
  return link.status === 'fulfilled' ? { contact } : { contact, warning: 'link-not-saved' };
}

/** What the POST wrote (for the three-way diff) and, for a job change, the history entry whose undo links the profile back. */
async function noteCreated(identity: Identity, contact: Contact, jobChangeFrom?: string): Promise<void> {
  const keys = STANDARD_FIELDS.map((f) => f.key).filter((key) => rawValue(contact, key) !== '');
  await noteWritten(contact.id, writtenValues(contact, keys, {}));
  if (!jobChangeFrom) return;
  const from = await peekContact(jobChangeFrom, Number.POSITIVE_INFINITY).catch(() => undefined);
  await recordHistory({
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    contactId: contact.id,
    label: contactLabel(contact),
    at: Date.now(),
    changes: [],
    jobChange: { fromContactId: jobChangeFrom, fromLabel: from ? contactLabel(from) : jobChangeFrom, identity },
  });
}

/** Undo of a job-change creation: the profile is linked back to the contact it had; the created one is not deleted. */
export async function relinkAfterJobChange(entry: HistoryEntry): Promise<void> {
  const move = entry.jobChange;
  if (!move) return;
  await updateRegistry((current) =>
    addLink(removeLink(current, { ...move.identity, contactId: entry.contactId }), {
      ...move.identity,
      contactId: move.fromContactId,
      label: move.fromLabel,
      via: 'match',
    }),
  );
  void refreshAllTabs();
}

export async function registryView() {
  const registry = await loadRegistry();
  return { links: listLinks(registry), json: exportRegistry(registry) };
}

export async function importLinks(json: string): Promise<Reply<{ added: number; updated: number }>> {
  let outcome: ReturnType<typeof importRegistry> | undefined;
  await updateRegistry((current) => {
    outcome = importRegistry(json, current);
    return outcome.ok ? outcome.registry : current;
  });
  if (!outcome?.ok) {
    const problem = outcome?.ok === false ? outcome.problem : 'shape';
    return { ok: false, error: { kind: 'refused', detail: IMPORT_PROBLEM_MESSAGES[problem] } };
  }
  void refreshAllTabs();
  return { ok: true, added: outcome.added, updated: outcome.updated };
}
