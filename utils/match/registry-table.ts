// The registry's working form: one entry per LinkedIn identity, found by /in/
// URL or by lead id in O(1). Putting a link merges every entry that shares a
// key with it, so a link made on the /in/ page and one made on the lead page
// become one entry once a page shows both.
import type { Identity, LinkEntry } from './registry-schema';

/** `incoming`: the new link wins (a user action). `newest`: the latest linkedAt wins, the current entry on a tie (imports). */
export type MergeRule = 'incoming' | 'newest';
export type PutOutcome = 'added' | 'updated' | 'unchanged';

function sameEntry(a: LinkEntry, b: LinkEntry): boolean {
  return (
    a.linkedinUrl === b.linkedinUrl &&
    a.salesLeadId === b.salesLeadId &&
    a.contactId === b.contactId &&
    a.workspaceId === b.workspaceId &&
    a.label === b.label &&
    a.linkedAt === b.linkedAt &&
    a.via === b.via
  );
}

/**
 * The winner's link with identity keys gathered from the others in order, and a
 * label or workspace borrowed from another entry of the same contact when the
 * winner has none (version 1 links have no label).
 */
function merge(ordered: readonly LinkEntry[]): LinkEntry {
  const winner = ordered[0]!;
  const sameContact = ordered.filter((e) => e.contactId === winner.contactId);
  const linkedinUrl = ordered.find((e) => e.linkedinUrl)?.linkedinUrl;
  const salesLeadId = ordered.find((e) => e.salesLeadId)?.salesLeadId;
  const workspaceId = sameContact.find((e) => e.workspaceId)?.workspaceId;
  const merged: LinkEntry = {
    contactId: winner.contactId,
    label: sameContact.find((e) => e.label)?.label ?? '',
    linkedAt: winner.linkedAt,
    via: winner.via,
  };
  if (linkedinUrl) merged.linkedinUrl = linkedinUrl;
  if (salesLeadId) merged.salesLeadId = salesLeadId;
  if (workspaceId) merged.workspaceId = workspaceId;
  return merged;
}

export class LinkTable {
  private readonly entries = new Set<LinkEntry>();
  private readonly byUrl = new Map<string, LinkEntry>();
  private readonly byLead = new Map<string, LinkEntry>();

  constructor(entries: readonly LinkEntry[] = []) {
    for (const entry of entries) this.put(entry, 'newest');
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry sharing a key with the identity, newest first. */
  matches(identity: Identity): LinkEntry[] {
    const found = new Set<LinkEntry>();
    const byUrl = identity.linkedinUrl ? this.byUrl.get(identity.linkedinUrl) : undefined;
    const byLead = identity.salesLeadId ? this.byLead.get(identity.salesLeadId) : undefined;
    if (byUrl) found.add(byUrl);
    if (byLead) found.add(byLead);
    return [...found].sort((a, b) => b.linkedAt - a.linkedAt);
  }

  put(incoming: LinkEntry, rule: MergeRule): PutOutcome {
    const matches = this.matches(incoming);
    if (matches.length === 0) {
      this.insert(incoming);
      return 'added';
    }
    // Array.prototype.sort is stable: on a tie the current entries, listed first, stay ahead.
    const ordered = rule === 'incoming' ? [incoming, ...matches] : [...matches, incoming].sort((a, b) => b.linkedAt - a.linkedAt);
    const merged = merge(ordered);
    if (matches.length === 1 && sameEntry(merged, matches[0]!)) return 'unchanged';
    for (const match of matches) this.delete(match);
    this.insert(merged);
    return 'updated';
  }

  delete(entry: LinkEntry): void {
    this.entries.delete(entry);
    if (entry.linkedinUrl && this.byUrl.get(entry.linkedinUrl) === entry) this.byUrl.delete(entry.linkedinUrl);
    if (entry.salesLeadId && this.byLead.get(entry.salesLeadId) === entry) this.byLead.delete(entry.salesLeadId);
  }

  /** Drops the least recently linked entries until at most `max` remain. */
  trim(max: number): void {
    if (this.entries.size <= max) return;
    const oldest = [...this.entries].sort((a, b) => a.linkedAt - b.linkedAt);
    for (const entry of oldest.slice(0, this.entries.size - max)) this.delete(entry);
  }

  toArray(): LinkEntry[] {
    return [...this.entries];
  }

  private insert(entry: LinkEntry): void {
    this.entries.add(entry);
    if (entry.linkedinUrl) this.byUrl.set(entry.linkedinUrl, entry);
    if (entry.salesLeadId) this.byLead.set(entry.salesLeadId, entry);
  }
}
