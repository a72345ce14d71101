// Read-only DOM helpers shared by the strategies. Nothing here writes to the page.
import { clean } from './text';
import type { CardLookup } from './types';
import { isMemberToken, isSelfAlias, slugOfHref } from './url';

export const txt = (el: Element | null | undefined): string => clean(el?.textContent);

/** Ember doubles texts in a visually-hidden span; the aria-hidden copy is the one shown. */
export const shown = (el: Element | null | undefined): string =>
  txt(el?.querySelector('span[aria-hidden="true"]') ?? el);

/** The main column (sidebars, nav and the SDUI sticky header are outside it). */
export const mainOf = (doc: Document): ParentNode => doc.querySelector('main') ?? doc.body ?? doc;

export const str = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');

/** Parses JSON without throwing (truncated blobs). */
export function parseJson(text: string | null | undefined): any {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/** Distinct profile slugs linked by the matching elements. */
export function hrefSlugs(root: ParentNode, selector: string): string[] {
  const slugs = new Set<string>();
  for (const el of root.querySelectorAll(selector)) {
    const slug = slugOfHref(el.getAttribute('href') ?? el.getAttribute('content'));
    if (slug) slugs.add(slug);
  }
  return [...slugs];
}

/** Whose profile links: the URL's person, someone else, or nobody known (no identifying link). */
export type LinkOwner = { owner: 'url-person' | 'unknown'; vanity?: string | undefined } | { owner: 'other-person' };

/**
 * Whose card (or data) its own profile links name. Links only the subject's
 * card carries (about-this-profile, contact-info, verification trigger) prove
 * whose card it is; none proves nothing: such a card may be a stale one left
 * by in-page navigation, and read-page decides whether it may be read.
 */
export function linkOwner(slugs: string[], urlSlug: string): LinkOwner {
  if (slugs.includes(urlSlug)) return { owner: 'url-person' };
  const vanity = slugs.find((s) => !isMemberToken(s));
  // /in/ACoAA… URLs (from Sales Navigator) show the vanity slug, which nothing on the page ties to the token.
  // So does /in/me/, the viewer's own profile.
  if (isMemberToken(urlSlug) || isSelfAlias(urlSlug)) return { owner: 'unknown', vanity };
  // A member token cannot be compared with a vanity slug; another vanity slug is another person.
  return vanity ? { owner: 'other-person' } : { owner: 'unknown' };
}

/** The card with its proof, or 'other-person'. */
export function lookupOf<T>(card: T, links: LinkOwner): CardLookup<T> {
  if (links.owner === 'other-person') return 'other-person';
  return { card, proven: links.owner === 'url-person', vanity: links.vanity };
}
