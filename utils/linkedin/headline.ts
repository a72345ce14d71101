// Role and company named by a headline ("X chez Y", "X at Y", "X @ Y"): a role is taken
// from it only when the company is the current one read elsewhere.
import type { Position } from './positions';
import { clean, stripEmoji } from './text';

const SEGMENTS = /\s*(?:\|+|[•·]|\s\/\/\s)\s*/;
const AT = /^(.+?)(?:\s+(?:at|chez|bei|en|bij|presso)\s+|\s*@\s*)(.+)$/i;
// "Ex-…", "Former …", "Ancien …": not a current position.
const PAST = /^(?:ex\b|former|ancien|previously)/i;

function tidy(text: string | undefined, company?: boolean): string | undefined {
  // A company ends where a tagline starts ("Acme - Building the future", "Acme (ex-Foo)").
  const value = clean(company ? text?.replace(/\s+[-–—]\s.*$|\s\(.*$/, '') : text).replace(
    /^[-–—,;:.\s]+|[-–—,;:.\s]+$/g,
    '',
  );
  return value && value.length <= 120 ? value : undefined;
}

/**
 * "<title> at/chez/bei/en/@ <company>": the only form read-page accepts, and only when the
 * company is the current one read elsewhere (a headline is not a job title).
 */
export function positionFromHeadline(headline: string | undefined): Position {
  for (const segment of stripEmoji(headline ?? '').split(SEGMENTS)) {
    const m = PAST.test(clean(segment)) ? null : AT.exec(clean(segment));
    if (m) return { role: tidy(m[1]), company: tidy(m[2], true) };
  }
  return {};
}
