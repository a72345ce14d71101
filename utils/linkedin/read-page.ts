// Reads the open LinkedIn page into a PageRead: a named state, or the profile
// of the URL's person with the strategy behind each field. Layered: the page's
// own top card first, embedded data only when it names the URL's person,
// headline guesses last. Pure: takes the Document and URL, never writes.
// Type-only imports from ../profile keep zod out of the content script.
import type { PageRead, Position, Profile, ProfileFieldName } from '../profile';
import { readSalesApiJson, readVoyagerJson } from './bpr-json';
import { readContactOverlay } from './contact';
import { findEmberCard, readEmberCard, readEmberExperience } from './ember';
import { positionFromHeadline } from './headline';
import { parseLocation } from './location';
import { findPublicCard, isPublicPage, readPublicCard, readPublicData } from './public';
import { findLeadCard, readLeadCard } from './salesnav';
import { findSduiCard, isSduiPage, readSduiCard, readSduiExperience } from './sdui';
import { terminalState } from './state';
import { clean, cleanDisplayName, firstNameFromHints, namesMatchDisplay, sameText, splitName } from './text';
import type { CardLookup, Reading } from './types';
import { canonicalLinkedInUrl, canonicalProfileUrl, canonicalSalesUrl, parseLinkedInUrl } from './url';

interface Found {
  kind: 'profile' | 'public-profile' | 'salesnav-lead';
  /** Readings in priority order. */
  readings: Reading[];
  /** Vanity slug shown when the URL holds a member token. */
  vanity?: string | undefined;
}

const FIELDS: ProfileFieldName[] = [
  'firstName',
  'lastName',
  'headline',
  'role',
  'company',
  'city',
  'country',
  'linkedinUrl',
  'linkedinSalesUrl',
  'website',
  'email',
  'phone',
];

type Generation = 'public' | 'sdui' | 'ember';

const generationOf = (doc: Document): Generation =>
  isPublicPage(doc) ? 'public' : isSduiPage(doc) ? 'sdui' : 'ember';

function profileCard(doc: Document, slug: string, gen: Generation): CardLookup<Element> {
  return (gen === 'public' ? findPublicCard : gen === 'sdui' ? findSduiCard : findEmberCard)(doc, slug);
}

/** The URL's person: null when absent, 'other-person' when the page shows someone else (stale after navigation). */
function findProfile(doc: Document, slug: string): Found | 'other-person' | null {
  const gen = generationOf(doc);
  const lookup = profileCard(doc, slug, gen);
  if (lookup === 'other-person') return lookup;
  const card = lookup?.card;
  const readings: Reading[] = [];
  const none: Reading = { source: '' };
  if (gen === 'public') {
    if (card) readings.push(...readPublicCard(doc, card));
    readings.push(...readPublicData(doc, slug));
  } else {
    if (card && gen === 'sdui') readings.push(readSduiCard(card), readSduiExperience(doc, card) ?? none);
    if (card && gen === 'ember') readings.push(...readEmberCard(card), readEmberExperience(doc, slug) ?? none);
    readings.push(
      readContactOverlay(doc, lookup?.vanity ?? slug, `${gen}-contact-info`) ?? none,
      readVoyagerJson(doc, slug) ?? none,
    );
  }
  const kind = gen === 'public' ? 'public-profile' : 'profile';
  return readings.some((r) => r.name || r.firstName) ? { kind, readings, vanity: lookup?.vanity } : null;
}

function findLead(doc: Document, leadId: string): Found | 'other-person' | null {
  const lookup = findLeadCard(doc, leadId);
  if (lookup === 'other-person') return lookup;
  const none: Reading = { source: '' };
  const readings = [lookup ? readLeadCard(doc, lookup.card) : none, readSalesApiJson(doc, leadId) ?? none];
  return readings.some((r) => r.name || r.firstName) ? { kind: 'salesnav-lead', readings } : null;
}

class Builder {
  profile: Profile = {};
  constructor(readonly readings: Reading[]) {}

  set(field: ProfileFieldName, value: string | undefined, strategy: string): void {
    const v = clean(value).slice(0, 5000);
    if (v && !this.profile[field]) this.profile[field] = { value: v, strategy };
  }

  /** First reading that has the key (non-empty). */
  pick<K extends keyof Reading>(key: K): Reading | undefined {
    return this.readings.find((r) => {
      const v = r[key];
      return Array.isArray(v) ? v.length > 0 : !!clean(v as string | undefined);
    });
  }

  copy(field: 'headline' | 'website' | 'email' | 'phone'): void {
    const r = this.pick(field);
    if (r) this.set(field, r[field], r.source);
  }

