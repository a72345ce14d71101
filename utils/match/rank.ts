// Which Skipcall contacts could be the open LinkedIn profile, strongest first,
// each with the reason it matched (PRODUCT.md §3): LinkedIn or Sales Navigator
// URL > email > name + company > name. Only a registry link or a unique URL
// match is strong enough to preselect; anything weaker waits for a click.
import type { ContactInput, DirectoryContact } from './contact';
import { buildIndex, type DirectoryIndex } from './directory';
import { companyKey, emailKey, linkedinKeys, nameKeys } from './keys';
import type { MessageKey } from '../i18n';

export type MatchReason = 'linkedin-url' | 'sales-url' | 'email' | 'name-company' | 'name';
/** The contact's own LinkedIn field names another person: shown as a warning, never preselected. */
export type MatchConflict = 'linkedin-url' | 'sales-url';

/** The message naming each reason (public/_locales). */
export const REASON_LABELS: Readonly<Record<MatchReason, MessageKey>> = {
  'linkedin-url': 'reasonLinkedInUrl',
  'sales-url': 'reasonSalesUrl',
  email: 'reasonEmail',
  'name-company': 'reasonNameCompany',
  name: 'reasonName',
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
/** Sinks a conflicting contact below every clean one of the next tier down. */
const CONFLICT_PENALTY = 35;

const byLabel = (a: Candidate, b: Candidate) =>
  b.score - a.score || a.contact.lastName.localeCompare(b.contact.lastName, 'fr') || a.contact.firstName.localeCompare(b.contact.firstName, 'fr') || a.contactId.localeCompare(b.contactId);

/**
 * Candidates for a profile, from the directory index (or a plain list of
 * contacts, indexed on the fly), strongest first. A contact appears once, with
 * its strongest reason; a company alone makes no candidate.
 */
export function rankCandidates(profile: ProfileKeys, source: DirectoryIndex | readonly ContactInput[], limit = 20): Candidate[] {
  const index = 'lookup' in source ? source : buildIndex(source);
  const mine = linkedinKeys(profile.linkedinUrl, profile.linkedinSalesUrl);
  const myEmail = emailKey(profile.email);
  const myNames = nameKeys(profile.firstName, profile.lastName);
  const myCompany = companyKey(profile.company);

  const candidates: Candidate[] = [];
  // The URL, email (as findByEmail keys it) and name matches, in one lookup.
  for (const contact of index.lookup([...mine.profiles, ...mine.leads, emailKey(myEmail), ...myNames])) {
    const theirs = linkedinKeys(contact.linkedinUrl, contact.linkedinSalesUrl);
    const byProfile = theirs.profiles.some((k) => mine.profiles.includes(k));
    const byLead = theirs.leads.some((k) => mine.leads.includes(k));
    const byEmail = !!myEmail && emailKey(contact.email) === myEmail;
    const byName = nameKeys(contact.firstName, contact.lastName).some((k) => myNames.includes(k));
    const byCompany = !!myCompany && companyKey(contact.company) === myCompany;
    const reason = byProfile ? 'linkedin-url' : byLead ? 'sales-url' : byEmail ? 'email' : byName ? (byCompany ? 'name-company' : 'name') : undefined;
    if (!reason) continue;
    // A different /in/ URL (or lead) on both sides means two different people.
    const conflict: MatchConflict | undefined =
      mine.profiles.length && theirs.profiles.length && !byProfile
        ? 'linkedin-url'
        : mine.leads.length && theirs.leads.length && !byLead
          ? 'sales-url'
          : undefined;
    // In the URL and email tiers, the other evidence adds up.
    const strong = byProfile || byLead || byEmail;
    const score =
      BASE[reason] +
      (byProfile && byLead ? 8 : 0) +
      (strong ? (byEmail && reason !== 'email' ? 4 : 0) + (byName ? 3 : 0) + (byCompany ? 1 : 0) : 0) -
      (conflict ? CONFLICT_PENALTY : 0);
    candidates.push({ contactId: contact.id, contact, reason, score, ...(conflict && { conflict }) });
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
  const only = byUrl[0];
  if (!only || only.conflict || byUrl.some((c) => c.contactId !== only.contactId)) return null;
  return { contactId: only.contactId, via: only.reason as Preselection['via'] };
}
