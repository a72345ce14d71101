// Sales Navigator lead page: 2024-2026 markup (per-build hashed CSS-module
// classes, but durable data-anonymize / data-sn-view-name / data-x-- hooks) and
// the legacy profile-topcard markup. Reads stay in the lead's top card: shared
// connections, "Reports to", recommended leads and alerts are other people.
import { mainOf, txt } from './dom';
import { plain, type Position } from './positions';
import { clean } from './text';
import type { CardLookup, Reading } from './types';
import { canonicalProfileUrl, externalUrl, slugOfHref } from './url';

const SEL = {
  // salesnav-2026-lead.html: the top card and its hooks (data-anonymize, data-sn-view-name, data-x--).
  card: '[data-sn-view-name="feature-lead-top-card"], #profile-card-section',
  name: 'h1[data-x--lead--name], [data-anonymize="person-name"]',
  headline: '[data-x--lead-profile-card--headline], [data-anonymize="headline"]',
  location: '[data-anonymize="location"], [class*="_lockup-links-container_"] > div:first-child',
  role: '[data-sn-view-name="lead-current-role"]',
  title: '[data-anonymize="job-title"]',
  company: '[data-anonymize="company-name"]',
  // salesnav-2026-lead.html: "Voir le profil LinkedIn" in the overflow menu.
  profileLink: 'a[href*="/in/"]',
  // salesnav-2026-lead.html: blocks in or next to the card that show other people.
  others: '[data-sn-view-name="shared-in-common"], [data-sn-view-name="feature-lead-relationship"], a[href*="/sales/lead/"], a[href*="/sales/people/"]',
  // salesnav-legacy-lead.html: the 2019 profile-topcard markup.
  legacyCard: '.profile-topcard',
  legacyName: '.profile-topcard-person-entity__name',
  legacyHeadline: '.profile-topcard-person-entity__content dt + dd:not(.profile-topcard-person-entity__summary)',
  legacyLocation: '.profile-topcard__location-data',
  legacyPosition: '.profile-topcard__current-positions .profile-topcard__summary-position',
  legacyTitle: '.profile-topcard__summary-position-title',
  legacyCompany: 'a[href*="/sales/company/"], .profile-topcard__summary-position-title + :not(.profile-topcard__time-period-bullet)',
  legacyContact: '.profile-topcard__contact-info a[href]',
  // salesnav-legacy-lead.html: only the lead's own card links its shared connections, with the lead id.
  ownLinks: 'a[href*="shared-connections/"]',
} as const;

// Contact links that are not the person's website.
const SOCIAL = /(^|\.)(twitter|x|facebook|instagram|linkedin)\.com$/i;

export interface LeadCard {
  card: Element;
  legacy: boolean;
}

/** The subject's element, not one inside another person's block. */
const own = (card: Element, selector: string) =>
  [...card.querySelectorAll(selector)].find((el) => !el.parentElement?.closest(SEL.others) && txt(el));

export function findLeadCard(doc: Document, leadId: string): CardLookup<LeadCard> {
  const main = mainOf(doc);
  const modern = main.querySelector(SEL.card);
  const legacy = !modern || !own(modern, SEL.name);
  const card = legacy ? main.querySelector(SEL.legacyCard) : modern;
  // A card counts once the lead's name is rendered in it.
  if (!card || (legacy && !txt(card.querySelector(SEL.legacyName)))) return null;
  // Only the legacy card links its lead id; a card without it proves nothing (read-page decides).
  const ids = [...card.querySelectorAll(SEL.ownLinks)].map(
    (a) => /shared-connections\/([^,/?#]+)/.exec(a.getAttribute('href')!)?.[1],
  );
  const proven = ids.includes(leadId);
  return ids.length && !proven ? 'other-person' : { card: { card, legacy }, proven };
}

const positions = (blocks: Iterable<Element>, title: string, company: string): Position[] =>
  [...blocks].map((b) => ({
    role: txt(b.querySelector(title)),
    company: [...b.querySelectorAll(company)].map(txt).find(plain),
  }));

function readModern(doc: Document, card: Element): Reading {
  // One block per current role; the block may sit just below the card, in the main column.
  const scope = card.querySelector(SEL.role) ? card : mainOf(doc);
  const blocks = [...scope.querySelectorAll(SEL.role)].flatMap((b) => {
    const items = [...b.querySelectorAll('li')];
    return items.length ? items : [b];
  });
  // Only an unambiguous "View LinkedIn profile" link counts.
  const slugs = new Set(
    [...card.querySelectorAll(SEL.profileLink)]
      .filter((a) => !a.closest(SEL.others))
      .map((a) => slugOfHref(a.getAttribute('href')))
      .filter((s) => s !== null),
  );
  const [slug] = slugs;
  return {
    source: 'salesnav-topcard',
    name: txt(own(card, SEL.name)),
    headline: txt(own(card, SEL.headline)),
    location: txt(own(card, SEL.location)),
    positions: positions(blocks, SEL.title, SEL.company),
    profileUrl: slugs.size === 1 && slug ? canonicalProfileUrl(slug) : undefined,
  };
}

function readLegacy(card: Element): Reading {
  const reading: Reading = {
    source: 'salesnav-legacy-topcard',
    name: txt(card.querySelector(SEL.legacyName)),
    headline: txt(card.querySelector(SEL.legacyHeadline)),
    location: txt(card.querySelector(SEL.legacyLocation)),
    positions: positions(card.querySelectorAll(SEL.legacyPosition), SEL.legacyTitle, SEL.legacyCompany),
  };
  for (const a of card.querySelectorAll(SEL.legacyContact)) {
    const href = clean(a.getAttribute('href'));
    const site = externalUrl(href);
    if (/^mailto:/i.test(href)) reading.email ||= href.slice(7).split('?')[0];
    else if (/^tel:/i.test(href)) reading.phone ||= txt(a) || href.slice(4);
    else if (site && !SOCIAL.test(new URL(site).hostname)) reading.website ||= site;
  }
  return reading;
}

export const readLeadCard = (doc: Document, lead: LeadCard): Reading =>
  lead.legacy ? readLegacy(lead.card) : readModern(doc, lead.card);
