// Whose top card is it after in-page navigation? On a full load the server
// rendered the URL's person, so a card without identifying links is theirs.
// After LinkedIn's in-page navigation the previous person's card can stay on
// screen under the new URL: a card without proof is then read only when it is
// demonstrably not the previous person's. Pure: the content script says whom
// it read last.
import type { PageRead } from '../profile';
import { namesAlike } from './text';
import { normalizeSlug, parseLinkedInUrl } from './url';

export interface PreviousProfile {
  /** The page URL that profile was read at. */
  url: string;
  /** Its displayed name (first + last name read). */
  name?: string;
}

export interface ReadContext {
  /** The last profile read on this tab; ignored when it is the URL's person. */
  previous?: PreviousProfile;
}

/** Who a URL is about: `in:<slug>`, `lead:<id>`, or undefined. */
function personOf(url: string): string | undefined {
  const page = parseLinkedInUrl(url);
  if (page.kind === 'profile') return `in:${page.slug}`;
  if (page.kind === 'salesnav-lead') return `lead:${page.leadId}`;
  return undefined;
}

/**
 * Whether a top card without identifying links may be read as the URL's person:
 * yes on a first load (no previous person) or when the previous person is the
 * URL's; otherwise only when its displayed name differs from the previous
 * person's. A card showing the previous person's vanity slug never may.
 */
export function mayReadUnproven(
  url: string,
  shownName: string,
  vanity: string | undefined,
  context: ReadContext | undefined,
): boolean {
  const previous = context?.previous;
  if (!previous) return true;
  const before = personOf(previous.url);
  if (before && before === personOf(url)) return true;
  if (vanity && before === `in:${normalizeSlug(vanity)}`) return false;
  return !!previous.name && !!shownName && !namesAlike(shownName, previous.name);
}

/** What the content script keeps of a read for the next navigation's context; undefined unless a profile. */
export function previousOf(read: PageRead): PreviousProfile | undefined {
  if (read.state !== 'profile') return undefined;
  const name = [read.profile.firstName?.value, read.profile.lastName?.value].filter(Boolean).join(' ');
  return name ? { url: read.url, name } : { url: read.url };
}
