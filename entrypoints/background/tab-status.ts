// The state of a tab for its badge: is the profile linked, and how many
// fields would change. Fetches the linked contact ahead of the popup.
import { browser } from 'wxt/browser';
import { badgeFor, type TabStatus } from '@/utils/badge';
import type { TextRef } from '@/utils/i18n';
import { changeRows, computeDiff } from '@/utils/diff/compute';
import { findLink } from '@/utils/match/registry';
import { profileValues, type PageRead } from '@/utils/profile';
import { toErrorInfo } from '@/utils/skipcall/errors';
import { clientFromSettings, customFieldDefinitions } from './api';
import { cachedContact } from './contact-cache';
import { matchProfile } from './matching';
import { loadRegistry } from './registry-store';
import { loadSettings, loadTabState } from './stores';

const statusKey = (tabId: number) => `status:${tabId}`;

export async function computeTabStatus(read: PageRead): Promise<TabStatus> {
  if (read.state !== 'profile') return { kind: 'none' };
  const settings = await loadSettings();
  if (!settings.apiKey) return { kind: 'none' };
  const values = profileValues(read.profile);
  const link = findLink(await loadRegistry(), { linkedinUrl: values.linkedinUrl, linkedinSalesUrl: values.linkedinSalesUrl });
  if (!link) return { kind: 'not-linked' };
  try {
    const client = await clientFromSettings();
    const [contact, definitions] = await Promise.all([cachedContact(client, link.contactId), customFieldDefinitions(client)]);
    const rows = computeDiff(contact, values, {
      customFieldMap: settings.customFieldMap,
      customFields: definitions,
      preferLinkedIn: settings.preferLinkedIn,
    });
    return { kind: 'linked', contactId: link.contactId, changes: changeRows(rows).length };
  } catch (error) {
    return { kind: 'error', error: toErrorInfo(error) };
  }
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

export async function showTabStatus(tabId: number, status: TabStatus): Promise<void> {
  await browser.storage.session.set({ [statusKey(tabId)]: status });
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

/** Where the popup finds the tab's match ready when it opens (no message round trip). */
export const matchKey = (tabId: number) => `match:${tabId}`;

export async function refreshTabStatus(tabId: number): Promise<TabStatus> {
  const tab = await loadTabState(tabId);
  const status = tab ? await computeTabStatus(tab.read) : ({ kind: 'none' } as const);
  await showTabStatus(tabId, status);
  if (tab?.read.state === 'profile' && status.kind !== 'none') {
    await browser.storage.session.set({ [matchKey(tabId)]: await matchProfile(profileValues(tab.read.profile), false) });
  } else {
    await browser.storage.session.remove(matchKey(tabId));
  }
  return status;
}

/** After a link or a write changes a contact, every tab on it gets a fresh badge. */
export async function refreshAllTabs(): Promise<void> {
  const stored = await browser.storage.session.get(null);
  const tabIds = Object.keys(stored)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)));
  await Promise.all(tabIds.map((tabId) => refreshTabStatus(tabId)));
}
