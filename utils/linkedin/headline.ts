// Role and company guessed from a headline ("X chez Y", "X at Y", "X @ Y",
// "X | Y"): the last resort when no position is shown.
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

/** `linked` tells an explicit "X at Y" from a weaker "X | Y". */
export function positionFromHeadline(headline: string | undefined): Position & { linked?: boolean } {
  const segments = stripEmoji(headline ?? '')
    .split(SEGMENTS)
    .map(clean)
    .filter((s) => s && !PAST.test(s));
  for (const segment of segments) {
    const m = AT.exec(segment);
    if (m) return { role: tidy(m[1]), company: tidy(m[2], true), linked: true };
  }
  // "X | Y" names a company only with exactly two parts; longer lists are keywords.
  return { role: tidy(segments[0]), company: segments.length === 2 ? tidy(segments[1], true) : undefined };
}
