// Characters that never belong in a contact value yet can hide, fake or reorder
// what the user sees: C0/C1 controls, DEL, bidi embeddings, overrides, isolates
// and marks, zero-width and other invisible format characters. The reader
// strips them from every value; the request schemas refuse them, so a crafted
// page cannot smuggle them into Skipcall through the extension.
//
// Trade-offs, accepted: ZWJ (U+200D) also joins emoji sequences, so "👩‍💻" reads
// as "👩💻"; tag characters (U+E0000–E007F) also spell subdivision flags, which
// read as a plain black flag. Variation selectors stay (emoji presentation).
// No dependencies: the content script bundles this file.

// C0 controls (tab and line breaks aside), DEL, C1 controls, soft hyphen, Arabic
// letter mark, Mongolian vowel separator, zero-width space/joiners, LRM/RLM,
// bidi embeddings/overrides (202A–202E), word joiner and invisible operators,
// bidi isolates (2066–2069), deprecated format controls, BOM, interlinear
// annotations, tags.
const HIDDEN_RANGES =
  '\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f\\xad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}';

const HIDDEN = new RegExp(`[${HIDDEN_RANGES}]`, 'gu');

/**
 * Matches a value with no refused character, the pattern request schemas check
 * (zod `regex`). A value sent is one line: whitespace controls and line
 * separators are refused too.
 */
export const WITHOUT_REFUSED_CHARS = new RegExp(`^[^\\t\\n\\v\\f\\r\\u2028\\u2029${HIDDEN_RANGES}]*$`, 'u');
export const HIDDEN_CHARS_MESSAGE = 'must not contain control, bidi or invisible characters';

/** Removes hidden characters; whitespace controls stay for the caller's whitespace clean-up. */
export function stripHidden(text: string): string {
  return text.replace(HIDDEN, '');
}

/** True when a value holds a character no request may carry (hidden ones, tabs, line breaks). */
export function hasRefusedChars(text: string): boolean {
  return !WITHOUT_REFUSED_CHARS.test(text);
}
