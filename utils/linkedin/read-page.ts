// Reads the open LinkedIn page into a PageRead: a named state, or the profile
// of the URL's person with the strategy behind each field. Layered: the page's
// own top card first, embedded data only when it names the URL's person,
// headline guesses last. Pure: takes the Document and URL, never writes.
// Type-only imports from ../profile keep zod out of the content script.
import type { PageRead, Position, Profile, ProfileFieldName, ReadSource } from '../profile';
import { readSalesApiJson, readVoyagerJson } from './bpr-json';
import { readContactOverlay } from './contact';
import { mayReadUnproven, type ReadContext } from './context';
import { findEmberCard, readEmberCard, readEmberExperience } from './ember';
import { positionFromHeadline } from './headline';
import { parseLocation } from './location';
import { findPublicCard, isPublicPage, readPublicCard, readPublicData } from './public';
import { findLeadCard, readLeadCard } from './salesnav';
import { findSduiCard, isSduiPage, readSduiCard, readSduiExperience } from './sdui';
import { terminalState } from './state';
import {
  clean,
  cleanDisplayName,
  firstNameFromHints,
  isDecidedSplit,
  namesAlike,
  namesMatchDisplay,
  sameText,
  splitName,
} from './text';
import type { Reading } from './types';
import {
  canonicalLinkedInUrl,
  canonicalProfileUrl,
  canonicalSalesUrl,
  isSelfAlias,
  parseLinkedInUrl,
  profileSubPage,
  type LinkedInPage,
} from './url';

export { previousOf, type PreviousProfile, type ReadContext } from './context';

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

type Generation = 'public' | 'sdui' | 'ember' | 'salesnav';
type PersonPage = Extract<LinkedInPage, { kind: 'profile' | 'salesnav-lead' }>;

const generationOf = (doc: Document): Generation =>
  isPublicPage(doc) ? 'public' : isSduiPage(doc) ? 'sdui' : 'ember';

const none: Reading = { source: '' };

/** The top card of the page and what it shows, before deciding whether it is the URL's person's. */
interface TopCard {
  gen: Generation;
  element: Element;
  /** The card's own readings, in priority order. */
  readings: Reading[];
  proven: boolean;
  vanity?: string | undefined;
}

function readTopCard(doc: Document, page: PersonPage): TopCard | 'other-person' | null {
  if (page.kind === 'salesnav-lead') {
    const lookup = findLeadCard(doc, page.leadId);
    if (!lookup || lookup === 'other-person') return lookup;
    const readings = [readLeadCard(doc, lookup.card)];
    return { gen: 'salesnav', element: lookup.card.card, readings, proven: lookup.proven };
  }
  const gen = generationOf(doc);
  const find = gen === 'public' ? findPublicCard : gen === 'sdui' ? findSduiCard : findEmberCard;
  const lookup = find(doc, page.slug);
  if (!lookup || lookup === 'other-person') return lookup;
  const { card, proven, vanity } = lookup;
  const readings =
    gen === 'public' ? readPublicCard(doc, card) : gen === 'sdui' ? [readSduiCard(card)] : readEmberCard(card);
  return { gen, element: card, readings, proven, vanity };
}

/**
 * The URL's person's top card: null when none is rendered, 'other-person' when
 * its links name someone else, 'unproven' when it names nobody and may still
 * be the previous person's after in-page navigation (context.ts).
 */
function topCardOf(
  doc: Document,
  page: PersonPage,
  url: string,
  context?: ReadContext,
): TopCard | 'other-person' | 'unproven' | null {
  const card = readTopCard(doc, page);
  if (!card || card === 'other-person' || card.proven) return card;
  // On a sub-page (/details/…, /recent-activity/) a card that names nobody may be the viewer's own: not read.
  if (profileSubPage(url)) return null;
  const shownName = clean(card.readings.find((r) => clean(r.name))?.name);
  // A card that names nobody and shows the viewer's own name is the viewer's mini card (a feed or
  // activity page left on screen), not the URL's person: the member's own profile proves itself.
  const viewer = viewerName(doc);
  const self = page.kind === 'profile' && isSelfAlias(page.slug);
  if (viewer && shownName && !self && namesAlike(shownName, viewer)) return 'unproven';
  return mayReadUnproven(url, shownName, card.vanity, context) ? card : 'unproven';
}

