// The comparable keys of a person: two values that should count as the same
// (accents, case, punctuation, word order, URL forms) give the same key. Built
// on utils/normalize so the diff and the matching agree on "equal".
import { foldEmail, foldName, foldUrl } from '../normalize';
import { canonicalProfileUrl, canonicalSalesUrl, parseLinkedInUrl } from '../linkedin/url';

/** Legal forms and connectors that people write or leave out at will. */
const COMPANY_NOISE = new Set([
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sci', 'scp', 'scop', 'selarl', 'snc', 'gie',
  'inc', 'llc', 'ltd', 'limited', 'plc', 'gmbh', 'corp', 'corporation', 'co',
  'et', 'and', 'the', 'le', 'la', 'les',
]);

/**
 * Keys of a full name: the sorted words ("baptiste jean lefebvre", so word
 * order and first/last swaps do not matter), then first+last without spaces
 * ("jeanbaptistelefebvre", for "De La Tour" vs "Delatour"), then last+first
 * without spaces. Filing a contact under the first two and looking a person up
 * under all three finds swapped names too. Both names are required: a first
 * name alone identifies no one. The sorted key always holds a space, the
 * compact ones never: they cannot collide.
 */
export function nameKeysFolded(first: string, last: string): string[] {
  if (!first || !last) return [];
  const compactFirst = first.replace(/ /g, '');
  const compactLast = last.replace(/ /g, '');
  const keys = [`${first} ${last}`.split(' ').sort().join(' '), compactFirst + compactLast];
  if (compactFirst !== compactLast) keys.push(compactLast + compactFirst);
  return keys;
}

export function nameKeys(firstName: string | null | undefined, lastName: string | null | undefined): string[] {
  return nameKeysFolded(foldName(firstName), foldName(lastName));
}

/** "Brasserie Lumière SAS" = "brasserie lumiere"; word order ignored. Empty when there is no company. */
export function companyKey(company: string | null | undefined): string {
  const tokens = foldName(company).split(' ');
  const meaningful = tokens.filter((t) => !COMPANY_NOISE.has(t));
  return (meaningful.length ? meaningful : tokens).sort().join(' ');
}

export function emailKey(email: string | null | undefined): string {
  const folded = foldEmail(email);
  return folded.includes('@') ? folded : '';
}

export interface LinkedInKeys {
  /** Folded canonical /in/ URLs. */
  profiles: string[];
  /** Folded canonical /sales/lead/ URLs. */
  leads: string[];
}

/**
 * LinkedIn keys of any URLs, whichever field they were filed in (a lead URL
 * pasted into linkedinUrl still identifies the lead). Each key equals
 * foldUrl(value); the URL is parsed once here instead of twice there, which
 * counts when 50,000 contacts are indexed.
 */
export function linkedinKeys(...values: (string | null | undefined)[]): LinkedInKeys {
  const keys: LinkedInKeys = { profiles: [], leads: [] };
  for (const value of values) {
    if (!value) continue;
    const page = parseLinkedInUrl(value);
    if (page.kind === 'profile') keys.profiles.push(canonicalProfileUrl(page.slug).toLowerCase());
    else if (page.kind === 'salesnav-lead') keys.leads.push(canonicalSalesUrl(page.leadId).toLowerCase());
  }
  return keys;
}

/** Key of a Sales Navigator lead given by its id or by any of its URLs. */
export function leadKey(leadIdOrUrl: string | null | undefined): string {
  const text = (leadIdOrUrl ?? '').trim();
  if (!text) return '';
  if (text.includes('/')) return linkedinKeys(text).leads[0] ?? '';
  // A bare id may still carry the `,authType,token` tail of the URL path.
  const id = text.split(',')[0]?.trim();
  return id ? foldUrl(canonicalSalesUrl(id)) : '';
}
