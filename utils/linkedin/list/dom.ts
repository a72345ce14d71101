// Read-only helpers shared by the list strategies.
import { txt } from '../dom';
import { clean } from '../text';

/** The first matching element's text (aria-hidden copy first: Ember doubles texts for screen readers). */
export function textOf(root: Element, selectors: string): string {
  for (const selector of selectors.split(/\s*;\s*/)) {
    const el = root.querySelector(selector);
    if (!el) continue;
    const value = txt(el.querySelector('span[aria-hidden="true"]') ?? el);
    if (value) return value;
  }
  return '';
}

/** Rows that name no one: LinkedIn hides out-of-network people behind this label (EN/FR). */
export const ANONYMOUS = /^(?:linkedin member|membre de linkedin|membre linkedin|utilisateur linkedin)$/i;

/** Promoted rows ("Sponsored", "Promoted", "Sponsorisé", "Promu"), marked by LinkedIn's ad hooks or label. */
export function isSponsored(row: Element): boolean {
  if (row.matches('[data-ad-banner], [data-is-sponsored="true"], [data-view-name*="sponsored" i], [data-view-name*="promo" i]')) return true;
  if (row.querySelector('[data-ad-banner], [data-view-name*="sponsored" i], [data-test-ad-badge]')) return true;
  for (const el of row.querySelectorAll('span, p, div')) {
    if (el.children.length) continue;
    if (/^(?:sponsored|promoted|sponsoris[ée]|promu|contenu sponsoris[ée])$/i.test(clean(el.textContent))) return true;
  }
  return false;
}

/** Outside the main result list: sidebars ("People also viewed"), nav, dialogs. */
export function isAside(el: Element): boolean {
  return !!el.closest('aside, nav, header, [role="dialog"], [role="complementary"], .scaffold-layout__aside');
}

/** The number of the results page shown, from the active pagination button; undefined when there is none. */
export function currentPageOf(doc: Document): number | undefined {
  const el = doc.querySelector(
    '.artdeco-pagination [aria-current="true"], .artdeco-pagination [aria-current="page"], nav[aria-label] [aria-current="true"], nav[aria-label] [aria-current="page"], [data-testid="pagination-controls-list"] [aria-current="true"]',
  );
  const n = Number(clean(el?.textContent).replace(/\D+/g, ''));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : undefined;
}