  names(): void {
    const shown = this.readings.find((r) => cleanDisplayName(r.name ?? ''));
    const display = shown ? cleanDisplayName(shown.name!) : '';
    // Structured names win when they describe the displayed person.
    const structured = this.readings.find(
      (r) => r.firstName && (!display || namesMatchDisplay(display, r.firstName, r.lastName)),
    );
    if (structured) {
      this.set('firstName', structured.firstName, structured.source);
      this.set('lastName', structured.lastName, structured.source);
    } else if (shown) {
      const hinted = firstNameFromHints(display, this.readings.flatMap((r) => r.hints ?? []));
      const split = hinted ? { first: hinted, last: display.slice(hinted.length) } : splitName(display);
      const strategy = hinted ? `${shown.source}+label-hint` : shown.source;
      this.set('firstName', split.first, strategy);
      this.set('lastName', split.last, strategy);
    }
  }

  /** Current role and company; returns the other current positions. */
  position(): Position[] {
    const withPositions = this.pick('positions');
    const withCompany = this.pick('company');
    const top = withCompany?.company;
    const positions = [...(withPositions?.positions ?? [])].filter((p) => clean(p.role) || clean(p.company));
    // The top card names the primary company: its position comes first.
    const primary = positions.findIndex((p) => sameText(p.company, top));
    if (primary > 0) positions.unshift(...positions.splice(primary, 1));
    const [main, ...others] = positions;
    if (main) {
      this.set('role', main.role, withPositions!.source);
      this.set('company', main.company, withPositions!.source);
    }
    if (withCompany) this.set('company', top, withCompany.source);
    // Last resort: the headline ("X chez Y", "X at Y", "X | Y").
    const guess = positionFromHeadline(this.profile.headline?.value);
    const company = this.profile.company?.value;
    // A headline role, unless it says it is at another company than the one read.
    if (!guess.linked || !company || sameText(guess.company, company)) this.set('role', guess.role, 'headline-fallback');
    this.set('company', guess.company, 'headline-fallback');
    return others;
  }

  place(): void {
    for (const r of this.readings) {
      const parsed = parseLocation(r.location);
      this.set('city', parsed.city, r.source);
      this.set('country', r.country || parsed.country, r.source);
    }
  }
}

function build(found: Found, page: ReturnType<typeof parseLinkedInUrl>): { profile: Profile; others: Position[] } {
  const b = new Builder(found.readings);
  b.names();
  b.copy('headline');
  const others = b.position();
  b.place();
  if (page.kind === 'profile') {
    b.set('linkedinUrl', canonicalProfileUrl(found.vanity ?? page.slug), found.vanity ? found.readings[0]!.source : 'url');
  } else if (page.kind === 'salesnav-lead') {
    const r = found.readings.find((x) => canonicalLinkedInUrl(x.profileUrl ?? '')?.includes('/in/'));
    if (r) b.set('linkedinUrl', canonicalLinkedInUrl(r.profileUrl!)!, r.source);
    b.set('linkedinSalesUrl', canonicalSalesUrl(page.leadId), 'url');
  }
  b.copy('website');
  b.copy('email');
  b.copy('phone');
  const profile: Profile = {};
  for (const field of FIELDS) if (b.profile[field]) profile[field] = b.profile[field];
  return { profile, others };
}

/** readPage without the safety net (tests use it to see failures). */
export function readPageUnguarded(doc: Document, url: string): PageRead {
  const page = parseLinkedInUrl(url);
  if (page.kind === 'authwall' || page.kind === 'checkpoint') return { state: page.kind, url };
  const terminal = terminalState(doc);
  if (terminal) return { state: terminal, url };
  if (page.kind === 'other') return { state: 'not-a-profile', url };
  const found = page.kind === 'profile' ? findProfile(doc, page.slug) : findLead(doc, page.leadId);
  // Nothing of the URL's person on the page (yet): no profile rather than someone else's.
  if (!found || found === 'other-person') return { state: 'not-a-profile', url };
  const { profile, others } = build(found, page);
  const otherPositions = others.slice(0, 20).map((p) => {
    const out: Position = {};
    if (clean(p.role)) out.role = clean(p.role).slice(0, 5000);
    if (clean(p.company)) out.company = clean(p.company).slice(0, 5000);
    return out;
  });
  return { state: 'profile', url, kind: found.kind, profile, ...(otherPositions.length ? { otherPositions } : {}) };
}

export function readPage(doc: Document, url: string): PageRead {
  try {
    return readPageUnguarded(doc, url);
  } catch {
    // A markup change must never break the content script: report no profile rather than crash.
    return { state: 'not-a-profile', url };
  }
}

/** True once the URL's person is rendered (top card), or the page is a state with nothing to wait for. */
export function isPageSettled(doc: Document, url: string): boolean {
  try {
    const page = parseLinkedInUrl(url);
    if ((page.kind !== 'profile' && page.kind !== 'salesnav-lead') || terminalState(doc)) return true;
    const lookup =
      page.kind === 'profile' ? profileCard(doc, page.slug, generationOf(doc)) : findLeadCard(doc, page.leadId);
    return !!lookup && lookup !== 'other-person';
  } catch {
    return true;
  }
}
