// Which Skipcall contacts could be the open LinkedIn profile, strongest first,
// each with the reason it matched (PRODUCT.md §3): LinkedIn or Sales Navigator
// URL > email > name + company > name. Only a registry link or a unique URL
// match is strong enough to preselect; anything weaker waits for a click.
import type { ContactInput, DirectoryContact } from './contact';
import { buildIndex, DirectoryIndex, findByEmail, findByName } from './directory';
import { companyKey, emailKey, linkedinKeys, nameKeys } from './keys';

export type MatchReason = 'linkedin-url' | 'sales-url' | 'email' | 'name-company' | 'name';
/** The contact's own LinkedIn field names another person: shown as a warning, never preselected. */
export type MatchConflict = 'linkedin-url' | 'sales-url';

export const REASON_LABELS: Readonly<Record<MatchReason, string>> = {
  'linkedin-url': 'LinkedIn URL',
  'sales-url': 'Sales Navigator URL',
  email: 'email',
  'name-company': 'name + company',
  name: 'name',
};

export interface Candidate {
  contactId: string;
  contact: DirectoryContact;
  reason: MatchReason;
  score: number;
  conflict?: MatchConflict;
}

/** The profile values matching uses (profileValues() output fits). */
export interface ProfileKeys {
  firstName?: string;
  lastName?: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
  linkedinSalesUrl?: string;
}

export interface Preselection {
  contactId: string;
  via: 'registry' | 'linkedin-url' | 'sales-url';
}

// Tiers are 20 apart and the bonuses add up to at most 16, so a weaker reason
// never outranks a stronger one; the bonuses order candidates within a tier.
const BASE: Readonly<Record<MatchReason, number>> = { 'linkedin-url': 100, 'sales-url': 100, email: 80, 'name-company': 60, name: 40 };
const BONUS = { bothUrls: 8, email: 4, name: 3, company: 1 };
/** Sinks a conflicting contact below every clean one of the next tier down. */
const CONFLICT_PENALTY = 35;

interface Evidence {
  profile: boolean;
  lead: boolean;
  email: boolean;
  name: boolean;
  company: boolean;
}

function reasonOf(e: Evidence): MatchReason | undefined {
  if (e.profile) return 'linkedin-url';
  if (e.lead) return 'sales-url';
  if (e.email) return 'email';
  if (e.name) return e.company ? 'name-company' : 'name';
  return undefined;
}

function scoreOf(reason: MatchReason, e: Evidence, conflict: MatchConflict | undefined): number {
  let score = BASE[reason];
  if (e.profile && e.lead) score += BONUS.bothUrls;
  if (e.email && reason !== 'email') score += BONUS.email;
  if (e.name && (reason === 'linkedin-url' || reason === 'sales-url' || reason === 'email')) score += BONUS.name;
  if (e.company && reason !== 'name-company') score += BONUS.company;
  return conflict ? score - CONFLICT_PENALTY : score;
}

const byLabel = (a: Candidate, b: Candidate) =>
  b.score - a.score || a.contact.lastName.localeCompare(b.contact.lastName, 'fr') || a.contact.firstName.localeCompare(b.contact.firstName, 'fr') || a.contactId.localeCompare(b.contactId);

/**
 * Candidates for a profile, from the directory index (or a plain list of
 * contacts, indexed on the fly), strongest first. A contact appears once, with
 * its strongest reason; a company alone makes no candidate.
 */
export function rankCandidates(profile: ProfileKeys, source: DirectoryIndex | readonly ContactInput[], limit = 20): Candidate[] {
  const index = source instanceof DirectoryIndex ? source : buildIndex(source);
  const mine = linkedinKeys(profile.linkedinUrl, profile.linkedinSalesUrl);
  const myEmail = emailKey(profile.email);
  const myNames = new Set(nameKeys(profile.firstName, profile.lastName));
  const myCompany = companyKey(profile.company);

  const found = new Map<string, DirectoryContact>();
  const gather = (contacts: DirectoryContact[]) => contacts.forEach((c) => found.set(c.id, c));
  gather(index.lookup([...mine.profiles, ...mine.leads]));
  if (myEmail) gather(findByEmail(index, myEmail));
  if (profile.firstName && profile.lastName) gather(findByName(index, profile.firstName, profile.lastName));

  const candidates: Candidate[] = [];
  for (const contact of found.values()) {
    const theirs = linkedinKeys(contact.linkedinUrl, contact.linkedinSalesUrl);
    const evidence: Evidence = {
      profile: theirs.profiles.some((k) => mine.profiles.includes(k)),
      lead: theirs.leads.some((k) => mine.leads.includes(k)),
      email: !!myEmail && emailKey(contact.email) === myEmail,
      name: nameKeys(contact.firstName, contact.lastName).some((k) => myNames.has(k)),
      company: !!myCompany && companyKey(contact.company) === myCompany,
    };
    const reason = reasonOf(evidence);
    if (!reason) continue;
    // A different /in/ URL (or lead) on both sides means two different people.
    const conflict: MatchConflict | undefined =
      mine.profiles.length && theirs.profiles.length && !evidence.profile
        ? 'linkedin-url'
        : mine.leads.length && theirs.leads.length && !evidence.lead
          ? 'sales-url'
          : undefined;
    const candidate: Candidate = { contactId: contact.id, contact, reason, score: scoreOf(reason, evidence, conflict) };
    if (conflict) candidate.conflict = conflict;
    candidates.push(candidate);
  }
  return candidates.sort(byLabel).slice(0, limit);
}

/**
 * The contact to select without a click: the registry's link, or the one
 * contact whose LinkedIn or Sales Navigator URL equals the profile's (and whose
 * other LinkedIn field does not contradict it). Anything else returns null: the
 * user picks.
 */
export function preselect(candidates: readonly Candidate[], registryHit?: { contactId: string } | null): Preselection | null {
  if (registryHit?.contactId) return { contactId: registryHit.contactId, via: 'registry' };
  const byUrl = candidates.filter((c) => c.reason === 'linkedin-url' || c.reason === 'sales-url');
  const ids = new Set(byUrl.map((c) => c.contactId));
  const only = byUrl[0];
  if (ids.size !== 1 || !only || only.conflict) return null;
  return { contactId: only.contactId, via: only.reason === 'linkedin-url' ? 'linkedin-url' : 'sales-url' };
}
