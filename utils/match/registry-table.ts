// The registry's working form: one entry per LinkedIn identity, found by /in/
// URL or by lead id in O(1). Putting a link merges every entry that shares a
// key with it, so a link made on the /in/ page and one made on the lead page
// become one entry once a page shows both.
import type { Identity, LinkEntry } from './registry-schema';

/** `incoming`: the new link wins (a user action). `newest`: the latest linkedAt wins, the current entry on a tie (imports). */
export type MergeRule = 'incoming' | 'newest';
export type PutOutcome = 'added' | 'updated' | 'unchanged';

const FIELDS = ['linkedinUrl', 'salesLeadId', 'contactId', 'workspaceId', 'label', 'linkedAt', 'via'] as const;
// Array.prototype.sort is stable: on a tie, entries listed first stay ahead.
const newestFirst = (a: LinkEntry, b: LinkEntry) => b.linkedAt - a.linkedAt;

/**
 * The winner's link with identity keys gathered from the others in order, and a
 * label or workspace borrowed from another entry of the same contact when the
 * winner has none (version 1 links have no label).
 */
function merge(ordered: readonly LinkEntry[]): LinkEntry {
  const winner = ordered[0]!;
  const sameContact = ordered.filter((e) => e.contactId === winner.contactId);
  const merged: LinkEntry = {
    contactId: winner.contactId,
    label: sameContact.find((e) => e.label)?.label ?? '',
    linkedAt: winner.linkedAt,
    via: winner.via,
  };
  // Identity keys from any entry, the workspace from the same contact only.
  for (const key of ['linkedinUrl', 'salesLeadId', 'workspaceId'] as const) {
    const value = (key === 'workspaceId' ? sameContact : ordered).find((e) => e[key])?.[key];
    if (value) merged[key] = value;
  }
  return merged;
}

/** A table holding `initial`, its entries sharing a key merged (the newest wins). */
export function linkTable(initial: readonly LinkEntry[] = []) {
  /** In insertion order, which is the registry's order. */
  const entries = new Set<LinkEntry>();
  const byUrl = new Map<string | undefined, LinkEntry>();
  const byLead = new Map<string | undefined, LinkEntry>();

  function insert(entry: LinkEntry): void {
    entries.add(entry);
    if (entry.linkedinUrl) byUrl.set(entry.linkedinUrl, entry);
    if (entry.salesLeadId) byLead.set(entry.salesLeadId, entry);
  }

  function remove(entry: LinkEntry): void {
    entries.delete(entry);
    if (byUrl.get(entry.linkedinUrl) === entry) byUrl.delete(entry.linkedinUrl);
    if (byLead.get(entry.salesLeadId) === entry) byLead.delete(entry.salesLeadId);
  }

  /** Every entry sharing a key with the identity, newest first (no key is ever stored under undefined). */
  function matches(identity: Identity): LinkEntry[] {
    const found = new Set([byUrl.get(identity.linkedinUrl), byLead.get(identity.salesLeadId)]);
    found.delete(undefined);
    return [...(found as Set<LinkEntry>)].sort(newestFirst);
  }

  function put(incoming: LinkEntry, rule: MergeRule): PutOutcome {
    const current = matches(incoming);
    if (!current.length) {
      insert(incoming);
      return 'added';
    }
    const merged = merge(rule === 'incoming' ? [incoming, ...current] : [...current, incoming].sort(newestFirst));
    const only = current.length === 1 && current[0]!;
    if (only && FIELDS.every((key) => merged[key] === only[key])) return 'unchanged';
    current.forEach(remove);
    insert(merged);
    return 'updated';
  }

  for (const entry of initial) put(entry, 'newest');

  return {
    entries: entries as ReadonlySet<LinkEntry>,
    matches,
    put,
    /** Drops the least recently linked entries until at most `max` remain. */
    trim(max: number): void {
      if (entries.size > max) [...entries].sort((a, b) => a.linkedAt - b.linkedAt).slice(0, entries.size - max).forEach(remove);
    },
  };
}
