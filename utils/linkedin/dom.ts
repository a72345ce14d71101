// Read-only DOM helpers shared by the strategies. Nothing here writes to the page.
import { clean } from './text';
import { isMemberToken, slugOfHref } from './url';

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

/**
 * Whether a card's own profile links name the URL's person. Links only the
 * subject's card carries (about-this-profile, contact-info, verification
 * trigger) prove whose card it is; none found proves nothing.
 */
export function checkSlug(slugs: string[], urlSlug: string): { ok: boolean; vanity?: string } {
  if (!slugs.length || slugs.includes(urlSlug)) return { ok: true };
  // /in/ACoAA… URLs (from Sales Navigator) show the vanity slug in the card.
  if (isMemberToken(urlSlug)) return { ok: true, vanity: slugs.find((s) => !isMemberToken(s)) };
  return { ok: false };
}