/** The URL's person: null when absent, a reason when the page shows (or may show) someone else. */
function findPerson(
  doc: Document,
  page: PersonPage,
  url: string,
  context?: ReadContext,
): Found | 'other-person' | 'unproven' | null {
  const card = topCardOf(doc, page, url, context);
  if (card === 'other-person' || card === 'unproven') return card;
  const readings = [...(card?.readings ?? [])];
  let kind: Found['kind'] = 'profile';
  if (page.kind === 'salesnav-lead') {
    kind = 'salesnav-lead';
    readings.push(readSalesApiJson(doc, page.leadId) ?? none);
  } else {
    const gen = card?.gen ?? generationOf(doc);
    const slug = card?.vanity ?? page.slug;
    if (gen === 'public') {
      kind = 'public-profile';
      // Page data that names nobody is the card's person, or (no card) the URL's on a first load.
      readings.push(...readPublicData(doc, page.slug, !!card || mayReadUnproven(url, '', undefined, context)));
    } else {
      if (card && gen === 'sdui') readings.push(readSduiExperience(doc, card.element) ?? none);
      const sub = profileSubPage(url);
      if (gen === 'ember' && (card || sub === 'details/experience')) {
        readings.push(readEmberExperience(doc, slug, sub === 'details/experience') ?? none);
      }
      // A sub-page without the member's card: the name its title shows, on a first load only.
      const title = !card && sub ? readTitle(doc) : undefined;
      if (title?.name && mayReadUnproven(url, title.name, undefined, context)) readings.push(title);
      // Both are checked against the person's slug: they never come from a stale page.
      readings.push(
        readContactOverlay(doc, slug, `${gen}-contact-info`) ?? none,
        readVoyagerJson(doc, page.slug) ?? none,
      );
    }
  }
  return readings.some((r) => r.name || r.firstName) ? { kind, readings, vanity: card?.vanity } : null;
}

/** The class of a strategy: how the value was found. */
export function sourceOf(strategy: string): ReadSource {
  if (strategy === 'url') return 'url';
  if (strategy === 'headline-fallback') return 'headline';
  if (/experience/.test(strategy)) return 'experience';
  if (/json|meta-profile/.test(strategy)) return 'structured-data';
  if (strategy === 'page-title') return 'page-title';
  return 'top-card';
}

/** The viewer's name, from the photo of the navigation's "Me" menu (every generation). */
function viewerName(doc: Document): string {
  return clean(doc.querySelector(SEL_VIEWER)?.getAttribute('alt'));
}
const SEL_VIEWER = 'img.global-nav__me-photo[alt], [data-x--dropdown-trigger--user] img[alt], header nav img[alt]';

/** "(3) Experience | Jane Doe | LinkedIn" → "Jane Doe": the member a sub-page is about (section, name, site). */
function readTitle(doc: Document): Reading {
  const m = /^(?:\(\d+\+?\)\s*)?[^|]+\|\s*([^|]+?)\s*\|\s*LinkedIn\s*$/.exec(clean(doc.title));
  return { source: 'page-title', name: m?.[1], unsure: ['name'] };
}

class Builder {
  profile: Profile = {};
  /** Start of the current position, when the experience card shows it. */
  since?: string;
  constructor(readonly readings: Reading[]) {}

