// Public (logged-out) profile: guest "top-card-layout" markup, a JSON-LD
// Person, og/profile meta tags, outbound links through /redir/redirect.
// Served on country hosts (fr.linkedin.com…); no in-page navigation.
import { hrefSlugs, linkOwner, lookupOf, mainOf, parseJson, str, txt } from './dom';
import { countryName } from './location';
import { isPresent } from './positions';
import type { CardLookup, Reading } from './types';
import { externalUrl, slugOfHref } from './url';

const SEL = {
  // public-profile.html: guest top card, Experience list, websites, JSON-LD and meta.
  card: '.top-card-layout',
  name: '.top-card-layout__title',
  headline: '.top-card-layout__headline',
  // The span next to it opens the contact-info modal.
  location: '.top-card-layout__first-subline .not-first-middot > span:not([data-modal]), .top-card__subline-item',
  company: '[data-section="currentPositions"] .top-card-link__description',
  website: '[data-section="websites"] a[href]',
  item: '.experience-item',
  title: '.experience-item__title',
  subtitle: '.experience-item__subtitle',
  dates: '.date-range',
  // On the country host (be.linkedin.com…): whose page it is.
  ownUrls: 'link[rel="canonical"], meta[property="og:url"]',
  jsonLd: 'script[type="application/ld+json"]',
  firstName: 'meta[property="profile:first_name"]',
  lastName: 'meta[property="profile:last_name"]',
} as const;

export const isPublicPage = (doc: Document): boolean => !!doc.querySelector(`${SEL.name}, ${SEL.firstName}`);

/** The guest top card; the page's canonical / og:url say whose it is. */
export function findPublicCard(doc: Document, slug: string): CardLookup<Element> {
  const card = doc.querySelector(SEL.card);
  if (!card || !txt(card.querySelector(SEL.name))) return null;
  return lookupOf(card, linkOwner(hrefSlugs(doc, SEL.ownUrls), slug));
}

export function readPublicCard(doc: Document, card: Element): Reading[] {
  const items = [...mainOf(doc).querySelectorAll(SEL.item)].filter((item) => {
    // A current range ends with "Present" (in the page's language), not with a date.
    return isPresent(txt(item.querySelector(SEL.dates)));
  });
  return [
    {
      source: 'public-topcard',
      name: txt(card.querySelector(SEL.name)),
      headline: txt(card.querySelector(SEL.headline)),
      location: txt(card.querySelector(SEL.location)),
      company: txt(card.querySelector(SEL.company)),
      website: [...card.querySelectorAll(SEL.website)].map((a) => externalUrl(a.getAttribute('href'))).find(Boolean),
    },
    {
      source: 'public-experience',
      positions: items.map((item) => ({ role: txt(item.querySelector(SEL.title)), company: txt(item.querySelector(SEL.subtitle)) })),
    },
  ];
}

const list = (v: unknown): any[] => (Array.isArray(v) ? v : v ? [v] : []).filter((x) => x && typeof x === 'object');
// Logged-out pages may mask titles ("*****").
const unmasked = (v: unknown) => str(v).replace(/^[*•\s]+$/, '');

function jsonLdPerson(doc: Document): any {
  for (const script of doc.querySelectorAll(SEL.jsonLd)) {
    const data = parseJson(script.textContent);
    const found = [...list(data), ...list(data?.['@graph'])].find((item) => item['@type'] === 'Person');
    if (found) return found;
  }
}

/**
 * JSON-LD Person and profile meta tags, when they describe the URL's person:
 * their URLs name that person; naming nobody, the page's canonical / og:url
 * decide; without those either, `trustUnlinked` (the card was accepted, or
 * nothing suggests the page could still be the previous person's).
 */
export function readPublicData(doc: Document, slug: string, trustUnlinked: boolean): Reading[] {
  const out: Reading[] = [];
  const page = linkOwner(hrefSlugs(doc, SEL.ownUrls), slug).owner;
  const owns = (slugs: string[]) => {
    const { owner } = linkOwner(slugs, slug);
    const decided = owner === 'unknown' ? page : owner;
    return decided === 'unknown' ? trustUnlinked : decided === 'url-person';
  };
  const person = jsonLdPerson(doc);
  const urls = [str(person?.url), str(person?.sameAs)].map(slugOfHref).filter((s): s is string => !!s);
  if (person && owns(urls)) {
    const titles = [person.jobTitle].flat().map(unmasked);
    const address = person.address ?? {};
    out.push({
      source: 'json-ld',
      name: str(person.name),
      // Current employers have no end date; titles are listed in the same order.
      positions: list(person.worksFor)
        .map((org, i) => (org.member?.endDate ? {} : { role: titles[i], company: unmasked(org.name) }))
        .filter((p) => p.role || p.company),
      location: str(address.addressLocality),
      country: countryName(str(address.addressCountry), /^fr/i.test(doc.documentElement?.getAttribute('lang') ?? '')),
    });
  }
  const firstName = str(doc.querySelector(SEL.firstName)?.getAttribute('content'));
  if (firstName && owns(hrefSlugs(doc, SEL.ownUrls))) {
    out.push({ source: 'meta-profile', firstName, lastName: str(doc.querySelector(SEL.lastName)?.getAttribute('content')) });
  }
  return out;
}
