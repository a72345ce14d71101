// LinkedIn URL forms → what the page is about, and the canonical profile URLs
// used for matching and diffing. Tolerant of every form users paste or pages
// link: country hosts, http, no scheme, relative hrefs, trailing slash,
// /overlay/…, query, percent-encoding, uppercase, SN search context.

export type LinkedInPage =
  | { kind: 'profile'; slug: string }
  | { kind: 'salesnav-lead'; leadId: string; authType?: string; authToken?: string }
  | { kind: 'authwall' }
  | { kind: 'checkpoint' }
  | { kind: 'other' };

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;
/** Member tokens (`ACoAA…`, `ACwAA…`) are case-sensitive; vanity slugs are not. */
const MEMBER_TOKEN = /^AC[a-zA-Z]AA/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses absolute, protocol-relative, scheme-less (`linkedin.com/in/x`) and root-relative (`/in/x`) forms. */
export function parseUrl(input: string): URL | null {
  let s = input.trim();
  if (s.startsWith('//')) s = `https:${s}`;
  else if (s.startsWith('/')) s = `https://www.linkedin.com${s}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) s = `https://${s}`;
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

export function isMemberToken(slug: string): boolean {
  return MEMBER_TOKEN.test(slug);
}

/** The comparable form of a profile slug: decoded, trimmed, lowercased unless it is a member token. */
export function normalizeSlug(raw: string): string {
  const slug = safeDecode(raw).trim();
  return isMemberToken(slug) ? slug : slug.toLowerCase();
}

export function parseLinkedInUrl(input: string): LinkedInPage {
  const url = parseUrl(input);
  if (!url || !/^https?:$/.test(url.protocol) || !LINKEDIN_HOST.test(url.hostname)) return { kind: 'other' };
  const path = url.pathname;
  if (/^\/(authwall|uas\/login|login|signup)(\/|$)/i.test(path)) return { kind: 'authwall' };
  if (/^\/checkpoint\//i.test(path)) return { kind: 'checkpoint' };
  const profile = /^\/in\/([^/?#]+)/i.exec(path);
  if (profile?.[1]) {
    const slug = normalizeSlug(profile[1]);
    if (slug) return { kind: 'profile', slug };
  }
  const lead = /^\/sales\/(?:lead|people)\/([^/?#]+)/i.exec(path);
  if (lead?.[1]) {
    // The id, authType and token are comma-separated, sometimes with the commas encoded.
    const [id, authType, authToken] = safeDecode(lead[1]).split(',').map((part) => part.trim());
    if (id) {
      return {
        kind: 'salesnav-lead',
        leadId: id,
        ...(authType ? { authType } : {}),
        ...(authToken ? { authToken } : {}),
      };
    }
  }
  return { kind: 'other' };
}

/**
 * The profile sub-page a URL shows ("details/experience", "recent-activity/all"), or undefined
 * on the profile itself (its overlays and edit views included).
 */
export function profileSubPage(input: string): string | undefined {
  const url = parseUrl(input);
  const rest = url && /^\/in\/[^/?#]+\/([^?#]+)/i.exec(url.pathname)?.[1]?.replace(/\/+$/, '');
  return rest && !/^(?:overlay|edit)(?:\/|$)/i.test(rest) ? rest.toLowerCase() : undefined;
}

/** `/in/me/` stands for the viewer's own profile: the page names the real slug. */
export const isSelfAlias = (slug: string): boolean => slug === 'me';

export function canonicalProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(normalizeSlug(slug))}`;
}

export function canonicalSalesUrl(leadId: string): string {
  return `https://www.linkedin.com/sales/lead/${encodeURIComponent(safeDecode(leadId).trim())}`;
}

/** Canonical form of any LinkedIn profile or lead URL, or null when it is neither. */
export function canonicalLinkedInUrl(input: string): string | null {
  const page = parseLinkedInUrl(input);
  if (page.kind === 'profile') return canonicalProfileUrl(page.slug);
  if (page.kind === 'salesnav-lead') return canonicalSalesUrl(page.leadId);
  return null;
}

/** The profile slug an href points to (`/in/<slug>/…` on any LinkedIn host), or null. */
export function slugOfHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const page = parseLinkedInUrl(href);
  return page.kind === 'profile' ? page.slug : null;
}

/** Decodes a percent-encoded scheme and host ("https%3A%2F%2Fsite%2Ecom%2Fa") until they read plainly. */
function decodeHead(raw: string): string {
  for (let i = 0; i < 4; i++) {
    const head = /^(?:[a-z][a-z0-9+.-]*(?::|%3A)(?:\/\/|%2F%2F))?[^/?#]*/i.exec(raw)![0];
    if (!/%[0-9a-f]{2}/i.test(head)) break;
    const decoded = safeDecode(head);
    if (decoded === head) break;
    raw = decoded + raw.slice(head.length);
  }
  return raw;
}

/**
 * The target of a LinkedIn outbound link (`/redir/redirect?url=…`, `/safety/go?url=…`, nested,
 * percent-encoded more than once, dots as %2E), or the href itself when it is an external
 * http(s) URL. Anything else (javascript:, data:, LinkedIn pages) is not a website.
 */
export function externalUrl(href: string | null | undefined): string | undefined {
  let raw = decodeHead((href ?? '').trim());
  for (let hops = 0; hops < 5; hops++) {
    const url = parseUrl(raw);
    if (!url || !/^https?:$/.test(url.protocol)) return undefined;
    if (!LINKEDIN_HOST.test(url.hostname)) {
      if (!url.hostname.includes('.') || url.username || url.password) return undefined;
      // Keep the form the person wrote (no added trailing slash), with a scheme.
      return /^https?:\/\//i.test(raw) ? raw : url.href;
    }
    if (!/^\/(?:redir\/redirect|safety\/go)\/?$/i.test(url.pathname)) return undefined;
    raw = decodeHead((url.searchParams.get('url') ?? '').trim());
  }
  return undefined;
}
