// Value normalization shared by the diff (are two values the same?) and the
// matching (does this contact look like this person?).
import { stripHidden } from './hidden-chars';
import { canonicalLinkedInUrl } from './linkedin/url';

/**
 * Without controls, bidi and zero-width characters (hidden-chars.ts), Unicode
 * NFC, whitespace collapsed, trimmed: the form values are shown and sent in.
 */
export function cleanText(value: string | null | undefined): string {
  return stripHidden(value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** For comparing free text where case does not matter ("ACME" = "Acme"). */
export function foldText(value: string | null | undefined): string {
  return cleanText(value).toLocaleLowerCase('fr');
}

/**
 * For matching people and companies: no accents, no case, punctuation and
 * hyphens as spaces ("Jean-Baptiste Lefèbvre" = "jean baptiste lefebvre").
 */
export function foldName(value: string | null | undefined): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * For comparing URLs: LinkedIn profile and lead URLs in their canonical form;
 * other URLs without scheme, `www.`, query, hash or trailing slash.
 */
export function foldUrl(value: string | null | undefined): string {
  const text = cleanText(value);
  if (!text) return '';
  const linkedin = canonicalLinkedInUrl(text);
  if (linkedin) return linkedin.toLowerCase();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURI(url.pathname).replace(/\/+$/, '');
    return `${host}${url.port ? `:${url.port}` : ''}${path}`;
  } catch {
    return text.toLowerCase();
  }
}

export function foldEmail(value: string | null | undefined): string {
  return cleanText(value).toLowerCase();
}

/** Digits with a leading +, for comparing phone numbers written differently. */
export function foldPhone(value: string | null | undefined): string {
  const text = cleanText(value);
  const digits = text.replace(/\D/g, '');
  return text.startsWith('+') ? `+${digits}` : digits;
}
