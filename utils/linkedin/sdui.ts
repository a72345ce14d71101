// React "SDUI" flagship-web profile page (2026): no h1, hashed classes only.
// Stable anchors are componentkey / data-testid values; the top card lists
// paragraphs in a fixed order under the name, and Experience loads late.
import { hrefSlugs, linkOwner, lookupOf, mainOf, shown, txt } from './dom';
import { parseLocation } from './location';
import { currentPositions, isDateLine } from './positions';
import { clean, isPronoun } from './text';
import type { CardLookup, Reading } from './types';
import { normalizeSlug } from './url';

const SEL = {
  // sdui-2026-en.html, sdui-2026-fr.html: the card's componentkey ends with "Topcard".
  card: '[componentkey$="Topcard"]',
  // The verification trigger wraps the name and carries the slug.
  trigger: '[componentkey^="ProfileVerificationTriggerRef-"]',
  ownLinks: 'a[href*="/overlay/contact-info"], a[href*="/overlay/about-this-profile"], a[href*="/in/"][href*="/edit/"]',
  contactLink: 'a[href*="/overlay/contact-info"]',
  // Right-column entries; their fallback icon tells a company from a school.
  entry: '[role="button"]',
  companyIcon: 'svg[id^="company-"]',
  schoolIcon: 'svg[id^="school-"]',
  // sdui-2026-en.html (loaded), sdui-2026-fr.html (skeleton only).
  experience: '[componentkey$="ExperienceTopLevelSection"], [data-testid^="profile_ExperienceTopLevelSection"]',
  item: '[componentkey^="entity-collection-item"]',
  // The sticky header repeats name and headline (outside main); never read.
  sticky: '[role="toolbar"]',
} as const;

// Lines that are not information: separators, degree, premium/verified badges, pronouns (EN/FR),
// alone or several on one line ("She/Her · 2nd", "Elle · 3e et +", "Premium").
const BADGE = /^(?:(?:1st|2nd|3rd|1er|2e|3e)\+?(?: et \+)?|(?:linkedin )?premium|verified|vérifiée?|he|she|they|il|elle|iels?|lui)$/i;
const isNotInfo = (line: string): boolean => {
  const parts = line.replace(/[()]/g, ' ').split(/\s*[·•|,]\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.every((part) => BADGE.test(part) || isPronoun(part));
};

const memberRef = (el: Element | null, suffix: string) =>
  el?.getAttribute('componentkey')?.match(new RegExp(`ref(.+)${suffix}$`))?.[1];

export const isSduiPage = (doc: Document): boolean =>
  !!doc.querySelector(`${SEL.card}, ${SEL.trigger}, [data-sdui-screen]`);

export function findSduiCard(doc: Document, slug: string): CardLookup<Element> {
  const main = mainOf(doc);
  // The card, or failing that the section around the name trigger; never inside the sticky header.
  const found = [...main.querySelectorAll(`${SEL.card}, ${SEL.trigger}`)].find((el) => !el.closest(SEL.sticky));
  const card = found?.matches(SEL.card) ? found : found?.closest('section');
  if (!card) return null;
  const slugs = hrefSlugs(card, SEL.ownLinks);
  for (const el of card.querySelectorAll(SEL.trigger)) {
    slugs.push(normalizeSlug(el.getAttribute('componentkey')!.replace(/^[^-]*-/, '')));
  }
  return lookupOf(card, linkOwner(slugs, slug));
}

export function readSduiCard(card: Element): Reading {
  // Paragraphs in order: pronoun?, headline, "Company · School", location, "·", Contact info.
  const ps = [...card.querySelectorAll('p')].filter((p) => !p.closest(`${SEL.entry}, a, ${SEL.sticky}`) && txt(p));
  const contactAt = ps.findIndex((p) => p.querySelector(SEL.contactLink));
  let lines = ps.slice(0, contactAt < 0 ? ps.length : contactAt).map(shown);
  lines = lines.filter((line) => !isPronoun(line) && !isNotInfo(line));
  const entries = [...card.querySelectorAll(SEL.entry)];
  const named = (icon: string) => entries.filter((e) => e.querySelector(icon)).map(txt).filter(Boolean);
  const schools = named(SEL.schoolIcon);
  // The "Company · School" line repeats the right-column entries; without entries it follows the headline.
  const labels = entries.map(txt);
  const split = (line: string) => line.split(/\s+[·•]\s+/).map(clean);
  let lineAt = lines.findIndex((line) => split(line).every((part) => labels.includes(part)));
  if (lineAt < 0 && !labels.some(Boolean) && lines.length > 2) lineAt = 1;
  // The location is the last line before the contact link; without the link, the first line that reads as a place.
  const candidates = lines.map((_, i) => (i > 0 && i !== lineAt ? i : -1)).filter((i) => i > 0);
  const placeAt =
    contactAt >= 0 ? (candidates.pop() ?? -1) : (candidates.find((i) => parseLocation(lines[i]).country) ?? -1);
  const parts = split(lines[lineAt] ?? '');
  // The company comes first; a lone school is not a company.
  const fromLine = parts.length === 2 || (schools.length && !schools.includes(parts[0]!)) ? parts[0] : undefined;
  return {
    source: 'sdui-topcard',
    name: txt(card.querySelector(`${SEL.trigger} h2`) ?? card.querySelector('h2')),
    headline: lines.find((_, i) => i !== lineAt && i !== placeAt),
    location: lines[placeAt],
    company: named(SEL.companyIcon)[0] ?? fromLine,
  };
}

const texts = (root: Element, skip?: Element | null) =>
  [...root.querySelectorAll('p')].filter((p) => !skip?.contains(p)).map(shown).filter(Boolean);

/** Current positions from the lazily loaded Experience card, when it is the same member's. */
export function readSduiExperience(doc: Document, card: Element): Reading | null {
  const section = mainOf(doc).querySelector(SEL.experience);
  const ref = memberRef(section, 'ExperienceTopLevelSection');
  const own = memberRef(card, 'Topcard');
  if (!section || (ref && own && ref !== own)) return null;
  const items = [...section.querySelectorAll(SEL.item)].filter((item) => !item.parentElement?.closest(SEL.item));
  const positions = items.flatMap((item) => {
    const nested = item.querySelector('ul');
    return currentPositions(texts(item, nested), [...(nested?.children ?? [])].map((li) => texts(li)));
  });
  return { source: 'sdui-experience', positions, allEnded: !positions.length && items.some((i) => texts(i).some(isDateLine)) };
}
