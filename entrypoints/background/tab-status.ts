// The state derived from a tab's read: its badge (is the profile linked, how
// many fields would change) and its match, prefetched for the popup. Each is
// stored under the read it was computed for; a late result is dropped.
import { browser } from 'wxt/browser';
import { badgeFor, type TabStatus } from '@/utils/badge';
import type { TextRef } from '@/utils/i18n';
import { computeDiff } from '@/utils/diff/compute';
import { detectJobChange, noteJobChange } from '@/utils/diff/job-change';
import { recordRead, reviewRows, withProvenance } from '@/utils/diff/provenance';
import { persistentStore } from '@/utils/storage/extension';
import { jobChangesItem, provenanceItem } from '@/utils/storage/items';
import { findLink, type Registry } from '@/utils/match/registry';
import { profileValues, unsureFields, type PageRead } from '@/utils/profile';
import { toErrorInfo } from '@/utils/skipcall/errors';
import { clientFromSettings, customFieldDefinitions } from './api';
import { cachedContact } from './contact-cache';
import { matchProfile } from './matching';
import { loadRegistry } from './registry-store';
import { commitDerived, loadSettings, loadTabState, saveRead, tabsWithRead } from './stores';
import type { MatchView, TabState } from '@/utils/messages';
import type { Settings } from '@/utils/settings';

/** What a read's badge and match are computed from, loaded once per read. */
interface Context {
  settings: Settings;
  registry: Registry;
}

/** The badge status of a read, and the linked contact's diff size. */
async function statusOf(read: PageRead, context: Context): Promise<TabStatus> {
  if (read.state !== 'profile' || !context.settings.apiKey) return { kind: 'none' };
  const values = profileValues(read.profile);
  const link = findLink(context.registry, { linkedinUrl: values.linkedinUrl, linkedinSalesUrl: values.linkedinSalesUrl });
  if (!link) return { kind: 'not-linked' };
  try {
    const client = await clientFromSettings(context.settings);
    const [contact, definitions] = await Promise.all([cachedContact(client, link.contactId), customFieldDefinitions(client)]);
    const plain = computeDiff(contact, values, {
      customFieldMap: context.settings.customFieldMap,
      customFields: definitions,
      preferLinkedIn: context.settings.preferLinkedIn,
      unsure: unsureFields(read.profile),
    });
    // Three-way: against what was read and written before this read; then this read is recorded.
    const store = persistentStore();
    const provenance = await store.get(provenanceItem(contact.id));
    const rows = withProvenance(plain, provenance, contact, definitions);
    await store.update(provenanceItem(contact.id), (current) => recordRead(current, plain, Date.now()));
    const changes = reviewRows(rows).length;
    const move = detectJobChange(contact, values, rows, provenance, read.since);
    if (!move) return { kind: 'linked', contactId: link.contactId, changes };
    await store.update(jobChangesItem, (list) =>
      noteJobChange(list, {
        contactId: contact.id,
        person: `${contact.firstName} ${contact.lastName}`.trim(),
        ...(values.linkedinUrl ? { linkedinUrl: values.linkedinUrl } : {}),
        oldCompany: move.oldCompany,
        newCompany: move.newCompany,
        ...(move.newRole ? { newRole: move.newRole } : {}),
        ...(move.since ? { since: move.since } : {}),
        at: Date.now(),
      }),
    );
    return { kind: 'job-change', contactId: link.contactId, changes, company: move.newCompany };
  } catch (error) {
    return { kind: 'error', error: toErrorInfo(error) };
  }
}

/** Everything derived from one read: its badge status and, for a profile, its match. */
export async function deriveTabState(read: PageRead): Promise<{ status: TabStatus; match?: MatchView }> {
  const context: Context = { settings: await loadSettings(), registry: await loadRegistry() };
  const status = await statusOf(read, context);
  if (read.state !== 'profile' || status.kind === 'none') return { status };
  return { status, match: await matchProfile(profileValues(read.profile), false, context) };
}

type Action = typeof browser.action;
/** MV3 `action`, MV2 (Firefox) `browserAction`. */
function toolbarAction(): Action | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: Action }).browserAction;
}

/** The tooltip in the browser's language; the message name if it is missing, never an empty title. */
function badgeTitle([key, ...substitutions]: TextRef): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

async function showBadge(tabId: number, status: TabStatus): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const badge = badgeFor(status);
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setTitle({ tabId, title: badgeTitle(badge.title) });
  } catch {
    // The tab closed meanwhile.
  }
}

/** A new read: the previous read's badge goes at once, then the new one is computed. */
export async function onPageRead(tabId: number, read: PageRead): Promise<TabState> {
  const state = await saveRead(tabId, read, () => showBadge(tabId, { kind: 'none' }));
  await refreshTabStatus(tabId);
  return state;
}

/**
 * Derives the tab's state from its current read and stores it, unless the tab
 * has read another page meanwhile (then this late result is dropped).
 */
export async function refreshTabStatus(tabId: number): Promise<void> {
  const tab = await loadTabState(tabId);
  if (!tab) return;
  const derived = await deriveTabState(tab.read);
  await commitDerived(tabId, tab.readId, derived, () => showBadge(tabId, derived.status));
}

/** After a link or a write changes a contact, every tab on it gets a fresh badge. */
export async function refreshAllTabs(): Promise<void> {
  await Promise.all((await tabsWithRead()).map((tabId) => refreshTabStatus(tabId)));
}