  set(field: ProfileFieldName, value: string | undefined, strategy: string, certain = true): void {
    const v = clean(value).slice(0, 5000);
    const source = sourceOf(strategy);
    if (v && !this.profile[field]) this.profile[field] = { value: v, strategy, source, certain: certain && source !== 'headline' };
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
    if (r) this.set(field, r[field], r.source, !r.unsure?.includes(field as 'headline'));
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
      // Three words or more without a label or capitals to tell where the first name ends: a guess.
      const certain = (!!hinted || isDecidedSplit(display)) && !shown.unsure?.includes('name');
      this.set('firstName', split.first, strategy, certain);
      this.set('lastName', split.last, strategy, certain);
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
      if (main.since) this.since = clean(main.since).slice(0, 100);
    }
    // Every position shown has ended: no current role or company, whatever the top card says.
    if (!main && this.readings.some((r) => r.allEnded)) return others;
    if (withCompany) this.set('company', top, withCompany.source, !withCompany.unsure?.includes('company'));
    // A headline is not a job title: it gives the role only when it says "<title> at <the current company>".
    const guess = positionFromHeadline(this.profile.headline?.value);
    const company = this.profile.company?.value;
    if (!this.profile.role && company && sameText(guess.company, company)) {
      this.set('role', guess.role, 'headline-fallback');
    }
    return others;
  }

  place(): void {
    for (const r of this.readings) {
      const parsed = parseLocation(r.location);
      const certain = !r.unsure?.includes('location');
      this.set('city', parsed.city, r.source, certain);
      this.set('country', r.country || parsed.country, r.source, certain || !!r.country);
    }
  }
}

function build(found: Found, page: ReturnType<typeof parseLinkedInUrl>): { profile: Profile; others: Position[]; since?: string } {
  const b = new Builder(found.readings);
  b.names();
  b.copy('headline');
  const others = b.position();
  b.place();
  if (page.kind === 'profile' && (found.vanity || !isSelfAlias(page.slug))) {
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
  return { profile, others, ...(b.since ? { since: b.since } : {}) };
}

/** readPage without the safety net (tests use it to see failures). */
export function readPageUnguarded(doc: Document, url: string, context?: ReadContext): PageRead {
  const page = parseLinkedInUrl(url);
  if (page.kind === 'authwall' || page.kind === 'checkpoint') return { state: page.kind, url };
  const terminal = terminalState(doc);
  if (terminal) return { state: terminal, url };
  if (page.kind === 'other') return { state: 'not-a-profile', url };
  const found = findPerson(doc, page, url, context);
  // Nothing of the URL's person on the page (yet): no profile rather than someone else's.
  if (!found || typeof found === 'string') return { state: 'not-a-profile', url };
  const { profile, others, since } = build(found, page);
  const otherPositions = others.slice(0, 20).map((p) => {
    const out: Position = {};
    if (clean(p.role)) out.role = clean(p.role).slice(0, 5000);
    if (clean(p.company)) out.company = clean(p.company).slice(0, 5000);
    return out;
  });
  return { state: 'profile', url, kind: found.kind, profile, ...(otherPositions.length ? { otherPositions } : {}), ...(since ? { since } : {}) };
}

/**
 * The page as a PageRead. `context.previous`: the profile this tab showed before
 * an in-page navigation, so that its card left on screen is never read as the
 * URL's person.
 */
export function readPage(doc: Document, url: string, context?: ReadContext): PageRead {
  try {
    return readPageUnguarded(doc, url, context);
  } catch {
    // A markup change must never break the content script: report no profile rather than crash.
    return { state: 'not-a-profile', url };
  }
}

/** True once the URL's person is rendered (top card), or the page is a state with nothing to wait for. */
export function isPageSettled(doc: Document, url: string, context?: ReadContext): boolean {
  try {
    const page = parseLinkedInUrl(url);
    if ((page.kind !== 'profile' && page.kind !== 'salesnav-lead') || terminalState(doc)) return true;
    const card = topCardOf(doc, page, url, context);
    if (card && typeof card === 'object') return true;
    // A sub-page without the member's card: settled once its title names someone the tab did not show before.
    const title = profileSubPage(url) ? clean(readTitle(doc).name) : '';
    return !!title && mayReadUnproven(url, title, undefined, context);
  } catch {
    return true;
  }
}
