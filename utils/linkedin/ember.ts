// Ember "voyager-web" profile page (2024, hashed classes next to the utility
// classes) and late Ember (2025: the h1 lost text-heading-xlarge). Reads stay in
// the subject's top card and the main column's Experience card; sidebars, nav
// and feed cards are never read.
import { hrefSlugs, linkOwner, lookupOf, mainOf, shown, txt } from './dom';
import { currentPositions, isDateLine } from './positions';
import { clean } from './text';
import type { CardLookup, Reading } from './types';

const SEL = {
  // ember-2024-full-en.html, ember-2025-fr.html: only the subject's card links these overlays.
  // ember-self-view.html: the member's own card links its edit views instead.
  ownLinks: 'a[href*="/overlay/about-this-profile"], a[href*="/overlay/contact-info"], a[href*="/in/"][href*="/edit/"]',
  // ember-2024-private.html (no about link): the h1 anchors the card.
  anchor: 'h1, .pv-top-card',
  // feed.html has an h1 too: without the subject's own links, one of these must show a profile card.
  marker:
    '[data-member-id], .pv-top-card, [data-generated-suggestion-target*="fsu_profileActionDelegate"], .pv-top-card-profile-picture__container',
  // ember-2024-full-en.html: the photo's title repeats the full name.
  photo: 'img[class*="pv-top-card-profile-picture__image"][title]',
  // every Ember fixture; the data attribute survives class renames.
  headline: '.text-body-medium.break-words, [data-generated-suggestion-target^="urn:li:fsu_profileActionDelegate"]',
  // every Ember fixture; ember-2024-private.html shows a bare country.
  location: '.text-body-small.inline.t-black--light.break-words',
  // ember-contact-overlay.html, and the location fallback (the text before this link).
  contactLink: 'a[href*="/overlay/contact-info"]',
  // ember-2024-stale-json.html: "Message Anne Sophie", "Anne Sophie has verifications".
  labelled: 'button[aria-label], [role="button"][aria-label], a[aria-label][href*="/overlay/about-this-profile"]',
  // ember-2024-stale-json.html: named mutual connections sit in a search link.
  otherPeople: 'a[href*="/search/"], a[href*="/in/"]:not([href*="/overlay/"])',
  // ember-2024-full-en.html, ember-2024-stale-json.html (grouped entry), ember-several-positions.html
  experience: '#experience',
  // ember-details-experience.html: /in/<slug>/details/experience/ lists entries without the anchor.
  detailsList: 'section [data-view-name="profile-component-entity"]',
  // Links a section makes to its owner's profile pages ("Show all", media viewer).
  sectionLinks: 'a[href*="/details/"], a[href*="/overlay/"]',
  // every Ember fixture: the shown copy of each text (a visually-hidden copy follows).
  texts: 'span[aria-hidden="true"]',
} as const;

// "Current company: Acme. Click to skip to experience card" (EN, seen);
// "Entreprise actuelle : Acme. Cliquez pour…" (FR, assumed: no French capture exists).
const CURRENT_COMPANY = /^(?:current company|entreprise actuelle)\s*:\s*(.+?)\.?(?:\s+(?:click|cliquez)\b.*)?$/i;

export function findEmberCard(doc: Document, slug: string): CardLookup<Element> {
  const main = mainOf(doc);
  const anchor = main.querySelector(SEL.ownLinks) ?? main.querySelector(SEL.anchor);
  const card = anchor?.closest('section');
  if (!card) return null;
  const slugs = hrefSlugs(card, SEL.ownLinks);
  if (!slugs.length && !card.matches(SEL.marker) && !card.querySelector(SEL.marker)) return null;
  return lookupOf(card, linkOwner(slugs, slug));
}

export function readEmberCard(card: Element): Reading[] {
  // Without the location classes: the text just before the contact-info link.
  const contact = card.querySelector(SEL.contactLink);
  const beforeContact = contact?.parentElement?.matches('span') ? contact.parentElement : contact;
  const company = [...card.querySelectorAll('button[aria-label]')]
    .map((b) => [b, CURRENT_COMPANY.exec(clean(b.getAttribute('aria-label')))?.[1]] as const)
    .find(([, label]) => label);
  return [
    {
      source: 'ember-topcard',
      name: shown(card.querySelector('h1')),
      headline: shown(card.querySelector(SEL.headline)),
      location: shown(card.querySelector(SEL.location)) || shown(beforeContact?.previousElementSibling),
      company: company && (txt(company[0]) || company[1]),
      hints: [...card.querySelectorAll(SEL.labelled)]
        .filter((el) => !el.closest(SEL.otherPeople))
        .map((el) => clean(el.getAttribute('aria-label'))),
    },
    { source: 'ember-topcard-photo', name: clean(card.querySelector(SEL.photo)?.getAttribute('title')) },
  ];
}

/**
 * Texts of an entry, title first ('' when missing). Ember puts the title in a div
 * and the other lines (company, dates, place) in spans, whatever the classes.
 */
function texts(root: Element, skip?: Element | null): string[] {
  const spans = [...root.querySelectorAll(SEL.texts)].filter((s) => !skip?.contains(s) && txt(s));
  const title = spans.find((s) => s.parentElement?.tagName !== 'SPAN' && !isDateLine(txt(s)));
  return [txt(title), ...spans.filter((s) => s !== title).map(txt)];
}

/**
 * Current positions from the Experience card of the main column, unless its links
 * name someone else. `slug`: the card's vanity slug when the URL holds a member token.
 */
export function readEmberExperience(doc: Document, slug: string, details = false): Reading | null {
  const main = mainOf(doc);
  const section = (main.querySelector(SEL.experience) ?? (details ? main.querySelector(SEL.detailsList) : null))?.closest('section');
  if (section && linkOwner(hrefSlugs(section, SEL.sectionLinks), slug).owner === 'other-person') return null;
  const list = section?.querySelector('ul');
  const items = [...(list?.children ?? [])];
  const positions = items.flatMap((item) => {
    const nested = item.querySelector('ul');
    return currentPositions(texts(item, nested), [...(nested?.children ?? [])].map((li) => texts(li)));
  });
  return { source: 'ember-experience', positions, allEnded: !positions.length && items.some((i) => texts(i).some(isDateLine)) };
}
