// The match state of every row of a list page, from the link registry and the
// local contact directory only (no request per row): linked (with the number of
// fields the list would fill or change), one likely candidate (and why), several
// candidates, or none. Only a unique candidate found by LinkedIn URL, lead URL,
// email or name + company is "high confidence": the only kind bulk linking takes.
import { changeRows, computeDiff, type DiffRow, type DiffOptions } from '../diff/compute';
import { listRowValues, type ListRow } from '../profile';
import type { Contact } from '../skipcall/schemas';
import type { DirectoryContact } from './contact';
import type { DirectoryIndex } from './directory';
import { preselect, rankCandidates, type MatchReason } from './rank';
import { findLink, type Registry } from './registry';

export type RowMatchState = 'linked' | 'likely' | 'several' | 'none';

/** A change the list would make to a linked contact: what Skipcall holds and what the row shows. */
export interface RowChange {
  key: string;
  status: 'fill' | 'update';
  current: string;
  proposed: string;
}

export interface RowCandidate {
  contactId: string;
  label: string;
  reason: MatchReason;
}

export interface RowMatch {
  key: string;
  state: RowMatchState;
  /** The linked contact, or the likely one. */
  contactId?: string;
  label?: string;
  /** Why the likely contact matched. */
  reason?: MatchReason;
  /** A likely contact bulk linking may take without a look (unique, by URL, email or name + company). */
  highConfidence?: boolean;
  /** Linked: the rows that differ (fill and update), from the freshest contact data at hand. */
  changes?: RowChange[];
  /** Several: the contacts to choose from (best first, at most 5). */
  candidates?: RowCandidate[];
}

/** The diff keys a directory entry knows; a linked contact known only from the directory is compared on these alone. */
const DIRECTORY_KEYS = new Set(['firstName', 'lastName', 'company', 'email', 'linkedinUrl', 'linkedinSalesUrl', 'city', 'role']);
const STRONG: ReadonlySet<MatchReason> = new Set(['linkedin-url', 'sales-url', 'email', 'name-company']);

const labelOf = (c: { firstName: string; lastName: string; company?: string | null }) =>
  [`${c.firstName} ${c.lastName}`.trim(), c.company].filter(Boolean).join(' · ');

/** A directory entry as a Contact for the diff (fields it does not hold read as unknown and are left out). */
function asContact(c: DirectoryContact): Contact {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    phoneNumbers: [],
    customFields: {},
    createdAt: '',
    updatedAt: '',
    email: c.email ?? null,
    company: c.company ?? null,
    city: c.city ?? null,
    country: null,
    url: null,
    linkedinUrl: c.linkedinUrl ?? null,
    linkedinSalesUrl: c.linkedinSalesUrl ?? null,
    role: c.role ?? null,
    lastCallAt: null,
  };
}

/** The fill and update rows of a row against its contact (full contact when cached, else its directory entry). */
export function rowChanges(row: ListRow, contact: Contact | DirectoryContact, options: DiffOptions = {}): RowChange[] {
  const full = 'phoneNumbers' in contact;
  const rows: DiffRow[] = computeDiff(full ? contact : asContact(contact), listRowValues(row), { ...options, customFieldMap: {} });
  return changeRows(rows)
    .filter((r) => full || DIRECTORY_KEYS.has(r.key))
    .map((r) => ({ key: r.key, status: r.status as 'fill' | 'update', current: r.current, proposed: r.proposed }));
}

export interface ListMatchSources {
  registry: Registry;
  index: DirectoryIndex;
  /** Full contacts already fetched (prefetch cache), by id: their diff is exact. */
  contacts?: ReadonlyMap<string, Contact>;
  diff?: DiffOptions;
}

export function matchRow(row: ListRow, sources: ListMatchSources): RowMatch {
  const values = listRowValues(row);
  const link = findLink(sources.registry, { linkedinUrl: values.linkedinUrl, linkedinSalesUrl: values.linkedinSalesUrl });
  if (link) {
    const contact = sources.contacts?.get(link.contactId) ?? sources.index.get(link.contactId);
    return {
      key: row.key,
      state: 'linked',
      contactId: link.contactId,
      label: contact ? labelOf(contact) : link.label,
      ...(contact ? { changes: rowChanges(row, contact, sources.diff) } : {}),
    };
  }
  const candidates = rankCandidates(values, sources.index, 6).filter((c) => !c.conflict);
  const chosen = preselect(candidates);
  const only = chosen ? candidates.find((c) => c.contactId === chosen.contactId) : candidates.length === 1 ? candidates[0] : undefined;
  if (only) {
    return {
      key: row.key,
      state: 'likely',
      contactId: only.contactId,
      label: labelOf(only.contact),
      reason: only.reason,
      highConfidence: STRONG.has(only.reason),
    };
  }
  if (candidates.length) {
    return {
      key: row.key,
      state: 'several',
      candidates: candidates.slice(0, 5).map((c) => ({ contactId: c.contactId, label: labelOf(c.contact), reason: c.reason })),
    };
  }
  return { key: row.key, state: 'none' };
}

export function matchRows(rows: readonly ListRow[], sources: ListMatchSources): RowMatch[] {
  return rows.map((row) => matchRow(row, sources));
}

/** Rows of a newer read of the same list replace those of an older one (same key); other pages stay, in page order. */
export function mergeListRows(previous: readonly ListRow[], next: readonly ListRow[], max = 1000): ListRow[] {
  const fresh = new Set(next.map((r) => r.key));
  const kept = previous.filter((r) => !fresh.has(r.key));
  return [...kept, ...next].sort((a, b) => a.page - b.page).slice(0, max);
}
